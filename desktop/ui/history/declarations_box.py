"""The History tab's declarations, each PDF kept byte for byte as it was declared, to open in
the desktop's PDF viewer or save."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.records import Declaration
from desktop.domain.wording import clock_time, time_in_words
from desktop.services.night import ContestHistory
from desktop.ui.context import UiContext
from desktop.ui.history import words
from desktop.ui.history.words import declaration_file_name, declaration_heading, declaration_kind
from desktop.ui.layouts import clear_layout
from desktop.ui.saving import ask_pdf_path, not_saved, write_pdf


class DeclarationsBox(QGroupBox):
    """The declarations: when, by whom, of which count; an **Open** and a **Save as PDF…**
    button for each."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__("Declarations", parent)
        self.setAccessibleName("Declarations")
        self._ctx = ctx
        self._contest_id: str | None = None
        self._declarations: tuple[Declaration, ...] = ()
        self._temp_dir: str | None = None
        self.labels: list[QLabel] = []
        self.buttons: list[tuple[QPushButton, QPushButton]] = []
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.empty = QLabel("Not declared yet.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.host)

    def fill(
        self, contest_id: str, history: ContestHistory, declarations: tuple[Declaration, ...]
    ) -> None:
        """Show these declarations of the contest (or say it is not declared yet)."""
        self._contest_id, self._declarations = contest_id, declarations
        clear_layout(self.grid)
        self.labels, self.buttons = [], []
        numbers = {record.count.id: record.count.number for record in history.counts}
        for index, declaration in enumerate(declarations):
            kind = declaration_kind(declaration)
            number = numbers.get(declaration.count_id)
            declares = f", of count {number}" if number is not None else ""
            text = (
                f"{declaration_heading(declaration)}{declares}: "
                f"{time_in_words(declaration.declared_at)}, "
                f"by {declaration.officer} (recorded by {declaration.operator})"
            )
            if declaration.reason:
                text += f". Reason: {declaration.reason}"
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            at = clock_time(declaration.declared_at)
            open_button = QPushButton("Open")
            open_button.setAccessibleName(f"Open the {kind} of {at}")
            open_button.setToolTip(f"Open the {kind} exactly as it was declared.")
            open_button.clicked.connect(lambda _c=False, i=index: self.open_declaration(i))
            save_button = QPushButton("Save as PDF…")
            save_button.setAccessibleName(f"Save the {kind} of {at} as a PDF file")
            save_button.setToolTip(f"Save the {kind} exactly as it was declared.")
            save_button.clicked.connect(lambda _c=False, i=index: self.save_declaration(i))
            self.grid.addWidget(label, index, 0)
            self.grid.addWidget(open_button, index, 1)
            self.grid.addWidget(save_button, index, 2)
            self.labels.append(label)
            self.buttons.append((open_button, save_button))
        has = bool(declarations)
        self.host.setVisible(has)
        self.empty.setVisible(not has)

    def forget(self) -> None:
        """Forget the contest's declarations: none can be opened or saved until filled again."""
        self._contest_id, self._declarations = None, ()

    def declaration_pdf(self, index: int) -> bytes:
        """The PDF of a kept declaration, byte for byte as it was declared (0 is the first)."""
        assert self._contest_id is not None
        return self._ctx.desk.kept_declarations(self._contest_id)[index].pdf

    def save_declaration(self, index: int, path: str | None = None) -> str | None:
        """Write a kept declaration's PDF to ``path`` (asking where if None); the path, or None."""
        if self._contest_id is None:
            return None
        declaration = self._declarations[index]
        if path is None:
            path = ask_pdf_path(
                self,
                f"Save the {declaration_kind(declaration)} as PDF",
                declaration_file_name(self._contest_id, declaration, index),
            )
            if path is None:
                return None
        try:
            problem = write_pdf(path, self.declaration_pdf(index))
        except CountDeskError as exc:
            problem = str(exc)
        if problem is not None:
            QMessageBox.warning(
                self, "Not saved", not_saved(f"The {declaration_kind(declaration)}", path, problem)
            )
            return None
        return path

    def open_declaration(self, index: int) -> str | None:
        """Open a kept declaration in the desktop's PDF viewer; the temporary file, or None."""
        if self._contest_id is None:
            return None
        declaration = self._declarations[index]
        if self._temp_dir is None:
            self._temp_dir = tempfile.mkdtemp(prefix="countdesk-declarations-")
        path = str(
            Path(self._temp_dir) / declaration_file_name(self._contest_id, declaration, index)
        )
        problem = write_pdf(path, self.declaration_pdf(index))
        if problem is not None:
            QMessageBox.warning(
                self,
                "Not opened",
                f"The {declaration_kind(declaration)} could not be written for viewing "
                f"({problem}): save it as PDF instead.",
            )
            return None
        if not words.open_file(path):
            QMessageBox.warning(
                self,
                "Not opened",
                f"No PDF viewer opened the {declaration_kind(declaration)}: save it as PDF "
                "instead, and open the file from its folder.",
            )
            return None
        return path
