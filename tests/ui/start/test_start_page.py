"""The start page, the ways to get a contest (demo, CSV, by hand) and the new-contest dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.start import contest_actions
from desktop.ui.start.new_contest_dialog import NewContestDialog
from desktop.ui.start.start_page import StartPage
from tests.sample import BATLEY, WARD, WARD_CSV


@pytest.fixture
def ctx(tmp_path) -> UiContext:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str, str]]:
    """Message boxes shown, as (kind, title, text), instead of blocking."""
    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: seen.append(("info", title, text))
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: seen.append(("warning", title, text))
    )
    return seen


def _choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "CSV files (*.csv)")
    )


# -- the start page ------------------------------------------------------------------------


def test_open_the_demo_emits_the_demo_contest(qtbot, ctx, shown):
    page = StartPage(ctx)
    qtbot.addWidget(page)
    with (
        qtbot.waitSignal(page.contest_chosen) as chosen,
        qtbot.waitSignal(ctx.events.contests_changed),
    ):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert chosen.args == ["parl.batley-and-spen.by.2021-07-01"]
    assert [c.id for c in ctx.desk.contests()] == [BATLEY]
    assert shown == []


def test_import_from_the_start_page_emits_the_imported_contest(qtbot, ctx, shown, monkeypatch):
    _choose_file(monkeypatch, WARD_CSV)
    page = StartPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.contest_chosen) as chosen:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [WARD]


def test_a_cancelled_choice_emits_nothing(qtbot, ctx, shown, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    monkeypatch.setattr(contest_actions, "exec_dialog", lambda dialog: dialog.reject())
    page = StartPage(ctx)
    qtbot.addWidget(page)
    with qtbot.assertNotEmitted(page.contest_chosen):
        page.import_button.click()
        page.create_button.click()
    assert ctx.desk.contests() == []


def test_the_buttons_show_their_shortcuts_and_have_accessible_names(qtbot, ctx):
    page = StartPage(ctx)
    qtbot.addWidget(page)
    for button, shortcut in (
        (page.demo_button, "Ctrl+D"),
        (page.import_button, "Ctrl+I"),
        (page.create_button, "Ctrl+N"),
    ):
        assert shortcut in button.text()
        assert button.accessibleName()
        assert button.shortcut().isEmpty()  # the main window owns the shortcut itself
    assert "Batley and Spen by-election, 1 July 2021" in page.demo_button.text()


# -- contest actions -----------------------------------------------------------------------


def test_importing_a_csv_creates_its_contests_and_returns_the_first(qtbot, ctx, shown, monkeypatch):
    _choose_file(monkeypatch, WARD_CSV)
    with qtbot.waitSignal(ctx.events.contests_changed):
        assert contest_actions.import_candidates_csv(None, ctx) == WARD
    assert [c.id for c in ctx.desk.contests()] == [WARD]
    [(kind, _, text)] = shown
    assert kind == "info"
    assert "Created 1 election, 1 contest and" in text
    assert "Earlsfield: 3 seats, " in text


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


# -- the new-contest dialog ----------------------------------------------------------------


def test_ok_is_disabled_until_the_area_is_filled(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    dialog.set_type_code("parl")
    assert not dialog.ok_button.isEnabled()
    assert not dialog.council_edit.isEnabled()
    qtbot.keyClicks(dialog.area_edit, "Hexham")
    assert dialog.ok_button.isEnabled()


def test_a_local_election_needs_the_council_name(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    dialog.set_type_code("local")
    assert dialog.council_edit.isEnabled()
    qtbot.keyClicks(dialog.area_edit, "Earlsfield")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.council_edit, "Wandsworth")
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["organisation"] == "Wandsworth"


def test_values_are_the_arguments_of_create_contest(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    dialog.set_type_code("parl")
    dialog.area_edit.setText("Hexham")
    dialog.council_edit.setText("ignored for a parliamentary election")
    dialog.date_edit.setDate(QDate(2024, 7, 4))
    dialog.seats_spin.setValue(1)
    dialog.by_election_check.setChecked(True)
    values = dialog.values()
    assert values == {
        "type_code": "parl",
        "poll_date": date(2024, 7, 4),
        "area": "Hexham",
        "seats": 1,
        "organisation": "",
        "by_election": True,
    }
    assert type(values["poll_date"]) is date


def test_every_input_of_the_dialog_has_an_accessible_name(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    for widget in (
        dialog.type_combo,
        dialog.council_edit,
        dialog.area_edit,
        dialog.date_edit,
        dialog.seats_spin,
        dialog.by_election_check,
    ):
        assert widget.accessibleName()
    assert dialog.date_edit.calendarPopup()
    assert (dialog.seats_spin.minimum(), dialog.seats_spin.maximum()) == (1, 20)
