"""Opening an up-to-date database: no sqlite-utils, and a wait for another program holding it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

from desktop.services import CountDesk
from desktop.storage.database import open_database
from tests.sample import BATLEY, BATLEY_CSV

READ_AND_SAVE = """
import sys
from desktop.services import CountDesk
desk = CountDesk.open(sys.argv[1], create=False)
contest = desk.contest(sys.argv[2])
first = desk.candidates(contest.id)[0]
desk.set_draft_votes(contest.id, first.id, 123, "Clerk")
assert desk.draft(contest.id).votes[first.id] == 123
desk.close()
assert "sqlite_utils" not in sys.modules, "sqlite_utils was imported"
"""


def test_an_up_to_date_database_is_read_and_written_without_sqlite_utils(db_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.close()
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_SAVE, str(db_path), BATLEY],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_opening_waits_for_another_program_to_let_go(db_path):
    open_database(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")

    def let_go() -> None:
        time.sleep(0.3)
        holder.execute("ROLLBACK")
        holder.close()

    releaser = threading.Thread(target=let_go)
    started = time.monotonic()
    releaser.start()
    try:
        db = open_database(db_path, busy_timeout=5)
    finally:
        releaser.join()
    assert time.monotonic() - started >= 0.25
    assert db.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] > 0
    db.close()


def test_a_draft_read_in_a_write_transaction_follows_its_writes_and_rollbacks(db_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    store = desk.store
    first, second = (c.id for c in store.candidates(BATLEY)[:2])
    with store.transaction():
        assert not store.draft(BATLEY).started
        store.set_draft(BATLEY, "Clerk", votes={first: 5})
        assert dict(store.draft(BATLEY).votes) == {first: 5}
        try:
            with store.transaction():
                store.set_draft(BATLEY, "Clerk", votes={second: 7})
                raise RuntimeError("undo the inner change")
        except RuntimeError:
            pass
        assert dict(store.draft(BATLEY).votes) == {first: 5}
    assert dict(store.draft(BATLEY).votes) == {first: 5}
    desk.close()
