"""The night's dialogs: a recount request and its decision, lots, the declaration, a correction.

The data is built through the services, as tests/services/test_night.py does. Dialogs are
never run modally: they are filled in and accepted directly, or through a patched exec_dialog.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QRadioButton,
    QTimeEdit,
    QWidget,
)

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.night import ask, correction_dialog, running
from desktop.ui.night.ask import ask_correction, ask_lots, ask_recount
from desktop.ui.night.correction_dialog import CorrectionDialog
from desktop.ui.night.declare_dialog import DeclareDialog
from desktop.ui.night.lots_dialog import LotsDialog
from desktop.ui.night.recount_dialog import RecountDialog
from tests.sample import (
    BATLEY,
    BATLEY_CSV,
    BATLEY_REJECTED,
    BATLEY_VOTES,
    BOXES_CSV,
    WARD,
    WARD_CSV,
)
from tests.services.test_night import Clock

OFFICER = "Jacqui Gedman"
CORRECTION_REASON = "Two votes for WATERS were transcribed against SMITH"

# -- the night, through the services (shared with test_history_view) -----------------------


def make_desk(path) -> CountDesk:
    """Batley and Spen with its electorate and declaring officer set; a clock a minute a read."""
    desk = CountDesk.open(path)
    desk.store.clock = Clock()
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(BATLEY, "Supervisor", electorate=79373, officer_name=OFFICER)
    return desk


def make_ctx(desk: CountDesk) -> UiContext:
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Supervisor")


def cid(desk: CountDesk, name: str) -> int:
    return desk.candidate_by_name(BATLEY, name).id


def votes(desk: CountDesk, **changes: int) -> dict[int, int]:
    figures = {**BATLEY_VOTES, **{k.replace("_", " "): v for k, v in changes.items()}}
    return {cid(desk, n): v for n, v in figures.items()}


TIE = {"Kim_Leadbeater": 13135, "Ryan_Stephenson": 13135, "Andrew_Smith": 74}


def to_provisional(desk: CountDesk) -> None:
    """Verification (variances explained), the first count, the provisional result shown."""
    desk.advance(BATLEY, "verification", "Supervisor")
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    for line in desk.verification(BATLEY):
        counted = {"BS03": line.issued + 1, "BS07": line.issued - 1}.get(
            line.reference, line.issued
        )
        desk.set_box_counted(BATLEY, line.reference, counted, "Verifier")
    desk.set_box_explanation(BATLEY, "BS03", "A paper from BS04 was in this box", "Supervisor")
    desk.set_box_explanation(BATLEY, "BS07", "A voter left with the paper", "Supervisor")
    desk.advance(BATLEY, "count", "Supervisor")
    desk.record_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.advance(BATLEY, "provisional", "Supervisor")


def to_tie(desk: CountDesk) -> None:
    """A full recount granted to Stephenson's agent, which finds a dead heat (no lots yet)."""
    to_provisional(desk)
    desk.request_recount(
        BATLEY, "Supervisor", requested_by="Agent for Stephenson", role="agent",
        for_candidate=cid(desk, "Ryan Stephenson"), decision="full",
    )  # fmt: skip
    desk.record_count(BATLEY, votes(desk, **TIE), BATLEY_REJECTED, "Clerk 2")


def to_decided(desk: CountDesk) -> None:
    """The tie decided by lot for Stephenson and the provisional result shown again."""
    to_tie(desk)
    desk.record_lots(
        BATLEY, [cid(desk, "Ryan Stephenson")], "Returning Officer", "Names drawn from a box",
        "Both agents",
    )  # fmt: skip
    desk.advance(BATLEY, "provisional", "Supervisor")


def to_declared(desk: CountDesk) -> bytes:
    to_decided(desk)
    return desk.declare(BATLEY, "Supervisor", OFFICER)


def corrected_votes(desk: CountDesk) -> dict[int, int]:
    figures = votes(desk, **TIE)
    figures[cid(desk, "Andrew Smith")] -= 2
    figures[cid(desk, "Anne Marie Waters")] += 2
    return figures


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def desk(db_path) -> CountDesk:
    return make_desk(db_path)


@pytest.fixture
def ctx(desk) -> UiContext:
    return make_ctx(desk)


def _dialog(qtbot, dialog: QDialog, show: bool = False) -> QDialog:
    qtbot.addWidget(dialog)
    if show:
        dialog.show()
        qtbot.waitExposed(dialog)
    return dialog


def _inputs(dialog: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QComboBox, QTimeEdit, QRadioButton, QCheckBox)
    return [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), (QComboBox, QTimeEdit))
    ]


def _fill_recount(dialog: RecountDialog, desk: CountDesk, decision: QRadioButton) -> None:
    dialog.who_edit.setText("Agent for Stephenson")
    dialog.agent_role.click()
    dialog.set_candidate(cid(desk, "Ryan Stephenson"))
    decision.click()


