"""The History tab: the requests, the lots, the statuses and the declarations kept as declared."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.services import CountDesk
from desktop.ui import saving
from desktop.ui.history import declarations_box, words
from desktop.ui.history.history_view import HistoryView
from tests.declared import LEGACY_PDF, LEGACY_REASON, legacy_corrected_database
from tests.sample import BATLEY
from tests.ui.history.steps import cell_text, header_texts, open_view, record_error
from tests.ui.night.steps import (
    ERROR_REASON,
    OFFICER,
    make_ctx,
    to_declared,
    to_provisional,
    to_tie,
)

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def test_after_a_recount_the_view_lists_the_request_and_statuses(qtbot, desk, ctx):
    to_tie(desk)
    view = open_view(qtbot, ctx)
    assert view.table.isVisible() and view.model.columnCount() == 2
    assert view.legend_label.isVisible() and "▲" in view.legend_label.text()
    assert "The count that stands: Count 2 – full recount, recorded at" in (
        view.summary_label.text()
    )
    requests = view.requests_table
    assert requests.rowCount() == 1
    row = [requests.item(0, c).text() for c in range(requests.columnCount())]
    assert row[1:5] == [
        "Agent for Stephenson",
        "election agent",
        "STEPHENSON, Ryan",
        "full recount granted",
    ]
    statuses = view.status_table
    moves = [
        (statuses.item(r, 1).text(), statuses.item(r, 2).text()) for r in range(statuses.rowCount())
    ]
    assert moves == [
        ("setup", "verification"),
        ("verification", "count"),
        ("count", "provisional result"),
        ("provisional result", "count"),
        ("count", "provisional result"),  # the tie shown, before any lots
    ]
    assert statuses.item(3, 4).text() == "full recount granted"
    assert view.declarations_empty.isVisible() and not view.declaration_buttons


def test_a_corrected_declaration_kept_from_before_is_readable_and_marked_of_no_effect(
    qtbot, monkeypatch, tmp_path
):
    path = tmp_path / "legacy.sqlite"
    first_pdf = legacy_corrected_database(path)
    desk = CountDesk.open(path, create=False)
    view = open_view(qtbot, make_ctx(desk))
    assert header_texts(view.model) == [
        "Count 1 (stands)",
        "Count 2 – corrected figures after the declaration (of no effect)",
    ]
    smith = desk.candidate_by_name(BATLEY, "Andrew Smith").id
    assert cell_text(view.model, "votes", smith, 1) == "73 ▼2"
    tip = view.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert LEGACY_REASON in tip and "the declaration stands" in tip
    assert "count that stands" not in tip
    assert "The count that stands: Count 1, recorded at" in view.summary_label.text()

    assert len(view.declaration_buttons) == 2
    labels = [label.text() for label in view.declaration_labels]
    assert (
        labels[0].startswith("Declaration (stands), of count 1: ") and f"by {OFFICER}" in labels[0]
    )
    assert labels[1].startswith(
        "Corrected declaration, made by an earlier CountDesk (of no effect: the original "
        "declaration stands), of count 2: "
    )
    assert labels[1].endswith(f"Reason: {LEGACY_REASON}")

    # Each kept PDF is saved and opened byte for byte as it was kept.
    chosen = tmp_path / "saved.pdf"
    asked = []

    def fake_save(parent, title, name, filter_):
        asked.append((title, name))
        return str(chosen), filter_

    monkeypatch.setattr(saving.QFileDialog, "getSaveFileName", fake_save)
    view.declaration_buttons[1][1].click()
    assert chosen.read_bytes() == LEGACY_PDF
    assert asked[0][0] == "Save the corrected declaration as PDF"
    assert asked[0][1].startswith(f"corrected-declaration-{BATLEY}-")
    opened = []
    monkeypatch.setattr(words, "open_file", lambda path: opened.append(path) or True)
    view.declaration_buttons[0][0].click()
    assert Path(opened[0]).read_bytes() == first_pdf
    assert not view.errors_box.isVisible()


def test_an_error_found_is_listed_with_its_memorandum(qtbot, monkeypatch, tmp_path, desk, ctx):
    to_declared(desk)
    error = record_error(desk)
    view = open_view(qtbot, ctx)
    assert view.errors_box.isVisible()
    assert header_texts(view.model) == ["Count 1", "Count 2 – full recount (stands)"]
    (label,) = [lab.text() for lab in view.errors_box.labels]
    assert label.startswith("1. Found by Deputy Returning Officer, recorded at ")
    assert label.endswith(f"by Supervisor: {ERROR_REASON}. The declaration stands.")
    open_button, save_button = view.errors_box.buttons[0]
    assert open_button.accessibleName() == "Open the memorandum of error 1"
    assert save_button.accessibleName() == "Save the memorandum of error 1 as a PDF file"
    assert len(view.declaration_buttons) == 1  # no second declaration

    memorandum = desk.memorandum_pdf(BATLEY, error.id)
    chosen = tmp_path / "memo.pdf"
    monkeypatch.setattr(
        saving.QFileDialog, "getSaveFileName", lambda parent, title, name, f: (str(chosen), f)
    )
    save_button.click()
    assert chosen.read_bytes() == memorandum
    opened = []
    monkeypatch.setattr(words, "open_file", lambda path: opened.append(path) or True)
    open_button.click()
    assert Path(opened[0]).read_bytes() == memorandum
    assert Path(opened[0]).name.startswith(f"memorandum-{BATLEY}-")


def test_a_cancelled_save_writes_nothing(qtbot, monkeypatch, desk, ctx):
    to_declared(desk)
    view = open_view(qtbot, ctx)
    monkeypatch.setattr(
        saving.QFileDialog, "getSaveFileName", lambda *args: ("", "PDF files (*.pdf)")
    )
    assert view.save_declaration(0) is None


def test_a_viewer_that_does_not_open_is_reported(qtbot, monkeypatch, desk, ctx):
    to_declared(desk)
    view = open_view(qtbot, ctx)
    warned = []
    monkeypatch.setattr(words, "open_file", lambda path: False)
    monkeypatch.setattr(
        declarations_box.QMessageBox, "warning", lambda *args: warned.append(args[2])
    )
    assert view.open_declaration(0) is None
    assert "save it as PDF instead" in warned[0]


def test_before_any_count_the_view_says_so(qtbot, desk, ctx):
    view = open_view(qtbot, ctx)
    assert not view.table.isVisible()
    assert view.message_label.text().startswith("No count recorded yet for Batley and Spen")
    assert view.requests_empty.isVisible()
    view.set_contest(None)
    assert view.message_label.text() == "Choose a contest to see the history of its count."


def test_refreshes_lazily_when_a_count_changes(qtbot, monkeypatch, desk, ctx):
    to_provisional(desk)
    view = open_view(qtbot, ctx)
    assert view.model.columnCount() == 1
    calls = []
    real = desk.history
    monkeypatch.setattr(desk, "history", lambda contest_id: calls.append(1) or real(contest_id))

    view.hide()
    desk.record_recount_request(
        BATLEY, "Supervisor", requested_by="Kim Leadbeater", role="candidate",
        decision="bundle_check",
    )  # fmt: skip
    desk.record_draft(BATLEY, "Clerk 2")
    ctx.events.count_changed.emit(BATLEY)
    ctx.events.setup_changed.emit(BATLEY)
    ctx.events.count_changed.emit("another contest")
    qtbot.wait(10)
    assert calls == []  # hidden: nothing read yet
    view.show()
    qtbot.waitUntil(lambda: view.model.columnCount() == 2)
    assert calls == [1]
    assert header_texts(view.model)[1] == "Count 2 – bundle check (stands)"

    ctx.events.count_changed.emit(BATLEY)
    ctx.events.count_changed.emit(BATLEY)
    qtbot.waitUntil(lambda: len(calls) == 2)  # a burst of changes is read once
    qtbot.wait(10)
    assert len(calls) == 2


def test_a_hidden_view_reads_nothing_until_shown(qtbot, monkeypatch, desk, ctx):
    to_provisional(desk)
    calls = []
    monkeypatch.setattr(desk, "history", lambda contest_id: calls.append(1))
    view = HistoryView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    assert calls == []


def test_every_control_has_an_accessible_name(qtbot, desk, ctx):
    to_declared(desk)
    view = open_view(qtbot, ctx)
    for widget in (view.table, view.requests_table, view.status_table):
        assert widget.accessibleName()
    for open_button, save_button in view.declaration_buttons:
        assert open_button.accessibleName() and save_button.accessibleName()
    assert view.model.data(QModelIndex()) is None


def test_the_drawing_of_lots_is_listed_with_how_and_who_witnessed(qtbot, desk, ctx):
    to_declared(desk)
    view = open_view(qtbot, ctx)
    lots = view.lots_table
    assert lots.rowCount() == 1
    row = [lots.item(0, c).text() for c in range(lots.columnCount())]
    assert row[0] == "2"
    assert row[1] == "LEADBEATER, Kim; STEPHENSON, Ryan"
    assert row[2] == "STEPHENSON, Ryan"
    history = desk.history(BATLEY)
    drawing = history.counts[1].result.lots
    assert row[3:] == [drawing.method or "–", drawing.witnesses or "–"]
    assert history.change(1, "majority") == -323
    assert history.change(1, "votes", desk.candidate_by_name(BATLEY, "Paul Bickerdike").id) is None
