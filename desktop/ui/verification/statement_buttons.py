"""Printing and saving the statement of verification, as the services make it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.domain.errors import CountDeskError
from desktop.ui.context import UiContext
from desktop.ui.printing import ask_for_printer, print_pdf, printed_where
from desktop.ui.saving import ask_pdf_path, not_saved, write_pdf


class StatementButtons(QWidget):
    """**Print statement…** and **Save statement as PDF…** for the contest shown."""

    #: What was done, or why not (the words, and whether they tell of a problem).
    said = Signal(str, bool)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest_id: str | None = None
        self._area = ""
        self.print_button = QPushButton("&Print statement…")
        self.print_button.setAccessibleName("Print the statement of verification")
        self.print_button.setToolTip("Print the statement of verification, as saved as PDF.")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button = QPushButton("Save statement &as PDF…")
        self.save_button.setAccessibleName("Save the statement of verification as a PDF file")
        self.save_button.setToolTip("Save the statement of verification as a PDF file.")
        self.save_button.clicked.connect(self._on_save_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)

    def set_contest(self, contest_id: str | None, area: str) -> None:
        """The statement is of this contest (in this area)."""
        self._contest_id = contest_id
        self._area = area

    def statement_pdf(self) -> bytes | None:
        """The statement of verification as PDF bytes (None, with the reason said, if refused)."""
        if self._contest_id is None:
            return None
        try:
            return self._ctx.desk.verification_pdf(self._contest_id)
        except CountDeskError as error:
            self.said.emit(f"✖ The statement could not be made. {error}", True)
            return None

    def save_statement(self, path: str | Path | None = None) -> str | None:
        """Write the statement of verification to ``path`` (asking where if None)."""
        pdf = self.statement_pdf()
        if pdf is None:
            return None
        if path is None:
            path = ask_pdf_path(
                self,
                "Save the statement of verification as PDF",
                f"verification-{self._contest_id}.pdf",
            )
            if path is None:
                return None
        problem = write_pdf(path, pdf)
        if problem is not None:
            self.said.emit(f"✖ {not_saved('The statement', path, problem)}", True)
            return None
        self.said.emit(f"Saved the statement of verification to {path}.", False)
        return str(path)

    def print_statement(self) -> bool:
        """Ask for a printer and print the statement of verification; True if printed."""
        pdf = self.statement_pdf()
        if pdf is None:
            return False
        printer = ask_for_printer(
            self,
            f"Statement of verification – {self._area}",
            "Print the statement of verification",
        )
        if printer is None:
            return False
        problem = print_pdf(pdf, printer)
        if problem:
            self.said.emit(f"✖ {problem}", True)
            return False
        self.said.emit(f"Printed the statement of verification to {printed_where(printer)}.", False)
        return True

    def _on_print_clicked(self) -> None:
        self.print_statement()

    def _on_save_clicked(self) -> None:
        self.save_statement()
