"""Running a night dialog modally (replaced in tests) and reading what it recorded."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
)


def exec_dialog(dialog: QDialog) -> bool:
    """Run a dialog modally; True if it was accepted (replaced in tests)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def run_dialog(dialog: QDialog, attribute: str) -> Any:
    """Run the dialog; what it recorded (its ``attribute``), or None if cancelled."""
    try:
        if not exec_dialog(dialog):
            return None
        return getattr(dialog, attribute)
    finally:
        dialog.deleteLater()
