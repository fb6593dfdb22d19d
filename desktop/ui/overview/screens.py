"""The election's screens in the main window: the Election overview page and the hall board,
over one feed, with their actions in the View menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from desktop.domain.overview import ElectionOverview
from desktop.ui.hall.hall_board import HallBoard
from desktop.ui.hall.placement import place_board
from desktop.ui.overview.feed import OverviewFeed
from desktop.ui.overview.overview_view import OverviewView

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

OVERVIEW_SHORTCUT = "Ctrl+Shift+O"
HALL_BOARD_SHORTCUT = "Ctrl+Shift+H"
PROVISIONAL_SHORTCUT = "Ctrl+Alt+H"


class ElectionScreens(QObject):
    """The overview page in the window's stack, the hall board, and what opens them.

    Provisional results are off on the hall board each time CountDesk starts: showing them on
    a public screen is the Returning Officer's decision for the night (DOMAIN.md §3: the
    provisional result is shown to the candidates and agents, not published), so it is asked
    for, and confirmed, each night rather than remembered from an earlier one.
    """

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
        self.hall_action = self._action("H&all board", HALL_BOARD_SHORTCUT)
        self.hall_action.setCheckable(True)
        self.hall_action.toggled.connect(self._on_hall_toggled)
        self.provisional_action = self._action(
            "Show &provisional results on the hall board", PROVISIONAL_SHORTCUT
        )
        self.provisional_action.setCheckable(True)
        self.provisional_action.toggled.connect(self._on_provisional_toggled)
        self.board: HallBoard | None = None
        self.feed.updated.connect(self._on_updated)
        # The board is a window of its own: it closes with the main window.
        window.installEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_screen_added)

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
        menu.addAction(self.hall_action)
        menu.addAction(self.provisional_action)

    def show_overview(self) -> None:
        """Show the overview of every contest, the keyboard in its table."""
        window = self._window
        window.stack.setCurrentWidget(self.page)
        if window.contest_id is None:
            window.contest_label.set_full_text("Every contest of the night: Enter opens one")
        # The overview wants the whole width of a laptop's screen, like the count.
        window._list_fold.fit(window.width(), contest_open=True)
        self.page.focus_table()

    def _on_contest_chosen(self, contest_id: str) -> None:
        window = self._window
        window.open_contest(contest_id, window.tabs.indexOf(window.count_view))

    # -- the hall board -------------------------------------------------------------------

    def _title(self) -> str:
        names = {e.authority or e.title for e in self._window.desk.elections()}
        return names.pop() if len(names) == 1 else "Election results"

    def _on_hall_toggled(self, on: bool) -> None:
        if on and self.board is None:
            board = HallBoard(self._title())
            board.set_show_provisional(self.provisional_action.isChecked())
            board.closed.connect(self._on_board_closed)
            self.board = board
            self.feed.start_using()
            if self.feed.overview is not None:
                board.set_overview(self.feed.overview)
            place_board(board, self._window)
        elif not on and self.board is not None:
            self.board.close()

    def _on_board_closed(self) -> None:
        board, self.board = self.board, None
        if board is not None:
            self.feed.stop_using()
            board.deleteLater()
        self.hall_action.setChecked(False)

    def _on_updated(self, overview: ElectionOverview) -> None:
        if self.board is not None:
            self.board.set_overview(overview)

    def _on_provisional_toggled(self, on: bool) -> None:
        if on and not confirm_provisional(self._window):
            self.provisional_action.setChecked(False)
            return
        if self.board is not None:
            self.board.set_show_provisional(on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self._window and event.type() == QEvent.Type.Close and self.board:
            self.board.close()
        return False

    def _on_screen_added(self, _screen: QScreen) -> None:
        """A projector plugged in while the board is open on the laptop's screen: move it."""
        if self.board is not None and not self.board.isFullScreen():
            place_board(self.board, self._window)


def confirm_provisional(parent: QMainWindow) -> bool:
    """Ask the Returning Officer to confirm putting provisional results on the hall board."""
    answer = QMessageBox.question(
        parent,
        "Show provisional results?",
        "Show provisional results on the hall board?\n\nOnly contests whose provisional result "
        'has been shown to the candidates and agents are shown, each marked "Provisional '
        'result: not declared". Anyone in the hall can read them. Show them only if the '
        "Returning Officer has decided so.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
