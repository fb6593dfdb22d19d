"""Every count of the night side by side, with what changed between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from desktop.domain.figures import format_figure
from desktop.domain.model import Contest
from desktop.domain.records import RecountRequest
from desktop.domain.wording import time_in_words
from desktop.services.night import ContestHistory, CountRecord
from desktop.ui.keys import candidate_key, heading_key
from desktop.ui.tables import Index

#: How strongly a changed figure is shaded: the palette's highlight colour, mostly transparent,
#: so that the text keeps the ordinary text colour in light and dark themes alike.
CHANGED_ALPHA = 70


@dataclass(frozen=True)
class _Row:
    """One line of the history table: what it shows and its label."""

    kind: str  # "votes", "rejected", "valid", "rejected_total", "majority" or "elected"
    key: int | str | None
    label: str


@dataclass(frozen=True)
class _Cell:
    """One figure of one count, ready to show."""

    text: str
    value: Any
    changed: bool
    tooltip: str
    accessible: str


class HistoryTableModel(QAbstractTableModel):
    """Every count of the night side by side: a column per count (oldest first), a row per
    candidate in ballot order, per rejected heading, then the totals and who is elected.

    A figure that differs from the count before is shaded, marked in its text (▲/▼ and the
    change, or * for who is elected) and says in its tooltip what it was.
    """

    #: The figure itself: an int, None, or for "Elected" a tuple of candidate ids.
    ValueRole = Qt.ItemDataRole.UserRole + 1
    #: True where the figure differs from the count before.
    ChangedRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: ContestHistory | None = None
        self._rows: list[_Row] = []
        self._headers: list[str] = []
        self._header_tips: list[str] = []
        self._cells: list[list[_Cell]] = []

    # -- loading -------------------------------------------------------------------------

    def set_history(self, history: ContestHistory | None, contest: Contest | None) -> None:
        """Show this history (None: nothing); the recount a count was keyed for is named in
        its column's tooltip."""
        self.beginResetModel()
        self._history = history
        self._rows = [] if history is None or contest is None else _rows(history, contest)
        counts = history.counts if history is not None else ()
        self._headers = [record.title + (" (stands)" if record.stands else "") for record in counts]
        self._header_tips = [_header_tip(history, record) for record in counts] if history else []
        self._cells = [
            [self._cell(row, index) for index in range(len(counts))] for row in self._rows
        ]
        self.endResetModel()

    def history(self) -> ContestHistory | None:
        """The history shown."""
        return self._history

    def column_title(self, column: int) -> str:
        """A column's heading on one line, e.g. "Count 2 – full recount (stands)"."""
        return self._headers[column]

    def row_of(self, kind: str, key: int | str | None = None) -> int:
        """The row showing a candidate's votes (``"votes"``, id), a heading (``"rejected"``,
        key) or a total (``"valid"``, ``"rejected_total"``, ``"majority"``, ``"elected"``)."""
        for row, spec in enumerate(self._rows):
            if spec.kind == kind and (key is None or spec.key == key):
                return row
        raise KeyError((kind, key))

    def _cell(self, row: _Row, index: int) -> _Cell:
        assert self._history is not None
        counts = self._history.counts
        record = counts[index]
        value = _value(row, record)
        previous = counts[index - 1] if index else None
        before = _value(row, previous) if previous is not None else None
        if row.kind in ("votes", "rejected"):
            assert row.key is not None
            changed = self._history.differs(index, row.key)
        else:
            changed = previous is not None and value != before
        main, suffix = _text(row, record, value)
        text = main + suffix
        tooltip = ""
        if changed and previous is not None:
            numeric = isinstance(value, int) and isinstance(before, int)
            numeric = numeric and main == format_figure(value)
            change = self._history.change(index, row.kind, row.key) if numeric else None
            text = main + (_mark(change) if change else " *") + suffix
            was = "".join(_text(row, previous, before))
            tooltip = f"was {was} in count {previous.count.number}"
        accessible = f"{row.label}, {record.title}: {text}"
        if tooltip:
            accessible += f" ({tooltip})"
        return _Cell(text, value, changed, tooltip, accessible)

    # -- Qt overrides --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._headers)):
            return None
        cell = self._cells[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell.accessible
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._rows[row].kind == "elected":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and cell.changed:
            colour = QColor(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlpha(CHANGED_ALPHA)
            return colour
        if role == Qt.ItemDataRole.FontRole and (
            cell.changed or self._rows[row].kind in ("majority", "elected")
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == self.ValueRole:
            return cell.value
        if role == self.ChangedRole:
            return cell.changed
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._headers):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                # On lines of their own, so that a column is as narrow as its figures.
                return (
                    self._headers[section].replace(" – ", "\n").replace(" (stands)", "\n(stands)")
                )
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips[section]
            if (
                role == Qt.ItemDataRole.FontRole
                and self._history is not None
                and self._history.counts[section].stands
            ):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if not 0 <= section < len(self._rows):
            return None
        spec = self._rows[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return spec.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.label  # in full, where a long heading is elided
        if role == Qt.ItemDataRole.FontRole and spec.kind not in ("votes", "rejected"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None


def _rows(history: ContestHistory, contest: Contest) -> list[_Row]:
    rows = [_Row("votes", c.id, c.display_name) for c in history.candidates]
    for key in history.heading_keys:
        heading = contest.type.heading(key)
        note = "" if heading.wholly_rejected else " – not in the total"
        rows.append(_Row("rejected", key, f"Rejected ({heading.letter}) {heading.label}{note}"))
    one_seat = contest.seats == 1
    if not one_seat:
        rows.append(_Row("papers_counted", None, "Valid ballot papers counted"))
    rows += [
        _Row("valid", None, "Valid votes"),
        _Row("rejected_total", None, "Rejected papers in total"),
        _Row("majority", None, "Majority" if one_seat else "Margin"),
    ]
    if not contest.type.referendum:  # a referendum elects nobody
        rows.append(_Row("elected", None, "Elected"))
    return rows


def _value(row: _Row, record: CountRecord) -> Any:
    figures, result = record.count.figures, record.result
    if row.kind == "votes":
        return figures.votes.get(candidate_key(row.key))
    if row.kind == "rejected":
        return figures.rejected.get(heading_key(row.key))
    if row.kind == "valid":
        return result.valid_votes
    if row.kind == "rejected_total":
        return result.rejected_total
    if row.kind == "papers_counted":
        return result.valid_papers_counted
    if row.kind == "majority":
        return result.majority
    return result.elected


def _text(row: _Row, record: CountRecord, value: Any) -> tuple[str, str]:
    """The figure or words of a cell, and any words after its change mark."""
    result = record.result
    undecided_tie = result.tie is not None and not result.lots_applied
    if row.kind == "elected":
        lots = result.lots.winners if result.lots_applied and result.lots else frozenset()
        names = [
            result.line(cid).candidate.display_name + (" (by lot)" if cid in lots else "")
            for cid in value
        ]
        if undecided_tie:
            names.append("tie: lots to be drawn")
        return "; ".join(names) or "–", ""
    if row.kind == "majority":
        if undecided_tie:
            return "tie: lots to be drawn", ""
        if value is not None and result.lots_applied:
            return format_figure(value), " (decided by lot)"
    return format_figure(value), ""


def _mark(change: int) -> str:
    """The text mark of a changed figure: ▲ or ▼ with the change."""
    return f" ▲{change:,}" if change > 0 else f" ▼{-change:,}"


def _header_tip(history: ContestHistory, record: CountRecord) -> str:
    count = record.count
    tip = f"{record.title}: recorded at {time_in_words(count.recorded_at)} by {count.operator}."
    if record.request is not None:
        tip += f" After a request by {_asked_by(history, record.request)}."
    if count.reason:
        tip += f" Reason: {count.reason}"
    if count.kind == "correction":
        tip += (
            " Kept from a correction an earlier CountDesk made after the declaration; it has "
            "no effect: the declaration stands."
        )
    if record.stands:
        tip += " This is the count that stands."
    return tip


def candidate_name(history: ContestHistory, candidate_id: int | None) -> str:
    """The candidate's name as shown, or nothing if no candidate is meant."""
    for candidate in history.candidates:
        if candidate.id == candidate_id:
            return candidate.display_name
    return ""


def _asked_by(history: ContestHistory, request: RecountRequest) -> str:
    """e.g. "Agent for Stephenson, election agent for STEPHENSON, Ryan"."""
    name = candidate_name(history, request.for_candidate)
    if request.role == "agent":
        return f"{request.requested_by}, election agent" + (f" for {name}" if name else "")
    return f"{request.requested_by}, candidate" + (f" ({name})" if name else "")
