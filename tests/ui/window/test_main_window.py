"""The main window: start page, navigator, tabs, menus with shortcuts, large text, start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLineEdit

from desktop.services import CountDesk
from desktop.ui.window import main_window as main_window_module
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_CSV, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "db.sqlite"
    window = MainWindow(CountDesk.open(path), path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window._apply_point_size(window._base_point_size)


def _action(window: MainWindow, name: str):
    return next(a for a in window.findChildren(type(window.print_action)) if a.objectName() == name)


def test_an_empty_database_shows_the_start_page(window):
    assert window.stack.currentWidget() is window.start_page
    assert "No contest yet" in window.contest_label.text()
    assert not window.print_action.isEnabled()


def test_open_the_demo_goes_to_the_count_screen_with_the_contest_named(qtbot, window):
    _action(window, "Open the demo").trigger()
    assert window.contest_id == BATLEY
    assert window.tabs.currentWidget() is window.count_view
    assert window.contest_label.text().startswith("Batley and Spen · UK Parliamentary by-election")
    assert window.count_view.focusWidget().accessibleName() == "Votes for BICKERDIKE, Paul"
    index = window.navigator.navigator_model.index_of(BATLEY)
    assert index.isValid()
    assert window.navigator.currentIndex() == index


def test_every_action_has_a_shortcut_shown_in_its_menu(window):
    without = [
        a.text()
        for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
        for a in menu.actions()
        if not a.isSeparator() and a.menu() is None and a.shortcut().isEmpty()
    ]
    assert without == ["&About CountDesk"]


def test_tab_shortcuts_and_record_action(qtbot, window):
    _action(window, "Open the demo").trigger()
    _action(window, "Show setup").trigger()
    assert window.tabs.currentWidget() is window.setup_view
    _action(window, "Show documents").trigger()
    assert window.tabs.currentWidget() is window.documents_view
    _action(window, "Show count").trigger()
    assert window.tabs.currentWidget() is window.count_view


def test_every_input_and_button_has_an_accessible_name(window):
    _action(window, "Open the demo").trigger()
    unnamed = []
    for kind in (QLineEdit, QAbstractButton, QComboBox, QAbstractSpinBox):
        for widget in window.findChildren(kind):
            name = widget.accessibleName() or (
                widget.text() if isinstance(widget, QAbstractButton) else ""
            )
            if not name.strip() and widget.isVisibleTo(window):
                unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_larger_text_scales_the_whole_window(qtbot, window):
    _action(window, "Open the demo").trigger()
    before = QApplication.font().pointSize()
    header_before = window.contest_label.font().pointSizeF()
    _action(window, "Larger text").trigger()
    _action(window, "Larger text").trigger()
    assert QApplication.font().pointSize() == before + 2
    assert window.contest_label.font().pointSizeF() > header_before
    first = window.count_view.first_field()
    assert first.font().pointSize() == before + 2
    assert first.width() > first.fontMetrics().horizontalAdvance("00,000,000")
    panel = window.count_view.live_panel
    assert panel._values["valid"].font().pointSizeF() == before + 2  # bold, not scaled twice
    assert panel._values["majority"].font().pointSizeF() == pytest.approx((before + 2) * 1.3)
    _action(window, "Normal text size").trigger()
    assert QApplication.font().pointSize() == before
    assert window.contest_label.font().pointSizeF() == pytest.approx(header_before)


def test_an_unknown_contest_is_a_plain_message(window, monkeypatch):
    said = []
    monkeypatch.setattr(
        main_window_module.QMessageBox, "warning", lambda *args: said.append(args[2])
    )
    window.open_contest("parl.nowhere.2024-07-04")
    assert "no contest with the id" in said[0]
    assert "command" not in said[0]  # the window speaks of the window's list, not the CLI
    assert window.contest_id is None


def test_the_command_opens_a_contest_and_quits_after_the_first_paint(tmp_path):
    db = tmp_path / "db.sqlite"
    CountDesk.open(db).import_candidates(BATLEY_CSV, "Tester")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--db", str(db), "--contest", BATLEY,
         "--exit-after-startup"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_navigator_model_passes_the_model_tester(qtmodeltester, window):
    window.desk.open_demo("Tester")
    window.desk.import_candidates(WARD_CSV, "Tester")
    window.navigator.reload()
    model = window.navigator.navigator_model
    assert model.rowCount() == 2
    ward = model.index_of("local.testborough.earlsfield.2026-05-07")
    assert ward.data() == "Earlsfield"
    assert ward.siblingAtColumn(1).data() == "3"
    assert ward.siblingAtColumn(2).data() == "setup"
    qtmodeltester.check(model)


def test_the_keyboard_follows_the_page_and_never_lands_on_the_operator(qtbot, window):
    from PySide6.QtCore import Qt

    from tests.sample import BOXES_CSV

    _action(window, "Open the demo").trigger()
    window.desk.import_verification_csv(BATLEY, BOXES_CSV, "Tester")
    window.events.setup_changed.emit(BATLEY)
    qtbot.wait(10)  # the rebuilt count screen's fields are shown by the event loop
    assert window.operator_edit.focusPolicy() == Qt.FocusPolicy.ClickFocus
    _action(window, "Show verification").trigger()
    assert window.focusWidget() is window.verification_view.table
    qtbot.keyClicks(window.focusWidget(), "2")
    # Whatever is typed on the verification page goes into its table, not a hidden vote field.
    assert all(v is None for v in window.desk.draft(BATLEY).votes.values())
    _action(window, "Show count").trigger()
    assert window.focusWidget() is window.count_view.first_field()


def test_the_night_menu_offers_what_the_stage_allows(window):
    from tests.sample import BATLEY_REJECTED, BATLEY_VOTES

    _action(window, "Open the demo").trigger()
    desk = window.desk
    assert not window.recount_action.isEnabled()
    assert not window.declare_action.isEnabled()
    assert not window.record_error_action.isEnabled()
    desk.set_contest_details(
        BATLEY,
        "T",
        officer_name="Jane Officer",
        imprint_address="Civic Centre",
        authority="Kirklees",
    )
    assert not window.lots_action.isEnabled()  # lots come after the provisional result
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "T")
    for status in ("verification", "count", "provisional"):
        desk.advance(BATLEY, status, "T")
    window.events.setup_changed.emit(BATLEY)
    assert window.recount_action.isEnabled() and window.declare_action.isEnabled()
    assert window.lots_action.isEnabled() and not window.record_error_action.isEnabled()
    desk.declare(BATLEY, "T", "Jane Officer")
    window.events.count_changed.emit(BATLEY)
    assert window.record_error_action.isEnabled() and not window.declare_action.isEnabled()
    assert window.record_error_action.text() == "Record an &error found after the declaration…"
    assert window.record_error_action.shortcut().toString() == "Ctrl+Shift+K"


def test_a_database_with_contests_opens_on_them_and_enter_opens_the_one_chosen(qtbot, tmp_path):
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("Tester")
    desk.import_candidates(WARD_CSV, "Tester")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = window.start_page
    assert window.stack.currentWidget() is page
    assert "no contests" not in page.begin_label.text()
    listed = [page.contests_list.item(i).text() for i in range(page.contests_list.count())]
    assert listed == [
        "Batley and Spen · 1 July 2021 · setup",
        "Earlsfield · 7 May 2026 · setup",
    ]
    assert window.focusWidget() is page.contests_list
    qtbot.keyClick(page.contests_list, Qt.Key.Key_Down)
    qtbot.keyClick(page.contests_list, Qt.Key.Key_Return)
    assert window.contest_id == "local.testborough.earlsfield.2026-05-07"
    assert window.tabs.currentWidget() is window.count_view


def test_show_count_goes_on_where_keying_stopped_and_never_onto_a_figure_out_of_sight(
    qtbot, window
):
    _action(window, "Open the demo").trigger()
    view = window.count_view
    for figure in ("102", "104", "50"):
        field = window.focusWidget()
        qtbot.keyClicks(field, figure)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    _action(window, "Show setup").trigger()
    _action(window, "Show count").trigger()
    focused = window.focusWidget()
    assert focused.accessibleName() == "Votes for GALLOWAY, George"
    assert focused.text() == ""  # nothing already entered is about to be typed over
    assert not focused.visibleRegion().isEmpty()
    assert view.first_field().text() == "102"


def test_a_new_text_size_keeps_the_keyboard_in_its_field(qtbot, window):
    _action(window, "Open the demo").trigger()
    first = window.focusWidget()
    qtbot.keyClicks(first, "102")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert window.focusWidget().accessibleName() == "Votes for DAVIES, Mike"
    window.change_text_size(+2)
    assert window.focusWidget().accessibleName() == "Votes for DAVIES, Mike"
    field = window.focusWidget()
    qtbot.keyClicks(field, "104")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    davies = window.desk.candidate_by_name(BATLEY, "Mike Davies").id
    assert window.desk.draft(BATLEY).votes[davies] == 104


def test_the_contest_list_is_used_from_the_keyboard(qtbot, window):
    window.desk.open_demo("Tester")
    window.desk.import_candidates(WARD_CSV, "Tester")
    window.navigator.reload()
    _action(window, "Go to the list of contests").trigger()
    navigator = window.navigator
    assert window.focusWidget() is navigator
    # Arrows move through the list without opening every contest on the way.
    for _ in range(4):
        qtbot.keyClick(navigator, Qt.Key.Key_Down)
    assert window.contest_id is None
    chosen = navigator.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    assert chosen in (BATLEY, "local.testborough.earlsfield.2026-05-07")
    qtbot.keyClick(navigator, Qt.Key.Key_Return)
    assert window.contest_id == chosen
    assert window.tabs.currentWidget() is window.count_view


def test_elections_of_one_type_and_day_are_told_apart(qtbot, tmp_path):
    from tests.sample import many_contests_csv

    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(many_contests_csv(tmp_path / "may.csv", 60), "Tester")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    model = window.navigator.navigator_model
    names = [model.item(row).text() for row in range(model.rowCount())]
    assert len(names) == 2 and len(set(names)) == 2
    assert names[0].endswith("Borough000, 7 May 2026")


def test_what_is_needed_is_in_the_night_menu(qtbot, window):
    window.desk.open_demo("Tester")
    window.open_contest(BATLEY)
    window.desk.advance(BATLEY, "verification", "Tester")
    window.desk.advance(BATLEY, "count", "Tester")
    window.status_panel.refresh()
    _action(window, "What is needed").trigger()
    dialog = window.status_panel.needs_dialog
    assert dialog is not None and dialog.isVisible()
