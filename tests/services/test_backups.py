"""Backups while counting: checked copies in a chosen folder, and what a failure leaves."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.services.backups import BackgroundBackups, BackupOutcome, check_copy
from desktop.storage import backups as backup_files
from desktop.storage.database import open_database
from desktop.storage.store import Store
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, many_contests_csv

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    """A clock that moves one minute on each reading, so every copy has its own name."""

    def __init__(self) -> None:
        self.now = datetime(2021, 7, 2, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.store.clock = Clock()
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(
        BATLEY, "Supervisor", electorate=79373, ballot_papers_verified=37786, officer_name="A. O"
    )
    return desk


def _record(desk: CountDesk) -> None:
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk")


def _copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _votes_in(copy: Path) -> int | None:
    store = Store(open_database(copy, read_only=True))
    try:
        count = store.latest_count(BATLEY)
        return None if count is None else sum(count.figures.votes.values())
    finally:
        store.close()


def test_a_backup_now_is_a_checked_copy_named_after_the_database_and_time(desk, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    _record(desk)
    outcome = desk.back_up_now("Supervisor", usb)
    assert outcome.ok and outcome.copy is not None
    made = outcome.copy.made_at
    assert made.date() == datetime(2021, 7, 2).date()  # the database's clock, in UTC
    # Named after the database and the time; nothing else (no temporary file) is left behind.
    assert _copies(usb) == [f"countdesk-2021-07-02T{made:%H%M%S}Z.sqlite"]
    assert check_copy(outcome.copy.path) is None
    assert _votes_in(outcome.copy.path) == sum(BATLEY_VOTES.values())
    # The folder is now the database's, and choosing it is in the audit log.
    assert desk.backup_state().folder == usb
    audit = [e for e in desk.store.audit_log.audit() if e.entity == "setting"]
    assert [(e.entity_id, e.new, e.operator) for e in audit] == [
        ("backup_folder", str(usb), "Supervisor")
    ]


def test_every_recorded_count_stage_and_declaration_is_backed_up_and_the_last_n_kept(
    desk, tmp_path
):
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb, keep=3)
    _record(desk)
    desk.advance(BATLEY, "verification", "Supervisor")
    desk.advance(BATLEY, "count", "Supervisor")
    assert desk.last_backup is not None and desk.last_backup.ok
    copies = backup_files.good_copies(usb, "countdesk")
    assert len(copies) == 3  # four made, the oldest removed
    assert copies[-1].path == desk.last_backup.copy.path  # type: ignore[union-attr]
    assert desk.backup_state().last_good == copies[-1]
    assert _votes_in(copies[-1].path) == sum(BATLEY_VOTES.values())


def test_no_folder_chosen_means_no_automatic_backup_and_a_plain_refusal_on_demand(desk):
    _record(desk)
    assert desk.last_backup is None
    with pytest.raises(CountDeskError) as caught:
        desk.back_up_now("Supervisor")
    assert caught.value.code is Code.D907


def test_a_missing_folder_refuses_in_plain_words_and_changes_nothing(desk, tmp_path):
    gone = tmp_path / "stick-pulled-out"
    with pytest.raises(CountDeskError) as caught:
        desk.back_up_now("Supervisor", gone)
    assert caught.value.code is Code.D904
    assert str(gone) in caught.value.message and "missing" in caught.value.message
    assert desk.backup_state().folder is None  # not chosen: no good copy was made there


def test_a_pulled_stick_does_not_lose_the_count_and_is_reported(desk, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb)
    for copy in usb.iterdir():
        copy.unlink()
    usb.rmdir()
    _record(desk)  # the count stands
    assert desk.latest_count(BATLEY) is not None
    assert desk.last_backup is not None and desk.last_backup.error is not None
    assert desk.last_backup.error.code is Code.D904
    state = desk.backup_state()
    assert state.problem is not None and state.problem.code is Code.D904


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_read_only_folder_is_refused(desk, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    usb.chmod(0o555)
    try:
        with pytest.raises(CountDeskError) as caught:
            desk.back_up_now("Supervisor", usb)
    finally:
        usb.chmod(0o755)
    assert caught.value.code is Code.D904
    assert _copies(usb) == []


def test_a_full_disk_keeps_no_half_copy_and_says_so(desk, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb)
    before = _copies(usb)

    def full(source: Path, target: Path, busy_timeout: float) -> None:
        target.write_bytes(b"SQLite format 3\0" + b"\0" * 4000)  # part of a copy, then full
        # SQLite's own SQLITE_FULL, as the disk gives it: a database that may not grow.
        conn = sqlite3.connect(":memory:")
        conn.execute("PRAGMA max_page_count = 1")
        conn.execute("CREATE TABLE a (x)")
        conn.execute("INSERT INTO a VALUES (zeroblob(100000))")

    monkeypatch.setattr(backup_files, "vacuum_into", full)
    with pytest.raises(CountDeskError) as caught:
        desk.back_up_now("Supervisor")
    assert caught.value.code is Code.D905 and "full" in caught.value.message
    assert _copies(usb) == before


def test_a_folder_with_too_little_space_for_a_copy_is_warned_of(desk, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb)
    assert desk.backup_state().problem is None

    class Usage:
        free = 1000  # bytes: less than the database

    monkeypatch.setattr("desktop.services.backups.shutil.disk_usage", lambda folder: Usage())
    state = desk.backup_state()
    assert state.problem is not None and state.problem.code is Code.D905
    assert str(usb) in state.problem.message
    assert state.last_good is not None  # the copies there still stand


def test_a_copy_that_fails_its_check_is_not_kept(desk, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb)
    before = _copies(usb)

    def damaged(source: Path, target: Path, busy_timeout: float) -> None:
        real_vacuum_into(source, target, busy_timeout)
        data = bytearray(target.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)  # the schema page overwritten
        target.write_bytes(bytes(data))

    real_vacuum_into = backup_files.vacuum_into
    monkeypatch.setattr(backup_files, "vacuum_into", damaged)
    with pytest.raises(CountDeskError) as caught:
        desk.back_up_now("Supervisor")
    assert caught.value.code is Code.D906
    assert _copies(usb) == before


def test_the_check_refuses_another_programs_database_and_a_damaged_file(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert "some other program" in (check_copy(other) or "")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert check_copy(junk) is not None


def test_background_backups_run_one_at_a_time_and_report_each(desk, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb)
    seen: list[BackupOutcome] = []
    worker = BackgroundBackups(seen.append)
    desk.run_backups_with(worker)
    _record(desk)
    desk.advance(BATLEY, "verification", "Supervisor")
    assert worker.wait(30)
    assert seen and all(o.ok for o in seen)
    assert _votes_in(backup_files.good_copies(usb, "countdesk")[-1].path) == sum(
        BATLEY_VOTES.values()
    )


def _parts(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_process_killed_during_backups_leaves_only_good_copies(tmp_path):
    """Kill -9 while copies are being made: every copy that counts is good and has the data."""
    db = tmp_path / "night.sqlite"
    desk = CountDesk.open(db)
    desk.import_candidates(many_contests_csv(tmp_path / "wards.csv", 650), "Importer")
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(BATLEY, "S", electorate=79373, ballot_papers_verified=37786)
    _record(desk)
    usb = tmp_path / "usb"
    usb.mkdir()
    desk.back_up_now("Supervisor", usb, keep=50)
    desk.close()
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from desktop.services import CountDesk
        desk = CountDesk.open(sys.argv[1], create=False)
        while True:
            desk.back_up_now("Supervisor")
        """
    )
    for delay in (0.0, 0.01, 0.03, 0.06, 0.1):
        left = _parts(usb)
        proc = subprocess.Popen([sys.executable, "-c", script, str(db)], cwd=ROOT)
        try:
            # Wait until a copy is being written, then kill the process part way through.
            deadline = time.monotonic() + 30
            while _parts(usb) <= left:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.001)
            time.sleep(delay)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    # Each kill stopped a backup half way: its temporary copy is left, never counted.
    assert _parts(usb) >= 1
    copies = backup_files.good_copies(usb, "night")
    assert copies
    for copy in copies:
        assert check_copy(copy.path) is None, copy.path
    assert _votes_in(copies[-1].path) == sum(BATLEY_VOTES.values())
    # A later backup still works; the killed ones' leftovers never count as copies.
    desk = CountDesk.open(db)
    outcome = desk.back_up_now("Supervisor")
    assert outcome.copy is not None and check_copy(outcome.copy.path) is None
    assert all(not c.path.name.startswith(".") for c in backup_files.good_copies(usb, "night"))


def test_a_copy_counts_only_if_its_record_verifies(tmp_path):
    from tests.storage.night_db import build_declared_night, past_guard

    night = build_declared_night(tmp_path / "night.sqlite")
    good = tmp_path / "good.sqlite"
    with sqlite3.connect(night) as source, sqlite3.connect(good) as copy:
        source.backup(copy)
    assert check_copy(good) is None  # a whole night's record verifies in the copy
    past_guard(night, "contests_declared_update", "UPDATE contests SET electorate = 1")
    changed = tmp_path / "changed.sqlite"
    with sqlite3.connect(night) as source, sqlite3.connect(changed) as copy:
        source.backup(copy)
    why = check_copy(changed) or ""
    assert "does not verify" in why and "changed outside CountDesk" in why
