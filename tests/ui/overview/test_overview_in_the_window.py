"""The overview and the hall board follow a count keyed in the window, with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.ui.overview.overview_model import WAITING, ContestIdRole
from tests.district_night import ward_id

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot, window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def _waiting(page, contest_id: str) -> str:
    proxy = page.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(ContestIdRole) == contest_id:
            return proxy.index(row, WAITING).data()
    raise AssertionError(contest_id)


def test_a_first_entry_keyed_in_the_window_shows_on_the_overview_and_the_board(qtbot, window):
    with qtbot.waitActive(window):
        window.activateWindow()
    _press(qtbot, window, Qt.Key.Key_H, CTRL_SHIFT)  # the hall board
    board = window.election_screens.board
    assert board is not None
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    _press(qtbot, window, Qt.Key.Key_O, CTRL_SHIFT)  # the overview
    page = window.election_screens.page
    assert _waiting(page, ward_id(6)) == "count to key in"
    # Down to ward 6 and Enter: its count screen, the keyboard in its first figure.
    for _ in range(6):
        _press(qtbot, window, Qt.Key.Key_Down)
    _press(qtbot, window, Qt.Key.Key_Return)
    assert window.contest_id == ward_id(6)
    assert window.tabs.currentWidget() is window.count_view
    candidates = window.desk.candidates(ward_id(6))
    for n, _ in enumerate(candidates):
        qtbot.keyClicks(QApplication.focusWidget(), str(100 + 10 * n))
        _press(qtbot, window, Qt.Key.Key_Return)
    for _ in window.desk.contest(ward_id(6)).type.heading_keys:
        qtbot.keyClicks(QApplication.focusWidget(), "0")
        _press(qtbot, window, Qt.Key.Key_Return)
    # The papers verified were set for other figures: make them reconcile before recording.
    papers = sum(100 + 10 * n for n in range(len(candidates)))
    window.desk.set_contest_details(ward_id(6), "Supervisor", ballot_papers_verified=papers)
    window.events.setup_changed.emit(ward_id(6))
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)  # Record first entry
    assert window.desk.entry_state(ward_id(6)).held
    _press(qtbot, window, Qt.Key.Key_O, CTRL_SHIFT)
    # The first entry's own warnings wait for the count that stands: the second entry first.
    qtbot.waitUntil(lambda: _waiting(page, ward_id(6)).startswith("second entry"))
    tile = next(t for t in board.tiles if t.contest_id == ward_id(6))
    assert "Count" in " ".join(label.text() for label in tile.findChildren(QLabel))
    assert "100" not in " ".join(label.text() for label in tile.findChildren(QLabel))
