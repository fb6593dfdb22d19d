"""A database from before local counts (migration 0018): a Police and Crime Commissioner contest
counted and declared whole by an earlier CountDesk stays so; one created from then on is a local
count, and the audit chain still verifies."""

from __future__ import annotations

from unittest import mock

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.storage import migrations
from tests.pcc import PCC, PCC_CSV


def _before_0018(path) -> None:
    before = [m for m in migrations.MIGRATIONS if m[0] != "0018_local_totals"]
    with mock.patch.object(migrations, "MIGRATIONS", before):
        desk = CountDesk.open(path)
        db = desk.store.db
        with desk.store.transaction():
            db.execute(
                "INSERT INTO elections (id, poll_date, title, authority) "
                "VALUES ('pcc.2021-05-06', '2021-05-06', '', '')"
            )
            db.execute(
                "INSERT INTO contests (id, election_id, area, seats, poll_date, status) VALUES "
                "('pcc.eastshire.2021-05-06', 'pcc.2021-05-06', 'Eastshire', 1, '2021-05-06', "
                "'provisional')"
            )
            desk.store.connection.audit("Test", "create", "contest", "pcc.eastshire.2021-05-06")
        desk.close()


def test_an_older_pcc_contest_is_neither_a_local_count_nor_an_area_result(tmp_path):
    path = tmp_path / "old.sqlite"
    _before_0018(path)
    desk = CountDesk.open(path, create=False)
    old = desk.contest("pcc.eastshire.2021-05-06")
    assert old.role == "" and not old.is_local_count and not old.is_area_result
    assert desk.status(old.id).label == "provisional result"
    assert desk.status(old.id).next is Status.DECLARED  # declared as before, not sent
    desk.import_candidates(PCC_CSV, "Importer")
    new = desk.contest(PCC)
    assert new.role == "local" and new.is_local_count
    # Naming its voting area makes it a local count.
    desk.local_totals.set_voting_area(old.id, "Northtown", "Supervisor")
    assert desk.contest(old.id).is_local_count
    assert desk.verify().intact
