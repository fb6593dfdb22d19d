"""A fresh database, and the message boxes shown instead of blocking."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext


@pytest.fixture
def ctx(tmp_path) -> UiContext:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str, str]]:
    """Message boxes shown, as (kind, title, text), instead of blocking."""
    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: seen.append(("info", title, text))
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: seen.append(("warning", title, text))
    )
    return seen
