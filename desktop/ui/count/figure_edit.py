"""A field for one figure of the count, and the row it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


class FigureEdit(QLineEdit):
    """A field for one figure: Enter accepts it and moves to the next field."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(24)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 11 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if not self.isVisible():
            event.ignore()  # a field out of sight never takes a figure
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
            return
        super().keyPressEvent(event)


@dataclass
class FigureRow:
    """One line of the entry form: what it is, its fields, and the figure saved for it."""

    kind: str  # "votes", "rejected" or "papers"
    key: int | str | None
    what: str
    name: str
    edit: FigureEdit
    message: QLabel
    saved: int | None = None
    typed: int | None = None
    invalid: bool = False
    bundles: FigureEdit | None = None
    part: FigureEdit | None = None
    extra: dict[str, int | None] = field(default_factory=dict)


def say(row: FigureRow, text: str) -> None:
    """Show (or hide, when empty) the words beside a field saying why its figure was refused."""
    row.message.setText(text)
    row.message.setVisible(bool(text))


def focus_field(edit: FigureEdit | None) -> None:
    """Put the keyboard in this field, its figure selected for typing over."""
    if edit is not None:
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        edit.selectAll()
