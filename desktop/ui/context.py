"""What every view of the window shares: the services, the undo stack, who is at the keyboard,
and the signals that tell views a contest changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk


class ContestEvents(QObject):
    """What changed, by contest id: each view listens to what it shows, and no more.

    One figure keyed in announces nothing (the count view already holds the draft the save
    returned), unless the figures stop or start again matching the count that stands
    (``night_changed``); recording a count, a recount, lots or a declaration is ``count_changed``;
    candidates and facts are ``setup_changed``. The window's ContestSession reads the open
    contest's row once per such change and announces it with ``contest_changed``.
    """

    #: Candidates or facts of the contest changed (names, seats, electorate, officer …).
    setup_changed = Signal(str)
    #: The recorded counts or the night's records (recounts, lots, acknowledgements, stages,
    #: declarations) changed, or a figure of the count that the stages look at.
    count_changed = Signal(str)
    #: Something the stages of the night look at changed without a count being recorded: the
    #: figures keyed in now differ from, or again match, the count that stands.
    night_changed = Signal(str)
    #: The open contest's row as read once after a change (its name, seats, status, facts).
    contest_changed = Signal(object)
    #: Elections or contests were created (the navigator rebuilds).
    contests_changed = Signal()

    def announce(self, contest_id: str) -> None:
        """Tell every view the contest changed as a whole: its facts, status and counts."""
        self.setup_changed.emit(contest_id)
        self.count_changed.emit(contest_id)


@dataclass
class UiContext:
    """The services and shared state handed to every view."""

    desk: CountDesk
    undo_stack: QUndoStack
    events: ContestEvents
    operator: Callable[[], str]


def show_refusal(parent: QWidget | None, title: str, error: CountDeskError) -> None:
    """Tell the user, in the words of the refusal, why an action did not happen."""
    QMessageBox.warning(parent, title, str(error))
