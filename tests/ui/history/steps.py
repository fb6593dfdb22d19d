"""Steps shared by the tests of the History tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import CountDesk
from desktop.ui.context import UiContext
from desktop.ui.history.history_table_model import HistoryTableModel
from desktop.ui.history.history_view import HistoryView
from tests.sample import BATLEY
from tests.ui.night.steps import ERROR_REASON, cid


def open_view(qtbot, ctx: UiContext, contest_id: str | None = BATLEY) -> HistoryView:
    view = HistoryView(ctx)
    qtbot.addWidget(view)
    view.set_contest(contest_id)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def record_error(desk: CountDesk):
    """Two votes for WATERS found in SMITH's bundle after the declaration (after ``to_declared``)."""
    return desk.record_error_found(
        BATLEY, "Supervisor", found_by="Deputy Returning Officer", reason=ERROR_REASON,
        votes={cid(desk, "Andrew Smith"): 72, cid(desk, "Anne Marie Waters"): 99}, rejected={},
    )  # fmt: skip


def cell_text(
    model: HistoryTableModel, kind: str, key, column: int, role=Qt.ItemDataRole.DisplayRole
):
    return model.data(model.index(model.row_of(kind, key), column), role)


def header_texts(model: HistoryTableModel) -> list[str]:
    return [model.column_title(c) for c in range(model.columnCount())]