# -- RecountDialog -------------------------------------------------------------------------


def test_a_full_recount_granted_goes_back_to_the_count_with_an_empty_draft(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY))
    _fill_recount(dialog, desk, dialog.full_choice)
    with qtbot.waitSignals([ctx.events.setup_changed, ctx.events.count_changed]):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request is not None and dialog.request["decision"] == "full"
    assert desk.contest(BATLEY).status is Status.COUNT
    assert all(v is None for v in desk.draft(BATLEY).votes.values())
    (request,) = desk.history(BATLEY).requests
    assert request["requested_by"] == "Agent for Stephenson" and request["role"] == "agent"
    assert request["for_candidate"] == cid(desk, "Ryan Stephenson")


def test_a_refusal_without_a_reason_keeps_the_dialog_open_and_says_why(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY), show=True)
    _fill_recount(dialog, desk, dialog.refused_choice)
    dialog.accept()
    assert dialog.isVisible() and dialog.request is None
    assert "Nothing was recorded" in dialog.message()
    assert "needs the Returning Officer's reason" in dialog.message()
    assert desk.history(BATLEY).requests == ()
    dialog.reason_edit.setText("A majority of 323 with every bundle checked")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.contest(BATLEY).status is Status.PROVISIONAL
    assert len(desk.history(BATLEY).counts) == 1
    assert desk.history(BATLEY).requests[0]["decision"] == "refused"


def test_an_agent_must_say_for_which_candidate(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY))
    dialog.who_edit.setText("An agent")
    dialog.agent_role.click()
    dialog.full_choice.click()
    dialog.accept()
    assert dialog.message() == "Choose the candidate the election agent acts for."
    assert desk.contest(BATLEY).status is Status.PROVISIONAL


def test_a_candidate_asking_has_their_name_filled_in(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY))
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
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY))
    combo = dialog.candidate_combo
    items = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
    assert items == [(c.display_name, c.id) for c in desk.candidates(BATLEY)]
    assert combo.currentData() is None


def test_after_the_declaration_a_recount_is_refused_with_s803(qtbot, desk, ctx):
    to_declared(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY))
    _fill_recount(dialog, desk, dialog.full_choice)
    dialog.accept()
    assert dialog.request is None
    assert "S803" in dialog.message() and "nothing may be recounted" in dialog.message()
    assert desk.contest(BATLEY).status is Status.DECLARED


def test_before_any_count_a_recount_is_refused_with_s805(qtbot, desk, ctx):
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY))
    _fill_recount(dialog, desk, dialog.bundle_choice)
    dialog.accept()
    assert "S805" in dialog.message()


def test_the_recount_dialog_is_keyboard_usable(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY), show=True)
    assert all(w.accessibleName() for w in _inputs(dialog))
    assert dialog.focusWidget() is dialog.who_edit
    dialog.who_edit.setText("Agent for Stephenson")
    dialog.agent_role.setChecked(True)
    dialog.set_candidate(cid(desk, "Ryan Stephenson"))
    dialog.bundle_choice.setChecked(True)
    dialog.reason_edit.setFocus()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.history(BATLEY).requests[0]["decision"] == "bundle_check"


def test_escape_cancels_without_recording(qtbot, desk, ctx):
    to_provisional(desk)
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY), show=True)
    qtbot.keyClick(dialog.who_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert desk.history(BATLEY).requests == ()


def test_ask_recount_returns_the_request(monkeypatch, desk, ctx):
    to_provisional(desk)

    def run(dialog: RecountDialog) -> bool:
        _fill_recount(dialog, desk, dialog.full_choice)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(running, "exec_dialog", run)
    request = ask_recount(None, ctx, BATLEY)
    assert request is not None and request["decision"] == "full"
    monkeypatch.setattr(running, "exec_dialog", lambda dialog: False)
    assert ask_recount(None, ctx, BATLEY) is None


def test_the_time_asked_before_midnight_is_yesterdays(qtbot, desk, ctx):
    from datetime import datetime

    now = datetime(2021, 7, 2, 0, 10).astimezone()
    dialog = _dialog(qtbot, RecountDialog(ctx, BATLEY, now=now))
    assert dialog.requested_at() == now.replace(second=0)
    dialog.time_edit.setTime(dialog.time_edit.time().fromString("23:50", "HH:mm"))
    assert dialog.requested_at() == datetime(2021, 7, 1, 23, 50).astimezone()


# -- LotsDialog ----------------------------------------------------------------------------


def test_recording_lots_elects_the_candidate_chosen(qtbot, desk, ctx):
    to_tie(desk)
    dialog = _dialog(qtbot, LotsDialog(ctx, BATLEY))
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
    dialog = _dialog(qtbot, LotsDialog(ctx, BATLEY))
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
    ids = [c.id for c in desk.candidates(WARD)]
    # 3 seats: one clearly elected, three tied for the last two seats.
    figures = dict.fromkeys(ids, 10)
    figures[ids[0]] = 500
    for i in ids[1:4]:
        figures[i] = 300
    desk.set_contest_facts(WARD, "Supervisor", ballot_papers_verified=1000)
    desk.record_count(WARD, figures, {}, "Clerk")
    assert desk.result(WARD).tie.places == 2
    ctx = make_ctx(desk)
    dialog = _dialog(qtbot, LotsDialog(ctx, WARD))
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
    dialog = _dialog(qtbot, LotsDialog(ctx, BATLEY), show=True)
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.chosen_label)))
    assert "LEADBEATER, Kim and STEPHENSON, Ryan are tied on 13,135 votes for the seat" in text
    assert all(w.accessibleName() for w in _inputs(dialog))


