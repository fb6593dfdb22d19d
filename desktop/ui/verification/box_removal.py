"""Asking before a box listed by mistake is removed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_box_removal(parent: QWidget | None, reference: str, name: str, area: str) -> bool:
    """Ask whether to remove this box (QMessageBox.question; replaced in tests)."""
    answer = QMessageBox.question(
        parent,
        "Remove box",
        f"Remove box {reference} ({name}) from the verification of {area}?\n\n"
        "Its papers issued and any papers counted go with it; the audit log keeps them. "
        "This cannot be undone with Ctrl+Z: import the box again to put it back.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
