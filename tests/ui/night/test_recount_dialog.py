"""A request for a recount and the Returning Officer's decision on it.

Dialogs are never run modally: they are filled in and accepted directly, or through a patched
``running.exec_dialog``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QRadioButton

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.night import running
from desktop.ui.night.ask import ask_recount
from desktop.ui.night.recount_dialog import RecountDialog
from tests.sample import BATLEY
from tests.ui.night.steps import cid, inputs_of, open_dialog, to_declared, to_provisional

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def _fill_recount(dialog: RecountDialog, desk: CountDesk, decision: QRadioButton) -> None:
    dialog.who_edit.setText("Agent for Stephenson")
    dialog.agent_role.click()
    dialog.set_candidate(cid(desk, "Ryan Stephenson"))
    decision.click()


def test_a_full_recount_granted_goes_back_to_the_count_with_an_empty_draft(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY))
    _fill_recount(dialog, desk, dialog.full_choice)
    with qtbot.waitSignals([ctx.events.setup_changed, ctx.events.count_changed]):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request is not None and dialog.request.decision == "full"
    assert desk.contest(BATLEY).status is Status.COUNT
    assert all(v is None for v in desk.draft(BATLEY).votes.values())
    (request,) = desk.recount_requests(BATLEY)
    assert request.requested_by == "Agent for Stephenson" and request.role == "agent"
    assert request.for_candidate == cid(desk, "Ryan Stephenson")


def test_a_refusal_without_a_reason_keeps_the_dialog_open_and_says_why(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY), show=True)
    _fill_recount(dialog, desk, dialog.refused_choice)
    dialog.accept()
    assert dialog.isVisible() and dialog.request is None
    assert "Nothing was recorded" in dialog.message()
    assert "needs the Returning Officer's reason" in dialog.message()
    assert desk.recount_requests(BATLEY) == ()
    dialog.reason_edit.setText("A majority of 323 with every bundle checked")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.contest(BATLEY).status is Status.PROVISIONAL
    assert len(desk.history(BATLEY).counts) == 1
    assert desk.recount_requests(BATLEY)[0].decision == "refused"


def test_an_agent_must_say_for_which_candidate(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY))
    dialog.who_edit.setText("An agent")
    dialog.agent_role.click()
    dialog.full_choice.click()
    dialog.accept()
    assert dialog.message() == "Choose the candidate the election agent acts for."
    assert desk.contest(BATLEY).status is Status.PROVISIONAL


def test_a_candidate_asking_has_their_name_filled_in(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY))
    dialog.candidate_role.click()
    dialog.set_candidate(cid(desk, "Kim Leadbeater"))
    assert dialog.who_edit.text() == "Kim LEADBEATER"
    dialog.set_candidate(cid(desk, "Ryan Stephenson"))
    assert dialog.who_edit.text() == "Ryan STEPHENSON"
    dialog.who_edit.setText("Someone else")
    dialog.set_candidate(cid(desk, "Kim Leadbeater"))
    assert dialog.who_edit.text() == "Someone else"


def test_the_candidates_are_in_ballot_order_by_id(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY))
    combo = dialog.candidate_combo
    items = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
    assert items == [(c.display_name, c.id) for c in desk.candidates(BATLEY)]
    assert combo.currentData() is None


def test_after_the_declaration_a_recount_is_refused_with_s803(qtbot, desk, ctx):
    to_declared(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY))
    _fill_recount(dialog, desk, dialog.full_choice)
    dialog.accept()
    assert dialog.request is None
    assert "S803" in dialog.message() and "nothing may be recounted" in dialog.message()
    assert desk.contest(BATLEY).status is Status.DECLARED


def test_before_any_count_a_recount_is_refused_with_s805(qtbot, desk, ctx):
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY))
    _fill_recount(dialog, desk, dialog.bundle_choice)
    dialog.accept()
    assert "S805" in dialog.message()


def test_the_recount_dialog_is_keyboard_usable(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY), show=True)
    assert all(w.accessibleName() for w in inputs_of(dialog))
    assert dialog.focusWidget() is dialog.who_edit
    dialog.who_edit.setText("Agent for Stephenson")
    dialog.agent_role.setChecked(True)
    dialog.set_candidate(cid(desk, "Ryan Stephenson"))
    dialog.bundle_choice.setChecked(True)
    dialog.reason_edit.setFocus()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.recount_requests(BATLEY)[0].decision == "bundle_check"


def test_escape_cancels_without_recording(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY), show=True)
    qtbot.keyClick(dialog.who_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert desk.recount_requests(BATLEY) == ()


def test_ask_recount_returns_the_request(monkeypatch, desk, ctx):
    to_provisional(desk)

    def run(dialog: RecountDialog) -> bool:
        _fill_recount(dialog, desk, dialog.full_choice)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(running, "exec_dialog", run)
    request = ask_recount(None, ctx, BATLEY)
    assert request is not None and request.decision == "full"
    monkeypatch.setattr(running, "exec_dialog", lambda dialog: False)
    assert ask_recount(None, ctx, BATLEY) is None


def test_the_time_asked_before_midnight_is_yesterdays(qtbot, desk, ctx):
    from datetime import datetime

    now = datetime(2021, 7, 2, 0, 10).astimezone()
    dialog = open_dialog(qtbot, RecountDialog(ctx, BATLEY, now=now))
    assert dialog.requested_at() == now.replace(second=0)
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("23:50", "HH:mm"))
    assert dialog.requested_at() == datetime(2021, 7, 1, 23, 50).astimezone()
