"""The window's tests: the supervisor confirms each stage the tests move the night on to."""

from __future__ import annotations

import pytest

from desktop.ui.window import status_panel as status_module


@pytest.fixture(autouse=True)
def confirmed_stages(monkeypatch) -> list[tuple[str, str]]:
    """Answer the "Advance to …?" question with the named button; records what was asked."""
    asked: list[tuple[str, str]] = []

    def confirm(_parent, area, target) -> bool:
        asked.append((area, target.value))
        return True

    monkeypatch.setattr(status_module, "confirm_advance", confirm)
    return asked
