"""Verification: boxes imported, papers counted keyboard-first, variances explained, the totals
and the statement, each edit through the services and undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.verification import box_list_buttons
from desktop.ui.verification.columns import (
    COUNTED,
    EXPLANATION,
    ISSUED,
    KIND,
    NAME,
    REFERENCE,
    VARIANCE,
)
from desktop.ui.verification.verification_table_model import VerificationTableModel
from desktop.ui.verification.verification_view import VerificationView
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

REFERENCES = [f"BS{i:02}" for i in range(1, 11)] + ["PV01", "PV02", "PV03"]


@pytest.fixture
def desk(tmp_path) -> CountDesk:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.open_demo("T")
    desk.set_contest_facts(BATLEY, "T", officer_name="Jacqui Gedman")
    return desk


@pytest.fixture
def ctx(desk) -> UiContext:
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Verifier 1")


@pytest.fixture
def view(qtbot, ctx) -> VerificationView:
    view = VerificationView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def imported(view, monkeypatch) -> VerificationView:
    monkeypatch.setattr(
        box_list_buttons.QFileDialog,
        "getOpenFileName",
        lambda *args, **kwargs: (str(BOXES_CSV), "CSV files (*.csv)"),
    )
    view.import_button.click()
    return view


def _counted(desk: CountDesk) -> dict[str, int | None]:
    return {line.reference: line.counted for line in desk.verification(BATLEY)}


def _key(qtbot, view: VerificationView, text: str, key=Qt.Key.Key_Return) -> None:
    """Type into the current cell as a clerk would: the first key opens the editor."""
    qtbot.keyClicks(view.table, text[0])
    editor = view.focusWidget()
    assert editor is not view.table, "typing did not open the cell's editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)


def _current(view: VerificationView) -> tuple[str, int]:
    index = view.table.currentIndex()
    return index.data(Qt.ItemDataRole.UserRole), index.column()


def test_the_model_passes_the_model_tester(qtmodeltester, ctx, desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "T")
    desk.set_box_counted(BATLEY, "BS03", 2898, "T")
    desk.set_box_counted(BATLEY, "BS07", 2118, "T")
    desk.set_box_explanation(BATLEY, "BS07", "A voter left with the paper", "T")
    model = VerificationTableModel(ctx)
    model.set_contest(BATLEY)
    qtmodeltester.check(model)
    row = model.row_of("BS03")
    assert model.index(row, VARIANCE).data() == "+1"
    assert model.index(model.row_of("BS07"), VARIANCE).data() == "−1"
    assert model.index(model.row_of("BS01"), VARIANCE).data() == ""


def test_import_via_the_file_dialog_lists_boxes_then_postal_batches(imported, desk):
    view = imported
    assert view.model.rowCount() == 13
    shown = [view.model.index(r, 0).data() for r in range(13)]
    assert shown == REFERENCES
    assert view.model.index(10, 2).data() == "Postal"
    assert view.model.index(9, 2).data() == "Box"
    assert "Imported 13" in view.message()
    # Focus starts on the first uncounted box's Counted cell.
    assert _current(view) == ("BS01", COUNTED)
    assert view.table.hasFocus()


def test_the_import_dialog_says_which_columns_the_file_needs(view, monkeypatch):
    asked = []

    def fake(parent, title, *args, **kwargs):
        asked.append(title)
        return "", ""

    monkeypatch.setattr(box_list_buttons.QFileDialog, "getOpenFileName", fake)
    view.import_button.click()
    assert "reference, name, kind (box or postal), issued" in asked[0]
    assert "reference, name, kind" in view.import_button.toolTip()


def test_a_refused_import_is_shown_and_nothing_is_imported(view, desk, tmp_path):
    bad = tmp_path / "boxes.csv"
    bad.write_text("reference,name,kind,issued\nBS01,Hall,box,8.264\n", encoding="utf-8")
    assert view.import_csv(bad) is None
    assert "F102" in view.message() and "Nothing was imported" in view.message()
    assert desk.verification(BATLEY) == []


def test_keying_counted_figures_reaches_the_database_in_order_and_moves_down(qtbot, imported, desk):
    view = imported
    issued = {line.reference: line.issued for line in desk.verification(BATLEY)}
    for done, reference in enumerate(REFERENCES):
        assert _current(view) == (reference, COUNTED)
        _key(qtbot, view, f"{issued[reference]:,}")
        counted = _counted(desk)
        assert [counted[r] for r in REFERENCES[: done + 1]] == [
            issued[r] for r in REFERENCES[: done + 1]
        ]
        assert all(counted[r] is None for r in REFERENCES[done + 1 :])
    # Every box counted: the totals show the ballot papers verified.
    assert view.totals["verified"].text() == "37,786"
    assert view.totals["variance"].text() == "0"
    assert view.totals["uncounted"].text() == "0 of 13"
    assert view.totals["boxes_counted"].text() == "24,477"
    assert view.totals["postal_counted"].text() == "13,309"
    assert desk.contest(BATLEY).ballot_papers_verified == 37786
    assert "✔" in view.all_clear_label.text()


def test_a_saved_figure_tells_the_count(qtbot, imported, ctx):
    heard = []
    ctx.events.count_changed.connect(heard.append)
    _key(qtbot, imported, "2510")
    assert heard and heard[-1] == BATLEY


def test_a_decimal_figure_is_refused_with_its_code_and_nothing_is_saved(qtbot, imported, desk):
    view = imported
    _key(qtbot, view, "8.264")
    assert "F102" in view.message()
    assert "8,264" in view.message()
    assert view.message_label.accessibleName() == "Why the last change was not saved"
    assert _counted(desk)["BS01"] is None
    # The editor stays open on the same box with what was typed, to be put right.
    editor = view.focusWidget()
    assert editor is not view.table and editor.text() == "8.264"
    assert _current(view) == ("BS01", COUNTED)
    model = view.model
    assert model.setData(model.index(0, COUNTED), "12a") is False
    assert "F104" in view.message()
    editor.setText("2,510")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _counted(desk)["BS01"] == 2510
    assert view.message() == ""
    assert _current(view) == ("BS02", COUNTED)


def test_a_variance_shows_signed_and_not_explained_until_explained(qtbot, imported, desk):
    view = imported
    _key(qtbot, view, "2511")  # BS01 issued 2,510
    row = view.model.row_of("BS01")
    assert view.model.index(row, VARIANCE).data() == "+1"
    explanation = view.model.index(row, EXPLANATION)
    assert explanation.data() == "Not explained"
    assert explanation.data(Qt.ItemDataRole.DecorationRole) is not None
    assert any(f.code == "V501" for f in view.findings_model._findings)
    # The clerk goes back to BS01's explanation and types it.
    view.table.setCurrentIndex(explanation)
    _key(qtbot, view, "A paper from BS02 was placed in this box")
    assert desk.verification(BATLEY)[0].explanation == "A paper from BS02 was placed in this box"
    assert view.model.index(row, EXPLANATION).data() == "A paper from BS02 was placed in this box"
    assert view.model.index(row, EXPLANATION).data(Qt.ItemDataRole.DecorationRole) is None
    assert not any(f.code == "V501" for f in view.findings_model._findings)
    # Enter moved on to the next box's Counted cell.
    assert _current(view) == ("BS02", COUNTED)


def test_undo_restores_a_counted_figure_in_the_database(qtbot, imported, desk, ctx):
    view = imported
    _key(qtbot, view, "2510")
    _key(qtbot, view, "2431")
    assert _counted(desk)["BS02"] == 2431
    ctx.undo_stack.undo()
    assert _counted(desk)["BS02"] is None
    assert view.model.index(1, COUNTED).data() == ""
    ctx.undo_stack.undo()
    assert _counted(desk)["BS01"] is None
    ctx.undo_stack.redo()
    assert _counted(desk)["BS01"] == 2510
    assert view.totals["verified"].text() == "2,510"


def test_enter_on_a_cell_not_being_edited_moves_down(qtbot, imported, desk):
    view = imported
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert _current(view) == ("BS02", COUNTED)
    assert _counted(desk)["BS01"] is None


def test_the_statement_saved_is_the_services_pdf(imported, desk, tmp_path, monkeypatch):
    target = tmp_path / "statement.pdf"
    monkeypatch.setattr(
        box_list_buttons.QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"),
    )
    imported.save_button.click()
    assert target.read_bytes() == desk.verification_pdf(BATLEY)
    assert str(target) in imported.message()


def test_read_only_refuses_edits_and_says_why(qtbot, imported, desk):
    view = imported
    view.set_read_only(True)
    assert view.is_read_only()
    assert not view.import_button.isEnabled()
    assert not view.model.flags(view.model.index(0, COUNTED)) & Qt.ItemFlag.ItemIsEditable
    qtbot.keyClicks(view.table, "2")
    assert view.focusWidget() is view.table  # no editor opened
    assert view.model.setData(view.model.index(0, COUNTED), "2510") is False
    assert _counted(desk)["BS01"] is None
    assert view.lock_label.isVisible()
    view.set_read_only(False)
    assert view.model.flags(view.model.index(0, COUNTED)) & Qt.ItemFlag.ItemIsEditable


def test_a_shown_provisional_result_locks_the_verification(qtbot, view, desk, ctx):
    desk.advance(BATLEY, "verification", "T")
    desk.advance(BATLEY, "count", "T")
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "T")
    desk.advance(BATLEY, "provisional", "T")
    ctx.events.setup_changed.emit(BATLEY)
    assert desk.contest(BATLEY).status is Status.PROVISIONAL
    assert view.is_read_only()
    assert "S809" in view.lock_label.text()


def test_tab_saves_and_goes_to_the_explanation_and_a_refused_figure_stays(qtbot, imported, desk):
    view = imported
    _key(qtbot, view, "2,51l", Qt.Key.Key_Tab)
    assert "F104" in view.message()
    editor = view.focusWidget()
    assert editor.text() == "2,51l" and _current(view) == ("BS01", COUNTED)
    editor.setText("2,511")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert _counted(desk)["BS01"] == 2511
    assert _current(view) == ("BS01", EXPLANATION)
    editor = view.focusWidget()
    assert editor.accessibleName() == "Explanation for BS01"
    qtbot.keyClicks(editor, "Counted twice")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert desk.verification(BATLEY)[0].explanation == "Counted twice"
    assert _current(view) == ("BS02", COUNTED)


def test_changes_heard_while_hidden_are_shown_when_the_view_is(qtbot, imported, desk, ctx):
    view = imported
    view.hide()
    desk.set_box_counted(BATLEY, "BS01", 2510, "Elsewhere")
    ctx.events.count_changed.emit(BATLEY)
    assert view.model.index(0, COUNTED).data() == ""
    view.show()
    assert view.model.index(0, COUNTED).data() == "2,510"
    assert view.totals["verified"].text() == "2,510"


# -- a list imported wrongly is put right in the table -------------------------------------


def _issued(desk: CountDesk) -> dict[str, int]:
    return {line.reference: line.issued for line in desk.verification(BATLEY)}


def test_name_and_issued_are_editable_and_the_rest_of_the_list_is_not(imported):
    model = imported.model
    editable = {
        column
        for column in range(model.columnCount())
        if model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    }
    assert editable == {NAME, ISSUED, COUNTED, EXPLANATION}
    assert REFERENCE not in editable and KIND not in editable and VARIANCE not in editable
    imported.set_read_only(True)
    assert not model.flags(model.index(0, ISSUED)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, NAME)) & Qt.ItemFlag.ItemIsEditable


def test_issued_is_corrected_through_the_model_and_undone(qtbot, imported, desk, ctx):
    view, model = imported, imported.model
    desk.set_box_counted(BATLEY, "BS01", 2510, "T")
    view.refresh()
    row = model.row_of("BS01")
    assert model.index(row, ISSUED).data(Qt.ItemDataRole.EditRole) == "2,510"
    assert model.setData(model.index(row, ISSUED), "2,512") is True
    assert _issued(desk)["BS01"] == 2512
    assert model.index(row, ISSUED).data() == "2,512"
    assert model.index(row, VARIANCE).data() == "−2"
    assert model.index(row, EXPLANATION).data() == "Not explained"
    assert view.totals["issued"].text() == "37,788"
    assert ctx.undo_stack.undoText() == "Ballot papers issued for BS01: 2,510 → 2,512"
    entry = desk.store.audit(BATLEY)[-1]
    assert (entry.operator, entry.old, entry.new) == (
        "Verifier 1",
        {"issued": 2510},
        {"issued": 2512},
    )
    ctx.undo_stack.undo()
    assert _issued(desk)["BS01"] == 2510
    assert model.index(row, VARIANCE).data() == "0"
    ctx.undo_stack.redo()
    assert _issued(desk)["BS01"] == 2512


def test_a_refused_issued_figure_is_shown_like_a_counted_one(qtbot, imported, desk):
    view, model = imported, imported.model
    assert model.setData(model.index(0, ISSUED), "8.264") is False
    assert "F102" in view.message() and "8,264" in view.message()
    assert "Ballot papers issued for BS01" in view.message()
    assert model.setData(model.index(0, ISSUED), "") is False
    assert "F101" in view.message()
    assert _issued(desk)["BS01"] == 2510


def test_issued_is_typed_from_the_keyboard_and_enter_goes_on_down_the_counted_column(
    qtbot, imported, desk
):
    view = imported
    view.table.setCurrentIndex(view.model.index(0, ISSUED))
    qtbot.keyClicks(view.table, "2")
    editor = view.focusWidget()
    assert editor.accessibleName() == "Papers issued for BS01"
    qtbot.keyClicks(editor, ",511")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _issued(desk)["BS01"] == 2511
    assert _current(view) == ("BS02", COUNTED)
    # The Counted column's flow is as it was.
    _key(qtbot, view, "2431")
    assert _counted(desk)["BS02"] == 2431
    assert _current(view) == ("BS03", COUNTED)


def test_the_station_name_is_corrected_and_undone(qtbot, imported, desk, ctx):
    model = imported.model
    row = model.row_of("BS02")
    assert model.setData(model.index(row, NAME), "  Birstall   Library ") is True
    assert desk.verification(BATLEY)[1].name == "Birstall Library"
    assert model.index(row, NAME).data() == "Birstall Library"
    ctx.undo_stack.undo()
    assert desk.verification(BATLEY)[1].name == "Birstall Community Centre"
    assert model.setData(model.index(row, NAME), " ") is True  # blank: the reference, as on import
    assert desk.verification(BATLEY)[1].name == "BS02"


def test_the_model_with_corrections_passes_the_model_tester(qtmodeltester, ctx, desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "T")
    model = VerificationTableModel(ctx)
    model.set_contest(BATLEY)
    model.setData(model.index(0, ISSUED), "2,600")
    model.setData(model.index(1, NAME), "Library")
    qtmodeltester.check(model)


def test_remove_box_asks_naming_the_box_and_removes_it(qtbot, imported, desk, ctx, monkeypatch):
    view = imported
    asked = []
    answer = [False]

    def confirm(parent, reference, name, area):
        asked.append((reference, name, area))
        return answer[0]

    monkeypatch.setattr(box_list_buttons, "confirm_box_removal", confirm)
    heard = []
    ctx.events.count_changed.connect(heard.append)
    view.table.setCurrentIndex(view.model.index(view.model.row_of("BS10"), COUNTED))
    assert view.remove_button.isEnabled()
    assert "BS10" in view.remove_button.toolTip()
    view.remove_button.click()
    assert asked == [("BS10", "Roberttown Community Centre", "Batley and Spen")]
    assert len(desk.verification(BATLEY)) == 13  # not confirmed: nothing removed
    answer[0] = True
    view.remove_button.click()
    assert "BS10" not in [line.reference for line in desk.verification(BATLEY)]
    assert view.model.rowCount() == 12 and view.model.row_of("BS10") is None
    assert "Removed box BS10" in view.message()
    assert view.totals["boxes_issued"].text() == f"{24477 - 2005:,}"
    assert heard and heard[-1] == BATLEY
    # The keyboard stays on the table, on the box that took its place.
    assert _current(view) == ("PV01", COUNTED)


def test_remove_box_is_disabled_once_a_count_is_recorded_or_locked(
    qtbot, imported, desk, ctx, monkeypatch
):
    view = imported
    monkeypatch.setattr(box_list_buttons, "confirm_box_removal", lambda *args: True)
    assert view.remove_button.isEnabled()
    view.set_read_only(True)
    assert not view.remove_button.isEnabled()
    assert "Locked" in view.remove_button.toolTip()
    view.set_read_only(False)
    assert view.remove_button.isEnabled()
    for line in desk.verification(BATLEY):
        desk.set_box_counted(BATLEY, line.reference, line.issued, "T")
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "T")
    ctx.events.count_changed.emit(BATLEY)
    assert not view.remove_button.isEnabled()
    assert "V504" in view.remove_button.toolTip()
    # Asked for all the same, the services refuse it and the view says why.
    assert view.remove_box("BS10") is False
    assert "V504" in view.message() and "BS10 was not removed" in view.message()
    assert len(desk.verification(BATLEY)) == 13
    # Corrections of the account are still open until the provisional result.
    assert view.model.flags(view.model.index(0, ISSUED)) & Qt.ItemFlag.ItemIsEditable


def test_remove_box_without_boxes_is_disabled(view):
    assert not view.remove_button.isEnabled()
    assert "No ballot boxes" in view.remove_button.toolTip()


def test_tab_from_a_corrected_issued_figure_goes_on_to_its_counted_cell(qtbot, imported, desk):
    view = imported
    view.table.setCurrentIndex(view.model.index(2, ISSUED))
    _key(qtbot, view, "2898", Qt.Key.Key_Tab)
    assert _issued(desk)["BS03"] == 2898
    assert _current(view) == ("BS03", COUNTED)
    assert view.focusWidget().accessibleName() == "Papers counted for BS03"


def test_an_accepted_variance_shows_the_supervisors_reason(qtbot, imported, desk, ctx):
    view = imported
    _key(qtbot, view, "2511")  # BS01 issued 2,510: +1, not explained
    desk.acknowledge_warning(BATLEY, "V501", "Counted twice; account wrong", "Supervisor", "BS01")
    ctx.events.count_changed.emit(BATLEY)
    explanation = view.model.index(view.model.row_of("BS01"), EXPLANATION)
    assert explanation.data() == "Accepted: Counted twice; account wrong"
    assert explanation.data(Qt.ItemDataRole.DecorationRole) is None


def test_postal_batches_say_returned_and_a_box_shows_its_accounts_other_figures(
    qtbot, view, desk, ctx, tmp_path
):
    path = tmp_path / "boxes.csv"
    path.write_text(
        "reference,name,kind,issued,unused,spoilt,tendered\n"
        "B1,Hall,box,1000,412,3,1\nPV1,Postal,postal,500,,,\n"
    )
    desk.import_verification_csv(BATLEY, path, "Supervisor")
    ctx.events.count_changed.emit(BATLEY)
    model = view.model
    postal = model.index(model.row_of("PV1"), ISSUED).data(Qt.ItemDataRole.ToolTipRole)
    assert "returned" in postal and "issued" not in postal
    box = model.index(model.row_of("B1"), ISSUED).data(Qt.ItemDataRole.ToolTipRole)
    assert "412 unused, 3 spoilt, 1 tendered" in box
    assert "returned" in model.headerData(ISSUED, Qt.Orientation.Horizontal)
