"""Storage: migrations, transactions with their audit rows, and counts that are never overwritten."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, Contest, CountFigures, Election, LotsDrawing
from desktop.storage.database import open_database
from desktop.storage.migrations import MIGRATIONS, migrate
from desktop.storage.store import Store

CONTEST_ID = "parl.testshire.2024-07-04"


def _clock() -> datetime:
    return datetime(2024, 7, 5, 2, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path) -> Store:
    store = Store(open_database(tmp_path / "count.sqlite"), clock=_clock)
    store.add_election(Election("parl.2024-07-04", date(2024, 7, 4)), "Setup")
    store.add_contest(
        Contest(CONTEST_ID, "parl.2024-07-04", "Testshire", 1, date(2024, 7, 4)), "Setup"
    )
    for name in ("Ann Able", "Bob Baker"):
        forenames, surname = name.split()
        store.add_candidate(
            CONTEST_ID, Candidate(0, surname, forenames, person_name=name), "Setup", f"name:{name}"
        )
    return store


def _figures(store: Store, a: int, b: int) -> CountFigures:
    ids = [c.id for c in store.candidates(CONTEST_ID)]
    return CountFigures(votes={ids[0]: a, ids[1]: b}, rejected={"official_mark": 0})


def test_database_uses_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "x.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO contests (id, election_id, area, seats, poll_date) "
            "VALUES ('c', 'missing', 'A', 1, '2024-01-01')"
        )


def test_migrations_are_safe_to_run_again(tmp_path):
    path = tmp_path / "x.sqlite"
    db = open_database(path)
    assert migrate(db) == []
    db.close()
    db = open_database(path)
    names = [r["name"] for r in db.query("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]


def test_a_file_that_is_not_a_database_is_refused_in_plain_words(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database " * 50)
    with pytest.raises(CountDeskError, match="cannot be opened as a CountDesk database"):
        open_database(path)


def test_recording_a_count_writes_its_audit_row_in_the_same_transaction(store):
    before = len(store.audit(CONTEST_ID))
    stored = store.record_count(CONTEST_ID, _figures(store, 10, 20), "Clerk A")
    entries = store.audit(CONTEST_ID)
    assert len(entries) == before + 1
    last = entries[-1]
    assert (last.action, last.entity, last.entity_id, last.operator) == (
        "record",
        "count",
        str(stored.id),
        "Clerk A",
    )
    assert last.new["number"] == 1
    assert sorted(last.new["votes"].values()) == [10, 20]
    assert last.at == _clock()


def test_a_new_count_supersedes_and_the_old_one_stays_readable(store):
    first = store.record_count(CONTEST_ID, _figures(store, 10, 20), "Clerk A")
    second = store.record_count(CONTEST_ID, _figures(store, 11, 19), "Clerk B")
    counts = store.counts(CONTEST_ID)
    assert [c.number for c in counts] == [1, 2]
    assert counts[0].figures.votes == first.figures.votes
    assert store.latest_count(CONTEST_ID).id == second.id
    assert sorted(store.latest_count(CONTEST_ID).figures.votes.values()) == [11, 19]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE count_votes SET votes = 999",
        "DELETE FROM count_votes",
        "UPDATE counts SET operator = 'x'",
        "DELETE FROM counts",
        "UPDATE count_rejected SET papers = 5",
        "UPDATE audit SET operator = 'x'",
        "DELETE FROM audit",
    ],
)
def test_recorded_counts_and_the_audit_log_cannot_be_changed(store, sql):
    store.record_count(CONTEST_ID, _figures(store, 10, 20), "Clerk A")
    with pytest.raises(sqlite3.IntegrityError, match="never changed or removed"):
        store.db.execute(sql)


def test_a_failed_write_leaves_nothing_behind(store):
    audit_before = len(store.audit())
    ids = [c.id for c in store.candidates(CONTEST_ID)]
    bad = CountFigures(votes={ids[0]: 10, ids[1]: -1}, rejected={})
    with pytest.raises(sqlite3.IntegrityError):
        store.record_count(CONTEST_ID, bad, "Clerk A")
    assert store.counts(CONTEST_ID) == []
    assert len(store.audit()) == audit_before
    assert store.db.execute("SELECT COUNT(*) FROM count_votes").fetchone()[0] == 0


def test_updating_a_contest_audits_old_and_new_values(store):
    store.update_contest(CONTEST_ID, {"electorate": 70000}, "Supervisor")
    store.update_contest(CONTEST_ID, {"electorate": 70500}, "Supervisor")
    store.update_contest(CONTEST_ID, {"electorate": 70500}, "Supervisor")  # no change, no row
    updates = [e for e in store.audit(CONTEST_ID) if e.action == "update"]
    assert [(e.old, e.new) for e in updates] == [
        ({"electorate": None}, {"electorate": 70000}),
        ({"electorate": 70000}, {"electorate": 70500}),
    ]
    assert store.contest(CONTEST_ID).electorate == 70500


def test_lots_are_stored_against_the_count(store):
    stored = store.record_count(CONTEST_ID, _figures(store, 20, 20), "Clerk A")
    ids = frozenset(c.id for c in store.candidates(CONTEST_ID))
    winner = min(ids)
    store.record_lots(CONTEST_ID, stored.id, LotsDrawing(ids, frozenset({winner}), "coin"), "RO")
    lots = store.lots_for_count(stored.id)
    assert lots.drawing.tied == ids
    assert lots.drawing.winners == {winner}
    assert lots.drawing.method == "coin"
    later = store.record_count(CONTEST_ID, _figures(store, 21, 20), "Clerk A")
    assert store.lots_for_count(later.id) is None


def test_unknown_contest_is_a_plain_refusal(store):
    with pytest.raises(CountDeskError, match="no contest with the id “nope”"):
        store.contest("nope")
