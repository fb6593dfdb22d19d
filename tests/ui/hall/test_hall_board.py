"""The hall board: declared results large and read only, provisional results only when the
Returning Officer chooses, paging by itself, and following the night as it happens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox, QWidget

from desktop.services import CountDesk
from desktop.ui.hall.hall_board import UNIT_SHARE, HallBoard
from desktop.ui.overview import screens as screens_module
from desktop.ui.window.main_window import MainWindow
from tests import district_night
from tests.district_night import OFFICER, ward_id


@pytest.fixture
def desk(tmp_path, db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    district_night.build(desk, tmp_path, 16)
    return desk


@pytest.fixture
def board(qtbot, desk) -> HallBoard:
    board = HallBoard("Northdale District Council")
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.set_overview(desk.overview.election())
    board.show()
    qtbot.waitExposed(board)
    return board


def _tile_text(board: HallBoard, contest_id: str) -> str:
    tile = next(t for t in board.tiles if t.contest_id == contest_id)
    return " | ".join(label.text() for label in tile.findChildren(QLabel))


def _board_text(board: HallBoard) -> str:
    return " | ".join(label.text() for label in board.findChildren(QLabel))


def test_a_declared_result_names_the_elected_their_votes_and_the_majority(board, desk):
    result = desk.result(ward_id(0))
    winner = result.line(result.elected[0])
    text = _tile_text(board, ward_id(0))
    assert "Declared at" in text
    assert f"Elected: {winner.candidate.display_name}" in text
    assert f"{winner.candidate.description}) | {winner.votes:,}" in text
    assert f"Majority | {result.majority:,}" in text
    assert "Declared 4 of 16" in _board_text(board)


def test_provisional_figures_are_hidden_until_the_officer_chooses(board, desk):
    result = desk.result(ward_id(1))
    leader = result.line(result.elected[0]).candidate.display_name
    assert leader not in _tile_text(board, ward_id(1))
    assert _tile_text(board, ward_id(1)).endswith("Provisional result")
    board.set_show_provisional(True)
    text = _tile_text(board, ward_id(1))
    assert "Provisional: not declared" in text and leader in text
    assert "Elected" not in text  # nobody is elected before the declaration
    # A count not yet shown to the candidates is never on the board.
    assert _tile_text(board, ward_id(4)).endswith("Count")


def test_the_headline_reads_from_ten_metres(board):
    headline = board.findChildren(QLabel)[0]
    assert headline.font().pixelSize() >= 0.04 * board.height()
    names = [t.findChildren(QLabel)[0] for t in board.tiles]
    assert all(n.font().pixelSize() >= round(UNIT_SHARE * board.height()) for n in names)


def test_it_pages_by_itself_when_the_contests_do_not_fit(qtbot, board):
    board.resize(1024, 768)
    qtbot.waitUntil(lambda: len(board.pages) > 1)
    shown = {t.contest_id for t in board.tiles}
    assert 0 < len(shown) < 16
    assert board.page_words.startswith(f"Page 1 of {len(board.pages)}")
    assert board.timer.isActive()
    board.timer.setInterval(10)
    qtbot.waitUntil(lambda: board.page == 1)
    assert {t.contest_id for t in board.tiles}.isdisjoint(shown)
    assert board.page_words.startswith(f"Page 2 of {len(board.pages)}")
    every = [row.contest_id for page in board.pages for column in page for row in column]
    assert sorted(every) == sorted(ward_id(n) for n in range(16))


def test_one_page_when_everything_fits(qtbot, desk):
    board = HallBoard()
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.set_overview(desk.overview.election(district_night.ELECTION))
    board.show()
    assert len(board.pages) == 1 and board.page_words == "" and not board.timer.isActive()


def test_nothing_on_it_can_be_edited_or_take_the_keyboard(board):
    widgets = [board, *board.findChildren(QWidget)]
    assert not [w for w in widgets if isinstance(w, QLineEdit | QAbstractButton)]
    assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus for w in widgets)
    labels = board.findChildren(QLabel)
    assert all(
        label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction for label in labels
    )


def test_escape_closes_it(qtbot, board):
    closed = []
    board.closed.connect(lambda: closed.append(True))
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert closed and not board.isVisible()


# -- in the window -----------------------------------------------------------------------


@pytest.fixture
def window(qtbot, desk, db_path) -> MainWindow:
    window = MainWindow(desk, db_path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_view_menu_toggles_the_board_and_it_follows_the_night(qtbot, window):
    screens = window.election_screens
    screens.hall_action.trigger()
    board = screens.board
    assert board is not None and board.isVisible()
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    assert "Declared 4 of 16" in _board_text(board)
    window.desk.declare(ward_id(1), "Supervisor", OFFICER)
    window.events.count_changed.emit(ward_id(1))
    qtbot.waitUntil(lambda: "Declared 5 of 16" in _board_text(board))
    assert "Declared at" in _tile_text(board, ward_id(1))
    screens.hall_action.trigger()
    assert screens.board is None and not screens.hall_action.isChecked()


def test_a_count_recorded_at_another_station_reaches_the_board(qtbot, window, db_path):
    screens = window.election_screens
    screens.hall_action.trigger()
    assert screens.board is not None
    qtbot.addWidget(screens.board)
    screens.board.resize(1920, 1080)  # every contest on one page
    screens.feed.poll.setInterval(20)
    other = CountDesk.open(db_path)
    other.declare(ward_id(9), "Supervisor", OFFICER)
    other.close()
    qtbot.waitUntil(lambda: "Declared at" in _tile_text(screens.board, ward_id(9)), timeout=3000)


def test_provisional_results_are_shown_only_once_confirmed(qtbot, window, monkeypatch):
    screens = window.election_screens
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return answers.pop(0)

    monkeypatch.setattr(screens_module.QMessageBox, "question", answer)
    screens.hall_action.trigger()
    assert screens.board is not None
    qtbot.addWidget(screens.board)
    assert not screens.provisional_action.isChecked()  # off when the app starts
    screens.provisional_action.trigger()
    assert not screens.provisional_action.isChecked() and not screens.board.show_provisional
    screens.provisional_action.trigger()
    assert screens.provisional_action.isChecked() and screens.board.show_provisional
    assert asked == ["Show provisional results?"] * 2
    screens.provisional_action.trigger()  # turning it off asks nothing
    assert len(asked) == 2 and not screens.board.show_provisional


def test_the_board_closes_with_the_window(qtbot, window):
    screens = window.election_screens
    screens.hall_action.trigger()
    board = screens.board
    assert board is not None
    qtbot.addWidget(board)
    window.close()
    assert not board.isVisible()


def test_f11_fills_the_screen_and_goes_back_to_a_window(qtbot, board):
    board.resize(800, 600)
    qtbot.keyClick(board, Qt.Key.Key_F11)
    assert board.isFullScreen()
    assert board.geometry() == board.screen().geometry()
    qtbot.keyClick(board, Qt.Key.Key_F11)
    assert not board.isFullScreen() and board.size().width() == 800


def test_an_update_keeps_the_contests_shown_on_the_board(qtbot, board):
    board.set_show_provisional(True)
    board.resize(1024, 768)
    qtbot.waitUntil(lambda: len(board.pages) > 1)
    board.next_page()
    first = board.tiles[0].contest_id
    # Shorter tiles on the first page: the pages change, the contest shown stays in sight.
    board.set_show_provisional(False)
    assert first in [t.contest_id for t in board.tiles]
