"""The kind of contest in Setup: offered where the type has kinds (a parish with or without
wards), saved at once and undoable, fixed once the provisional result is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.setup.setup_view import SetupView
from tests.sample import BATLEY, WARD, WARD_CSV


def _choose(qtbot, view: SetupView, kind: str) -> None:
    combo = view.facts_box.kind_row.combo
    combo.setFocus()
    index = combo.findData(kind)
    while combo.currentIndex() != index:  # the arrows, as a clerk chooses without a mouse
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_a_parish_with_no_wards_is_chosen_in_setup_and_undone(qtbot, ctx):
    ctx.desk.import_candidates(WARD_CSV, "Tester")
    view = SetupView(ctx)
    qtbot.addWidget(view)
    view.set_contest(WARD)
    view.show()
    row = view.facts_box.kind_row
    assert row.isVisible()
    labels = [row.combo.itemText(i) for i in range(row.combo.count())]
    assert "a parish or town council with no wards (the whole parish)" in labels
    before = ctx.desk.contest(WARD).kind
    assert row.combo.currentData() == before
    _choose(qtbot, view, "parish_unwarded")
    assert ctx.desk.contest(WARD).kind == "parish_unwarded"
    assert "parish_unwarded" in str(ctx.desk.store.audit(WARD)[-1].new)
    # Each arrow's choice was saved on its way (warded parish, then without wards).
    ctx.undo_stack.undo()
    assert ctx.desk.contest(WARD).kind == "parish"
    ctx.undo_stack.undo()
    assert ctx.desk.contest(WARD).kind == before
    assert row.combo.currentData() == before


def test_a_parliamentary_contest_has_no_kind_to_choose(view):
    assert view.facts_box.kind_row.isHidden()
    assert view.contest_id == BATLEY
