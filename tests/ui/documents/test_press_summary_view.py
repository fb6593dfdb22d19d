"""The results summary for the press in the window: the Documents tab's choice (offered once
declared, showing the bytes the command line writes) and File › Import previous result…"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.documents import press_actions
from desktop.ui.documents.documents_view import PRESS, DocumentsView
from tests.declared import declare_batley
from tests.press_night import BATLEY_2019
from tests.sample import BATLEY, BATLEY_CSV


@pytest.fixture
def ctx(tmp_path: Path):
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.today = lambda: date(2021, 7, 2)
    yield UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")
    desk.close()


@pytest.fixture
def said(monkeypatch):
    """Every message box shown, as (title, text), instead of a blocking dialog."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, title, text, *a, **k: shown.append((title, text))
        )
    return shown


def _view(qtbot, ctx: UiContext) -> DocumentsView:
    view = DocumentsView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_press_summary_is_offered_once_declared_and_shows_the_cli_bytes(qtbot, ctx, said):
    declare_batley(ctx.desk)
    assert press_actions.import_previous_result(None, ctx, BATLEY, BATLEY_2019)
    assert said[-1][0] == "Previous result imported" and "Tracy Brabin" in said[-1][1]
    view = _view(qtbot, ctx)
    assert view.press_choice.isEnabled()
    view.press_choice.click()
    assert view.current_pdf() == ctx.desk.press.contest_pdf(BATLEY)
    assert view.heading.text() == "Results summary (press) – Batley and Spen"
    assert view._shown_kind == PRESS
    view.declaration_choice.click()
    assert view.current_pdf() == ctx.desk.declaration_pdf(BATLEY)


def test_before_the_declaration_the_press_summary_is_not_offered(qtbot, ctx):
    ctx.desk.import_candidates(BATLEY_CSV, "Importer")
    from tests.sample import BATLEY_REJECTED, BATLEY_VOTES

    ctx.desk.set_entry_mode(BATLEY, "single", "Supervisor")
    votes = {ctx.desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    ctx.desk.set_contest_facts(BATLEY, "Tester", ballot_papers_verified=37786)
    ctx.desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")
    view = _view(qtbot, ctx)
    assert view.current_pdf() is not None
    assert not view.press_choice.isEnabled()


def test_a_bad_previous_file_is_refused_in_a_message_and_nothing_is_stored(ctx, said, tmp_path):
    ctx.desk.import_candidates(BATLEY_CSV, "Importer")
    bad = tmp_path / "bad.csv"
    bad.write_text(BATLEY_2019.read_text().replace("22594", "12a"), encoding="utf-8")
    assert not press_actions.import_previous_result(None, ctx, BATLEY, bad)
    title, text = said[-1]
    assert title == "Previous result not imported" and "E103" in text and "Line 2" in text
    assert ctx.desk.press.previous(BATLEY) is None
