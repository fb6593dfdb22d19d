"""The History tab's errors found after the declaration, each with its memorandum.

A declared result is final: these records change nothing declared. Each memorandum (not a
declaration) can be opened in the desktop's PDF viewer or saved.
"""

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

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.errors import CountDeskError
from desktop.domain.wording import time_in_words
from desktop.ui.context import UiContext
from desktop.ui.history import words
from desktop.ui.layouts import clear_layout
from desktop.ui.saving import ask_pdf_path, not_saved, write_pdf

MEMORANDUM = "memorandum"


class ErrorsFoundBox(QGroupBox):
    """Errors found after the declaration: who found each, what, when; its memorandum."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__("Errors found after the declaration", parent)
        self.setAccessibleName("Errors found after the declaration")
        self._ctx = ctx
        self._contest_id: str | None = None
        self._errors: tuple[ErrorFound, ...] = ()
        self._temp_dir: str | None = None
        self.labels: list[QLabel] = []
        self.buttons: list[tuple[QPushButton, QPushButton]] = []
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.host)

    def fill(self, contest_id: str, errors: tuple[ErrorFound, ...]) -> None:
        """Show these records (the box is hidden when there are none)."""
        self._contest_id, self._errors = contest_id, errors
        clear_layout(self.grid)
        self.labels, self.buttons = [], []
        for index, error in enumerate(errors):
            label = QLabel(
                f"{index + 1}. Found by {error.found_by}, recorded at "
                f"{time_in_words(error.recorded_at)} by {error.operator}: {error.reason}. "
                "The declaration stands."
            )
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            open_button = QPushButton("Open memorandum")
            open_button.setAccessibleName(f"Open the memorandum of error {index + 1}")
            open_button.setToolTip(
                "Open the memorandum: not a declaration; the declaration stands."
            )
            open_button.clicked.connect(lambda _c=False, i=index: self.open_memorandum(i))
            save_button = QPushButton("Save as PDF…")
            save_button.setAccessibleName(f"Save the memorandum of error {index + 1} as a PDF file")
            save_button.clicked.connect(lambda _c=False, i=index: self.save_memorandum(i))
            self.grid.addWidget(label, index, 0)
            self.grid.addWidget(open_button, index, 1)
            self.grid.addWidget(save_button, index, 2)
            self.labels.append(label)
            self.buttons.append((open_button, save_button))
        self.setVisible(bool(errors))

    def memorandum_pdf(self, index: int) -> bytes:
        """The memorandum of error ``index`` (0 is the first) as PDF bytes."""
        assert self._contest_id is not None
        return self._ctx.desk.memorandum_pdf(self._contest_id, self._errors[index].id)

    def _file_name(self, index: int) -> str:
        at = self._errors[index].recorded_at.astimezone()
        return f"memorandum-{self._contest_id}-{at:%Y%m%d-%H%M}-{index + 1}.pdf"

    def save_memorandum(self, index: int, path: str | None = None) -> str | None:
        """Write a memorandum to ``path`` (asking where if None); the path, or None."""
        if self._contest_id is None:
            return None
        if path is None:
            path = ask_pdf_path(self, "Save the memorandum as PDF", self._file_name(index))
            if path is None:
                return None
        try:
            problem = write_pdf(path, self.memorandum_pdf(index))
        except CountDeskError as exc:
            problem = str(exc)
        if problem is not None:
            QMessageBox.warning(self, "Not saved", not_saved("The memorandum", path, problem))
            return None
        return path

    def open_memorandum(self, index: int) -> str | None:
        """Open a memorandum in the desktop's PDF viewer; the temporary file, or None."""
        if self._contest_id is None:
            return None
        if self._temp_dir is None:
            self._temp_dir = tempfile.mkdtemp(prefix="countdesk-memoranda-")
        path = str(Path(self._temp_dir) / self._file_name(index))
        problem = write_pdf(path, self.memorandum_pdf(index))
        if problem is None and words.open_file(path):
            return path
        QMessageBox.warning(
            self,
            "Not opened",
            "The memorandum could not be opened for viewing"
            + (f" ({problem})" if problem else "")
            + ": save it as PDF instead.",
        )
        return None
