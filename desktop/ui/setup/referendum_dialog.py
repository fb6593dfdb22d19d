"""Correcting a referendum's question and answers to the ballot paper's, before the count."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError


class ReferendumDialog(QDialog):
    """Asks for the question and the answers (one a line, in the ballot paper's order).

    ``save`` is called with the question and the answers when Save is pressed; if it raises
    CountDeskError the refusal is shown and the dialog stays open, nothing saved.
    """

    def __init__(
        self,
        question: str,
        answers: list[str],
        save: Callable[[str, list[str]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle("Correct the question and answers")
        self.question_edit = QPlainTextEdit(question)
        self.question_edit.setAccessibleName("Question")
        self.question_edit.setTabChangesFocus(True)
        self.answers_edit = QPlainTextEdit("\n".join(answers))
        self.answers_edit.setAccessibleName("Answers, one a line, in the ballot paper's order")
        self.answers_edit.setTabChangesFocus(True)
        form = QFormLayout()
        for text, widget in (
            ("&Question", self.question_edit),
            ("A&nswers (one a line)", self.answers_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Why nothing was saved")
        self.message_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def values(self) -> tuple[str, list[str]]:
        """The question and the answers as typed (blank lines left out)."""
        answers = [a for a in self.answers_edit.toPlainText().splitlines() if a.strip()]
        return self.question_edit.toPlainText().strip(), answers

    def accept(self) -> None:  # Qt override
        """Save both; on refusal say why and stay open."""
        try:
            self._save(*self.values())
        except CountDeskError as exc:
            self.message_label.setText(f"Nothing was saved. {exc}")
            self.message_label.show()
            return
        super().accept()
