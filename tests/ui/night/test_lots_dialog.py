"""The drawing of lots for a tie."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QRadioButton

from desktop.services import CountDesk
from desktop.ui.night import ask, running
from desktop.ui.night.ask import ask_lots
from desktop.ui.night.lots_dialog import LotsDialog
from tests.sample import BATLEY, BATLEY_REJECTED, WARD, WARD_CSV
from tests.ui.night.steps import (
    TIE,
    cid,
    inputs_of,
    make_ctx,
    open_dialog,
    to_provisional,
    to_tie,
    votes,
)

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def test_recording_lots_elects_the_candidate_chosen(qtbot, desk, ctx):
    to_tie(desk)
    dialog = open_dialog(qtbot, LotsDialog(ctx, BATLEY))
    stephenson = cid(desk, "Ryan Stephenson")
    assert set(dialog.choices) == {stephenson, cid(desk, "Kim Leadbeater")}
    assert not dialog.record_button.isEnabled()
    dialog.choices[stephenson].click()
    dialog.method_edit.setText("Names drawn from a box")
    dialog.witnesses_edit.setText("Both candidates and their agents")
    assert dialog.record_button.isEnabled()
    with qtbot.waitSignal(ctx.events.count_changed):
        dialog.accept()
    result = desk.result(BATLEY)
    assert result.elected == (stephenson,)
    assert result.line(stephenson).lot_vote == 1
    assert dialog.recorded_result is not None and dialog.recorded_result.lots_applied
    assert result.lots is not None and result.lots.method == "Names drawn from a box"


def test_the_lot_falls_on_exactly_one_candidate_for_one_seat(qtbot, desk, ctx):
    to_tie(desk)
    dialog = open_dialog(qtbot, LotsDialog(ctx, BATLEY))
    first, second = dialog.choices.values()
    assert all(isinstance(b, QRadioButton) for b in (first, second))
    first.click()
    second.click()
    assert dialog.chosen() == [next(k for k, b in dialog.choices.items() if b is second)]
    # Nothing chosen: refused by the services with L405, and nothing recorded.
    dialog.choice_group.setExclusive(False)
    second.setChecked(False)
    assert not dialog.record_button.isEnabled()
    dialog.accept()
    assert "L405" in dialog.message()
    assert desk.result(BATLEY).lots is None


def test_a_tie_for_two_places_allows_exactly_two_choices(qtbot, db_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(WARD_CSV, "Importer")
    desk.confirm_names(WARD, "Supervisor")  # Ó Briain checked on the statement of nominations
    ids = [c.id for c in desk.candidates(WARD)]
    # 3 seats: one clearly elected, three tied for the last two seats.
    figures = dict.fromkeys(ids, 10)
    figures[ids[0]] = 500
    for i in ids[1:4]:
        figures[i] = 300
    desk.set_contest_facts(
        WARD, "Supervisor", ballot_papers_verified=1000, electorate=4000, officer_name="O"
    )
    desk.record_count(WARD, figures, {}, "Clerk", valid_papers_counted=1000)
    for stage in ("verification", "count", "provisional"):
        desk.advance(WARD, stage, "Supervisor")
    assert desk.result(WARD).tie.places == 2
    ctx = make_ctx(desk)
    dialog = open_dialog(qtbot, LotsDialog(ctx, WARD))
    boxes = list(dialog.choices.values())
    assert len(boxes) == 3 and all(isinstance(b, QCheckBox) for b in boxes)
    boxes[0].click()
    assert not dialog.record_button.isEnabled()
    boxes[1].click()
    assert dialog.record_button.isEnabled()
    assert not boxes[2].isEnabled()  # a third cannot be chosen
    assert dialog.chosen_label.text() == "Choose 2 candidates: 2 chosen."
    dialog.accept()
    assert set(desk.result(WARD).elected) == {ids[0], ids[1], ids[2]}


def test_ask_lots_without_a_tie_says_so(monkeypatch, desk, ctx):
    to_provisional(desk)
    said = []
    monkeypatch.setattr(ask.QMessageBox, "information", lambda *args: said.append(args[2]))
    monkeypatch.setattr(running, "exec_dialog", lambda d: pytest.fail("no dialog"))
    assert ask_lots(None, ctx, BATLEY) is None
    assert "no tie" in said[0]


def test_the_lots_dialog_names_the_tie_and_has_accessible_inputs(qtbot, desk, ctx):
    to_tie(desk)
    dialog = open_dialog(qtbot, LotsDialog(ctx, BATLEY), show=True)
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.chosen_label)))
    assert "LEADBEATER, Kim and STEPHENSON, Ryan are tied on 13,135 votes for the seat" in text
    assert all(w.accessibleName() for w in inputs_of(dialog))


def test_lots_are_refused_until_the_tie_is_shown_as_the_provisional_result(
    qtbot, monkeypatch, desk, ctx
):
    to_provisional(desk)
    desk.record_recount_request(
        BATLEY, "Supervisor", requested_by="Agent for Stephenson", role="agent",
        for_candidate=cid(desk, "Ryan Stephenson"), decision="full",
    )  # fmt: skip
    desk.record_count(BATLEY, votes(desk, **TIE), BATLEY_REJECTED, "Clerk 2")  # still at count
    said = []
    monkeypatch.setattr(ask.QMessageBox, "information", lambda *args: said.append(args[1:]))
    monkeypatch.setattr(running, "exec_dialog", lambda d: pytest.fail("no dialog"))
    assert ask_lots(None, ctx, BATLEY) is None
    _title, message = said[0]
    assert "L407" in message and "provisional result" in message
    # The dialog itself, however it is reached, refuses in the same words and records nothing.
    dialog = open_dialog(qtbot, LotsDialog(ctx, BATLEY))
    assert not dialog.choices and not dialog.record_button.isEnabled()
    assert "L407" in dialog.refusal_label.text()
    assert desk.result(BATLEY).lots is None
