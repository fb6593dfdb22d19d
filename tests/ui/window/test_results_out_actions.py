"""File › Publish results… and File › Export results… in the window (dialogs patched)."""

from __future__ import annotations

import csv
import json

import pytest
from PySide6.QtGui import QKeySequence

from desktop.services import CountDesk
from desktop.ui.window import results_out
from desktop.ui.window.main_window import MainWindow
from tests.declared import declare_batley


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    declare_batley(desk)
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def said(monkeypatch):
    messages: list[tuple[str, str]] = []
    box = results_out.QMessageBox
    monkeypatch.setattr(box, "information", lambda *a: messages.append(("info", a[2])))
    monkeypatch.setattr(box, "warning", lambda *a: messages.append(("warning", a[2])))
    return messages


def _action(window: MainWindow, name: str):
    (action,) = [a for a in window.findChildren(type(window.save_action)) if a.objectName() == name]
    return action


def test_publish_results_asks_for_a_folder_writes_and_says_where(
    window, said, tmp_path, monkeypatch
):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(results_out.QFileDialog, "getExistingDirectory", lambda *a, **k: str(site))
    action = _action(window, "Publish results")
    assert action.shortcut() == QKeySequence(results_out.PUBLISH_SHORTCUT)
    action.trigger()
    assert (site / "index.html").exists()
    assert said[-1][0] == "info" and str(site) in said[-1][1]
    assert "1 declared result" in said[-1][1]


def test_publish_into_a_folder_that_cannot_be_written_says_so(window, said, tmp_path):
    results_out.publish_results(window, window.ctx, None, tmp_path / "missing" / "site")
    kind, text = said[-1]
    assert kind == "warning" and "H104" in text and "nothing was published" in text


def test_export_results_in_either_format(window, said, tmp_path, monkeypatch):
    out = tmp_path / "results.csv"
    monkeypatch.setattr(
        results_out.QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(out), results_out.DC_FILTER),
    )
    _action(window, "Export results").trigger()
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 16 and said[-1][0] == "info"
    cdf = tmp_path / "results.json"
    results_out.export_results(window, window.ctx, cdf, "cdf")
    assert json.loads(cdf.read_text(encoding="utf-8"))["Status"] == "certified"


def test_the_shortcuts_clash_with_no_other_action(window):
    keys = [a.shortcut().toString() for a in window.findChildren(type(window.save_action))]
    assert keys.count(results_out.PUBLISH_SHORTCUT) == 1
    assert keys.count(results_out.EXPORT_SHORTCUT) == 1
    for taken in ("Ctrl+Shift+O", "Ctrl+Shift+H", "Ctrl+Shift+P", "Ctrl+Shift+M", "Ctrl+Alt+H",
                  "Ctrl+Alt+P", "Ctrl+Alt+S"):  # fmt: skip
        assert taken not in (results_out.PUBLISH_SHORTCUT, results_out.EXPORT_SHORTCUT)
