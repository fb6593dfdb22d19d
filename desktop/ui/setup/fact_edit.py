"""The contest's facts (seats, electorate, papers verified...) as fields of the setup."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


class FactEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z to the window's undo when it has no typing of its own to undo."""

    def event(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
                event.ignore()
                return False
            if event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable():
                event.ignore()
                return False
        return super().event(event)


@dataclass(frozen=True)
class _Fact:
    """One field of the contest facts form."""

    key: str
    label: str
    accessible: str
    #: For figures, the words that name it in a refusal ("The electorate"); None for text.
    figure_what: str | None
    placeholder: str = ""


FACTS = (
    _Fact("electorate", "E&lectorate", "Electorate", "The electorate", "e.g. 79,373"),
    _Fact("seats", "Sea&ts", "Seats", "The number of seats"),
    _Fact(
        "ballot_papers_verified",
        "&Ballot papers verified",
        "Ballot papers verified",
        "The ballot papers verified",
        "The total from the statement of verification",
    ),
    _Fact("officer_name", "Declaring officer's na&me", "Declaring officer's name", None),
    _Fact("officer_title", "Officer's t&itle", "Officer's title", None),
    _Fact(
        "imprint_address",
        "Im&print address",
        "Imprint address",
        None,
        "The officer's address",
    ),
    _Fact("authority", "A&uthority", "Authority", None, "e.g. Kirklees Council"),
    _Fact("bundle_size", "Bundle si&ze", "Bundle size", "The bundle size", "Often 25 or 50"),
)
