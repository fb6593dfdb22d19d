"""The Election overview screen: the venue's totals above every contest of the night."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.overview import ElectionOverview, totals_words
from desktop.ui.headings import make_heading
from desktop.ui.overview.feed import OverviewFeed
from desktop.ui.overview.overview_model import (
    CONTEST,
    POLL,
    RESULT,
    SEATS,
    STAGE,
    WAITING,
    ContestIdRole,
    OverviewModel,
    SortRole,
)


class OverviewTable(QTableView):
    """The contests, one a row; Enter or a double click opens the contest chosen."""

    contest_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Contests of the election")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        # Words wrap rather than being cut, at large text on a laptop's screen too.
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.activated.connect(self._on_activated)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        # Enter opens the contest on every platform (Qt's "activated" on Enter varies by style).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _on_activated(self, index: QModelIndex) -> None:
        contest_id = index.data(ContestIdRole) if index.isValid() else None
        if contest_id:
            self.contest_chosen.emit(contest_id)


class OverviewView(QWidget):
    """Every contest of the election(s) with its stage, what it waits for and its result,
    kept up to date by the feed while the screen is shown."""

    #: The id of the contest to open on its Count screen.
    contest_chosen = Signal(str)

    def __init__(self, feed: OverviewFeed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._shown = False
        heading = QLabel("Election overview")
        make_heading(heading, scale=1.3)
        self.totals_label = QLabel("")
        self.totals_label.setAccessibleName("The venue's totals")
        self.totals_label.setWordWrap(True)
        font = self.totals_label.font()
        font.setBold(True)
        self.totals_label.setFont(font)
        hint = QLabel(
            "Enter or a double click opens the contest on its Count screen; click a heading to "
            "sort. It follows every figure saved, here or at another station."
        )
        hint.setWordWrap(True)
        self.model = OverviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setDynamicSortFilter(True)
        self.table = OverviewTable()
        self.table.setModel(self.proxy)
        # The polls of a combined night together (the wards, then the parish, the PCC…),
        # each by area: with one poll, by area.
        self.table.sortByColumn(POLL, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CONTEST, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(POLL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SEATS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STAGE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WAITING, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        self.table.contest_chosen.connect(self.contest_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(heading)
        layout.addWidget(self.totals_label)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        feed.updated.connect(self._on_updated)
        if feed.overview is not None:
            self._on_updated(feed.overview)

    def focus_table(self) -> None:
        """Put the keyboard in the table, on the first contest if none is chosen."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _on_updated(self, overview: ElectionOverview) -> None:
        first = self.model.rowCount() == 0
        self.model.set_overview(overview)
        self.totals_label.setText(totals_words(overview.totals))
        if first and overview.contests:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """The contest and what it waits for as wide as their text, within a quarter of the
        table each, so the result keeps room on a laptop's screen (longer text wraps)."""
        width = max(self.table.viewport().width(), 400)
        for column in (CONTEST, WAITING):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width // 4))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()  # larger or smaller text

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._feed.start_using()
        self._fit_columns()

    def hideEvent(self, event: QHideEvent) -> None:  # Qt override
        super().hideEvent(event)
        if self._shown:
            self._shown = False
            self._feed.stop_using()
