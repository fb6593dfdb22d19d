"""The table of every count side by side, as large as its figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.history.history_table_model import HistoryTableModel
from desktop.ui.history.plain_tables import fit_height

#: The row labels are at least this wide, in widths of "M"; where the counts leave no more
#: room on the page, longer headings are elided (and shown in full in their tooltips).
LABEL_EMS = 20
#: The narrowest a count's column is, in widths of "M".
MIN_COLUMN_EMS = 9


class HistoryTable(QTableView):
    """Counts in columns, figures in rows; the page scrolls, not the table."""

    def __init__(self, model: HistoryTableModel) -> None:
        super().__init__()
        self._model = model
        self.setObjectName("historyTable")
        self.setAccessibleName("Every count of the night, side by side")
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        # The page scrolls, not the table: it is as large as its figures.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.verticalHeader()
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def fit(self, page_width: int, em: int) -> None:
        """Size the table to its figures on a page this wide (``em``: the width of "M"): long
        rejected headings are elided (in full in their tooltips), so that the counts stand
        side by side without scrolling."""
        rows = self.verticalHeader()
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(self._model.columnCount()):
            header.resizeSection(column, max(header.sectionSize(column), MIN_COLUMN_EMS * em))
        columns = sum(header.sectionSize(c) for c in range(self._model.columnCount()))
        # The labels take what room the counts leave on the page, at least LABEL_EMS.
        room = page_width - columns - 2 * self.frameWidth() - 4 * em
        rows.setFixedWidth(min(rows.sizeHint().width(), max(LABEL_EMS * em, room)))
        self.setFixedWidth(rows.width() + 2 * self.frameWidth() + columns)
        fit_height(self)
