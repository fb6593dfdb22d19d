"""The history of a contest's night: every count side by side, with what changed between them,
and below it the recount requests, the declarations (each PDF kept as declared) and the
changes of status.

Nothing here is counted or decided: the figures and results come from ``CountDesk.history``.
The view is built again lazily, when it is on screen after a count or set-up change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.wording import decision_outcome, plural, time_in_words
from desktop.domain.workflow import status_label
from desktop.services.history import HistoryRecords
from desktop.services.night import ContestHistory
from desktop.ui.context import UiContext
from desktop.ui.headings import heading_label
from desktop.ui.history.declarations_box import DeclarationsBox
from desktop.ui.history.errors_found_box import ErrorsFoundBox
from desktop.ui.history.history_table import HistoryTable
from desktop.ui.history.history_table_model import HistoryTableModel, candidate_name
from desktop.ui.history.plain_tables import fill_table, fit_height, plain_table
from desktop.ui.lazy import ContestPage

LEGEND = (
    "Shaded figures differ from the count before: ▲ rose and ▼ fell by the amount shown; "
    "* who is elected changed. Hover over a figure to see what it was."
)


class HistoryView(ContestPage):
    """The history of one contest's night: counts side by side, requests, declarations,
    status changes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("HistoryView")
        self._history: ContestHistory | None = None
        self._records: HistoryRecords | None = None

        self._build()
        self._show_empty("Choose a contest to see the history of its count.")

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = heading_label("History of the count", name="historyHeading")

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
        self.table = HistoryTable(self.model)

        self.requests_table = plain_table(
            ["Asked at", "Who asked", "As", "For", "Decision", "Recorded by"],
            "Recount requests and the Returning Officer's decisions",
        )
        self.requests_empty = QLabel("No recount has been asked for.")
        self.requests_box = self._group(
            "Recount requests", self.requests_table, self.requests_empty
        )

        self.lots_table = plain_table(
            ["Count", "Tied", "The lot fell on", "How", "Witnesses"], "Drawings of lots"
        )
        self.lots_empty = QLabel("No lots have been drawn.")
        self.lots_box = self._group("Drawings of lots", self.lots_table, self.lots_empty)

        self.declarations_box = DeclarationsBox(self._ctx)
        self.declarations_empty = self.declarations_box.empty

        self.errors_box = ErrorsFoundBox(self._ctx)
        self.errors_box.hide()

        self.status_table = plain_table(
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
        layout.addWidget(self.errors_box)
        layout.addWidget(self.status_box)
        layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

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
        records = history.records
        self._history, self._records = history, records
        self.heading.setText(f"History of the count – {contest.area}")
        self.model.set_history(history, contest)
        counts = history.counts
        if counts:
            standing = next(r for r in counts if r.stands)
            self.summary_label.setText(
                f"{plural(len(counts), 'count')} recorded. The count that stands: "
                f"{standing.title}, recorded at {time_in_words(standing.count.recorded_at)} by "
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
        self._fill_requests(history, records)
        self._fill_lots(history)
        self.declarations_box.fill(contest_id, history, records.declarations)
        self.errors_box.fill(contest_id, records.errors_found)
        self._fill_status(records, contest.is_local_count)

    def history(self) -> ContestHistory | None:
        """The history shown (None before a contest is shown)."""
        return self._history

    def records(self) -> HistoryRecords | None:
        """The requests, declarations and status changes shown (None before a contest)."""
        return self._records

    @property
    def declaration_buttons(self) -> list[tuple[QPushButton, QPushButton]]:
        """Each declaration's **Open** and **Save as PDF…** buttons, in the order listed."""
        return self.declarations_box.buttons

    @property
    def declaration_labels(self) -> list[QLabel]:
        """Each declaration's line: when, by whom, of which count."""
        return self.declarations_box.labels

    def declaration_pdf(self, index: int) -> bytes:
        """The PDF of a kept declaration, byte for byte as it was declared (0 is the first)."""
        return self.declarations_box.declaration_pdf(index)

    def save_declaration(self, index: int, path: str | None = None) -> str | None:
        """Write a kept declaration's PDF to ``path`` (asking where if None); the path, or None."""
        return self.declarations_box.save_declaration(index, path)

    def open_declaration(self, index: int) -> str | None:
        """Open a kept declaration in the desktop's PDF viewer; the temporary file, or None."""
        return self.declarations_box.open_declaration(index)

    # -- filling the sections ------------------------------------------------------------

    def _fit_history_table(self) -> None:
        em = self.fontMetrics().horizontalAdvance("M")
        self.table.fit(self.scroll_area.viewport().width(), em)

    def _fill_requests(self, history: ContestHistory, records: HistoryRecords) -> None:
        rows = []
        for request in records.requests:
            name = candidate_name(history, request.for_candidate)
            rows.append(
                [
                    time_in_words(request.requested_at),
                    request.requested_by,
                    "election agent" if request.role == "agent" else "candidate",
                    name or "–",
                    decision_outcome(request.decision, request.reason),
                    request.operator,
                ]
            )
        fill_table(self.requests_table, rows)
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
                    "; ".join(candidate_name(history, cid) for cid in sorted(lots.tied)),
                    "; ".join(candidate_name(history, cid) for cid in sorted(lots.winners)),
                    lots.method or "–",
                    lots.witnesses or "–",
                ]
            )
        fill_table(self.lots_table, rows)
        self.lots_table.setVisible(bool(rows))
        self.lots_empty.setVisible(not rows)

    def _fill_status(self, records: HistoryRecords, local: bool) -> None:
        rows = [
            [
                time_in_words(change.at),
                status_label(change.from_status, local_count=local),
                status_label(change.to_status, local_count=local),
                change.operator,
                change.note,
            ]
            for change in records.status_changes
        ]
        fill_table(self.status_table, rows)
        self.status_table.setVisible(bool(rows))
        self.status_empty.setVisible(not rows)

    def _show_empty(self, text: str) -> None:
        self._history = self._records = None
        self.declarations_box.forget()
        self.heading.setText("History of the count")
        self.summary_label.clear()
        self.model.set_history(None, None)
        self.message_label.setText(text)
        self.message_label.show()
        self.table.hide()
        self.legend_label.hide()
        for box in (self.requests_box, self.declarations_box, self.errors_box, self.status_box):
            box.hide()

    # -- Qt overrides --------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        """Give the row labels the room the page has."""
        super().resizeEvent(event)
        if self._history is not None and self._history.counts:
            self._fit_history_table()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """Fit the tables again when the text size changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._history is not None:
            self._fit_history_table()
            for table in (self.requests_table, self.status_table):
                table.resizeRowsToContents()
                fit_height(table)
