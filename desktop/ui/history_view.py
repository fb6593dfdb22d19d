"""The history of a contest's night: every count side by side, with what changed between them,
and below it the recount requests, the declarations (each PDF kept as declared) and the
changes of status.

Nothing here is counted or decided: the figures and results come from ``CountDesk.history``.
The view is built again lazily, when it is on screen after a count or set-up change.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.model import Contest, Status
from desktop.domain.workflow import RecountDecision, status_label
from desktop.services.night import ContestHistory, CountRecord
from desktop.ui.context import UiContext
from desktop.ui.lazy import ContestPage

_Index = QModelIndex | QPersistentModelIndex

#: How strongly a changed figure is shaded: the palette's highlight colour, mostly transparent,
#: so that the text keeps the ordinary text colour in light and dark themes alike.
CHANGED_ALPHA = 70

#: The row labels are at least this wide, in widths of "M"; where the counts leave no more
#: room on the page, longer headings are elided (and shown in full in their tooltips).
LABEL_EMS = 20
#: The narrowest a count's column is, in widths of "M".
MIN_COLUMN_EMS = 9

LEGEND = (
    "Shaded figures differ from the count before: ▲ rose and ▼ fell by the amount shown; "
    "* who is elected changed. Hover over a figure to see what it was."
)


def open_file(path: str) -> bool:
    """Open a file in the desktop's own viewer (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def when(at: datetime) -> str:
    """A time of the night in words, e.g. "02:12 on Friday 2 July 2021" (local time)."""
    local = at.astimezone()
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def decision_words(decision: str, reason: str = "") -> str:
    """The Returning Officer's decision on a recount request, in words."""
    words = {
        RecountDecision.FULL.value: "full recount granted",
        RecountDecision.BUNDLE_CHECK.value: "bundle check granted",
        RecountDecision.REFUSED.value: "refused as unreasonable",
    }.get(decision, decision)
    return f"{words}: {reason}" if reason else words


# -- the table of counts -------------------------------------------------------------------


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
        """Show this history (None: nothing)."""
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

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
    rows += [
        _Row("valid", None, "Valid votes"),
        _Row("rejected_total", None, "Rejected papers in total"),
        _Row("majority", None, "Majority" if one_seat else "Margin"),
        _Row("elected", None, "Elected"),
    ]
    return rows


def _value(row: _Row, record: CountRecord) -> Any:
    figures, result = record.count.figures, record.result
    if row.kind == "votes":
        return figures.votes.get(row.key)  # type: ignore[call-overload]
    if row.kind == "rejected":
        return figures.rejected.get(row.key)  # type: ignore[call-overload]
    if row.kind == "valid":
        return result.valid_votes
    if row.kind == "rejected_total":
        return result.rejected_total
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
    tip = f"{record.title}: recorded at {when(count.recorded_at)} by {count.operator}."
    request = record.request
    if request is not None:
        tip += f" After a request by {_asked_by(history, request)}."
    if count.reason:
        tip += f" Reason: {count.reason}"
    if record.stands:
        tip += " This is the count that stands."
    return tip


def _candidate_name(history: ContestHistory, candidate_id: int | None) -> str:
    for candidate in history.candidates:
        if candidate.id == candidate_id:
            return candidate.display_name
    return ""


def _asked_by(history: ContestHistory, request: dict[str, Any]) -> str:
    """e.g. "Agent for Stephenson, election agent for STEPHENSON, Ryan"."""
    name = _candidate_name(history, request.get("for_candidate"))
    if request.get("role") == "agent":
        return f"{request['requested_by']}, election agent" + (f" for {name}" if name else "")
    return f"{request['requested_by']}, candidate" + (f" ({name})" if name else "")


# -- the view ------------------------------------------------------------------------------


def _plain_table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setTabKeyNavigation(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeRowsToContents()
    _fit_height(table)


def _fit_height(table: QTableView) -> None:
    """Make a table exactly as tall as its rows, so the page scrolls and not the table."""
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.model().rowCount()))
    if table.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        bar = table.horizontalScrollBar()
        if bar.maximum() > 0:
            height += bar.sizeHint().height()
    table.setFixedHeight(height)


