"""A database and a window context for each test of the night's dialogs."""

from __future__ import annotations

import pytest

from desktop.services import CountDesk
from desktop.ui.context import UiContext
from tests.ui.night.steps import make_ctx, make_desk


@pytest.fixture
def desk(db_path) -> CountDesk:
    return make_desk(db_path)


@pytest.fixture
def ctx(desk) -> UiContext:
    return make_ctx(desk)
