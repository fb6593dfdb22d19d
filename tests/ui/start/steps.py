"""Steps shared by the tests of the start page and its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "CSV files (*.csv)")
    )
