"""The candidates in ballot order, edited in the table through the services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.ui.setup.candidate_table_model import CANDIDATE_COLUMNS
from tests.sample import BATLEY
from tests.ui.setup.steps import DESCRIPTION, SURNAME, model_surnames, row_of, surnames


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
    row = row_of(model, "Galloway")
    assert row == 3
    with qtbot.waitSignal(ctx.events.setup_changed) as changed:
        assert model.setData(model.index(row, SURNAME), "Zebedee")
    assert changed.args == [BATLEY]

    assert "Zebedee" in surnames(ctx) and "Galloway" not in surnames(ctx)
    assert surnames(ctx)[-1] == "Zebedee"  # ballot order recomputed
    assert model_surnames(model) == surnames(ctx)
    assert model.index(15, SURNAME).data(Qt.ItemDataRole.UserRole) == galloway

    ctx.undo_stack.undo()
    assert surnames(ctx)[3] == "Galloway"
    assert model_surnames(model) == surnames(ctx)
    ctx.undo_stack.redo()
    assert surnames(ctx)[-1] == "Zebedee"
    assert model_surnames(model) == surnames(ctx)


def test_the_selection_follows_the_edited_candidate(view, ctx):
    model = view.model
    galloway = ctx.desk.candidate_by_name(BATLEY, "George Galloway").id
    view.select_candidate(galloway)
    assert model.setData(model.index(row_of(model, "Galloway"), SURNAME), "Zebedee")
    assert view.selected_candidate_id() == galloway
    assert view.table.selectionModel().selectedRows()[0].row() == 15
    ctx.undo_stack.undo()
    assert view.selected_candidate_id() == galloway


def test_an_empty_surname_is_refused_and_the_reason_shown(view, ctx):
    model = view.model
    before = surnames(ctx)
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    assert not model.setData(model.index(0, SURNAME), "   ")
    assert surnames(ctx) == before
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


def test_a_surname_the_declaration_cannot_print_is_refused_naming_the_letter(view, ctx):
    model = view.model
    before = surnames(ctx)
    assert not model.setData(model.index(0, SURNAME), "حسن")
    assert surnames(ctx) == before
    assert model.index(0, SURNAME).data() == "Bickerdike"
    assert ctx.undo_stack.count() == 0
    assert view.message_label.isVisible()
    shown = view.message_label.text()
    assert "U+062D ARABIC LETTER HAH cannot be printed on the declaration" in shown
