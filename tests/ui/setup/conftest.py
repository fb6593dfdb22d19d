"""A demo database, the candidates' table over it, and the Setup tab shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.setup.candidate_table_model import CandidateTableModel
from desktop.ui.setup.setup_view import SetupView
from tests.sample import BATLEY


@pytest.fixture
def ctx(tmp_path) -> UiContext:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.open_demo("Tester")
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")


@pytest.fixture
def model(ctx) -> CandidateTableModel:
    model = CandidateTableModel(ctx)
    model.set_contest(BATLEY)
    return model


@pytest.fixture
def view(qtbot, ctx) -> SetupView:
    view = SetupView(ctx)
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view
