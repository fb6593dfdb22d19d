"""The declaration, confirmed by the officer's name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.night.declare_dialog import DeclareDialog
from tests.sample import BATLEY, BATLEY_CSV
from tests.ui.night.steps import OFFICER, inputs_of, make_ctx, open_dialog, to_decided, to_tie

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def test_declare_is_enabled_only_when_the_officers_name_is_typed(qtbot, desk, ctx):
    to_decided(desk)
    dialog = open_dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
    assert dialog.focusWidget() is dialog.name_edit
    assert not dialog.declare_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Jacqui")
    assert not dialog.declare_button.isEnabled()
    assert dialog.name_state.text().startswith("✖")
    qtbot.keyClicks(dialog.name_edit, " Gedmann")
    assert not dialog.declare_button.isEnabled()
    dialog.name_edit.setText("  jacqui   GEDMAN ")
    assert dialog.declare_button.isEnabled()
    assert dialog.name_state.text() == "✔ The name matches."
    assert all(w.accessibleName() for w in inputs_of(dialog))


def test_enter_does_nothing_until_the_name_matches(qtbot, desk, ctx):
    to_decided(desk)
    dialog = open_dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
    qtbot.keyClicks(dialog.name_edit, "Jacqui")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert desk.contest(BATLEY).status is Status.PROVISIONAL


def test_declaring_locks_the_contest_and_keeps_the_pdf(qtbot, desk, ctx):
    to_decided(desk)
    dialog = open_dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
    assert dialog.summary["Elected"].text().startswith("STEPHENSON, Ryan (13,135 votes")
    assert "decided by lot" in dialog.summary["Majority"].text()
    assert "the lot fell on STEPHENSON, Ryan" in dialog.summary["Lots"].text()
    assert dialog.blockers_label.isHidden()
    qtbot.keyClicks(dialog.name_edit, OFFICER)
    with qtbot.waitSignals([ctx.events.setup_changed, ctx.events.count_changed]):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.contest(BATLEY).status is Status.DECLARED
    assert dialog.pdf is not None and dialog.pdf.startswith(b"%PDF")
    assert desk.kept_declarations(BATLEY)[0].pdf == dialog.pdf


def test_a_refused_declaration_is_shown_with_its_code(qtbot, desk, ctx):
    to_tie(desk)  # the tie shown as the provisional result, no lots drawn yet
    dialog = open_dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
    assert "L401" in dialog.blockers_label.text()
    assert "tie" in dialog.summary["Majority"].text()
    dialog.name_edit.setText(OFFICER)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message().startswith("Not declared – L401")
    assert desk.contest(BATLEY).status is Status.PROVISIONAL


def test_without_an_officer_no_one_can_confirm(qtbot, db_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    dialog = open_dialog(qtbot, DeclareDialog(make_ctx(desk), BATLEY))
    assert not dialog.name_edit.isEnabled()
    assert dialog.officer_label.text().startswith("T303")
    assert not dialog.declare_button.isEnabled()
