"""The window warns, with a banner that cannot be missed, that the database was changed outside
CountDesk: one test for each of the tamper suite's fourteen kinds of edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY
from tests.storage.night_db import build_declared_night, copy_of, past_guard, raw
from tests.storage.test_tamper import EDITS


@pytest.fixture(scope="module")
def declared_night(tmp_path_factory) -> Path:
    return build_declared_night(tmp_path_factory.mktemp("banner") / "declared.sqlite")


def _window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(CountDesk.open(path), path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_no_banner_on_a_database_only_countdesk_wrote(qtbot, declared_night, tmp_path):
    window = _window(qtbot, copy_of(declared_night, tmp_path))
    assert not window.tamper_banner.isVisible()


@pytest.mark.parametrize("kind", list(EDITS))
def test_the_banner_names_each_kind_of_edit_on_opening(qtbot, declared_night, tmp_path, kind):
    path = copy_of(declared_night, tmp_path)
    guard, sql, _words = EDITS[kind]
    if guard is None:
        raw(path, sql)
    else:
        past_guard(path, guard, sql)
    window = _window(qtbot, path)
    banner = window.tamper_banner
    assert banner.isVisible()
    # At the very top of the window, above the contest's name, and red with white bold words.
    assert (
        banner.mapTo(window, banner.rect().topLeft()).y()
        < window.contest_label.mapTo(window, window.contest_label.rect().topLeft()).y()
    )
    assert "#b00020" in banner.styleSheet()
    text = banner.label.text()
    assert text.startswith("This database was changed outside CountDesk")
    assert "countdesk-cli verify" in text
    assert BATLEY in text or "Audit row" in text
    window.open_contest(BATLEY)
    assert banner.isVisible()  # it stays, whatever is opened
