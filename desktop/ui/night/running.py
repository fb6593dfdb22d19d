"""Running a night dialog and reading what it recorded.

Every night dialog is run through this module's ``exec_dialog``, so that tests replace it in
one place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from desktop.ui.dialogs import exec_dialog


def run_dialog(dialog: QDialog, attribute: str) -> Any:
    """Run the dialog; what it recorded (its ``attribute``), or None if cancelled."""
    try:
        if not exec_dialog(dialog):
            return None
        return getattr(dialog, attribute)
    finally:
        dialog.deleteLater()
