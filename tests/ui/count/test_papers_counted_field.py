"""Several seats: the count form asks for the valid ballot papers counted, keyed in the same
Enter-moves-on order, and the live panel shows whether the papers add up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

#: 1,600 votes on 1,000 papers verified (3 seats), keyed in ballot order.
VOTES = ["400", "350", "300", "250", "150", "100", "50"]


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("Tester")
    desk.import_candidates(WARD_CSV, "Tester")
    desk.set_contest_facts(
        WARD, "Tester", electorate=3_000, ballot_papers_verified=1_000, officer_name="J. Ro"
    )
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    return window


def _shown_findings(window: MainWindow) -> str:
    model = window.count_view.live_panel.findings_model
    return " ".join(str(model.index(i, 0).data()) for i in range(model.rowCount()))


def _key(qtbot, window: MainWindow, text: str) -> None:
    widget = window.focusWidget()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_the_papers_counted_are_keyed_after_the_votes_and_reconciled_live(qtbot, window):
    window.open_contest(WARD)
    view = window.count_view
    view.focus_first_field()
    names = [edit.accessibleName() for edit in view._order]
    assert names[len(VOTES)] == "Valid ballot papers counted"
    assert names[len(VOTES) + 1].startswith("Rejected papers (a)")
    assert names[-1] == "Ballot papers verified"
    for votes in VOTES:
        _key(qtbot, window, votes)
    assert window.focusWidget().accessibleName() == "Valid ballot papers counted"
    _key(qtbot, window, "600")
    for _heading in range(5):
        _key(qtbot, window, "0")
    desk = view.ctx.desk
    assert desk.draft(WARD).valid_papers_counted == 600
    panel = view.live_panel
    assert panel._labels["unaccounted"].text() == "Papers counted + rejected"
    assert panel.value_text("unaccounted") == "400 papers not accounted for (600 + 0 of 1,000)"
    assert "C221" in _shown_findings(window)
    assert "400 ballot papers are unaccounted for" in _shown_findings(window)
    # The papers found: the figure typed over, and the papers add up.
    qtbot.mouseClick(view._order[len(VOTES)], Qt.MouseButton.LeftButton)
    view._order[len(VOTES)].selectAll()
    _key(qtbot, window, "1,000")
    assert desk.draft(WARD).valid_papers_counted == 1_000
    assert panel.value_text("unaccounted") == (
        "1,000 + 0 = 1,000 – the papers add up (votes 1,000 to 3,000)"
    )
    assert "C221" not in _shown_findings(window)
    assert [f.code for f in view.last_result.errors] == []
    view.record_count()
    stored = desk.latest_count(WARD)
    assert stored is not None and stored.figures.valid_papers_counted == 1_000


def test_the_field_is_in_sight_at_1024_by_768_without_scrolling_sideways(qtbot, window):
    window.open_contest(WARD)
    view = window.count_view
    (row,) = [r for r in view._rows if r.kind == "counted"]
    view._put_keyboard(row.edit)
    qtbot.waitUntil(lambda: row.edit.visibleRegion().boundingRect().width() == row.edit.width())
    viewport = view._scroll.viewport()
    left = row.edit.mapTo(viewport, QPoint(0, 0))
    assert view._scroll.horizontalScrollBar().maximum() == 0
    assert left.x() >= 0 and left.x() + row.edit.width() <= viewport.width()
    assert left.y() >= 0 and left.y() + row.edit.height() <= viewport.height()


def test_a_single_seat_has_no_papers_counted_field(window):
    window.open_contest(BATLEY)
    assert [r for r in window.count_view._rows if r.kind == "counted"] == []
    assert "Valid ballot papers counted" not in [
        e.accessibleName() for e in window.count_view._order
    ]
