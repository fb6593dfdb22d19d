"""The start page: open the demo, import candidates, create a contest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.ui.start import contest_actions
from desktop.ui.start.start_page import StartPage
from tests.sample import BATLEY, WARD, WARD_CSV
from tests.ui.start.steps import choose_file


def test_open_the_demo_emits_the_demo_contest(qtbot, ctx, shown):
    page = StartPage(ctx)
    qtbot.addWidget(page)
    with (
        qtbot.waitSignal(page.contest_chosen) as chosen,
        qtbot.waitSignal(ctx.events.contests_changed),
    ):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert chosen.args == ["parl.batley-and-spen.by.2021-07-01"]
    assert [c.id for c in ctx.desk.contests()] == [BATLEY]
    assert shown == []


def test_import_from_the_start_page_emits_the_imported_contest(qtbot, ctx, shown, monkeypatch):
    choose_file(monkeypatch, WARD_CSV)
    page = StartPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.contest_chosen) as chosen:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [WARD]


def test_a_cancelled_choice_emits_nothing(qtbot, ctx, shown, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    monkeypatch.setattr(contest_actions, "exec_dialog", lambda dialog: dialog.reject())
    page = StartPage(ctx)
    qtbot.addWidget(page)
    with qtbot.assertNotEmitted(page.contest_chosen):
        page.import_button.click()
        page.create_button.click()
    assert ctx.desk.contests() == []


def test_the_buttons_show_their_shortcuts_and_have_accessible_names(qtbot, ctx):
    page = StartPage(ctx)
    qtbot.addWidget(page)
    for button, shortcut in (
        (page.demo_button, "Ctrl+D"),
        (page.import_button, "Ctrl+I"),
        (page.create_button, "Ctrl+N"),
    ):
        assert shortcut in button.text()
        assert button.accessibleName()
        assert button.shortcut().isEmpty()  # the main window owns the shortcut itself
    assert "Batley and Spen by-election, 1 July 2021" in page.demo_button.text()