class HistoryView(ContestPage):
    """The history of one contest's night: counts side by side, requests, declarations,
    status changes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("HistoryView")
        self._history: ContestHistory | None = None
        self._temp_dir: str | None = None

        self._build()
        self._show_empty("Choose a contest to see the history of its count.")

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel("History of the count")
        self.heading.setObjectName("historyHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("historySummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName("Summary of the night")

        self.legend_label = QLabel(LEGEND)
        self.legend_label.setObjectName("historyLegend")
        self.legend_label.setWordWrap(True)
        self.legend_label.setAccessibleName("How changed figures are marked")

        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName("Every count of the night, side by side")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        # The page scrolls, not the table: it is as large as its figures.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.table.verticalHeader()
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

        self.requests_table = _plain_table(
            ["Asked at", "Who asked", "As", "For", "Decision", "Recorded by"],
            "Recount requests and the Returning Officer's decisions",
        )
        self.requests_empty = QLabel("No recount has been asked for.")
        self.requests_box = self._group(
            "Recount requests", self.requests_table, self.requests_empty
        )

        self.lots_table = _plain_table(
            ["Count", "Tied", "The lot fell on", "How", "Witnesses"], "Drawings of lots"
        )
        self.lots_empty = QLabel("No lots have been drawn.")
        self.lots_box = self._group("Drawings of lots", self.lots_table, self.lots_empty)

        self.declarations_host = QWidget()
        self.declarations_grid = QGridLayout(self.declarations_host)
        self.declarations_grid.setContentsMargins(0, 0, 0, 0)
        self.declarations_grid.setColumnStretch(0, 1)
        self.declarations_empty = QLabel("Not declared yet.")
        self.declarations_box = self._group(
            "Declarations", self.declarations_host, self.declarations_empty
        )
        self.declaration_buttons: list[tuple[QPushButton, QPushButton]] = []
        self.declaration_labels: list[QLabel] = []

        self.status_table = _plain_table(
            ["When", "From", "To", "Who", "Note"], "Changes of the contest's status"
        )
        self.status_empty = QLabel("The contest is still at setup.")
        self.status_box = self._group("Status changes", self.status_table, self.status_empty)

        self.message_label = QLabel()
        self.message_label.setObjectName("historyMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Why no count is shown")

        page = QWidget()
        page.setObjectName("historyPage")
        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.requests_box)
        layout.addWidget(self.lots_box)
        layout.addWidget(self.declarations_box)
        layout.addWidget(self.status_box)
        layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def _group(self, title: str, body: QWidget, empty: QLabel) -> QGroupBox:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        layout = QVBoxLayout(box)
        layout.addWidget(empty)
        layout.addWidget(body)
        return box

    # -- public API ----------------------------------------------------------------------

    def set_contest(self, contest_id: str | None) -> None:
        """Show the history of this contest (None: no contest chosen)."""
        if contest_id == self._contest_id and not self._stale:
            return
        self._contest_id = contest_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the history again from the services, now."""
        self._refresh_timer.stop()
        self._stale = False
        contest_id = self._contest_id
        if contest_id is None:
            self._show_empty("Choose a contest to see the history of its count.")
            return
        desk = self._ctx.desk
        try:
            contest = desk.contest(contest_id)
            history = desk.history(contest_id)
            status = desk.status(contest_id)
        except CountDeskError as error:
            self._show_empty(str(error))
            return
        self._history = history
        self.heading.setText(f"History of the count – {contest.area}")
        self.model.set_history(history, contest)
        counts = history.counts
        if counts:
            standing = next(r for r in counts if r.stands)
            plural = "s" if len(counts) != 1 else ""
            self.summary_label.setText(
                f"{len(counts)} count{plural} recorded. The count that stands: "
                f"{standing.title}, recorded at {when(standing.count.recorded_at)} by "
                f"{standing.count.operator}. Status: {status.label}."
            )
            self.message_label.hide()
            self.table.show()
            self.legend_label.setVisible(len(counts) > 1)
        else:
            self.summary_label.setText(f"Status: {status.label}.")
            self.message_label.setText(
                f"No count recorded yet for {contest.area}: the counts appear here side by side "
                "once they are recorded."
            )
            self.message_label.show()
            self.table.hide()
            self.legend_label.hide()
        self._fit_history_table()
        for box in (self.requests_box, self.declarations_box, self.status_box):
            box.show()
        self._fill_requests(history)
        self._fill_lots(history)
        self._fill_declarations(history)
        self._fill_status(history)

    def history(self) -> ContestHistory | None:
        """The history shown (None before a contest is shown)."""
        return self._history

    def declaration_pdf(self, index: int) -> bytes:
        """The PDF of a kept declaration, byte for byte as it was declared (0 is the first)."""
        assert self._contest_id is not None
        return self._ctx.desk.declarations(self._contest_id)[index]["pdf"]

    def save_declaration(self, index: int, path: str | None = None) -> str | None:
        """Write a kept declaration's PDF to ``path`` (asking where if None); the path, or None."""
        if self._contest_id is None or self._history is None:
            return None
        declaration = self._history.declarations[index]
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                f"Save the {_declaration_kind(declaration)} as PDF",
                _declaration_file_name(self._contest_id, declaration, index),
                "PDF files (*.pdf)",
            )
            if not path:
                return None
        try:
            Path(path).write_bytes(self.declaration_pdf(index))
        except (OSError, CountDeskError) as exc:
            QMessageBox.warning(
                self,
                "Not saved",
                f"The {_declaration_kind(declaration)} could not be saved to {path}: "
                f"{getattr(exc, 'strerror', None) or exc}. Choose another folder or name and "
                "save again.",
            )
            return None
        return path

    def open_declaration(self, index: int) -> str | None:
        """Open a kept declaration in the desktop's PDF viewer; the temporary file, or None."""
        if self._contest_id is None or self._history is None:
            return None
        declaration = self._history.declarations[index]
        if self._temp_dir is None:
            self._temp_dir = tempfile.mkdtemp(prefix="countdesk-declarations-")
        path = str(
            Path(self._temp_dir) / _declaration_file_name(self._contest_id, declaration, index)
        )
        try:
            Path(path).write_bytes(self.declaration_pdf(index))
        except OSError as exc:
            QMessageBox.warning(
                self,
                "Not opened",
                f"The {_declaration_kind(declaration)} could not be written for viewing "
                f"({exc.strerror or exc}): save it as PDF instead.",
            )
            return None
        if not open_file(path):
            QMessageBox.warning(
                self,
                "Not opened",
                f"No PDF viewer opened the {_declaration_kind(declaration)}: save it as PDF "
                "instead, and open the file from its folder.",
            )
            return None
        return path

    # -- filling the sections ------------------------------------------------------------

    def _fit_history_table(self) -> None:
        """Size the table to its figures: long rejected headings are elided (in full in their
        tooltips), so that the counts stand side by side without scrolling."""
        table = self.table
        rows = table.verticalHeader()
        em = self.fontMetrics().horizontalAdvance("M")
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, max(header.sectionSize(column), MIN_COLUMN_EMS * em))
        columns = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        # The labels take what room the counts leave on the page, at least LABEL_EMS.
        room = self.scroll.viewport().width() - columns - 2 * table.frameWidth() - 4 * em
        rows.setFixedWidth(min(rows.sizeHint().width(), max(LABEL_EMS * em, room)))
        table.setFixedWidth(rows.width() + 2 * table.frameWidth() + columns)
        _fit_height(table)

    def _fill_requests(self, history: ContestHistory) -> None:
        rows = []
        for request in history.requests:
            name = _candidate_name(history, request.get("for_candidate"))
            rows.append(
                [
                    when(request["requested_at"]),
                    request["requested_by"],
                    "election agent" if request["role"] == "agent" else "candidate",
                    name or "–",
                    decision_words(request["decision"], request.get("reason", "")),
                    request["operator"],
                ]
            )
        _fill(self.requests_table, rows)
        self.requests_table.setVisible(bool(rows))
        self.requests_empty.setVisible(not rows)

    def _fill_lots(self, history: ContestHistory) -> None:
        rows = []
        for record in history.counts:
            lots = record.result.lots if record.result.lots_applied else None
            if lots is None:
                continue
            rows.append(
                [
                    str(record.count.number),
                    "; ".join(_candidate_name(history, cid) for cid in sorted(lots.tied)),
                    "; ".join(_candidate_name(history, cid) for cid in sorted(lots.winners)),
                    lots.method or "–",
                    lots.witnesses or "–",
                ]
            )
        _fill(self.lots_table, rows)
        self.lots_table.setVisible(bool(rows))
        self.lots_empty.setVisible(not rows)

    def _fill_status(self, history: ContestHistory) -> None:
        rows = [
            [
                when(change["at"]),
                _status_words(change["from_status"]),
                _status_words(change["to_status"]),
                change["operator"],
                change.get("note") or "",
            ]
            for change in history.status_changes
        ]
        _fill(self.status_table, rows)
        self.status_table.setVisible(bool(rows))
        self.status_empty.setVisible(not rows)

    def _fill_declarations(self, history: ContestHistory) -> None:
        while self.declarations_grid.count():
            item = self.declarations_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.declaration_buttons = []
        self.declaration_labels = []
        numbers = {record.count.id: record.count.number for record in history.counts}
        for index, declaration in enumerate(history.declarations):
            kind = _declaration_kind(declaration)
            number = numbers.get(declaration.get("count_id"))
            declares = f", of count {number}" if number is not None else ""
            text = (
                f"{kind[0].upper()}{kind[1:]}{declares}: {when(declaration['declared_at'])}, "
                f"by {declaration['officer']} (recorded by {declaration['operator']})"
            )
            if declaration.get("reason"):
                text += f". Reason: {declaration['reason']}"
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            at = f"{declaration['declared_at'].astimezone():%H:%M}"
            open_button = QPushButton("Open")
            open_button.setAccessibleName(f"Open the {kind} of {at}")
            open_button.setToolTip(f"Open the {kind} exactly as it was declared.")
            open_button.clicked.connect(lambda _c=False, i=index: self.open_declaration(i))
            save_button = QPushButton("Save as PDF…")
            save_button.setAccessibleName(f"Save the {kind} of {at} as a PDF file")
            save_button.setToolTip(f"Save the {kind} exactly as it was declared.")
            save_button.clicked.connect(lambda _c=False, i=index: self.save_declaration(i))
            self.declarations_grid.addWidget(label, index, 0)
            self.declarations_grid.addWidget(open_button, index, 1)
            self.declarations_grid.addWidget(save_button, index, 2)
            self.declaration_labels.append(label)
            self.declaration_buttons.append((open_button, save_button))
        has = bool(history.declarations)
        self.declarations_host.setVisible(has)
        self.declarations_empty.setVisible(not has)

    def _show_empty(self, text: str) -> None:
        self._history = None
        self.heading.setText("History of the count")
        self.summary_label.clear()
        self.model.set_history(None, None)
        self.message_label.setText(text)
        self.message_label.show()
        self.table.hide()
        self.legend_label.hide()
        for box in (self.requests_box, self.declarations_box, self.status_box):
            box.hide()

    # -- Qt overrides --------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        """Give the row labels the room the page has."""
        super().resizeEvent(event)
        if self._history is not None and self._history.counts:
            self._fit_history_table()

    def changeEvent(self, event: Any) -> None:  # Qt override
        """Fit the tables again when the text size changes."""
        super().changeEvent(event)
        if event.type() == event.Type.FontChange and self._history is not None:
            self._fit_history_table()
            for table in (self.requests_table, self.status_table):
                table.resizeRowsToContents()
                _fit_height(table)

    # -- slots ---------------------------------------------------------------------------


def _status_words(status: str) -> str:
    try:
        return status_label(Status(status))
    except ValueError:
        return status


def _declaration_kind(declaration: dict[str, Any]) -> str:
    return "corrected declaration" if declaration["kind"] == "correction" else "declaration"


def _declaration_file_name(contest_id: str, declaration: dict[str, Any], index: int) -> str:
    prefix = "corrected-declaration" if declaration["kind"] == "correction" else "declaration"
    at = declaration["declared_at"].astimezone()
    return f"{prefix}-{contest_id}-{at:%Y%m%d-%H%M}-{index + 1}.pdf"
