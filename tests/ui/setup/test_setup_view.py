"""The Setup tab: its heading, adding and removing candidates, and what is locked once counted."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.ui.setup import setup_view
from desktop.ui.setup.setup_view import SetupView
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES
from tests.ui.setup.steps import DESCRIPTION, SURNAME, record_a_count, row_of, surnames

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def test_the_header_names_the_area_type_and_poll_date(view):
    assert view.heading_label.text() == "Batley and Spen"
    assert "UK Parliamentary" in view.subheading_label.text()
    assert "1 July 2021" in view.subheading_label.text()
    assert "Ctrl+3" in view.hint_label.text()


def test_a_candidate_is_added_and_the_addition_undone(qtbot, view, ctx, monkeypatch):
    monkeypatch.setattr(
        setup_view,
        "ask_new_candidate",
        lambda parent: {"surname": "Aardvark", "forenames": "Ann", "description": "Independent"},
    )
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert surnames(ctx)[0] == "Aardvark"
    assert view.model.rowCount() == 17
    assert view.selected_candidate_id() == ctx.desk.candidates(BATLEY)[0].id
    ctx.undo_stack.undo()
    assert "Aardvark" not in surnames(ctx)
    assert view.model.rowCount() == 16
    ctx.undo_stack.redo()
    assert surnames(ctx)[0] == "Aardvark"


def test_ctrl_shift_n_adds_a_candidate(qtbot, view, ctx, monkeypatch):
    monkeypatch.setattr(setup_view, "ask_new_candidate", lambda parent: {"surname": "Zed"})
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert surnames(ctx)[-1] == "Zed"


def test_a_cancelled_addition_adds_nothing(qtbot, view, ctx, monkeypatch):
    monkeypatch.setattr(setup_view, "ask_new_candidate", lambda parent: None)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert len(ctx.desk.candidates(BATLEY)) == 16
    assert ctx.undo_stack.count() == 0


def test_a_candidate_is_removed_after_confirmation_and_the_removal_undone(
    qtbot, view, ctx, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        setup_view, "confirm_removal", lambda parent, name, area: asked.append(name) or True
    )
    laird = ctx.desk.candidate_by_name(BATLEY, "Susan Laird").id
    view.select_candidate(laird)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert asked == ["LAIRD, Susan"]
    assert "Laird" not in surnames(ctx)
    assert view.model.rowCount() == 15

    ctx.undo_stack.undo()
    assert "Laird" in surnames(ctx)
    restored = ctx.desk.candidate_by_name(BATLEY, "Susan Laird")
    assert restored.description == "Heritage Party"
    ctx.undo_stack.redo()
    assert "Laird" not in surnames(ctx)


def test_an_edit_made_before_a_removal_can_still_be_undone_after_it(view, ctx, monkeypatch):
    model = view.model
    monkeypatch.setattr(setup_view, "confirm_removal", lambda *args: True)
    assert model.setData(model.index(row_of(model, "Laird"), DESCRIPTION), "Heritage")
    view.select_candidate(ctx.desk.candidate_by_name(BATLEY, "Susan Laird").id)
    view.remove_button.click()
    ctx.undo_stack.undo()  # the removal: Susan Laird comes back with a new id
    ctx.undo_stack.undo()  # the description, on the candidate under her new id
    assert ctx.desk.candidate_by_name(BATLEY, "Susan Laird").description == "Heritage Party"
    assert not view.message_label.isVisible()


def test_a_declined_removal_removes_nothing(view, ctx, monkeypatch):
    monkeypatch.setattr(setup_view, "confirm_removal", lambda *args: False)
    view.remove_button.click()
    assert len(ctx.desk.candidates(BATLEY)) == 16


def test_adding_and_removing_are_refused_once_a_count_is_recorded(view, ctx, monkeypatch):
    record_a_count(ctx)
    # The view has not heard of the count yet: the services refuse, and the view says why.
    assert not view.add_candidate("Aardvark", "Ann")
    assert "once a count is recorded" in view.message_label.text()
    assert view.message_label.isVisible()
    assert len(ctx.desk.candidates(BATLEY)) == 16
    assert not view.add_button.isEnabled()
    assert "once a count is recorded" in view.add_button.toolTip()
    assert not view.remove_button.isEnabled()
    assert "once a count is recorded" in view.remove_button.toolTip()

    view.set_contest(BATLEY)
    assert not view.remove_candidate(ctx.desk.candidates(BATLEY)[0].id)
    assert "cannot be removed once a count is recorded" in view.message_label.text()
    assert len(ctx.desk.candidates(BATLEY)) == 16
    assert ctx.undo_stack.count() == 0
    assert view.fact_edits["seats"].isReadOnly()


def test_the_buttons_are_disabled_when_the_count_view_records_a_count(view, ctx):
    assert view.add_button.isEnabled()
    record_a_count(ctx)
    ctx.events.count_changed.emit(BATLEY)
    assert not view.add_button.isEnabled()
    assert view.lock_label.isVisible()


def test_no_contest_shows_an_empty_view(qtbot, ctx):
    view = SetupView(ctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0
    assert not view.add_button.isEnabled()
    assert view.heading_label.text() == "No contest chosen"


def test_another_contest_is_shown_without_old_messages(qtbot, view, ctx):
    view.model.setData(view.model.index(0, SURNAME), "")
    assert view.message_label.isVisible()
    other = ctx.desk.create_contest(
        "Tester", type_code="parl", poll_date=date(2024, 7, 4), area="Elsewhere"
    )
    view.set_contest(other.id)
    assert not view.message_label.isVisible()
    assert view.model.rowCount() == 0
    assert view.fact_edits["electorate"].text() == ""


def test_names_are_locked_once_a_count_is_recorded(view, ctx):
    from PySide6.QtCore import Qt

    desk = ctx.desk
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")
    ctx.events.count_changed.emit(BATLEY)
    model = view.model
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "Changed")
    assert desk.candidates(BATLEY)[0].surname == "Bickerdike"
    assert "renamed" in view.lock_label.text()


def test_once_declared_every_fact_looks_fixed(view, ctx):
    desk = ctx.desk
    desk.set_contest_details(
        BATLEY,
        "Tester",
        officer_name="Jacqui Gedman",
        electorate=79373,
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.advance(BATLEY, "verification", "Tester")
    desk.advance(BATLEY, "count", "Tester")
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")
    desk.advance(BATLEY, "provisional", "Tester")
    desk.declare(BATLEY, "Tester", "Jacqui Gedman")
    ctx.events.announce(BATLEY)
    edits = view.facts_box.fact_edits
    assert edits and all(e.isReadOnly() and not e.isEnabled() for e in edits.values())
    # Still readable: the figures are shown, greyed.
    assert edits["electorate"].text() == "79,373"


def test_enter_saves_a_fact_and_moves_on_to_the_next(qtbot, view, ctx):
    edits = view.facts_box.fact_edits
    officer = edits["officer_name"]
    officer.setFocus()
    officer.selectAll()
    qtbot.keyClicks(officer, "Jacqui Gedman")
    qtbot.keyClick(officer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.focusWidget() is edits["officer_title"])
    assert ctx.desk.contest(BATLEY).officer_name == "Jacqui Gedman"
    qtbot.keyClicks(view.focusWidget(), "Acting Returning Officer")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert ctx.desk.contest(BATLEY).officer_title == "Acting Returning Officer"
    assert officer.text() == "Jacqui Gedman"  # nothing typed after it went into it


def test_a_refused_fact_keeps_the_keyboard_to_be_put_right(qtbot, view, ctx):
    electorate = view.facts_box.fact_edits["electorate"]
    electorate.setFocus()
    electorate.selectAll()
    qtbot.keyClicks(electorate, "79.373")
    qtbot.keyClick(electorate, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert view.focusWidget() is electorate
