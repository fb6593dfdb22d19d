"""Running a dialog modally: one place, so that each screen's tests can replace it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def exec_dialog(dialog: QDialog) -> bool:
    """Run a dialog modally; True if it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted
