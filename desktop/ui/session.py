"""The contest open in the window, read once per change."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.domain.model import Contest, Election
from desktop.services import CountDesk
from desktop.ui.context import ContestEvents


class ContestSession(QObject):
    """Holds the open contest's row, its election and whether a count stands.

    When a view says the contest's setup or counts changed, the session reads the row (and
    whether a count stands) once, and tells the window with ``events.contest_changed`` only if
    something it shows is different: the header, the navigator's row and the menus all follow
    from that one read, and a figure keyed in reads nothing here at all.
    """

    def __init__(self, desk: CountDesk, events: ContestEvents, parent: QObject | None = None):
        super().__init__(parent)
        self._desk = desk
        self._events = events
        self.contest: Contest | None = None
        self.election: Election | None = None
        #: Whether a count has been recorded for the open contest.
        self.counted = False
        events.setup_changed.connect(self._on_setup_changed)
        events.count_changed.connect(self._on_count_changed)

    def open(self, contest_id: str) -> Contest:
        """Read the contest to be shown (CountDeskError if there is none with that id)."""
        contest = self._desk.contest(contest_id)
        if self.election is None or self.election.id != contest.election_id:
            self.election = self._desk.election_of(contest)
        self.contest = contest
        self.counted = self._desk.latest_count(contest_id) is not None
        return contest

    def _on_setup_changed(self, contest_id: str) -> None:
        self._read_again(contest_id, election=True)

    def _on_count_changed(self, contest_id: str) -> None:
        self._read_again(contest_id, election=False)

    def _read_again(self, contest_id: str, *, election: bool) -> None:
        if self.contest is None or contest_id != self.contest.id:
            return
        contest = self._desk.contest(contest_id)
        counted = self._desk.latest_count(contest_id) is not None
        changed = contest != self.contest or counted != self.counted
        if election:
            read = self._desk.election_of(contest)
            changed = changed or read != self.election
            self.election = read
        self.contest = contest
        self.counted = counted
        if changed:
            self._events.contest_changed.emit(contest)
