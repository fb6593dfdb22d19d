"""The tabs of the contest open: setup, verification, count, documents, history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTabWidget


class ContestTabs(QTabWidget):
    """The contest's tabs; tells the window when it is first painted (for the start-up benchmark)."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        super().paintEvent(event)
        self.painted.emit()
