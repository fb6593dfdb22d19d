"""A database made before the ballot paper accounts' optional figures opens with its boxes."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desktop.domain.verification import BoxKind, VerificationLine
from desktop.storage.database import open_database
from desktop.storage.migrations import MIGRATIONS
from desktop.storage.store import Store

CONTEST = "parl.testshire.2024-07-04"
NOW = "2024-07-05T02:30:00+00:00"
BEFORE = [name for name, _ in MIGRATIONS].index("0009_ballot_paper_account")


def _old_database(path) -> None:
    """A database as the code before migration 0009 left it, with two boxes verified."""
    db = Database(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, migration in MIGRATIONS[:BEFORE]:
        migration(db)
        db.table("migrations").insert({"name": name, "applied_at": NOW})
    db.table("elections").insert({"id": "parl.2024-07-04", "poll_date": "2024-07-04"})
    db.table("contests").insert(
        {
            "id": CONTEST,
            "election_id": "parl.2024-07-04",
            "area": "Testshire",
            "seats": 1,
            "poll_date": "2024-07-04",
            "status": "verification",
        }
    )
    for position, (ref, kind, issued, counted, why) in enumerate(
        (("B1", "box", 1_000, 1_001, "A paper from B2"), ("PV1", "postal", 500, 500, "")),
        start=1,
    ):
        db.table("verification_lines").insert(
            {
                "contest_id": CONTEST,
                "reference": ref,
                "position": position,
                "name": f"{ref} name",
                "kind": kind,
                "issued": issued,
                "counted": counted,
                "explanation": why,
            }
        )
    db.close()


def test_an_old_database_opens_and_keeps_its_boxes(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path, create=False))
    assert store.verification(CONTEST) == [
        VerificationLine("B1", "B1 name", BoxKind.BOX, 1_000, 1_001, "A paper from B2"),
        VerificationLine("PV1", "PV1 name", BoxKind.POSTAL, 500, 500),
    ]
    names = [r["name"] for r in store.db.query("SELECT name FROM migrations")]
    assert "0009_ballot_paper_account" in names
    # The new figures can be kept with a box listed afterwards, and only as whole numbers.
    store.add_verification_lines(
        CONTEST, [VerificationLine("B2", "Hall", BoxKind.BOX, 800, None, "", 12, 1, 0)], "Clerk"
    )
    assert store.verification(CONTEST)[-1].account_figures == (12, 1, 0)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "UPDATE verification_lines SET spoilt = -1 WHERE reference = 'B2'",
        )
