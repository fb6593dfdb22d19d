"""A database made before referendums (migration 0020) opens with its contests kept, each with
no question."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.services import CountDesk
from desktop.storage.migrations import MIGRATIONS

NOW = "2024-05-03T01:30:00+00:00"
CONTEST = "local.ashby.north.2024-05-02"


def test_an_old_database_opens_with_its_contests_kept_and_no_question(tmp_path):
    path = tmp_path / "old.sqlite"
    db = Database(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    before = [(n, m) for n, m in MIGRATIONS if n < "0020"]
    # Every migration before 0020 (later ones may follow it).
    assert len(before) == [n for n, _ in MIGRATIONS].index("0020_referendum_question")
    for name, migration in before:
        migration(db)
        db.table("migrations").insert({"name": name, "applied_at": NOW})
    db.table("elections").insert({"id": "local.ashby.2024-05-02", "poll_date": "2024-05-02"})
    db.table("contests").insert(
        {
            "id": CONTEST,
            "election_id": "local.ashby.2024-05-02",
            "area": "North",
            "seats": 2,
            "poll_date": "2024-05-02",
            "status": "count",
        }
    )
    db.close()
    desk = CountDesk.open(path)
    contest = desk.contest(CONTEST)
    assert (contest.area, contest.seats, contest.question) == ("North", 2, "")
    assert not contest.type.referendum
    desk.close()
