"""Acknowledging a warning that blocks the next stage, with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.findings import Finding


class AcknowledgeDialog(QDialog):
    """Asks a supervisor for the reason a warning is acknowledged (required: it is audited)."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        warning = str(finding.figures.get("warning", finding.code))
        self.setWindowTitle(f"Acknowledge warning {warning}")
        about = QLabel(finding.message)
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label = QLabel("&Reason (required; kept in the audit log with your name):")
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(f"Reason for acknowledging {warning}")
        self.reason_edit.setPlaceholderText("e.g. The presiding officer's account was miscounted")
        label.setBuddy(self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Acknowledge")
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def reason(self) -> str:
        """The reason typed."""
        return self.reason_edit.text().strip()

    def _on_reason_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))


def ask_acknowledgement_reason(parent: QWidget | None, finding: Finding) -> str | None:
    """Ask why a blocking warning is acknowledged; None if cancelled (replaced in tests)."""
    dialog = AcknowledgeDialog(finding, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason():
            return dialog.reason()
        return None
    finally:
        dialog.deleteLater()
