"""Test-wide settings: Qt runs offscreen, and nothing touches the user's real data directory."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """Keep the app's default database and settings out of the real user's directories."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh database file for one test."""
    return tmp_path / "countdesk.sqlite"
