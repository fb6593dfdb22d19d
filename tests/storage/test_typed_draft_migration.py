"""A database made before the typed draft opens with its draft figures carried over."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desktop.domain.errors import CountDeskError
from desktop.storage.database import open_database
from desktop.storage.migrations import MIGRATIONS
from desktop.storage.store import Store

CONTEST = "parl.testshire.2024-07-04"
NOW = "2024-07-05T02:30:00+00:00"


def _old_database(path) -> None:
    """A database as the code before migration 0006 left it, with a draft part keyed in."""
    db = Database(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, migration in MIGRATIONS[:5]:
        migration(db)
        db.table("migrations").insert({"name": name, "applied_at": NOW})
    db.execute("PRAGMA foreign_keys = ON")
    db.table("elections").insert({"id": "parl.2024-07-04", "poll_date": "2024-07-04"})
    db.table("contests").insert(
        {
            "id": CONTEST,
            "election_id": "parl.2024-07-04",
            "area": "Testshire",
            "seats": 1,
            "poll_date": "2024-07-04",
            "status": "count",
        }
    )
    for cid, name in ((1, "Able"), (2, "Baker"), (3, "Cole")):
        db.table("candidates").insert(
            {
                "id": cid,
                "contest_id": CONTEST,
                "source_key": f"name:{name}",
                "person_name": name,
                "surname": name,
            }
        )
    db.table("counts").insert(
        {"id": 1, "contest_id": CONTEST, "number": 1, "recorded_at": NOW, "operator": "C"}
    )
    db.table("recount_requests").insert(
        {
            "id": 1,
            "contest_id": CONTEST,
            "count_id": 1,
            "requested_by": "Agent",
            "role": "agent",
            "requested_at": NOW,
            "decision": "full",
            "operator": "RO",
            "at": NOW,
        }
    )
    draft = {
        "votes:1": 120,
        "bundles:1": 2,
        "part:1": 20,
        "votes:2": 0,
        "rejected:official_mark": 3,
        "recount": 1,
        # A candidate removed earlier left nothing behind, but an old row must not break it.
        "votes:99": 5,
    }
    db.table("draft_figures").insert_all(
        {"contest_id": CONTEST, "field": f, "value": v} for f, v in draft.items()
    )
    db.table("draft_figures").insert({"contest_id": CONTEST, "field": "votes:3", "value": None})
    db.close()


def test_opening_an_old_database_carries_its_draft_into_typed_tables(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path, create=False))
    draft = store.draft(CONTEST)
    assert dict(draft.votes) == {1: 120, 2: 0}
    assert dict(draft.bundles) == {1: 2}
    assert dict(draft.parts) == {1: 20}
    assert dict(draft.rejected) == {"official_mark": 3}
    assert draft.recount_request_id == 1
    assert "draft_figures" not in store.db.table_names()
    names = [r["name"] for r in store.db.query("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_the_typed_draft_is_locked_once_declared(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path))
    store.db.execute("UPDATE contests SET status = 'declared' WHERE id = ?", [CONTEST])
    store.db.conn.commit()
    with pytest.raises(CountDeskError) as caught:
        store.set_draft(CONTEST, "Clerk", votes={3: 10})
    assert caught.value.code == "S802"
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO draft_rejected (contest_id, heading, papers) VALUES (?, 'x', 1)",
            [CONTEST],
        )


def test_draft_changes_keep_their_audit_names(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path))
    store.set_draft(CONTEST, "Clerk", votes={1: 121}, rejected={"official_mark": None})
    entry = store.audit(CONTEST)[-1]
    assert (entry.action, entry.old, entry.new) == (
        "enter",
        {"votes:1": 120, "rejected:official_mark": 3},
        {"votes:1": 121, "rejected:official_mark": None},
    )
    store.clear_draft(CONTEST, "Clerk", action="recorded")
    assert not store.draft(CONTEST).started
    assert store.audit(CONTEST)[-1].new == {
        "votes:1": None,
        "votes:2": None,
        "bundles:1": None,
        "part:1": None,
        "recount": None,
    }
