"""Steps shared by the tests of the History tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import CountDesk
from desktop.ui.context import UiContext
from desktop.ui.history.history_table_model import HistoryTableModel
from desktop.ui.history.history_view import HistoryView
from tests.sample import BATLEY, BATLEY_REJECTED
from tests.ui.night.steps import CORRECTION_REASON, OFFICER, corrected_votes


def open_view(qtbot, ctx: UiContext, contest_id: str | None = BATLEY) -> HistoryView:
    view = HistoryView(ctx)
    qtbot.addWidget(view)
    view.set_contest(contest_id)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def make_correction(desk: CountDesk) -> bytes:
    return desk.correct_declaration(
        BATLEY, "Supervisor", votes=corrected_votes(desk), rejected=BATLEY_REJECTED,
        reason=CORRECTION_REASON, officer_confirmation=OFFICER,
    )  # fmt: skip


def cell_text(
    model: HistoryTableModel, kind: str, key, column: int, role=Qt.ItemDataRole.DisplayRole
):
    return model.data(model.index(model.row_of(kind, key), column), role)


def header_texts(model: HistoryTableModel) -> list[str]:
    return [model.column_title(c) for c in range(model.columnCount())]