# -- DeclareDialog -------------------------------------------------------------------------


def test_declare_is_enabled_only_when_the_officers_name_is_typed(qtbot, desk, ctx):
    to_decided(desk)
    dialog = _dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
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
    assert all(w.accessibleName() for w in _inputs(dialog))


def test_enter_does_nothing_until_the_name_matches(qtbot, desk, ctx):
    to_decided(desk)
    dialog = _dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
    qtbot.keyClicks(dialog.name_edit, "Jacqui")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert desk.contest(BATLEY).status is Status.PROVISIONAL


def test_declaring_locks_the_contest_and_keeps_the_pdf(qtbot, desk, ctx):
    to_decided(desk)
    dialog = _dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
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
    assert desk.declarations(BATLEY)[0]["pdf"] == dialog.pdf


def test_a_refused_declaration_is_shown_with_its_code(qtbot, desk, ctx):
    to_tie(desk)  # at the count, with the tie undecided
    dialog = _dialog(qtbot, DeclareDialog(ctx, BATLEY), show=True)
    assert "count" in dialog.blockers_label.text()
    assert "tie" in dialog.summary["Majority"].text()
    dialog.name_edit.setText(OFFICER)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message().startswith("Not declared – S801")
    assert desk.contest(BATLEY).status is Status.COUNT


def test_without_an_officer_no_one_can_confirm(qtbot, db_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    dialog = _dialog(qtbot, DeclareDialog(make_ctx(desk), BATLEY))
    assert not dialog.name_edit.isEnabled()
    assert dialog.officer_label.text().startswith("T303")
    assert not dialog.declare_button.isEnabled()


# -- CorrectionDialog ----------------------------------------------------------------------


def _type_corrections(dialog: CorrectionDialog, desk: CountDesk) -> None:
    dialog.field("votes", cid(desk, "Andrew Smith")).edit.setText("72")
    dialog.field("votes", cid(desk, "Anne Marie Waters")).edit.setText("99")
    for name in ("Andrew Smith", "Anne Marie Waters"):
        dialog._on_figure_edited(dialog.field("votes", cid(desk, name)))


def test_a_correction_needs_its_reason(qtbot, desk, ctx):
    to_declared(desk)
    dialog = _dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
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
    dialog = _dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
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
    dialog = _dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    assert all(w.accessibleName() for w in _inputs(dialog))
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
    kept = desk.declarations(BATLEY)
    assert [d["kind"] for d in kept] == ["declaration", "correction"]
    assert kept[0]["pdf"] == first_pdf and kept[1]["pdf"] == dialog.pdf
    assert kept[1]["reason"] == CORRECTION_REASON


def test_ask_correction_before_the_declaration_says_to_use_the_count(monkeypatch, desk, ctx):
    to_provisional(desk)
    said = []
    monkeypatch.setattr(ask.QMessageBox, "information", lambda *args: said.append(args[2]))
    assert ask_correction(None, ctx, BATLEY) is None
    assert "is not declared" in said[0] and "through the Count tab" in said[0]


def test_every_dialog_button_box_cancels(qtbot, desk, ctx):
    to_declared(desk)
    dialog = _dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert len(desk.declarations(BATLEY)) == 1


def test_a_correction_that_makes_a_tie_asks_on_whom_the_lot_fell(qtbot, monkeypatch, desk, ctx):
    to_provisional(desk)
    desk.declare(BATLEY, "Supervisor", OFFICER)
    stephenson = cid(desk, "Ryan Stephenson")
    asked = []

    def draw(parent, ctx_, contest_id, tie):
        asked.append(sorted(tie.candidates))
        return [stephenson]

    monkeypatch.setattr(correction_dialog, "ask_lot_winners", draw)
    dialog = _dialog(qtbot, CorrectionDialog(ctx, BATLEY), show=True)
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
