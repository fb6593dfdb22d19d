"""The election overview as it is now, read again when the window saves a change or another
program (the command line, another station) writes to the database."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.errors import CountDeskError
from desktop.domain.overview import ElectionOverview
from desktop.services import CountDesk
from desktop.ui.context import ContestEvents

#: How often the database is asked whether another program wrote to it.
POLL_MS = 3000


class OverviewFeed(QObject):
    """Reads the overview while a screen shows it, and says when it changed (``updated``).

    Changes made in this window arrive as the window's own events; those made by another
    program are noticed by SQLite's data version, polled every few seconds. Nothing is read
    while no screen uses the feed.
    """

    updated = Signal(object)

    def __init__(
        self,
        desk: CountDesk,
        events: ContestEvents,
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._users = 0
        self.overview: ElectionOverview | None = None
        self._version = desk.overview.data_version()
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self._on_poll)
        # Several events of one save (setup and count changed) make one read, of the contests
        # they name only: one row, not the whole night, after each save.
        self._pending: set[str] = set()
        self._everything = False
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._on_soon)
        for signal in (events.setup_changed, events.count_changed, events.night_changed):
            signal.connect(self._on_changed)
        events.contests_changed.connect(self._on_contests_changed)

    def start_using(self) -> None:
        """A screen showing the overview opened: read it now, and keep it up to date."""
        self._users += 1
        if self._users == 1:
            self.poll.start()
            self.read()

    def stop_using(self) -> None:
        """A screen showing the overview closed; with none left, stop reading."""
        self._users = max(0, self._users - 1)
        if self._users == 0:
            self.poll.stop()

    @property
    def in_use(self) -> bool:
        """Whether any screen shows the overview."""
        return self._users > 0

    def read(self) -> None:
        """Read the overview now and announce it (the last one stays if the read is refused,
        e.g. while another program holds the file)."""
        self._version = self._desk.overview.data_version()
        try:
            self.overview = self._desk.overview.election()
        except CountDeskError:
            return
        self.updated.emit(self.overview)

    def _on_changed(self, contest_id: str) -> None:
        if self.in_use:
            self._pending.add(contest_id)
            self._soon.start()

    def _on_contests_changed(self) -> None:
        if self.in_use:
            self._everything = True
            self._soon.start()

    def _on_soon(self) -> None:
        """Read again the contests the window changed (everything, if contests were added)."""
        pending, self._pending = self._pending, set()
        everything, self._everything = self._everything, False
        overview = self.overview
        if everything or overview is None:
            self.read()
            return
        try:
            for contest_id in sorted(pending):
                overview = overview.with_row(self._desk.overview.contest(contest_id))
        except KeyError:  # a contest the overview does not hold yet
            self.read()
            return
        except CountDeskError:
            return
        self.overview = overview
        self.updated.emit(overview)

    def _on_poll(self) -> None:
        if self._desk.overview.data_version() != self._version:
            self.read()
