"""A district night of 16 wards in every stage, opened in the window."""

from __future__ import annotations

import pytest

from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow
from tests import district_night


@pytest.fixture
def night_path(tmp_path):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    district_night.build(desk, tmp_path, 16)
    desk.close()
    return path


@pytest.fixture
def window(qtbot, night_path) -> MainWindow:
    window = MainWindow(CountDesk.open(night_path), night_path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    return window
