"""The Setup tab: candidates in ballot order and the contest facts, edited through the services."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.setup import setup_view
from desktop.ui.setup.candidate_table_model import CANDIDATE_COLUMNS, CandidateTableModel
from desktop.ui.setup.new_candidate_dialog import NewCandidateDialog
from desktop.ui.setup.setup_view import SetupView
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES

SURNAME = 1  # column of the surname
DESCRIPTION = 5


@pytest.fixture
def ctx(tmp_path) -> UiContext:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.open_demo("Tester")
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")


@pytest.fixture
def model(ctx) -> CandidateTableModel:
    model = CandidateTableModel(ctx)
    model.set_contest(BATLEY)
    return model


@pytest.fixture
def view(qtbot, ctx) -> SetupView:
    view = SetupView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def _surnames(ctx: UiContext) -> list[str]:
    return [c.surname for c in ctx.desk.candidates(BATLEY)]


def _model_surnames(model: CandidateTableModel) -> list[str]:
    return [model.index(row, SURNAME).data() for row in range(model.rowCount())]


def _row_of(model: CandidateTableModel, surname: str) -> int:
    return _model_surnames(model).index(surname)


def _record_a_count(ctx: UiContext) -> None:
    votes = {
        ctx.desk.candidate_by_name(BATLEY, name).id: figure for name, figure in BATLEY_VOTES.items()
    }
    ctx.desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")


# -- the candidate table model -------------------------------------------------------------


def test_candidate_model_passes_the_model_tester(qtmodeltester, model):
    assert model.rowCount() == 16
    qtmodeltester.check(model)


def test_candidate_model_shows_ballot_order_and_addresses_candidates_by_id(model, ctx):
    candidates = ctx.desk.candidates(BATLEY)
    assert [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(6)] == list(CANDIDATE_COLUMNS)  # fmt: skip
    assert [model.index(r, 0).data() for r in range(16)] == list(range(1, 17))
    assert [model.index(r, 3).data(Qt.ItemDataRole.UserRole) for r in range(16)] == [
        c.id for c in candidates
    ]
    assert model.index(0, SURNAME).data() == "Bickerdike"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, DESCRIPTION)) & Qt.ItemFlag.ItemIsEditable


def test_editing_a_surname_saves_it_resorts_and_is_undoable(qtbot, model, ctx):
    galloway = ctx.desk.candidate_by_name(BATLEY, "George Galloway").id
    row = _row_of(model, "Galloway")
    assert row == 3
    with qtbot.waitSignal(ctx.events.setup_changed) as changed:
        assert model.setData(model.index(row, SURNAME), "Zebedee")
    assert changed.args == [BATLEY]

    assert "Zebedee" in _surnames(ctx) and "Galloway" not in _surnames(ctx)
    assert _surnames(ctx)[-1] == "Zebedee"  # ballot order recomputed
    assert _model_surnames(model) == _surnames(ctx)
    assert model.index(15, SURNAME).data(Qt.ItemDataRole.UserRole) == galloway

    ctx.undo_stack.undo()
    assert _surnames(ctx)[3] == "Galloway"
    assert _model_surnames(model) == _surnames(ctx)
    ctx.undo_stack.redo()
    assert _surnames(ctx)[-1] == "Zebedee"
    assert _model_surnames(model) == _surnames(ctx)


def test_the_selection_follows_the_edited_candidate(view, ctx):
    model = view.model
    galloway = ctx.desk.candidate_by_name(BATLEY, "George Galloway").id
    view.select_candidate(galloway)
    assert model.setData(model.index(_row_of(model, "Galloway"), SURNAME), "Zebedee")
    assert view.selected_candidate_id() == galloway
    assert view.table.selectionModel().selectedRows()[0].row() == 15
    ctx.undo_stack.undo()
    assert view.selected_candidate_id() == galloway


def test_an_empty_surname_is_refused_and_the_reason_shown(view, ctx):
    model = view.model
    before = _surnames(ctx)
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    assert not model.setData(model.index(0, SURNAME), "   ")
    assert _surnames(ctx) == before
    assert model.index(0, SURNAME).data() == "Bickerdike"
    assert not changed
    assert ctx.undo_stack.count() == 0
    assert view.message_label.isVisible()
    assert "needs a surname" in view.message_label.text()
    assert "BICKERDIKE, Paul" in view.message_label.text()


def test_a_description_is_corrected_through_the_view_editor(qtbot, view, ctx):
    index = view.model.index(0, DESCRIPTION)
    view.table.setCurrentIndex(index)
    view.table.setFocus()
    view.table.edit(index)
    editor = view.table.viewport().findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Christian Peoples Alliance Party")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 1)
    assert ctx.desk.candidates(BATLEY)[0].description == "Christian Peoples Alliance Party"
    assert view.model.index(0, DESCRIPTION).data() == "Christian Peoples Alliance Party"


# -- contest facts -------------------------------------------------------------------------


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


def test_the_header_names_the_area_type_and_poll_date(view):
    assert view.heading_label.text() == "Batley and Spen"
    assert "UK Parliamentary" in view.subheading_label.text()
    assert "1 July 2021" in view.subheading_label.text()
    assert "Ctrl+3" in view.hint_label.text()


# -- adding and removing candidates ---------------------------------------------------------


def test_a_candidate_is_added_and_the_addition_undone(qtbot, view, ctx, monkeypatch):
    monkeypatch.setattr(
        setup_view,
        "ask_new_candidate",
        lambda parent: {"surname": "Aardvark", "forenames": "Ann", "description": "Independent"},
    )
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert _surnames(ctx)[0] == "Aardvark"
    assert view.model.rowCount() == 17
    assert view.selected_candidate_id() == ctx.desk.candidates(BATLEY)[0].id
    ctx.undo_stack.undo()
    assert "Aardvark" not in _surnames(ctx)
    assert view.model.rowCount() == 16
    ctx.undo_stack.redo()
    assert _surnames(ctx)[0] == "Aardvark"


def test_ctrl_shift_n_adds_a_candidate(qtbot, view, ctx, monkeypatch):
    monkeypatch.setattr(setup_view, "ask_new_candidate", lambda parent: {"surname": "Zed"})
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _surnames(ctx)[-1] == "Zed"


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
    assert "Laird" not in _surnames(ctx)
    assert view.model.rowCount() == 15

    ctx.undo_stack.undo()
    assert "Laird" in _surnames(ctx)
    restored = ctx.desk.candidate_by_name(BATLEY, "Susan Laird")
    assert restored.description == "Heritage Party"
    ctx.undo_stack.redo()
    assert "Laird" not in _surnames(ctx)


def test_an_edit_made_before_a_removal_can_still_be_undone_after_it(view, ctx, monkeypatch):
    model = view.model
    monkeypatch.setattr(setup_view, "confirm_removal", lambda *args: True)
    assert model.setData(model.index(_row_of(model, "Laird"), DESCRIPTION), "Heritage")
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
    _record_a_count(ctx)
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
    _record_a_count(ctx)
    ctx.events.count_changed.emit(BATLEY)
    assert not view.add_button.isEnabled()
    assert view.lock_label.isVisible()


def test_the_new_candidate_dialog_needs_a_surname(qtbot):
    dialog = NewCandidateDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.surname_edit, "Aardvark")
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["surname"] == "Aardvark"


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

    from tests.sample import BATLEY_REJECTED, BATLEY_VOTES

    desk = ctx.desk
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")
    ctx.events.count_changed.emit(BATLEY)
    model = view.model
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 1), "Changed")
    assert desk.candidates(BATLEY)[0].surname == "Bickerdike"
    assert "renamed" in view.lock_label.text()
