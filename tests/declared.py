"""Batley and Spen declared, through the services alone (no Qt), and a database as CountDesk
left it before migration 0007, holding a "corrected declaration".

Earlier CountDesk let a declared result be "corrected": a count of kind 'correction' and a
second declaration of kind 'correction', with its own PDF. The law never allowed it (only an
election court can change a declared result). Databases holding one must still open and read.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from desktop.services import CountDesk
from desktop.storage import migrations
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

OFFICER = "Jacqui Gedman"
LEGACY_REASON = "Two votes for WATERS were transcribed against SMITH"
#: The bytes kept as the legacy corrected declaration's PDF (only ever passed through).
LEGACY_PDF = b"%PDF-1.4\n% a corrected declaration kept by an earlier CountDesk\n%%EOF\n"
NOW = "2021-07-02T03:40:00+00:00"


def ids(desk: CountDesk) -> dict[str, int]:
    """Each candidate's id by their Democracy Club name."""
    return {n: desk.candidate_by_name(BATLEY, n).id for n in BATLEY_VOTES}


def declare_batley(desk: CountDesk) -> bytes:
    """Batley and Spen imported, counted as published and declared; the declaration's PDF."""
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(
        BATLEY,
        "Supervisor",
        electorate=79373,
        ballot_papers_verified=37786,
        officer_name=OFFICER,
        imprint_address="Civic Centre 3, Huddersfield HD1 2TG",
        authority="Kirklees Council",
    )
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    by_name = ids(desk)
    votes = {by_name[n]: v for n, v in BATLEY_VOTES.items()}
    # Keyed twice, by two operators, as every count is by default.
    desk.set_entry_mode(BATLEY, "double", "Supervisor")
    desk.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 1")
    desk.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 2")
    desk.advance(BATLEY, "provisional", "Supervisor")
    return desk.declare(BATLEY, "Supervisor", OFFICER)


def legacy_corrected_database(path: Path) -> bytes:
    """Batley and Spen declared, then "corrected" the way CountDesk once did, in a database
    made before migration 0007; the original declaration's PDF."""
    # Every migration but 0007: the current code writes columns later migrations add.
    before = [m for m in migrations.MIGRATIONS if m[0] != "0007_errors_found"]
    with mock.patch.object(migrations, "MIGRATIONS", before):
        desk = CountDesk.open(path)
        original = declare_batley(desk)
        by_name = ids(desk)
        db = desk.store.db
        with desk.store.transaction():
            count_id = db.execute(
                "INSERT INTO counts (contest_id, number, recorded_at, operator, kind, reason) "
                "VALUES (?, 2, ?, 'Supervisor', 'correction', ?)",
                [BATLEY, NOW, LEGACY_REASON],
            ).lastrowid
            votes = {**BATLEY_VOTES, "Andrew Smith": 73, "Anne Marie Waters": 99}
            db.executemany(
                "INSERT INTO count_votes (count_id, candidate_id, votes) VALUES (?, ?, ?)",
                [(count_id, by_name[n], v) for n, v in votes.items()],
            )
            db.executemany(
                "INSERT INTO count_rejected (count_id, heading, papers) VALUES (?, ?, ?)",
                [(count_id, k, v) for k, v in BATLEY_REJECTED.items()],
            )
            db.execute(
                "INSERT INTO declarations (contest_id, count_id, kind, declared_at, operator, "
                "officer, reason, data_ref, pdf) VALUES (?, ?, 'correction', ?, 'Supervisor', ?, "
                "?, 'legacyref0001', ?)",
                [BATLEY, count_id, NOW, OFFICER, LEGACY_REASON, LEGACY_PDF],
            )
        desk.close()
    return original
