"""A database made before migration 0008 opens with its data, and its candidates' SOPN order."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desktop.domain.model import ballot_order
from desktop.storage.database import open_database
from desktop.storage.migrations import MIGRATIONS
from desktop.storage.store import Store

NOW = "2026-05-08T02:30:00+00:00"
WARD = "local.testborough.earlsfield.2026-05-07"
DECLARED = "local.testborough.furzedown.2026-05-07"


def _old_database(path) -> None:
    """A database as the code before migration 0008 left it: names split at the last word."""
    db = Database(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, migration in MIGRATIONS:
        if name >= "0008":
            break
        migration(db)
        db.table("migrations").insert({"name": name, "applied_at": NOW})
    db.table("elections").insert({"id": "local.testborough.2026-05-07", "poll_date": "2026-05-07"})
    for contest_id, area in ((WARD, "Earlsfield"), (DECLARED, "Furzedown")):
        db.table("contests").insert(
            {
                "id": contest_id,
                "election_id": "local.testborough.2026-05-07",
                "area": area,
                "seats": 1,
                "poll_date": "2026-05-07",
                "status": "setup",
            }
        )
    rows = [
        # id, contest, person_name, forenames, surname
        (11, WARD, "Sam Jones", "Sam", "Jones"),
        (12, WARD, "Dara Ó Briain", "Dara Ó", "Briain"),  # as the old import split it
        (13, WARD, "Sam Jones", "Sam", "Jones"),
        (14, WARD, "Dick Van Dyke", "Dick", "Van Dyke"),  # corrected by hand since
        (21, DECLARED, "Seán Mac an tSaoir", "Seán Mac an", "tSaoir"),
    ]
    for cid, contest_id, person_name, forenames, surname in rows:
        db.table("candidates").insert(
            {
                "id": cid,
                "contest_id": contest_id,
                "source_key": f"row:{cid}",
                "person_name": person_name,
                "surname": surname,
                "forenames": forenames,
                "description": "Independent",
            }
        )
    db.execute("UPDATE contests SET status = 'declared' WHERE id = ?", [DECLARED])
    db.close()


def test_an_old_database_opens_with_its_candidates_and_their_import_order(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path, create=False))
    ward = {c.id: c for c in store.candidates(WARD)}
    assert [(c.forenames, c.surname, c.description) for c in ward.values()] == [
        ("Sam", "Jones", "Independent"),
        ("Dara Ó", "Briain", "Independent"),
        ("Sam", "Jones", "Independent"),
        ("Dick", "Van Dyke", "Independent"),
    ]
    assert [c.sopn_position for c in ward.values()] == [1, 2, 3, 4]
    assert all(c.ballot_position is None for c in ward.values())
    # The name still split at its last word is marked to be checked; no name was changed.
    assert [c.id for c in ward.values() if c.split_to_confirm] == [12]
    assert [c.id for c in ballot_order(ward.values())] == [12, 11, 13, 14]
    names = [r["name"] for r in store.db.query("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_a_declared_contest_keeps_its_candidates_exactly_and_stays_locked(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path, create=False))
    (candidate,) = store.candidates(DECLARED)
    assert (candidate.forenames, candidate.surname) == ("Seán Mac an", "tSaoir")
    assert candidate.sopn_position == 1
    assert not candidate.split_to_confirm
    triggers = {
        r["name"] for r in store.db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    assert "candidates_declared_update" in triggers
    with pytest.raises(sqlite3.IntegrityError, match="declared"):
        store.db.execute("UPDATE candidates SET surname = 'X' WHERE id = 21")
