"""Elections and their contests as a tree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

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
