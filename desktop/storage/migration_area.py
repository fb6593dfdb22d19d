"""Migration 0018: local counts and the area result (DOMAIN.md §3, step 6).

Kept beside ``migrations.py`` (which lists it). Like every migration it is never edited once
shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_LOCKED = "BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END"
_DECLARED = "(SELECT status FROM contests WHERE id = NEW.contest_id) = 'declared'"


def m0018_local_totals(db: Database) -> None:
    """A Police and Crime Commissioner or combined authority mayoral contest's role, and the
    records of the local totals sent and received.

    ``contests.role`` is "local" (a voting area's count, run by the local returning officer: it
    ends in a statement of local totals) or "area" (the police area or combined authority
    returning officer's contest, which adds up the voting areas' totals and is declared); other
    types ignore it. A contest from before this migration keeps "" (neither): an earlier
    CountDesk counted and declared it as a whole result, and so it stays (a declared contest's
    row is locked in any case). A contest created from now on is "local" unless set up as the
    area result. ``contests.voting_area`` names a local count's voting area.

    ``local_totals_sent`` keeps, once per contest, the statement's PDF and the figures sent
    (canonical JSON), as a declaration is kept. ``area_voting_areas`` lists an area result's
    voting areas; ``area_returns`` keeps each voting area's totals as imported, once each.
    All three are append-only, and refuse a row for a contest already declared (or sent).
    """
    statements = [
        "ALTER TABLE contests ADD COLUMN role TEXT NOT NULL DEFAULT '' "
        "CHECK (role IN ('', 'local', 'area'))",
        "ALTER TABLE contests ADD COLUMN voting_area TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE local_totals_sent (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL UNIQUE REFERENCES contests(id),
            count_id INTEGER NOT NULL REFERENCES counts(id),
            sent_at TEXT NOT NULL,
            operator TEXT NOT NULL,
            officer TEXT NOT NULL CHECK (trim(officer) != ''),
            data_ref TEXT NOT NULL,
            totals TEXT NOT NULL,
            pdf BLOB NOT NULL
        )""",
        """CREATE TABLE area_voting_areas (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (trim(name) != ''),
            UNIQUE (contest_id, name)
        )""",
        """CREATE TABLE area_returns (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            voting_area TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            operator TEXT NOT NULL,
            digest TEXT NOT NULL,
            totals TEXT NOT NULL,
            UNIQUE (contest_id, voting_area)
        )""",
    ]
    for table in ("local_totals_sent", "area_voting_areas", "area_returns"):
        statements.append(
            f"CREATE TRIGGER {table}_declared_insert BEFORE INSERT ON {table} "
            f"WHEN {_DECLARED} {_LOCKED}"
        )
        for event in ("UPDATE", "DELETE"):
            if table == "area_voting_areas" and event == "DELETE":
                continue  # the list is put right before any voting area's totals are in
            statements.append(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are never changed or removed'); END"
            )
    statements.append(
        "CREATE TRIGGER area_voting_areas_declared_delete BEFORE DELETE ON area_voting_areas "
        f"WHEN (SELECT status FROM contests WHERE id = OLD.contest_id) = 'declared' {_LOCKED}"
    )
    for sql in statements:
        db.execute(sql)
