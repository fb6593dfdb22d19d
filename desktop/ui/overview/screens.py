"""The election's screens in the main window: the Election overview page and the hall board,
over one feed, with their actions in the View menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.overview.feed import OverviewFeed
from desktop.ui.overview.overview_view import OverviewView

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

OVERVIEW_SHORTCUT = "Ctrl+Shift+O"


class ElectionScreens(QObject):
    """The overview page in the window's stack, and what opens it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.feed = OverviewFeed(window.desk, window.events, self)
        self.page = OverviewView(self.feed)
        window.stack.addWidget(self.page)
        self.page.contest_chosen.connect(self._on_contest_chosen)
        window.start_page.overview_requested.connect(self.show_overview)
        self.overview_action = self._action("Election &overview", OVERVIEW_SHORTCUT)
        self.overview_action.triggered.connect(self.show_overview)

    def _action(self, text: str, shortcut: str | None) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setObjectName(text.replace("&", "").replace("…", "").strip())
        self._window.addAction(action)
        return action

    def add_actions(self, menu: QMenu) -> None:
        """Put the election's screens in the View menu."""
        menu.addSeparator()
        menu.addAction(self.overview_action)

    def show_overview(self) -> None:
        """Show the overview of every contest, the keyboard in its table."""
        self._window.stack.setCurrentWidget(self.page)
        self.page.focus_table()

    def _on_contest_chosen(self, contest_id: str) -> None:
        window = self._window
        window.open_contest(contest_id, window.tabs.indexOf(window.count_view))
