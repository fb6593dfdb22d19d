"""The navigator: elections and their contests, with seats and status at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from desktop.services import CountDesk

ContestIdRole = Qt.ItemDataRole.UserRole + 1


class NavigatorModel(QStandardItemModel):
    """Elections as top-level rows, their contests beneath (contest id in ContestIdRole)."""

    def __init__(self, desk: CountDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setHorizontalHeaderLabels(["Contest", "Seats", "Status"])
        self.reload()

    def reload(self) -> None:
        """Rebuild from the database."""
        self.removeRows(0, self.rowCount())
        for election in self.desk.elections():
            title = election.title or election.id
            top = QStandardItem(f"{title}, {election.poll_date:%-d %B %Y}")
            top.setEditable(False)
            top.setSelectable(False)
            top.setToolTip(election.id)
            blank = [QStandardItem(""), QStandardItem("")]
            for item in blank:
                item.setEditable(False)
                item.setSelectable(False)
            for contest in self.desk.contests(election.id):
                name = QStandardItem(contest.area)
                name.setData(contest.id, ContestIdRole)
                name.setToolTip(contest.id)
                seats = QStandardItem(str(contest.seats))
                seats.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                status = QStandardItem(contest.status.value)
                for item in (name, seats, status):
                    item.setEditable(False)
                    item.setData(contest.id, ContestIdRole)
                name.setData(
                    f"{contest.area}, {contest.seats} seat{'s' if contest.seats != 1 else ''}, "
                    f"status {contest.status.value}",
                    Qt.ItemDataRole.AccessibleTextRole,
                )
                top.appendRow([name, seats, status])
            self.appendRow([top, *blank])

    def index_of(self, contest_id: str) -> QModelIndex:
        """The index of a contest's name, or an invalid index."""
        for row in range(self.rowCount()):
            top = self.item(row)
            for child in range(top.rowCount()):
                item = top.child(child)
                if item.data(ContestIdRole) == contest_id:
                    return item.index()
        return QModelIndex()


class NavigatorView(QTreeView):
    """The tree of elections and contests; choosing a contest emits ``contest_chosen``."""

    contest_chosen = Signal(str)

    def __init__(self, desk: CountDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.navigator_model = NavigatorModel(desk, self)
        self.setModel(self.navigator_model)
        self.setAccessibleName("Elections and contests")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setUniformRowHeights(True)
        self.expandAll()
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(2, self.header().ResizeMode.ResizeToContents)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.activated.connect(self._on_activated)
        self._current: str | None = None

    def reload(self, keep: str | None = None) -> None:
        """Rebuild the tree, keeping the given contest selected."""
        self.navigator_model.reload()
        self.expandAll()
        if keep:
            self.select(keep)

    def select(self, contest_id: str) -> None:
        """Select a contest without emitting ``contest_chosen``."""
        index = self.navigator_model.index_of(contest_id)
        if index.isValid():
            self._current = contest_id
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contest_id = current.data(ContestIdRole)
        if contest_id and contest_id != self._current:
            self._current = contest_id
            self.contest_chosen.emit(contest_id)

    def _on_activated(self, index: QModelIndex) -> None:
        contest_id = index.data(ContestIdRole)
        if contest_id:
            self._current = contest_id
            self.contest_chosen.emit(contest_id)
