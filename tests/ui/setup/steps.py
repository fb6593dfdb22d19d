"""Columns and steps shared by the tests of the Setup tab."""

from __future__ import annotations

from desktop.ui.context import UiContext
from desktop.ui.setup.candidate_table_model import CandidateTableModel
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES

SURNAME = 1  # column of the surname
DESCRIPTION = 5


def surnames(ctx: UiContext) -> list[str]:
    return [c.surname for c in ctx.desk.candidates(BATLEY)]


def model_surnames(model: CandidateTableModel) -> list[str]:
    return [model.index(row, SURNAME).data() for row in range(model.rowCount())]


def row_of(model: CandidateTableModel, surname: str) -> int:
    return model_surnames(model).index(surname)


def record_a_count(ctx: UiContext) -> None:
    votes = {
        ctx.desk.candidate_by_name(BATLEY, name).id: figure for name, figure in BATLEY_VOTES.items()
    }
    ctx.desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Tester")
