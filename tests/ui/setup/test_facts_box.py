"""The contest facts, each saved as it is typed and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from tests.sample import BATLEY


def test_a_decimal_electorate_is_refused_then_a_good_one_saved_and_undone(qtbot, view, ctx):
    edit = view.fact_edits["electorate"]
    message = view.fact_messages["electorate"]
    assert edit.text() == "79,373"
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "79.373")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert ctx.desk.contest(BATLEY).electorate == 79373
    assert message.isVisible()
    assert "F102" in message.text() and "79,373" in message.text()
    assert edit.text() == "79.373"  # kept for correcting
    assert ctx.undo_stack.count() == 0

    edit.clear()
    qtbot.keyClicks(edit, "80,000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert ctx.desk.contest(BATLEY).electorate == 80000
    assert not message.isVisible()
    assert edit.text() == "80,000"

    ctx.undo_stack.undo()
    assert ctx.desk.contest(BATLEY).electorate == 79373
    assert edit.text() == "79,373"
    ctx.undo_stack.redo()
    assert ctx.desk.contest(BATLEY).electorate == 80000


def test_ctrl_z_in_a_saved_field_undoes_the_saved_edit(qtbot, view, ctx):
    """With nothing of its own to undo, a field leaves Ctrl+Z to the window's undo action."""
    undo = ctx.undo_stack.createUndoAction(view)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    view.addAction(undo)
    edit = view.fact_edits["electorate"]
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "80000")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert ctx.desk.contest(BATLEY).electorate == 80000
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.desk.contest(BATLEY).electorate == 79373
    assert edit.text() == "79,373"


def test_text_facts_authority_seats_and_bundle_size_save(qtbot, view, ctx):
    for key, typed in (
        ("officer_name", "Jacqui Gedman"),
        ("imprint_address", "Town Hall, Huddersfield"),
        ("authority", "Kirklees Metropolitan Council"),
        ("bundle_size", "25"),
        ("seats", "2"),
    ):
        edit = view.fact_edits[key]
        edit.setFocus()
        edit.clear()
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    contest = ctx.desk.contest(BATLEY)
    assert contest.officer_name == "Jacqui Gedman"
    assert contest.imprint_address == "Town Hall, Huddersfield"
    assert contest.bundle_size == 25
    assert contest.seats == 2
    assert ctx.desk.election_of(contest).authority == "Kirklees Metropolitan Council"
    assert "Town Hall, Huddersfield" in view.imprint_preview.text()
    assert ctx.undo_stack.count() == 5
    ctx.undo_stack.undo()
    assert ctx.desk.contest(BATLEY).seats == 1


def test_the_officer_title_shows_the_usual_title_as_placeholder(view):
    assert view.fact_edits["officer_title"].placeholderText() == "Acting Returning Officer"


def test_every_fact_has_an_accessible_name_and_a_label_with_a_mnemonic(view):
    buddies = {label.buddy(): label.text() for label in view.findChildren(QLabel) if label.buddy()}
    for edit in view.fact_edits.values():
        assert edit.accessibleName()
        assert "&" in buddies[edit]
    assert view.table in buddies


def test_an_officer_name_over_200_characters_is_refused_and_kept_for_correcting(qtbot, view, ctx):
    edit = view.fact_edits["officer_name"]
    message = view.fact_messages["officer_name"]
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "J" * 201)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert message.isVisible()
    assert "201 characters long, but may be at most 200" in message.text()
    assert edit.text() == "J" * 201
    assert ctx.desk.contest(BATLEY).officer_name != "J" * 201
    assert ctx.undo_stack.count() == 0
