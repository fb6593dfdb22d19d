"""The table of boxes, and how the keyboard moves through it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.verification.columns import COUNTED, EXPLANATION, ISSUED, NAME
from desktop.ui.verification.entry_delegate import EntryDelegate
from desktop.ui.verification.verification_table_model import VerificationTableModel


class VerificationTable(QTableView):
    """The boxes table: Enter saves and moves down to the next box; Tab goes on to the next
    cell to type in (Counted, then Explanation, row by row)."""

    #: Enter on a cell not being edited, on this row.
    entered = Signal(int)

    def __init__(self, model: VerificationTableModel) -> None:
        super().__init__()
        self._model = model
        self.setObjectName("verificationTable")
        self.setModel(model)
        self.setAccessibleName("Ballot boxes and postal batches")
        self.delegate = EntryDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.entered.connect(self.move_down)
        self.delegate.tabbed.connect(self.edit_next)
        self.entered.connect(self.move_down)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().hide()
        self.fit_rows()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
        ):
            self.entered.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # Measured once the new font has reached the headers and the cells too.
            QTimer.singleShot(0, self.fit_rows)
            QTimer.singleShot(0, self.fit_columns)
            QTimer.singleShot(0, self.fit_height)

    # -- sizes ---------------------------------------------------------------------------

    def fit_rows(self) -> None:
        """Rows a little taller than their text, so an editor is not cut."""
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)

    def fit_columns(self) -> None:
        """Columns as wide as their contents, with room to type a large figure."""
        header = self.horizontalHeader()
        for column in range(EXPLANATION):
            self.resizeColumnToContents(column)
        metrics = self.fontMetrics()
        # Room to type a large figure; long station names are elided (the tooltip has them).
        header.resizeSection(
            COUNTED, max(header.sectionSize(COUNTED), metrics.horizontalAdvance("000,000") + 24)
        )
        header.resizeSection(
            NAME, min(header.sectionSize(NAME), metrics.horizontalAdvance("x" * 28) + 12)
        )

    def fit_height(self) -> None:
        """No taller than its rows, so a refusal shows just under the last box."""
        rows = self.verticalHeader()
        height = (
            self.horizontalHeader().sizeHint().height()
            + rows.defaultSectionSize() * max(self._model.rowCount(), 3)
            + 2 * self.frameWidth()
            + self.horizontalScrollBar().sizeHint().height()
        )
        self.setMaximumHeight(height)

    # -- the keyboard --------------------------------------------------------------------

    def go_to(self, row: int) -> None:
        """Make this row's Counted cell the current one, in sight."""
        index = self._model.index(row, COUNTED)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def move_down(self, row: int) -> None:
        """Go on to the next box's Counted cell (or stay on the last)."""
        if row + 1 < self._model.rowCount():
            self.go_to(row + 1)
        else:
            self.go_to(row)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_next(self, row: int, column: int, forward: bool) -> None:
        """Open the next (or previous) editable cell: Counted, then Explanation, row by row."""
        model = self._model
        if column in (NAME, ISSUED):
            # A correction of the box: Tab goes on to its Counted cell, Shift+Tab stays put.
            index = model.index(row, COUNTED if forward else column)
            self.setFocus(Qt.FocusReason.TabFocusReason)
            self.setCurrentIndex(index)
            if forward:
                self.edit(index)
            return
        cells = [(r, c) for r in range(model.rowCount()) for c in (COUNTED, EXPLANATION)]
        if (row, column) not in cells:
            return
        step = 1 if forward else -1
        at = cells.index((row, column)) + step
        self.setFocus(Qt.FocusReason.TabFocusReason)
        if not 0 <= at < len(cells):
            return
        index = model.index(*cells[at])
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.edit(index)
