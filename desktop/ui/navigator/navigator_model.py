"""Elections and their contests as a tree."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from desktop.domain.model import Contest, Election
from desktop.domain.wording import day_month_year, plural
from desktop.domain.workflow import stage_label
from desktop.services import CountDesk

ContestIdRole = Qt.ItemDataRole.UserRole + 1


def _fixed(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


def election_label(election: Election) -> str:
    """An election as the list names it, told apart from another of the same type and day by
    its authority (or, before one is set, the organisation its id names)."""
    title = election.title or election.id
    parts = election.id.split(".")
    who = election.authority or (parts[1].replace("-", " ").title() if len(parts) > 2 else "")
    return (
        f"{title} – {who}, {day_month_year(election.poll_date)}"
        if who
        else (f"{title}, {day_month_year(election.poll_date)}")
    )


class NavigatorModel(QStandardItemModel):
    """Elections as top-level rows, their contests beneath (contest id in ContestIdRole).

    Built once from the database; afterwards a contest whose name, seats or status changed
    updates its own row (``update_contest``), and only a new or removed contest rebuilds it.
    """

    def __init__(self, desk: CountDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setHorizontalHeaderLabels(["Contest", "Seats", "Status"])
        #: Each contest's row: its name, seats and status items.
        self._rows: dict[str, tuple[QStandardItem, QStandardItem, QStandardItem]] = {}
        self.reload()

    def reload(self) -> None:
        """Rebuild from the database."""
        self.removeRows(0, self.rowCount())
        self._rows = {}
        contests_by_election: dict[str, list[Contest]] = {}
        for contest in self.desk.contests():
            contests_by_election.setdefault(contest.election_id, []).append(contest)
        for election in self.desk.elections():
            top = _fixed(election_label(election))
            top.setSelectable(False)
            top.setToolTip(election.id)
            blank = [_fixed(""), _fixed("")]
            for item in blank:
                item.setSelectable(False)
            for contest in contests_by_election.get(election.id, []):
                row = (_fixed(""), _fixed(""), _fixed(""))
                row[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                for item in row:
                    item.setData(contest.id, ContestIdRole)
                row[0].setToolTip(contest.id)
                self._show(row, contest)
                self._rows[contest.id] = row
                top.appendRow(list(row))
            self.appendRow([top, *blank])

    def update_contest(self, contest: Contest) -> None:
        """Show a contest's name, seats and status as they are now, in its row alone."""
        row = self._rows.get(contest.id)
        if row is not None:
            self._show(row, contest)

    def index_of(self, contest_id: str) -> QModelIndex:
        """The index of a contest's name, or an invalid index."""
        row = self._rows.get(contest_id)
        return row[0].index() if row is not None else QModelIndex()

    @staticmethod
    def _show(row: tuple[QStandardItem, QStandardItem, QStandardItem], contest: Contest) -> None:
        name = row[0]
        # A referendum has no seats: a dash, and "referendum" said (the store keeps one).
        referendum = contest.type.referendum
        seats = "–" if referendum else str(contest.seats)
        stage = stage_label(contest)  # the stage's words, the same everywhere ("sent" too)
        texts = (contest.area, seats, stage)
        for item, text in zip(row, texts, strict=True):
            if item.text() != text:
                item.setText(text)
        what = "referendum" if referendum else plural(contest.seats, "seat")
        spoken = f"{contest.area}, {what}, status {stage}"
        if name.data(Qt.ItemDataRole.AccessibleTextRole) != spoken:
            name.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
