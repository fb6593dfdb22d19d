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


@pytest.fixture(autouse=True)
def _keyed_once_where_the_module_says_so(request, monkeypatch):
    """Contests are keyed twice by default (double entry), and every test runs with that
    default unless its module declares ``pytestmark = pytest.mark.keyed_once``: a module about
    something else that records each count with one operator, as a contest switched to single
    entry does. A contest whose entry mode was set keeps it either way."""
    if request.node.get_closest_marker("keyed_once") is None:
        return
    from desktop.domain.double_entry import EntryMode
    from desktop.storage.entries import Entries

    real = Entries.entry_mode

    def keyed_once_unless_set(self, contest_id):
        row = self._conn.db.execute(
            "SELECT mode FROM entry_modes WHERE contest_id = ?", [contest_id]
        ).fetchone()
        return EntryMode(row[0]) if row else EntryMode.SINGLE

    assert callable(real)
    monkeypatch.setattr(Entries, "entry_mode", keyed_once_unless_set)
