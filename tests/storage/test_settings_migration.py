"""A database made before settings were kept in it opens with its data, and takes settings."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.storage.database import open_database
from desktop.storage.migrations import MIGRATIONS
from desktop.storage.store import Store

NOW = "2024-07-05T02:30:00+00:00"


def test_a_database_from_before_migration_0012_opens_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    old = Database(path)
    old.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    before = [(n, m) for n, m in MIGRATIONS if n < "0012"]
    assert [n for n, _ in before] == [n for n, _ in MIGRATIONS][: len(before)]
    for name, migration in before:
        migration(old)
        old.table("migrations").insert({"name": name, "applied_at": NOW})
    old.table("elections").insert({"id": "parl.2024-07-04", "poll_date": "2024-07-04"})
    old.table("contests").insert(
        {
            "id": "parl.testshire.2024-07-04",
            "election_id": "parl.2024-07-04",
            "area": "Testshire",
            "seats": 1,
            "poll_date": "2024-07-04",
            "electorate": 70123,
        }
    )
    old.conn.close()

    store = Store(open_database(path, create=False))
    (contest,) = store.contests()
    assert (contest.area, contest.electorate) == ("Testshire", 70123)
    assert {name for (name,) in store.db.execute("SELECT name FROM migrations")} == {
        name for name, _ in MIGRATIONS
    }
    assert store.settings.get("backup_folder") is None
    store.settings.put("backup_folder", "/media/usb", "Supervisor")
    assert store.settings.get("backup_folder") == "/media/usb"
    store.settings.put("backup_folder", "/media/usb", "Supervisor")  # unchanged: no audit row
    rows = list(
        store.db.query("SELECT operator, entity, entity_id FROM audit WHERE entity != 'database'")
    )
    assert rows == [{"operator": "Supervisor", "entity": "setting", "entity_id": "backup_folder"}]
