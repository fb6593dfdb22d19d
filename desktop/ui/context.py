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
    """Signals carrying a contest id: views refresh themselves when they hear them."""

    #: Candidates or facts of the contest changed (names, seats, electorate, officer …).
    setup_changed = Signal(str)
    #: Figures of the count being keyed in, or the recorded counts, changed.
    count_changed = Signal(str)
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
