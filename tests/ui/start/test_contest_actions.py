"""Importing candidates, opening the demo and creating a contest, with what is said."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from desktop.ui.start import contest_actions
from desktop.ui.start.new_contest_dialog import NewContestDialog
from tests.sample import WARD, WARD_CSV
from tests.ui.start.steps import choose_file


def test_importing_a_csv_creates_its_contests_and_returns_the_first(qtbot, ctx, shown, monkeypatch):
    choose_file(monkeypatch, WARD_CSV)
    with qtbot.waitSignal(ctx.events.contests_changed):
        assert contest_actions.import_candidates_csv(None, ctx) == WARD
    assert [c.id for c in ctx.desk.contests()] == [WARD]
    [(kind, _, text)] = shown
    assert kind == "info"
    assert "Created 1 election, 1 contest and" in text
    assert "Earlsfield: 3 seats, " in text
    # Which names were split at a surname particle, how, and what to do about it.
    assert "1 name has a surname particle" in text
    assert "• Dara Ó Briain → Ó BRIAIN, Dara: surname “Ó Briain” (at the particle “Ó”)" in text
    assert "Confirm names and order" in text


def test_importing_the_same_file_again_creates_nothing(ctx, shown):
    contest_actions.import_candidates_csv(None, ctx, str(WARD_CSV))
    assert contest_actions.import_candidates_csv(None, ctx, str(WARD_CSV)) is None
    assert shown[-1][0] == "info"
    assert shown[-1][2].startswith("Nothing new")


def test_a_csv_missing_a_column_is_refused_and_nothing_imported(tmp_path, ctx, shown):
    lines = WARD_CSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    at = header.index("post_label")
    cut = [",".join(f for i, f in enumerate(line.split(",")) if i != at) for line in lines]
    path = tmp_path / "no-post-label.csv"
    path.write_text("\n".join(cut) + "\n", encoding="utf-8")

    assert contest_actions.import_candidates_csv(None, ctx, str(path)) is None
    [(kind, _, text)] = shown
    assert kind == "warning"
    assert "post_label" in text
    assert "Nothing was imported" in text
    assert ctx.desk.contests() == [] and ctx.desk.elections() == []


def test_open_demo_is_refused_without_an_operator(ctx, shown):
    ctx.operator = lambda: ""
    assert contest_actions.open_demo(None, ctx) is None
    assert shown[0][0] == "warning"
    assert "operator" in shown[0][2]


def _fill_and_accept(area: str, council: str = "", code: str = "parl"):
    def run(dialog: NewContestDialog) -> int:
        dialog.set_type_code(code)
        dialog.council_edit.setText(council)
        dialog.area_edit.setText(area)
        dialog.date_edit.setDate(QDate(2024, 7, 4))
        dialog.ok_button.click()
        run.dialog = dialog  # type: ignore[attr-defined]
        return dialog.result()

    return run


def test_create_contest_creates_it_and_returns_its_id(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(contest_actions, "exec_dialog", _fill_and_accept("Hexham"))
    with qtbot.waitSignal(ctx.events.contests_changed):
        contest_id = contest_actions.create_contest(None, ctx)
    assert contest_id == "parl.hexham.2024-07-04"
    assert ctx.desk.contest(contest_id).area == "Hexham"


def test_a_refused_contest_keeps_the_dialog_open_with_the_reason(ctx, monkeypatch):
    ctx.desk.create_contest("Tester", type_code="parl", poll_date=date(2024, 7, 4), area="Hexham")
    run = _fill_and_accept("Hexham")
    monkeypatch.setattr(contest_actions, "exec_dialog", run)
    assert contest_actions.create_contest(None, ctx) is None
    dialog = run.dialog  # type: ignore[attr-defined]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "already exists" in dialog.message_label.text()
    assert not dialog.message_label.isHidden()
