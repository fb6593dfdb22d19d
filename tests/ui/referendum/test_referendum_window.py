"""A referendum in the window: created in the New election and contest dialog, its question and
answers shown in Setup (no seats), keyed on the count screen with the referendum headings, and
the live panel saying which answer leads and carried, never who is elected or a deposit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.count.count_view import CountView
from desktop.ui.setup import referendum_panel
from desktop.ui.setup.setup_view import SetupView
from desktop.ui.start import contest_actions
from desktop.ui.start.new_contest_dialog import NewContestDialog
from tests.referendum_night import KIRKSTALL, PAPERS, QUESTION, count, set_up

#: About the referendum's screens, not double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def ctx(tmp_path) -> UiContext:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Clerk 1")


def test_the_new_contest_dialog_creates_a_referendum_with_yes_and_no(qtbot, ctx, monkeypatch):
    def fill(dialog: NewContestDialog) -> int:
        dialog.set_type_code("ref")
        assert dialog.seats_spin.isHidden() and dialog.by_election_check.isHidden()
        assert not dialog.question_edit.isHidden()
        assert dialog.answers_edit.toPlainText() == "Yes\nNo"
        dialog.council_edit.setText("Leeds")
        dialog.area_edit.setText("Kirkstall Neighbourhood Plan")
        assert not dialog.ok_button.isEnabled()  # the question is still to type
        dialog.question_edit.setPlainText(QUESTION)
        dialog.date_edit.setDate(QDate(2026, 5, 7))
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(contest_actions, "exec_dialog", fill)
    assert contest_actions.create_contest(None, ctx) == KIRKSTALL
    contest = ctx.desk.contest(KIRKSTALL)
    assert contest.question == QUESTION
    assert [a.display_name for a in ctx.desk.candidates(KIRKSTALL)] == ["Yes", "No"]


def test_a_refused_referendum_keeps_the_dialog_open_saying_why(qtbot, ctx):
    def create(**values):
        return contest_actions_create(ctx, values)

    dialog = NewContestDialog(create)
    qtbot.addWidget(dialog)
    dialog.set_type_code("ref")
    dialog.council_edit.setText("Leeds")
    dialog.area_edit.setText("Kirkstall Neighbourhood Plan")
    dialog.question_edit.setPlainText(QUESTION)
    dialog.answers_edit.setPlainText("Yes")
    dialog.ok_button.click()
    assert dialog.created is None
    assert "R102" in dialog.message_label.text()
    assert ctx.desk.contests() == []


def contest_actions_create(ctx: UiContext, values: dict) -> str:
    return ctx.desk.referendums.create(
        "T",
        poll_date=values["poll_date"],
        name=values["area"],
        council=values["organisation"],
        question=values["question"],
        answers=values["answers"],
    ).id


def test_setup_shows_the_question_and_answers_and_no_seats(qtbot, ctx):
    set_up(ctx.desk)
    view = SetupView(ctx)
    qtbot.addWidget(view)
    view.set_contest(KIRKSTALL)
    view.resize(1024, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.referendum_panel.isVisible()
    assert QUESTION in view.referendum_panel.question_label.text()
    assert view.referendum_panel.answers_label.text() == "1.  Yes\n2.  No"
    assert not view.table.isVisible() and not view.add_button.isVisible()
    assert not view.fact_edits["seats"].isVisible()
    assert view.candidates_box.title() == "Question and answers"


def test_the_count_screen_keys_the_answers_and_says_which_carried(qtbot, ctx):
    set_up(ctx.desk)
    view = CountView(ctx)
    qtbot.addWidget(view)
    view.set_contest(KIRKSTALL)
    view.resize(1024, 700)
    view.show()
    qtbot.waitExposed(view)
    names = [edit.accessibleName() for edit in view._order]
    assert names[:2] == ["Votes for Yes", "Votes for No"]
    assert "Rejected papers (b) voting for more than one answer" in names
    for figure in ("1,874", "1,101", "3", "9", "0", "15"):
        widget = view.focusWidget()
        qtbot.keyClicks(widget, figure)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    panel = view.live_panel
    assert panel.value_text("valid") == "2,975"
    assert panel.value_text("unaccounted") == "0 – the figures add up"
    assert panel.value_text("leader") == "Yes (1,874)"
    assert panel.value_text("elected") == (
        "“Yes” carried: more than half of those voting voted “Yes”."
    )
    assert panel._labels["elected"].text() == "Result"
    assert not panel._values["deposits"].isVisible()
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    result = ctx.desk.result(KIRKSTALL)
    assert result.ballot_papers_verified == PAPERS and result.elected == ()
    assert [line.votes for line in result.candidates] == [1_874, 1_101]


def _setup_view(qtbot, ctx) -> SetupView:
    view = SetupView(ctx)
    qtbot.addWidget(view)
    view.set_contest(KIRKSTALL)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_question_and_answers_are_corrected_in_setup_undoably(qtbot, ctx, monkeypatch):
    set_up(ctx.desk)
    view = _setup_view(qtbot, ctx)

    def fill(dialog) -> bool:
        dialog.question_edit.setPlainText("Do you want the plan?")
        dialog.answers_edit.setPlainText("Yes\nNo\n")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return True

    monkeypatch.setattr(referendum_panel, "exec_dialog", fill)
    view.referendum_panel.correct_button.click()
    assert ctx.desk.contest(KIRKSTALL).question == "Do you want the plan?"
    assert "Do you want the plan?" in view.referendum_panel.question_label.text()
    ctx.undo_stack.undo()
    assert ctx.desk.contest(KIRKSTALL).question == QUESTION
    assert QUESTION in view.referendum_panel.question_label.text()


def test_a_refused_correction_saves_nothing_and_says_why(qtbot, ctx, monkeypatch):
    set_up(ctx.desk)
    view = _setup_view(qtbot, ctx)
    said = []

    def fill(dialog) -> bool:
        dialog.question_edit.setPlainText("Do you want the plan?")
        dialog.answers_edit.setPlainText("Yes")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        said.append(dialog.message_label.text())
        return False

    monkeypatch.setattr(referendum_panel, "exec_dialog", fill)
    view.referendum_panel.correct_button.click()
    assert "R102" in said[0] and said[0].startswith("Nothing was saved.")
    assert ctx.desk.contest(KIRKSTALL).question == QUESTION
    assert [a.display_name for a in ctx.desk.candidates(KIRKSTALL)] == ["Yes", "No"]


def test_once_counted_the_question_and_answers_cannot_be_corrected(qtbot, ctx):
    set_up(ctx.desk)
    count(ctx.desk, KIRKSTALL)
    view = _setup_view(qtbot, ctx)
    assert not view.referendum_panel.correct_button.isEnabled()
    assert "cannot be changed once a count is recorded" in view.lock_label.text()
