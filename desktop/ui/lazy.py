"""Views that read their contest again only when they are seen.

Counting fires a change on every accepted figure; a page that is not on screen only notes that
it is out of date, and reads (or renders) again when shown. A document or a history on screen
reads again once per burst of changes; the verification, whose rows the keyboard works on,
reads again at once.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.context import UiContext


class ContestPage(QWidget):
    """A contest's page that refreshes lazily: subclasses implement ``refresh()``."""

    #: Whether a change heard while on screen is shown at once rather than after the burst.
    refresh_at_once = False

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest_id: str | None = None
        self._stale = True
        # A zero-length single shot merges a burst of changes into one refresh.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._on_refresh_due)
        ctx.events.count_changed.connect(self._on_contest_changed)
        ctx.events.setup_changed.connect(self._on_contest_changed)
        ctx.events.contests_changed.connect(self._on_contests_changed)

    @property
    def contest_id(self) -> str | None:
        """The contest shown, if any."""
        return self._contest_id

    def refresh(self) -> None:
        """Read the contest again and show it (subclasses)."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Refresh if the page went out of date while it was hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_contest_changed(self, contest_id: str) -> None:
        """A contest's count or set-up changed: if it is ours, the page is out of date."""
        if contest_id == self._contest_id:
            self._mark_stale()

    def _on_contests_changed(self) -> None:
        """Contests were created or removed: check that ours still stands."""
        if self._contest_id is not None:
            self._mark_stale()

    def _on_refresh_due(self) -> None:
        """Refresh now that the burst of changes is over."""
        if self._stale and self.isVisible():
            self.refresh()

    def _mark_stale(self) -> None:
        """Note the page is out of date; refresh soon if it is on screen."""
        self._stale = True
        if not self.isVisible():
            return
        if self.refresh_at_once:
            self.refresh()
        else:
            self._refresh_timer.start()
