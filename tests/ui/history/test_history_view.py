"""The History tab: the requests, the lots, the statuses and the declarations kept as declared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from desktop.ui import saving
from desktop.ui.history import history_view
from desktop.ui.history.history_view import HistoryView
from tests.sample import BATLEY
from tests.ui.history.steps import cell_text, header_texts, make_correction, open_view
from tests.ui.night.steps import (
    CORRECTION_REASON,
    OFFICER,
    cid,
    to_declared,
    to_provisional,
    to_tie,
)


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


def test_after_a_correction_three_counts_and_two_declarations(
    qtbot, monkeypatch, tmp_path, desk, ctx
):
    first_pdf = to_declared(desk)
    corrected_pdf = make_correction(desk)
    view = open_view(qtbot, ctx)
    assert view.model.columnCount() == 3
    assert header_texts(view.model) == [
        "Count 1",
        "Count 2 – full recount",
        "Count 3 – correction after the declaration (stands)",
    ]
    smith = cid(desk, "Andrew Smith")
    assert cell_text(view.model, "votes", smith, 2) == "72 ▼2"
    assert cell_text(view.model, "votes", smith, 2, Qt.ItemDataRole.ToolTipRole) == (
        "was 74 in count 2"
    )
    tip = view.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert CORRECTION_REASON in tip and "count that stands" in tip

    assert len(view.declaration_buttons) == 2
    labels = [label.text() for label in view.declaration_labels]
    assert labels[0].startswith("Declaration, of count 2: ") and f"by {OFFICER}" in labels[0]
    assert labels[1].startswith("Corrected declaration, of count 3: ")
    assert labels[1].endswith(f"Reason: {CORRECTION_REASON}")
    open_first, save_first = view.declaration_buttons[0]
    assert open_first.accessibleName().startswith("Open the declaration of ")
    assert save_first.accessibleName().endswith("as a PDF file")

    # Each kept PDF is saved and opened byte for byte as it was declared.
    chosen = tmp_path / "saved.pdf"
    asked = []

    def fake_save(parent, title, name, filter_):
        asked.append((title, name))
        return str(chosen), filter_

    monkeypatch.setattr(saving.QFileDialog, "getSaveFileName", fake_save)
    view.declaration_buttons[1][1].click()
    assert chosen.read_bytes() == corrected_pdf
    assert asked[0][0] == "Save the corrected declaration as PDF"
    assert asked[0][1].startswith(f"corrected-declaration-{BATLEY}-")
    opened = []
    monkeypatch.setattr(history_view, "open_file", lambda path: opened.append(path) or True)
    open_first.click()
    assert Path(opened[0]).read_bytes() == first_pdf


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
    monkeypatch.setattr(history_view, "open_file", lambda path: False)
    monkeypatch.setattr(history_view.QMessageBox, "warning", lambda *args: warned.append(args[2]))
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
