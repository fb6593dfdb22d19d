"""Backups in the window: File › Back up now, the last good backup shown, a pulled stick warned of."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.services import CountDesk
from desktop.storage import backups as backup_files
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_CSV


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.backup_status.stop()


def _action(window: MainWindow, name: str):
    return next(a for a in window.findChildren(type(window.print_action)) if a.objectName() == name)


def test_back_up_now_asks_for_the_folder_then_shows_the_last_good_backup(
    qtbot, window, tmp_path, monkeypatch
):
    status = window.backup_status
    assert "No backup folder chosen" in status.text() and status.property("warning")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    _action(window, "Back up now").trigger()
    (copy,) = backup_files.good_copies(usb, "night")
    shown = f"Backed up: last good backup {copy.made_at.astimezone():%H:%M}"
    assert shown in status.text() and str(usb) in status.text()
    assert not status.property("warning")
    assert window.desk.backup_state().folder == usb

    # A stage change backs up on the worker thread; the window shows the newer copy.
    window.desk.advance(BATLEY, "verification", window.operator())
    assert status.worker.wait(30)
    qtbot.waitUntil(lambda: len(backup_files.good_copies(usb, "night")) == 2)


def test_a_pulled_stick_is_a_warning_in_the_status_bar_not_a_dialog(
    qtbot, window, tmp_path, monkeypatch
):
    usb = tmp_path / "usb"
    usb.mkdir()
    window.desk.back_up_now("Supervisor", usb)
    window.backup_status.refresh()
    for copy in usb.iterdir():
        copy.unlink()
    usb.rmdir()
    window.desk.advance(BATLEY, "verification", window.operator())  # the stage change stands
    assert window.backup_status.worker.wait(30)
    qtbot.waitUntil(lambda: "D904" in window.backup_status.text())
    assert window.backup_status.property("warning")
    assert "missing" in window.backup_status.text()
    assert QApplication.activeModalWidget() is None
    assert window.desk.contest(BATLEY).status.value == "verification"
