"""The overview as a table: one row per contest, read only, sortable in the night's order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.overview import ContestOverview, ElectionOverview, result_words, turnout_words
from desktop.ui.tables import ColumnsTableModel, Index

#: The contest's id, for opening it.
ContestIdRole = Qt.ItemDataRole.UserRole + 1
#: What each column sorts by: the stage in the night's order, seats and votes as numbers.
SortRole = Qt.ItemDataRole.UserRole + 2

CONTEST, POLL, SEATS, STAGE, WAITING, RESULT = range(6)


def _result_text(row: ContestOverview) -> str:
    if row.result is None:
        return ""
    words = result_words(row.result)
    return words if row.result.declared else f"provisional: {words}"


class OverviewModel(ColumnsTableModel):
    """Every contest of the overview: area, seats, stage, what it waits for, the result."""

    columns = ("Contest", "Poll", "Seats", "Stage of the night", "Waiting for", "Result")
    headings = ("Contest", "Poll", "Seats", "Stage", "Waiting for", "Result")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ContestOverview, ...] = ()

    def set_overview(self, overview: ElectionOverview) -> None:
        """Show the overview as read now; rows that are the same contests change in place (the
        selection and the sort stay), otherwise the table is rebuilt."""
        rows = overview.contests
        same = [r.contest_id for r in rows] == [r.contest_id for r in self._rows]
        if same:
            self._rows = rows
            if rows:
                last = self.index(len(rows) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def contest_row(self, row: int) -> ContestOverview:
        """The contest shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SortRole:
            return self._sort_key(row, column)
        if role == ContestIdRole:
            return row.contest_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEATS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: ContestOverview, column: int) -> str:
        return (
            row.area,
            row.poll,
            row.seats_words,
            row.stage,
            row.waiting,
            _result_text(row),
        )[column]

    @staticmethod
    def _tooltip(row: ContestOverview, column: int) -> str:
        if column == WAITING and row.codes:
            return f"{row.waiting} (blocked by {', '.join(row.codes)})"
        if column == RESULT and row.result is not None:
            return f"{_result_text(row)}; turnout {turnout_words(row.result)}"
        if column == CONTEST:
            return f"{row.area}: {row.election_title} ({row.contest_id})"
        return OverviewModel._text(row, column)

    @staticmethod
    def _sort_key(row: ContestOverview, column: int) -> Any:
        area = row.area.casefold()
        if column == SEATS:
            return f"{row.seats or 0:04d} {area}"
        if column == POLL:
            return f"{row.poll.casefold()} {area}"
        if column == STAGE:
            # The night's order, not the alphabet: setup first, declared last.
            return f"{row.night_position:02d} {area}"
        if column == WAITING:
            return f"{row.waiting.casefold()} {area}"
        if column == RESULT:
            when = row.declared_at.isoformat() if row.declared_at else "~"
            return f"{0 if row.declared else 1 if row.result else 2} {when} {area}"
        return area
