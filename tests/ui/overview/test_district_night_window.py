"""The whole May night in the window: Calderbrook's 30 wards, two parish wards, the police
area's local count and a neighbourhood plan referendum on shared boxes. The overview and the
hall board show each result as it is declared (and the PCC's local totals as sent), whether
declared from this window or from another station's command line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.services import CountDesk
from desktop.ui.overview.overview_model import POLL, STAGE, ContestIdRole
from desktop.ui.window.main_window import MainWindow
from tests import district

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _tile(board, contest_id: str) -> str:
    """The contest's tile as the hall reads it, on whichever page the board shows it: the
    board pages by itself (34 contests do not fit one screen), here one page at a time."""
    for _ in range(max(len(board.pages), 1)):
        tiles = [t for t in board.tiles if t.contest_id == contest_id]
        if tiles:
            return " | ".join(label.text() for label in tiles[0].findChildren(QLabel))
        board.next_page()
    raise AssertionError(f"{contest_id} is on no page of the board")


def _board(board) -> str:
    return " | ".join(label.text() for label in board.findChildren(QLabel))


def test_the_overview_and_the_hall_board_follow_the_whole_night(qtbot, tmp_path):
    db = district.set_up_night(tmp_path)
    district.verify_every_poll(db)
    district.cli(db, "combined", "--explain-suggested", district.ward_boxes("Calder Vale")[0],
                 "--operator", "Sup")  # fmt: skip
    district.set_facts(db)
    polls = district.night_polls()
    district.count_every_poll(db)
    ward, pcc, referendum = polls[0], polls[-2], polls[-1]
    for poll in (ward, pcc, referendum):
        district.declare(db, poll, tmp_path)

    window = MainWindow(CountDesk.open(db), db)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)  # the hall board
    board = window.election_screens.board
    assert board is not None
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_O, CTRL_SHIFT)
    page = window.election_screens.page
    assert page.proxy.rowCount() == 34
    assert len(board.pages) > 1  # 34 contests: the board pages through them by itself

    # Declared: the ward's elected; the referendum's answers and which carried; the PCC sent.
    result = window.desk.result(ward.contest_id)
    winner = result.line(result.elected[0]).candidate.display_name
    assert f"Elected: {winner}" in _tile(board, ward.contest_id)
    text = _tile(board, referendum.contest_id)
    assert "Yes" in text and "No" in text and "“Yes” carried" in text
    assert "Elected" not in text
    assert "Sent at" in _tile(board, pcc.contest_id)
    assert "Declared 2 of 33" in _board(board)
    # A ward only shown provisionally: no figure on the board.
    other = polls[1]
    shown = window.desk.result(other.contest_id)
    leader = shown.line(shown.elected[0])
    assert "Provisional result" in _tile(board, other.contest_id)
    assert f"{leader.votes:,}" not in _tile(board, other.contest_id)
    assert leader.candidate.display_name not in _tile(board, other.contest_id)

    # Another station declares a ward from the command line: both screens follow.
    district.declare(db, other, tmp_path)
    qtbot.waitUntil(lambda: "Declared 3 of 33" in _board(board), timeout=10_000)
    assert "Declared at" in _tile(board, other.contest_id)
    rows = {page.proxy.index(r, 0).data(ContestIdRole): r for r in range(page.proxy.rowCount())}
    assert page.proxy.index(rows[other.contest_id], STAGE).data() == "declared"
    # The polls of the night told apart, on the overview and on the board.
    assert page.proxy.index(rows[pcc.contest_id], POLL).data() == "PCC"
    assert "West Calder · PCC" in _tile(board, pcc.contest_id)
    assert "Hebble Bridge Neighbourhood Plan · Referendum" in _tile(board, referendum.contest_id)
    assert " · " not in _tile(board, ward.contest_id).split(" | ")[0]
