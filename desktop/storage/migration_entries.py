"""Migration 0016: double entry — each count keyed twice, the entries held until they agree.

Kept beside ``migrations.py`` (which lists it) so that neither module grows past a readable
length. Like every migration it is never edited once shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

_LOCKED = "BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END"


def m0016_double_entry(db: Database) -> None:
    """The entry mode of a contest and the entries held for the count being keyed.

    ``entry_modes`` holds a contest switched to single entry (a contest with no row is keyed
    twice, as every count is by default, so an older database's contests are double entry from
    now on; their drafts and counts are untouched). ``keyed_entries`` and ``keyed_figures`` hold
    the first and second entries (figures by field name, as the draft's audit rows name them)
    until they agree or a supervisor keeps one; ``keyed_rekey`` the fields sent back to be keyed
    again. A declared contest's rows are locked like its draft's.
    """
    statements = [
        """CREATE TABLE entry_modes (
            contest_id TEXT PRIMARY KEY REFERENCES contests(id),
            mode TEXT NOT NULL CHECK (mode IN ('single', 'double'))
        )""",
        """CREATE TABLE keyed_entries (
            contest_id TEXT NOT NULL REFERENCES contests(id),
            entry INTEGER NOT NULL CHECK (entry IN (1, 2)),
            operator TEXT NOT NULL CHECK (operator != ''),
            PRIMARY KEY (contest_id, entry)
        )""",
        """CREATE TABLE keyed_figures (
            contest_id TEXT NOT NULL,
            entry INTEGER NOT NULL,
            field TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (typeof(value) = 'integer' AND value >= 0),
            PRIMARY KEY (contest_id, entry, field),
            FOREIGN KEY (contest_id, entry) REFERENCES keyed_entries(contest_id, entry)
        )""",
        """CREATE TABLE keyed_rekey (
            contest_id TEXT NOT NULL REFERENCES contests(id),
            field TEXT NOT NULL,
            PRIMARY KEY (contest_id, field)
        )""",
    ]
    declared = "(SELECT status FROM contests WHERE id = {ref}) = 'declared'"
    for table in ("entry_modes", "keyed_entries", "keyed_figures", "keyed_rekey"):
        for event, ref in (
            ("INSERT", "NEW.contest_id"),
            ("UPDATE", "OLD.contest_id"),
            ("DELETE", "OLD.contest_id"),
        ):
            statements.append(
                f"CREATE TRIGGER {table}_declared_{event.lower()} BEFORE {event} ON {table} "
                f"WHEN {declared.format(ref=ref)} {_LOCKED}"
            )
    for sql in statements:
        db.execute(sql)
