"""A correction after the declaration, and a new tie it makes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.services import CountDesk
from desktop.ui.night import ask, correction_dialog
from desktop.ui.night.ask import ask_correction
from desktop.ui.night.correction_dialog import CorrectionDialog
from tests.sample import BATLEY
from tests.ui.night.steps import (
    CORRECTION_REASON,
    OFFICER,
    cid,
    corrected_votes,
    inputs_of,
    open_dialog,
    to_declared,
    to_provisional,
)


def _type_corrections(dialog: CorrectionDialog, desk: CountDesk) -> None:
    dialog.field("votes", cid(desk, "Andrew Smith")).edit.setText("72")
    dialog.field("votes", cid(desk, "Anne Marie Waters")).edit.setText("99")
    for name in ("Andrew Smith", "Anne Marie Waters"):
        dialog._on_figure_edited(dialog.field("votes", cid(desk, name)))


def test_a_correction_needs_its_reason(qtbot, desk, ctx):
    to_declared(desk)
    dialog = open_dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    smith = dialog.field("votes", cid(desk, "Andrew Smith"))
    assert smith.edit.text() == "74" and smith.declared == 74
    _type_corrections(dialog, desk)
    dialog.name_edit.setText(OFFICER)
    assert not dialog.correct_button.isEnabled()
    assert "give the reason" in dialog.needed_label.text()
    dialog.accept()
    assert "give the reason" in dialog.message()
    assert len(desk.history(BATLEY).counts) == 2
    dialog.reason_edit.setText(CORRECTION_REASON)
    assert dialog.correct_button.isEnabled()


def test_a_figure_that_is_not_a_whole_number_is_marked_and_not_accepted(qtbot, desk, ctx):
    to_declared(desk)
    dialog = open_dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    galloway = dialog.field("votes", cid(desk, "George Galloway"))
    galloway.edit.selectAll()
    qtbot.keyClicks(galloway.edit, "8.264")
    assert galloway.message.isVisible()
    assert galloway.message.text().startswith("✖ F102")
    dialog.reason_edit.setText(CORRECTION_REASON)
    dialog.name_edit.setText(OFFICER)
    assert not dialog.correct_button.isEnabled()
    assert "put right the figures marked" in dialog.needed_label.text()


def test_a_correction_records_a_count_and_a_second_declaration(qtbot, desk, ctx):
    first_pdf = to_declared(desk)
    dialog = open_dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    assert all(w.accessibleName() for w in inputs_of(dialog))
    assert dialog.differences_label.text() == "No figure differs from the declaration yet."
    _type_corrections(dialog, desk)
    assert dialog.field("votes", cid(desk, "Andrew Smith")).edit.font().bold()
    assert not dialog.field("votes", cid(desk, "Kim Leadbeater")).edit.font().bold()
    assert dialog.differences() == [
        "Votes for SMITH, Andrew: 74 as declared, now 72",
        "Votes for WATERS, Anne Marie: 97 as declared, now 99",
    ]
    assert "SMITH, Andrew: 74 as declared, now 72" in dialog.differences_label.text()
    dialog.reason_edit.setText(CORRECTION_REASON)
    dialog.name_edit.setText("jacqui gedman")
    with qtbot.waitSignal(ctx.events.count_changed):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    counts = desk.history(BATLEY).counts
    assert [c.count.kind for c in counts] == ["count", "recount", "correction"]
    assert counts[-1].count.figures.votes == corrected_votes(desk)
    kept = desk.kept_declarations(BATLEY)
    assert [d.kind for d in kept] == ["declaration", "correction"]
    assert kept[0].pdf == first_pdf and kept[1].pdf == dialog.pdf
    assert kept[1].reason == CORRECTION_REASON


def test_ask_correction_before_the_declaration_says_to_use_the_count(monkeypatch, desk, ctx):
    to_provisional(desk)
    said = []
    monkeypatch.setattr(ask.QMessageBox, "information", lambda *args: said.append(args[2]))
    assert ask_correction(None, ctx, BATLEY) is None
    assert "is not declared" in said[0] and "through the Count tab" in said[0]


def test_every_dialog_button_box_cancels(qtbot, desk, ctx):
    to_declared(desk)
    dialog = open_dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert len(desk.kept_declarations(BATLEY)) == 1


def test_a_correction_that_makes_a_tie_asks_on_whom_the_lot_fell(qtbot, monkeypatch, desk, ctx):
    to_provisional(desk)
    desk.declare(BATLEY, "Supervisor", OFFICER)
    stephenson = cid(desk, "Ryan Stephenson")
    asked = []

    def draw(parent, ctx_, contest_id, tie):
        asked.append(sorted(tie.candidates))
        return [stephenson]

    monkeypatch.setattr(correction_dialog, "ask_lot_winners", draw)
    dialog = open_dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    for name, figure in (
        ("Kim Leadbeater", 13135),
        ("Ryan Stephenson", 13135),
        ("Andrew Smith", 74),
    ):
        field = dialog.field("votes", cid(desk, name))
        field.edit.setText(str(figure))
        dialog._on_figure_edited(field)
    dialog.reason_edit.setText("Bundles of Leadbeater's and Stephenson's papers were misfiled")
    dialog.name_edit.setText(OFFICER)
    dialog.accept()
    assert asked == [sorted([cid(desk, "Kim Leadbeater"), stephenson])]
    assert dialog.result() == QDialog.DialogCode.Accepted
    result = desk.result(BATLEY)
    assert result.lots_applied and result.elected == (stephenson,)


def test_a_multi_seat_correction_carries_the_papers_counted(qtbot, tmp_path):
    from desktop.ui.context import ContestEvents, UiContext
    from tests.sample import WARD, WARD_CSV

    desk = CountDesk.open(tmp_path / "ward.sqlite")
    desk.import_candidates(WARD_CSV, "T")
    desk.set_contest_facts(
        WARD, "T", electorate=3_000, ballot_papers_verified=1_000, officer_name=OFFICER
    )
    ids = [c.id for c in desk.candidates(WARD)]
    votes = dict(zip(ids, (400, 350, 300, 250, 150, 100, 50), strict=True))
    desk.record_count(WARD, votes, {}, "Clerk", 1_000)
    for stage in ("verification", "count", "provisional"):
        desk.advance(WARD, stage, "S")
    desk.declare(WARD, "S", officer_confirmation=OFFICER)
    from PySide6.QtGui import QUndoStack

    ctx = UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Supervisor")
    dialog = open_dialog(qtbot, CorrectionDialog(ctx, WARD), show=True)
    counted = dialog.field("counted", "papers")
    assert counted.declared == 1_000 and counted.edit.text() == "1,000"
    assert counted.edit.accessibleName() == "Valid ballot papers counted"
    alder = dialog.field("votes", ids[0])
    alder.edit.setText("410")
    dialog._on_figure_edited(alder)
    dialog.reason_edit.setText("Ten votes for ALDER were found in another bundle")
    dialog.name_edit.setText(OFFICER)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    latest = desk.latest_count(WARD)
    assert latest is not None and latest.kind == "correction"
    assert latest.figures.valid_papers_counted == 1_000


def test_the_officer_is_shown_the_papers_counted_of_several_seats_only():
    from desktop.ui.night.confirming_dialog import result_summary
    from tests.reports.sheets import batley, earlsfield

    assert ("Valid ballot papers counted", "6,376") in result_summary(earlsfield())
    assert "Valid ballot papers counted" not in dict(result_summary(batley()))
