"""Count entry: keyboard-first keying reaches the database in ballot order with live checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.count.count_view import CountView
from desktop.ui.findings_model import FindingsModel
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

BALLOT_ORDER = sorted(BATLEY_VOTES, key=lambda n: n.split()[-1])


@pytest.fixture
def desk(tmp_path) -> CountDesk:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.open_demo("Tester")
    desk.set_contest_details(
        BATLEY,
        "Tester",
        officer_name="Jane Officer",
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    return desk


@pytest.fixture
def ctx(desk) -> UiContext:
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Clerk 1")


@pytest.fixture
def view(qtbot, ctx) -> CountView:
    view = CountView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _type(qtbot, view: CountView, text: str, key=Qt.Key.Key_Tab) -> None:
    widget = view.focusWidget()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, key)


def test_focus_starts_on_the_first_candidates_votes(view):
    assert view.focusWidget() is view.first_field()
    assert view.focusWidget().accessibleName() == "Votes for BICKERDIKE, Paul"


def test_every_field_has_an_accessible_name(view):
    names = [edit.accessibleName() for edit in view._order]
    assert names[:2] == ["Votes for BICKERDIKE, Paul", "Votes for DAVIES, Mike"]
    assert names[-1] == "Ballot papers verified"
    assert all(names)


def test_keying_a_full_count_with_the_keyboard_reaches_the_database_in_ballot_order(
    qtbot, view, desk
):
    seen = []
    for i, name in enumerate(BALLOT_ORDER):
        assert view.focusWidget().accessibleName().startswith("Votes for ")
        seen.append(view.focusWidget().accessibleName())
        # Alternate Enter and Tab: both accept the figure and move on.
        _type(
            qtbot, view, f"{BATLEY_VOTES[name]:,}", Qt.Key.Key_Return if i % 2 else Qt.Key.Key_Tab
        )
    for key in BATLEY_REJECTED:
        _type(qtbot, view, str(BATLEY_REJECTED[key]), Qt.Key.Key_Return)
    assert view.focusWidget().accessibleName() == "Ballot papers verified"
    draft = desk.draft(BATLEY)
    for name, votes in BATLEY_VOTES.items():
        assert draft.votes[desk.candidate_by_name(BATLEY, name).id] == votes
    assert draft.rejected == BATLEY_REJECTED
    assert [s.removeprefix("Votes for ") for s in seen] == [
        c.display_name for c in desk.candidates(BATLEY)
    ]
    assert view.live_panel.value_text("majority").startswith("323 votes, 0.86%")
    assert view.live_panel.value_text("unaccounted") == "0 – the figures add up"
    assert view.record_button.isEnabled()
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    assert desk.result(BATLEY).majority == 323
    assert desk.latest_count(BATLEY).operator == "Clerk 1"
    assert "recorded as count 1" in view.state_label.text().lower()


def _row(view: CountView, desk: CountDesk, person_name: str):
    cid = desk.candidate_by_name(BATLEY, person_name).id
    return next(r for r in view._rows if r.key == cid)


def test_live_panel_updates_on_every_keystroke(qtbot, view, desk):
    # Key everyone but Stephenson; watch the unaccounted papers and majority as he is typed.
    for name, votes in BATLEY_VOTES.items():
        if name != "Ryan Stephenson":
            row = _row(view, desk, name)
            row.edit.setFocus()
            qtbot.keyClicks(row.edit, str(votes))
            qtbot.keyClick(row.edit, Qt.Key.Key_Return)
    for key, papers in BATLEY_REJECTED.items():
        row = next(r for r in view._rows if r.key == key)
        row.edit.setFocus()
        qtbot.keyClicks(row.edit, str(papers))
        qtbot.keyClick(row.edit, Qt.Key.Key_Return)
    without = 37786 - 91 - (37695 - 12973)
    assert view.live_panel.value_text("unaccounted") == f"{without:,} papers not yet accounted for"
    stephenson = _row(view, desk, "Ryan Stephenson")
    stephenson.edit.setFocus()
    typed = ""
    for digit in "12973":
        typed += digit
        qtbot.keyClicks(stephenson.edit, digit)
        left = without - int(typed)
        expected = (
            "0 – the figures add up" if left == 0 else f"{left:,} papers not yet accounted for"
        )
        assert view.live_panel.value_text("unaccounted") == expected
    assert view.live_panel.value_text("majority").startswith("323 votes")
    qtbot.keyClicks(stephenson.edit, "0")  # 129,730: Stephenson now leads, far too many papers
    assert view.live_panel.value_text("majority").startswith(f"{129730 - 13296:,} votes")
    assert "too many" in view.live_panel.value_text("unaccounted")
    qtbot.keyClick(stephenson.edit, Qt.Key.Key_Backspace)
    assert view.live_panel.value_text("majority").startswith("323 votes")
    # Typed, not yet accepted: the database has no figure for him yet.
    assert desk.draft(BATLEY).votes[stephenson.key] is None
    qtbot.keyClick(stephenson.edit, Qt.Key.Key_Return)
    assert desk.draft(BATLEY).votes[stephenson.key] == 12973


def test_until_every_figure_is_in_the_panel_shows_no_majority_or_result(qtbot, view, desk):
    # Two figures of sixteen: the order is "so far", and no majority or share reads as a result.
    for name in ("Kim Leadbeater", "Ryan Stephenson"):
        row = _row(view, desk, name)
        row.edit.setFocus()
        qtbot.keyClicks(row.edit, str(BATLEY_VOTES[name]))
        qtbot.keyClick(row.edit, Qt.Key.Key_Return)
    panel = view.live_panel
    assert panel._labels["leader"].text() == "Leading so far"
    assert panel._labels["runner_up"].text() == "Second so far"
    assert panel.value_text("leader") == "LEADBEATER, Kim (13,296)"
    assert panel.value_text("majority") == "– (when every figure is in)"
    assert "%" not in panel.value_text("majority")
    assert panel.value_text("elected") == "–"


def test_an_invalid_figure_is_refused_with_its_message_and_not_saved(qtbot, view, desk):
    galloway = _row(view, desk, "George Galloway")
    galloway.edit.setFocus()
    qtbot.keyClicks(galloway.edit, "8264")
    qtbot.keyClick(galloway.edit, Qt.Key.Key_Return)
    galloway.edit.setFocus()
    galloway.edit.selectAll()
    qtbot.keyClicks(galloway.edit, "8.264")
    qtbot.keyClick(galloway.edit, Qt.Key.Key_Return)
    assert "F102" in galloway.message.text()
    assert "8,264" in galloway.message.text()
    assert galloway.message.isVisibleTo(view)
    assert view.focusWidget() is galloway.edit  # stays until put right
    assert desk.draft(BATLEY).votes[desk.candidate_by_name(BATLEY, "George Galloway").id] == 8264
    galloway.edit.selectAll()
    qtbot.keyClicks(galloway.edit, "12a")
    qtbot.keyClick(galloway.edit, Qt.Key.Key_Return)
    assert "F104" in galloway.message.text()
    assert desk.draft(BATLEY).votes[desk.candidate_by_name(BATLEY, "George Galloway").id] == 8264


def test_undo_restores_the_previous_figure_in_the_database(qtbot, view, desk, ctx):
    leadbeater = _row(view, desk, "Kim Leadbeater")
    cid = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    leadbeater.edit.setFocus()
    qtbot.keyClicks(leadbeater.edit, "13296")
    qtbot.keyClick(leadbeater.edit, Qt.Key.Key_Return)
    leadbeater.edit.setFocus()
    leadbeater.edit.selectAll()
    qtbot.keyClicks(leadbeater.edit, "13269")
    qtbot.keyClick(leadbeater.edit, Qt.Key.Key_Return)
    assert desk.draft(BATLEY).votes[cid] == 13269
    ctx.undo_stack.undo()
    assert desk.draft(BATLEY).votes[cid] == 13296
    assert leadbeater.edit.text() == "13,296"
    ctx.undo_stack.undo()
    assert desk.draft(BATLEY).votes[cid] is None
    assert leadbeater.edit.text() == ""
    ctx.undo_stack.redo()
    assert desk.draft(BATLEY).votes[cid] == 13296


def test_bundles_and_part_bundle_give_the_total(qtbot, view, desk):
    view.set_bundle_mode(True)
    assert view.focusWidget().accessibleName() == "Full bundles for BICKERDIKE, Paul"
    _type(qtbot, view, "2", Qt.Key.Key_Return)
    assert view.focusWidget().accessibleName() == "Part-bundle for BICKERDIKE, Paul"
    _type(qtbot, view, "2", Qt.Key.Key_Return)
    assert desk.draft(BATLEY).votes[desk.candidate_by_name(BATLEY, "Paul Bickerdike").id] == 102
    assert view.focusWidget().accessibleName() == "Full bundles for DAVIES, Mike"
    qtbot.keyClicks(view.focusWidget(), "2")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(view.focusWidget(), "50")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    davies = _row(view, desk, "Mike Davies")
    assert "F109" in davies.message.text()
    assert desk.draft(BATLEY).votes[desk.candidate_by_name(BATLEY, "Mike Davies").id] is None


def test_a_tie_for_the_seat_shows_a_banner(qtbot, view, desk):
    figures = dict(BATLEY_VOTES)
    figures["Kim Leadbeater"] = 12973
    figures["Anne Marie Waters"] = 97 + 323
    for name in BALLOT_ORDER:
        _type(qtbot, view, str(figures[name]))
    for papers in BATLEY_REJECTED.values():
        _type(qtbot, view, str(papers))
    banner = view.live_panel.tie_banner
    assert banner.isVisibleTo(view)
    assert "LOTS MUST BE DRAWN" in banner.text()
    assert "LEADBEATER, Kim" in banner.text() and "STEPHENSON, Ryan" in banner.text()


def test_findings_model_passes_the_model_tester(qtmodeltester, view, qtbot):
    _type(qtbot, view, "0")
    model = view.live_panel.findings_model
    assert isinstance(model, FindingsModel)
    assert model.rowCount() > 0
    codes = [model.index(i).data(FindingsModel.CodeRole) for i in range(model.rowCount())]
    assert "C206" in codes and "C207" in codes
    first = model.index(0).data()
    assert first.startswith("ERROR ")
    qtmodeltester.check(model)


def test_papers_from_the_verification_cannot_be_typed(qtbot, desk, ctx):
    from tests.sample import BOXES_CSV

    desk.import_verification_csv(BATLEY, BOXES_CSV, "Tester")
    view = CountView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    papers = next(r for r in view._rows if r.kind == "papers")
    assert papers.edit.isReadOnly()
    assert papers.edit not in view._order
    assert papers.edit.text() == "0"  # nothing counted at verification yet
    for line in desk.verification(BATLEY):
        desk.set_box_counted(BATLEY, line.reference, line.issued, "Tester")
    ctx.events.count_changed.emit(BATLEY)
    assert papers.edit.text() == "37,786"


def test_a_declared_contest_is_read_only_with_the_reason(qtbot, desk, ctx):
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")
    for status in ("verification", "count", "provisional"):
        desk.advance(BATLEY, status, "Tester")
    view = CountView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    assert all(r.edit.isReadOnly() for r in view._rows)
    assert view._order == []
    assert "recount" in view.state_label.text()
    desk.declare(BATLEY, "Tester", "Jane Officer")
    ctx.events.setup_changed.emit(BATLEY)
    assert all(r.edit.isReadOnly() for r in view._rows)
    assert not view.record_button.isEnabled()
    assert "declared" in view.state_label.text()
    assert view.live_panel.value_text("majority").startswith("323 votes")


def test_several_seats_show_the_last_elected_and_the_first_not_elected(qtbot, tmp_path):
    from tests.sample import WARD, WARD_CSV

    desk = CountDesk.open(tmp_path / "ward.sqlite")
    desk.import_candidates(WARD_CSV, "T")
    desk.set_contest_facts(WARD, "T", electorate=11000, ballot_papers_verified=4000)
    figures = {
        "Ruth Alder": 2100,
        "Sam Birch": 1900,
        "Priya Cedar": 1750,
        "Tom Dogwood": 1500,
        "Llŷr Elm": 1200,
        "Łukasz Fir": 900,
        "Dara Ó Briain": 800,
    }
    for name, votes in figures.items():
        desk.set_draft_votes(WARD, desk.candidate_by_name(WARD, name).id, votes, "T")
    for key in ("official_mark", "too_many_votes", "identifying_mark", "unmarked_or_void"):
        desk.set_draft_rejected(WARD, key, 0, "T")
    desk.set_draft_rejected(WARD, "rejected_in_part", 0, "T")
    desk.set_draft_papers_counted(WARD, 4000, "T")  # several seats: the papers counted too
    view = CountView(UiContext(desk, QUndoStack(), ContestEvents(), lambda: "T"))
    qtbot.addWidget(view)
    view.set_contest(WARD)
    panel = view.live_panel
    assert panel._labels["leader"].text() == "Last elected"
    assert panel.value_text("leader") == "CEDAR, Priya (1,750)"
    assert panel._labels["runner_up"].text() == "First not elected"
    assert panel.value_text("runner_up") == "DOGWOOD, Tom (1,500)"
    assert panel._labels["majority"].text() == "Margin"
    assert panel.value_text("majority").startswith("250 votes")


def test_recording_a_tied_count_does_not_ask_about_errors(qtbot, view, desk, monkeypatch):
    from desktop.ui.count import recording as count_module

    asked = []
    monkeypatch.setattr(count_module.QMessageBox, "question", lambda *a: asked.append(a))
    figures = dict(BATLEY_VOTES)
    figures["Kim Leadbeater"] = 12973
    figures["Anne Marie Waters"] = 97 + 323
    for name in BALLOT_ORDER:
        _type(qtbot, view, str(figures[name]))
    for papers in BATLEY_REJECTED.values():
        _type(qtbot, view, str(papers))
    view.record_count()
    assert asked == []
    assert desk.latest_count(BATLEY) is not None


def test_recording_with_a_figure_missing_asks_nothing_and_records_nothing(
    qtbot, view, desk, monkeypatch
):
    from desktop.ui import context as context_module
    from desktop.ui.count import recording as count_module

    asked: list[object] = []
    said: list[str] = []
    monkeypatch.setattr(count_module.QMessageBox, "question", lambda *a: asked.append(a))
    monkeypatch.setattr(context_module.QMessageBox, "warning", lambda *a: said.append(a[2]))
    for name in BALLOT_ORDER[:-1]:  # WATERS is not keyed
        _type(qtbot, view, str(BATLEY_VOTES[name]))
    view.record_count()
    assert asked == []
    assert len(said) == 1 and said[0].startswith("C206")
    assert view.state_label.text().startswith("Not recorded:")
    assert desk.latest_count(BATLEY) is None


def test_recording_figures_with_errors_asks_with_no_as_the_default(qtbot, view, desk, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.count import recording as count_module

    defaults: list[object] = []

    def question(parent, title, text, buttons, default):
        defaults.append(default)
        return default  # the clerk pressed Enter

    monkeypatch.setattr(count_module.QMessageBox, "question", question)
    for name in BALLOT_ORDER:
        _type(qtbot, view, str(BATLEY_VOTES[name] + 1))  # 16 papers more than verified
    for papers in BATLEY_REJECTED.values():
        _type(qtbot, view, str(papers))
    view.record_count()
    assert defaults == [QMessageBox.StandardButton.No]
    assert desk.latest_count(BATLEY) is None
