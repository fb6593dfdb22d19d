"""The navigator: elections and their contests, with seats and status at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from desktop.domain.model import Contest
from desktop.services import CountDesk
from desktop.ui.navigator.navigator_model import ContestIdRole, NavigatorModel


class NavigatorView(QTreeView):
    """The tree of elections and contests; a click or Enter on a contest emits
    ``contest_chosen``."""

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
        # A click or Enter opens a contest; moving through the list with the arrows does not, so
        # the keyboard can go down a long list without opening every contest on the way.
        self.setExpandsOnDoubleClick(False)  # activation (below) opens or closes an election
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_activated)

    def reload(self, keep: str | None = None) -> None:
        """Rebuild the tree, keeping the given contest selected."""
        self.navigator_model.reload()
        self.expandAll()
        if keep:
            self.select(keep)

    def update_contest(self, contest: Contest) -> None:
        """Show a contest's name, seats and status as they are now (its row alone)."""
        self.navigator_model.update_contest(contest)

    def select(self, contest_id: str) -> None:
        """Select a contest without emitting ``contest_chosen``."""
        index = self.navigator_model.index_of(contest_id)
        if index.isValid():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def _on_clicked(self, index: QModelIndex) -> None:
        contest_id = index.data(ContestIdRole)
        if contest_id:
            self.contest_chosen.emit(contest_id)

    def _on_activated(self, index: QModelIndex) -> None:
        """Enter or a double click: open a contest, or open or close an election's list."""
        contest_id = index.data(ContestIdRole)
        if contest_id:
            self.contest_chosen.emit(contest_id)
        elif index.isValid():
            election = index.siblingAtColumn(0)
            self.setExpanded(election, not self.isExpanded(election))
