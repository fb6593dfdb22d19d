"""Adding a candidate, and asking before one is removed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class NewCandidateDialog(QDialog):
    """Asks for a new candidate's surname (required), forenames and description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a candidate")
        self.surname_edit = QLineEdit()
        self.surname_edit.setAccessibleName("Surname")
        self.surname_edit.setPlaceholderText("As on the nomination paper")
        self.forenames_edit = QLineEdit()
        self.forenames_edit.setAccessibleName("Forenames")
        self.description_edit = QLineEdit()
        self.description_edit.setAccessibleName("Description")
        self.description_edit.setPlaceholderText("Party or description, Independent, or blank")
        form = QFormLayout()
        for text, widget in (
            ("&Surname (required)", self.surname_edit),
            ("&Forenames", self.forenames_edit),
            ("&Description", self.description_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.surname_edit.textChanged.connect(self._on_surname_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, str]:
        """The keyword arguments for ``CountDesk.add_candidate`` (all but contest and operator)."""
        return {
            "surname": self.surname_edit.text(),
            "forenames": self.forenames_edit.text(),
            "description": self.description_edit.text(),
        }

    def _on_surname_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))


def ask_new_candidate(parent: QWidget | None) -> dict[str, str] | None:
    """Ask for a new candidate's names; None if cancelled (replaced in tests)."""
    dialog = NewCandidateDialog(parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.values()
        return None
    finally:
        dialog.deleteLater()


def confirm_removal(parent: QWidget | None, candidate_name: str, area: str) -> bool:
    """Ask whether to remove this candidate (QMessageBox.question; replaced in tests)."""
    answer = QMessageBox.question(
        parent,
        "Remove candidate",
        f"Remove {candidate_name} from the candidates of {area}?\n\n"
        "You can undo this with Edit → Undo (Ctrl+Z).",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
