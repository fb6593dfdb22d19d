"""The table of boxes."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableView,
)


class VerificationTable(QTableView):
    """The boxes table: Enter on a cell not being edited moves down to the next box."""

    #: Enter on a cell not being edited, on this row.
    entered = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
        ):
            self.entered.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)
