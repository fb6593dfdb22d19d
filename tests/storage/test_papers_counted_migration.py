"""A database made before migration 0013 opens with its counts and draft as they were; its
multi-seat counts are read as recorded before the valid ballot papers counted were asked for."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desktop.domain.errors import CountDeskError
from desktop.domain.model import CountFigures
from desktop.services.desk import CountDesk
from desktop.storage.database import open_database
from desktop.storage.migrations import MIGRATIONS
from desktop.storage.store import Store

CONTEST = "local.testborough.earlsfield.2026-05-07"
NOW = "2026-05-08T02:30:00+00:00"
VOTES = {1: 700, 2: 500, 3: 300, 4: 100}
REJECTED = {
    "official_mark": 2,
    "too_many_votes": 0,
    "identifying_mark": 0,
    "unmarked_or_void": 0,
    "rejected_in_part": 0,
}


def _old_database(path) -> None:
    """A database as the code before migration 0013 left it: a 3-seat ward with a count
    recorded and a draft part keyed in since."""
    db = Database(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, migration in MIGRATIONS:
        if name >= "0013":
            break
        migration(db)
        db.table("migrations").insert({"name": name, "applied_at": NOW})
    db.execute("PRAGMA foreign_keys = ON")
    db.table("elections").insert({"id": "local.testborough.2026-05-07", "poll_date": "2026-05-07"})
    db.table("contests").insert(
        {
            "id": CONTEST,
            "election_id": "local.testborough.2026-05-07",
            "area": "Earlsfield",
            "seats": 3,
            "poll_date": "2026-05-07",
            "electorate": 4_000,
            "ballot_papers_verified": 1_002,
            "officer_name": "Jane Officer",
            "status": "count",
        }
    )
    for cid, name in ((1, "Alder"), (2, "Birch"), (3, "Cedar"), (4, "Dogwood")):
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
        {"id": 1, "contest_id": CONTEST, "number": 1, "recorded_at": NOW, "operator": "Clerk"}
    )
    db.table("count_votes").insert_all(
        {"count_id": 1, "candidate_id": cid, "votes": v} for cid, v in VOTES.items()
    )
    db.table("count_rejected").insert_all(
        {"count_id": 1, "heading": key, "papers": v} for key, v in REJECTED.items()
    )
    db.table("draft_votes").insert({"contest_id": CONTEST, "candidate_id": 1, "votes": 701})
    db.close()


def test_an_old_database_keeps_its_counts_and_draft(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path, create=False))
    (count,) = store.counts(CONTEST)
    assert dict(count.figures.votes) == VOTES
    assert dict(count.figures.rejected) == REJECTED
    assert count.figures.valid_papers_counted is None
    assert count.figures.recorded_before_papers_counted
    assert dict(store.draft(CONTEST).votes) == {1: 701}
    assert store.draft(CONTEST).valid_papers_counted is None
    names = {r["name"] for r in store.db.query("SELECT name FROM migrations")}
    assert "0013_papers_counted" in names


def test_an_old_multi_seat_count_is_read_with_a_warning_not_an_error(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    desk = CountDesk.open(path, create=False)
    result = desk.result(CONTEST)
    assert result.recorded_before_papers_counted
    assert "W605" in [f.code for f in result.findings]
    assert result.errors == ()
    assert result.elected == (1, 2, 3)
    blockers = [f.code for f in desk.status(CONTEST).blockers]
    assert "S804" in blockers  # the warning waits for a supervisor's acknowledgement


def test_counts_recorded_after_keep_the_papers_counted(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path))
    figures = CountFigures(VOTES, REJECTED, valid_papers_counted=1_000)
    store.record_count(CONTEST, figures, "Clerk")
    latest = store.latest_count(CONTEST)
    assert latest is not None and latest.number == 2
    assert latest.figures.valid_papers_counted == 1_000
    assert not latest.figures.recorded_before_papers_counted
    assert store.audit(CONTEST)[-1].new["valid_papers_counted"] == 1_000
    # The first count is as it was.
    assert store.counts(CONTEST)[0].figures.recorded_before_papers_counted


def test_the_draft_papers_counted_is_saved_audited_and_cleared(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path))
    saved = store.set_draft(CONTEST, "Clerk", papers_counted=1_000)
    assert saved.valid_papers_counted == 1_000
    assert store.draft(CONTEST).valid_papers_counted == 1_000
    store.set_draft(CONTEST, "Clerk", papers_counted=998)
    assert store.audit(CONTEST)[-1].old == {"papers_counted": 1_000}
    assert store.audit(CONTEST)[-1].new == {"papers_counted": 998}
    store.set_draft(CONTEST, "Clerk", votes={2: 500})
    assert store.draft(CONTEST).valid_papers_counted == 998
    store.clear_draft(CONTEST, "Clerk", action="recorded")
    assert store.draft(CONTEST).valid_papers_counted is None
    assert not store.draft(CONTEST).started


def test_the_draft_papers_counted_is_locked_once_declared(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    store = Store(open_database(path))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        store.db.execute(
            "INSERT INTO counts (contest_id, number, recorded_at, operator, "
            "valid_papers_counted) VALUES (?, 9, ?, 'C', -1)",
            [CONTEST, NOW],
        )
    store.db.conn.rollback()
    store.db.execute("UPDATE contests SET status = 'declared' WHERE id = ?", [CONTEST])
    store.db.conn.commit()
    with pytest.raises(CountDeskError) as caught:
        store.set_draft(CONTEST, "Clerk", papers_counted=1_000)
    assert caught.value.code == "S802"
    with pytest.raises(sqlite3.IntegrityError, match="declared"):
        store.db.execute(
            "INSERT INTO draft_papers (contest_id, valid_papers_counted) VALUES (?, 1)",
            [CONTEST],
        )
