"""Setup: the ballot order set from the SOPN with Move up / Move down, and the names confirmed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.setup import ballot_order_bar
from desktop.ui.setup.setup_view import SetupView
from tests.sample import WARD, WARD_CSV
from tests.ui.setup.steps import SURNAME

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def ward_ctx(tmp_path) -> UiContext:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.import_candidates(WARD_CSV, "Importer")
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")


@pytest.fixture
def ward_view(qtbot, ward_ctx) -> SetupView:
    view = SetupView(ward_ctx)
    qtbot.addWidget(view)
    view.set_contest(WARD)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def _shown(view: SetupView) -> list[str]:
    return [view.model.candidate(row).display_name for row in range(view.model.rowCount())]


def test_the_split_name_is_shown_to_confirm_and_confirming_lets_setup_end(
    qtbot, ward_view, ward_ctx, monkeypatch
):
    bar = ward_view.order_bar
    assert "Ballot order: alphabetical by surname." in bar.state_label.text()
    assert (
        "N101: 1 name split at a surname particle on import, to confirm before the contest "
        "leaves setup: Ó BRIAIN, Dara (from “Dara Ó Briain”)."
    ) in bar.state_label.text()
    assert "“Dara Ó Briain” was split at the particle “Ó”" in bar.state_label.toolTip()
    assert ward_view.model.index(6, SURNAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert ward_view.model.index(0, SURNAME).data(Qt.ItemDataRole.DecorationRole) is None
    assert _shown(ward_view)[-1] == "Ó BRIAIN, Dara"
    tip = ward_view.model.index(6, SURNAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "with its particle" in tip

    asked = []
    monkeypatch.setattr(
        ballot_order_bar,
        "ask_confirm_names",
        lambda parent, area, lines: asked.append((area, lines)) or True,
    )
    qtbot.mouseClick(bar.confirm_button, Qt.MouseButton.LeftButton)
    assert asked[0][0] == "Earlsfield"
    assert "Dara Ó Briain" in asked[0][1][0]
    assert ward_ctx.desk.names_to_confirm(WARD) == []
    assert "to confirm" not in bar.state_label.text()
    assert ward_view.model.index(6, SURNAME).data(Qt.ItemDataRole.DecorationRole) is None
    last = ward_ctx.desk.store.audit(WARD)[-1]
    assert (last.operator, last.action) == ("Tester", "confirm")
    assert ward_ctx.desk.advance(WARD, "verification", "Tester").status.value == "verification"


def test_declining_the_question_confirms_nothing(qtbot, ward_view, ward_ctx, monkeypatch):
    monkeypatch.setattr(ballot_order_bar, "ask_confirm_names", lambda *args: False)
    qtbot.mouseClick(ward_view.order_bar.confirm_button, Qt.MouseButton.LeftButton)
    assert len(ward_ctx.desk.names_to_confirm(WARD)) == 1


def test_moving_a_candidate_sets_the_sopn_order_and_is_undone(qtbot, ward_view, ward_ctx):
    alphabetical = _shown(ward_view)
    dara = ward_ctx.desk.candidate_by_name(WARD, "Dara Ó Briain").id
    ward_view.select_candidate(dara)
    qtbot.mouseClick(ward_view.order_bar.up_button, Qt.MouseButton.LeftButton)
    moved = [*alphabetical[:5], "Ó BRIAIN, Dara", "FIR, Łukasz"]
    assert _shown(ward_view) == moved
    assert [c.display_name for c in ward_ctx.desk.candidates(WARD)] == moved
    assert ward_view.selected_candidate_id() == dara  # the selection moves with the candidate
    assert "as set from the statement of persons nominated" in (
        ward_view.order_bar.state_label.text()
    )
    assert ward_ctx.desk.store.audit(WARD)[-1].action == "set order"
    ward_ctx.undo_stack.undo()
    assert _shown(ward_view) == alphabetical
    ward_ctx.undo_stack.redo()
    assert _shown(ward_view) == moved


def test_the_order_is_fixed_once_a_count_is_recorded_but_can_still_be_confirmed(
    ward_view, ward_ctx
):
    ward_ctx.desk.set_contest_facts(WARD, "Tester", ballot_papers_verified=4000)
    ids = [c.id for c in ward_ctx.desk.candidates(WARD)]
    ward_ctx.desk.record_count(WARD, dict.fromkeys(ids, 500), {}, "Tester", 3500)
    ward_ctx.events.count_changed.emit(WARD)
    bar = ward_view.order_bar
    assert not bar.up_button.isEnabled()
    assert not bar.down_button.isEnabled()
    assert bar.confirm_button.isEnabled()
    ward_view.select_candidate(ids[-1])
    assert not bar.move_selected(-1)
    assert [c.id for c in ward_ctx.desk.candidates(WARD)] == ids
