"""Every count side by side, with what changed between them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.services import CountDesk
from desktop.ui.history.history_table_model import HistoryTableModel
from tests.declared import legacy_corrected_database
from tests.sample import BATLEY
from tests.ui.history.steps import cell_text, header_texts
from tests.ui.night.steps import cid, to_declared, to_provisional, to_tie

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def test_the_model_passes_the_model_tester(qtmodeltester, tmp_path):
    legacy_corrected_database(tmp_path / "legacy.sqlite")
    desk = CountDesk.open(tmp_path / "legacy.sqlite", create=False)
    model = HistoryTableModel()
    model.set_history(desk.history(BATLEY), desk.contest(BATLEY))
    qtmodeltester.check(model)
    empty = HistoryTableModel()
    qtmodeltester.check(empty)
    empty.set_history(desk.history(BATLEY), desk.contest(BATLEY))
    empty.set_history(None, None)
    qtmodeltester.check(empty)


def test_rows_are_candidates_in_ballot_order_then_headings_then_totals(desk):
    to_provisional(desk)
    model = HistoryTableModel()
    model.set_history(desk.history(BATLEY), desk.contest(BATLEY))
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    names = [c.display_name for c in desk.candidates(BATLEY)]
    assert labels[: len(names)] == names
    assert labels[len(names)] == "Rejected (a) Want of an official mark"
    assert labels[-4:] == ["Valid votes", "Rejected papers in total", "Majority", "Elected"]
    assert header_texts(model) == ["Count 1 (stands)"]
    assert cell_text(model, "votes", cid(desk, "Kim Leadbeater"), 0) == "13,296"
    assert cell_text(model, "valid", None, 0) == "37,695"
    assert cell_text(model, "majority", None, 0) == "323"
    assert cell_text(model, "elected", None, 0) == "LEADBEATER, Kim"
    assert model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_after_a_recount_the_changed_figures_are_marked(desk):
    to_tie(desk)
    model = HistoryTableModel()
    model.set_history(desk.history(BATLEY), desk.contest(BATLEY))
    assert model.columnCount() == 2
    assert header_texts(model) == ["Count 1", "Count 2 – full recount (stands)"]
    shown = model.headerData(1, Qt.Orientation.Horizontal)
    assert shown == "Count 2\nfull recount\n(stands)"
    spoken = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Count 2 – full recount (stands)"
    bold = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()

    leadbeater = cid(desk, "Kim Leadbeater")
    assert cell_text(model, "votes", leadbeater, 1) == "13,135 ▼161"
    assert cell_text(model, "votes", leadbeater, 1, Qt.ItemDataRole.ToolTipRole) == (
        "was 13,296 in count 1"
    )
    assert cell_text(model, "votes", leadbeater, 1, HistoryTableModel.ChangedRole) is True
    assert cell_text(model, "votes", leadbeater, 1, HistoryTableModel.ValueRole) == 13135
    shade = cell_text(model, "votes", leadbeater, 1, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(shade, QColor) and shade.alpha() < 255
    stephenson = cid(desk, "Ryan Stephenson")
    assert cell_text(model, "votes", stephenson, 1) == "13,135 ▲162"
    assert cell_text(model, "votes", cid(desk, "Andrew Smith"), 1) == "74 ▼1"
    assert "was 75 in count 1" in cell_text(
        model, "votes", cid(desk, "Andrew Smith"), 1, Qt.ItemDataRole.AccessibleTextRole
    )

    # Unchanged figures, and the first count, carry no mark, shade or tooltip.
    bickerdike = cid(desk, "Paul Bickerdike")
    assert cell_text(model, "votes", bickerdike, 1) == "102"
    assert cell_text(model, "votes", bickerdike, 1, Qt.ItemDataRole.ToolTipRole) is None
    assert cell_text(model, "votes", bickerdike, 1, Qt.ItemDataRole.BackgroundRole) is None
    assert cell_text(model, "votes", leadbeater, 0) == "13,296"
    assert cell_text(model, "valid", None, 1) == "37,695"

    # The tie is not a figure: marked with *, and says what it was.
    assert cell_text(model, "majority", None, 1) == "tie: lots to be drawn *"
    assert cell_text(model, "majority", None, 1, Qt.ItemDataRole.ToolTipRole) == (
        "was 323 in count 1"
    )
    assert cell_text(model, "elected", None, 1) == "tie: lots to be drawn *"
    assert cell_text(model, "elected", None, 1, Qt.ItemDataRole.ToolTipRole) == (
        "was LEADBEATER, Kim in count 1"
    )


def test_lots_are_shown_against_who_is_elected(desk):
    to_declared(desk)
    model = HistoryTableModel()
    model.set_history(desk.history(BATLEY), desk.contest(BATLEY))
    assert cell_text(model, "elected", None, 1) == "STEPHENSON, Ryan (by lot) *"
    assert cell_text(model, "majority", None, 1) == "0 ▼323 (decided by lot)"


def test_a_multi_seat_contest_shows_the_margin(db_path):
    from tests.sample import WARD, WARD_CSV

    desk = CountDesk.open(db_path)
    desk.import_candidates(WARD_CSV, "Importer")
    desk.set_contest_facts(WARD, "Supervisor", ballot_papers_verified=1000)
    ids = [c.id for c in desk.candidates(WARD)]
    desk.record_count(WARD, {i: 100 + 10 * n for n, i in enumerate(ids)}, {}, "Clerk", 900)
    desk.record_count(WARD, {i: 100 + 10 * n for n, i in enumerate(ids)}, {}, "Clerk", 1000)
    model = HistoryTableModel()
    model.set_history(desk.history(WARD), desk.contest(WARD))
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert "Margin" in labels and "Majority" not in labels
    assert cell_text(model, "papers_counted", None, 0) == "900"
    assert cell_text(model, "papers_counted", None, 1) == "1,000 ▲100"
    assert "Rejected (e) Rejected in part – not in the total" in labels
    assert cell_text(model, "majority", None, 0) == "10"
