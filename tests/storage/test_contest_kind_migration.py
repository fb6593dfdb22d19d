"""A database made before contests had a kind (migration 0010) opens with its data kept."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.services import CountDesk
from desktop.storage.migrations import MIGRATIONS

NOW = "2024-05-03T01:30:00+00:00"
ELECTION = "mayor.west-midlands.2024-05-02"
CONTEST = "mayor.west-midlands.2024-05-02"
DECLARED = "local.ashby-parish.ashby.2024-05-02"


def _before_0010(path) -> None:
    """The schema as the code before migration 0010 left it, with two contests in it."""
    db = Database(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    before = [(n, m) for n, m in MIGRATIONS if n < "0010"]
    assert "0010_contest_kind" not in dict(before) and "0006_typed_draft" in dict(before)
    for name, migration in before:
        migration(db)
        db.table("migrations").insert({"name": name, "applied_at": NOW})
    db.table("elections").insert_all(
        [
            {"id": ELECTION, "poll_date": "2024-05-02", "authority": "WMCA"},
            {"id": "local.ashby-parish.2024-05-02", "poll_date": "2024-05-02", "authority": ""},
        ]
    )
    for row in (
        {
            "id": CONTEST,
            "election_id": ELECTION,
            "area": "West Midlands",
            "seats": 1,
            "poll_date": "2024-05-02",
            "electorate": 2_000_000,
            "officer_name": "Pat Jones",
            "imprint_address": "Council House, Birmingham",
            "status": "count",
        },
        {
            "id": DECLARED,
            "election_id": "local.ashby-parish.2024-05-02",
            "area": "Ashby",
            "seats": 2,
            "poll_date": "2024-05-02",
            "status": "declared",
        },
    ):
        db.table("contests").insert(row)
    db.table("candidates").insert(
        {"id": 1, "contest_id": CONTEST, "source_key": "name:A", "person_name": "A", "surname": "A"}
    )
    db.close()


def test_an_old_database_opens_with_its_contests_kept_and_their_kind_the_types_own(tmp_path):
    path = tmp_path / "old.sqlite"
    _before_0010(path)
    desk = CountDesk.open(path)
    contest = desk.contest(CONTEST)
    assert (contest.area, contest.electorate, contest.officer_name, contest.imprint_address) == (
        "West Midlands",
        2_000_000,
        "Pat Jones",
        "Council House, Birmingham",
    )
    assert contest.kind == "" and contest.type.deposit_pounds == 500
    assert [c.surname for c in desk.candidates(CONTEST)] == ["A"]
    assert desk.contest(DECLARED).status.value == "declared"
    # Its kind can now be set, and the deposit follows it.
    desk.set_contest_details(CONTEST, "Supervisor", kind="combined_authority")
    assert desk.contest(CONTEST).type.deposit_pounds == 5000
    applied = [r[0] for r in desk.store.db.conn.execute("SELECT name FROM migrations")]
    assert "0010_contest_kind" in applied
