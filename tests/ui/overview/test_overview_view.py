"""The Election overview screen: every contest, sortable, opening a contest with Enter, and
following changes made in the window and by another program."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import CountDesk
from desktop.ui.overview.overview_model import RESULT, STAGE, WAITING, ContestIdRole, OverviewModel
from desktop.ui.window.main_window import MainWindow
from tests.district_night import OFFICER, ward_id


def _open(window: MainWindow):
    window.findChild(type(window.election_screens.overview_action), "Election overview").trigger()
    return window.election_screens.page


def _row_of(page, contest_id: str) -> int:
    proxy = page.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(ContestIdRole) == contest_id:
            return row
    raise AssertionError(contest_id)


def _cell(page, contest_id: str, column: int) -> str:
    return page.proxy.index(_row_of(page, contest_id), column).data()


def test_the_model_passes_the_model_tester(qtmodeltester, window):
    model = OverviewModel()
    model.set_overview(window.desk.overview.election())
    qtmodeltester.check(model)


def test_view_menu_shows_every_contest_and_the_totals(qtbot, window):
    page = _open(window)
    assert window.stack.currentWidget() is page
    assert page.proxy.rowCount() == 16
    assert page.totals_label.text().startswith("Declared 4 of 16 contests")
    assert _cell(page, ward_id(5), WAITING) == "2 boxes to verify"
    assert _cell(page, ward_id(4), WAITING) == "entries differ (1 figure)"
    assert "majority" in _cell(page, ward_id(0), RESULT)
    assert _cell(page, ward_id(1), RESULT).startswith("provisional: ")
    assert page.table.hasFocus()


def test_sorting_by_stage_follows_the_night_not_the_alphabet(window):
    page = _open(window)
    page.table.sortByColumn(STAGE, Qt.SortOrder.AscendingOrder)
    stages = [page.proxy.index(r, STAGE).data() for r in range(page.proxy.rowCount())]
    night = ["setup", "verification", "count", "provisional result", "declared"]
    assert stages == sorted(stages, key=night.index)
    assert stages[0] == "setup" and stages[-1] == "declared"


def test_enter_opens_the_contest_on_its_count_screen(qtbot, window):
    page = _open(window)
    page.table.setCurrentIndex(page.proxy.index(_row_of(page, ward_id(3)), 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.contest_id == ward_id(3)
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.count_view


def test_a_declaration_in_the_window_shows_at_once(qtbot, window):
    page = _open(window)
    window.desk.declare(ward_id(1), "Supervisor", OFFICER)
    window.events.count_changed.emit(ward_id(1))  # as the declaration dialog announces it
    qtbot.waitUntil(lambda: page.totals_label.text().startswith("Declared 5 of 16"))
    assert not _cell(page, ward_id(1), RESULT).startswith("provisional")


def test_a_change_made_by_another_program_is_noticed(qtbot, window, night_path):
    page = _open(window)
    window.election_screens.feed.poll.setInterval(20)
    other = CountDesk.open(night_path)
    other.declare(ward_id(9), "Supervisor", OFFICER)  # the command line, or another station
    other.close()
    qtbot.waitUntil(lambda: page.totals_label.text().startswith("Declared 5 of 16"), timeout=3000)
    assert _cell(page, ward_id(9), STAGE) == "declared"


def test_the_start_page_offers_the_overview(qtbot, window):
    assert window.start_page.overview_button.isVisible()
    window.start_page.overview_button.click()
    assert window.stack.currentWidget() is window.election_screens.page


def test_nothing_is_read_while_no_screen_shows_the_overview(qtbot, window):
    feed = window.election_screens.feed
    assert not feed.in_use and feed.overview is None
    window.events.count_changed.emit(ward_id(0))
    qtbot.wait(5)
    assert feed.overview is None


@pytest.mark.parametrize("larger", [0, 4], ids=["normal text", "large text"])
def test_at_1024x768_every_column_is_in_sight(qtbot, window, larger):
    window.change_text_size(larger)
    try:
        page = _open(window)
        qtbot.wait(10)
        table = page.table
        header = table.horizontalHeader()
        widths = sum(header.sectionSize(c) for c in range(header.count()))
        assert widths <= table.viewport().width()  # nothing scrolls sideways
        # Words wrap rather than being cut: a cell wider than its column takes more lines.
        metrics = table.fontMetrics()
        wrapped = 0
        for row in range(page.proxy.rowCount()):
            for column in range(header.count()):
                text = page.proxy.index(row, column).data() or ""
                if metrics.horizontalAdvance(text) > header.sectionSize(column):
                    assert table.rowHeight(row) >= 2 * metrics.lineSpacing(), text
                    wrapped += 1
        assert wrapped or not larger  # at large text some words must wrap at this width
    finally:
        window.change_text_size(0)  # the application's text as it was, for the tests after
