"""A database another program holds, a read-only one, and a full disk: one plain sentence
each, naming the file, and nothing saved."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from desktop.domain.errors import CountDeskError, StorageError
from desktop.domain.model import Candidate, Contest, Election
from desktop.services import CountDesk
from desktop.storage.database import open_database
from desktop.storage.store import Store

CONTEST_ID = "parl.testshire.2024-07-04"


def _make(path) -> None:
    store = Store(open_database(path))
    store.add_election(Election("parl.2024-07-04", date(2024, 7, 4)), "Setup")
    store.add_contest(
        Contest(CONTEST_ID, "parl.2024-07-04", "Testshire", 1, date(2024, 7, 4)), "Setup"
    )
    store.close()


def _snapshot(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return [
            *conn.execute("SELECT * FROM contests ORDER BY id"),
            *conn.execute("SELECT id, action FROM audit ORDER BY id"),
            *conn.execute("SELECT id, surname FROM candidates ORDER BY id"),
        ]


def _no_report(error: CountDeskError) -> None:
    text = str(error)
    assert "report" not in text.lower()
    assert "Traceback" not in text
    assert "Nothing was saved" in text or "nothing was saved" in text


def test_a_database_held_by_another_program_waits_then_refuses_in_plain_words(tmp_path):
    path = tmp_path / "countdesk.sqlite"
    _make(path)
    before = _snapshot(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        desk = CountDesk(Store(open_database(path, busy_timeout=0.1)))
        with pytest.raises(StorageError) as caught:
            desk.set_contest_facts(CONTEST_ID, "Supervisor", electorate=79373)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.code == "D901"
    assert str(path) in caught.value.message
    assert "Another program (perhaps another CountDesk window) is holding" in caught.value.message
    _no_report(caught.value)
    assert _snapshot(path) == before
    # Once the other program lets go, the same write goes through.
    desk.set_contest_facts(CONTEST_ID, "Supervisor", electorate=79373)
    assert desk.contest(CONTEST_ID).electorate == 79373


def test_a_write_waits_for_the_busy_timeout_before_refusing(tmp_path):
    import time

    path = tmp_path / "countdesk.sqlite"
    _make(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        store = Store(open_database(path, busy_timeout=0.3))
        started = time.monotonic()
        with pytest.raises(StorageError):
            store.update_contest(CONTEST_ID, {"electorate": 1}, "Supervisor")
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert waited >= 0.25


def test_a_read_only_database_refuses_every_write_in_plain_words(tmp_path):
    # Tests run as root, where chmod 0444 does not stop a write: open the file read-only
    # instead, which is what SQLite does for a file it cannot write.
    path = tmp_path / "countdesk.sqlite"
    _make(path)
    before = _snapshot(path)
    desk = CountDesk(Store(open_database(path, read_only=True)))
    assert desk.contest(CONTEST_ID).area == "Testshire"
    with pytest.raises(StorageError) as caught:
        desk.add_candidate(CONTEST_ID, "Supervisor", "Able", "Ann")
    assert caught.value.code == "D902"
    assert str(path) in caught.value.message
    assert "read-only" in caught.value.message
    _no_report(caught.value)
    desk.close()
    assert _snapshot(path) == before


def test_a_full_disk_refuses_in_plain_words_and_saves_nothing(tmp_path):
    path = tmp_path / "countdesk.sqlite"
    _make(path)
    before = _snapshot(path)
    db = open_database(path)
    # SQLite refuses to grow the file past max_page_count with SQLITE_FULL, exactly as it
    # does when the disk itself is full.
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    desk = CountDesk(Store(db))
    with pytest.raises(StorageError) as caught:
        # A write larger than the room left (the services refuse so long an address; the
        # storage under them is what is tested here).
        desk.store.update_contest(CONTEST_ID, {"imprint_address": "x" * 200_000}, "Supervisor")
    assert caught.value.code == "D903"
    assert str(path) in caught.value.message
    assert "full" in caught.value.message
    _no_report(caught.value)
    desk.close()
    assert _snapshot(path) == before


def test_opening_a_database_another_program_holds_exclusively_says_so(tmp_path):
    path = tmp_path / "countdesk.sqlite"
    _make(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught:
            open_database(path, busy_timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.code == "D901"
    assert str(path) in caught.value.message


def test_other_database_errors_are_not_dressed_up_as_conditions(tmp_path):
    store = Store(open_database(tmp_path / "countdesk.sqlite"))
    with pytest.raises(sqlite3.OperationalError, match="no such table"), store.transaction():
        store.db.execute("SELECT * FROM no_such_table")


def test_a_read_only_open_of_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CountDeskError, match="There is no CountDesk database"):
        open_database(tmp_path / "missing.sqlite", read_only=True)


def test_candidate_insert_on_a_full_disk_leaves_no_candidate(tmp_path):
    path = tmp_path / "countdesk.sqlite"
    _make(path)
    db = open_database(path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    store = Store(db)
    with pytest.raises(StorageError):
        store.add_candidate(
            CONTEST_ID, Candidate(0, "Able" * 50_000, "Ann"), "Setup", source_key="name:Ann"
        )
    assert store.candidates(CONTEST_ID) == []


def test_a_write_takes_the_write_lock_as_it_begins(tmp_path):
    # BEGIN IMMEDIATE: another writer is kept out from the start of the transaction, not from
    # its first write, so a write never fails half way through for want of the lock.
    path = tmp_path / "countdesk.sqlite"
    _make(path)
    store = Store(open_database(path))
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with store.transaction(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_the_database_opens_without_scanning_for_plugins(tmp_path, monkeypatch):
    import sqlite_utils.db

    def scan() -> None:
        raise AssertionError("sqlite-utils plugins were scanned")

    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded", scan)
    open_database(tmp_path / "countdesk.sqlite").close()
