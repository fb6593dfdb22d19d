"""Schema migrations: named functions, applied once each, in order, never edited once shipped.

Running them again is safe: the ``migrations`` table records what has been applied.

sqlite-utils' own ``Migrations`` keeps its record in a ``_sqlite_migrations`` table keyed by
migration set; every database CountDesk has made records its migrations in ``migrations``
(and that table is how a CountDesk database is told from another program's), so adopting it
would mean copying that record across on first open for no gain. This small runner stays.

Migrations are given a sqlite-utils ``Database`` (for its schema tools). It is imported here
only when a migration is pending: opening an up-to-date database checks the applied names with
one plain query and never loads sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.storage import chain
from desktop.storage.connection import Connection
from desktop.storage.connection import Database as Connected
from desktop.storage.migration_area import m0018_local_totals
from desktop.storage.migration_entries import m0016_double_entry
from desktop.storage.migration_press import m0024_previous_results
from desktop.storage.migration_referendums import m0020_referendum_question
from desktop.storage.schema_first import (
    m0001_initial,
    m0002_draft_figures,
    m0003_count_night,
    m0004_declared_lock,
    m0005_verification_delete_lock,
    m0006_typed_draft,
)
from desktop.storage.schema_night import (
    m0007_errors_found,
    m0008_ballot_paper_names,
    m0009_ballot_paper_account,
    m0010_contest_kind,
    m0011_audit_chain,
    m0012_settings,
    m0013_papers_counted,
    m0014_uncontested_notices,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]

# SQLite's primary result code for an error in the SQL itself ("no such table").
_SQLITE_ERROR = 1


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial", m0001_initial),
    ("0002_draft_figures", m0002_draft_figures),
    ("0003_count_night", m0003_count_night),
    ("0004_declared_lock", m0004_declared_lock),
    ("0005_verification_delete_lock", m0005_verification_delete_lock),
    ("0006_typed_draft", m0006_typed_draft),
    ("0007_errors_found", m0007_errors_found),
    ("0008_ballot_paper_names", m0008_ballot_paper_names),
    ("0009_ballot_paper_account", m0009_ballot_paper_account),
    ("0010_contest_kind", m0010_contest_kind),
    ("0011_audit_chain", m0011_audit_chain),
    ("0012_settings", m0012_settings),
    ("0013_papers_counted", m0013_papers_counted),
    ("0014_uncontested_notices", m0014_uncontested_notices),
    ("0016_double_entry", m0016_double_entry),
    ("0018_local_totals", m0018_local_totals),
    ("0020_referendum_question", m0020_referendum_question),
    ("0024_previous_results", m0024_previous_results),
]


def applied_migrations(conn: sqlite3.Connection) -> set[str] | None:
    """The names of the migrations applied, or None if there is no migrations table."""
    try:
        return {name for (name,) in conn.execute("SELECT name FROM migrations")}
    except sqlite3.OperationalError as exc:
        missing = getattr(exc, "sqlite_errorcode", None) == _SQLITE_ERROR
        if missing and "no such table" in str(exc):
            return None
        raise


def migrate(db: Connected) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction; return their names."""
    return apply_pending(db, applied_migrations(db.conn))


def apply_pending(db: Connected, applied: set[str] | None) -> list[str]:
    """Apply the migrations not in ``applied`` (None: no migrations table yet); return their names.

    ``applied`` is what ``applied_migrations`` read; nothing more is read or loaded when every
    migration is in it.
    """
    if applied is not None and all(name in applied for name, _ in MIGRATIONS):
        return []
    # Only now, with a migration to run, are sqlite-utils' schema tools loaded.
    from sqlite_utils import Database

    schema = Database(db.conn, execute_plugins=False)
    # What a full check finds before the schema changes is kept in the seal made after it.
    found = _found_before(db)
    # Each in a write transaction taken at once (BEGIN IMMEDIATE), so two windows opening an
    # old database together do not both start migrating it.
    transaction = Connection(db, chained=False).transaction
    if applied is None:
        with transaction():
            db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
        applied = set()
    done = []
    for name, migration in MIGRATIONS:
        if name in applied:
            continue
        with transaction():
            if db.execute("SELECT 1 FROM migrations WHERE name = ?", [name]).fetchone():
                continue  # another window applied it while this one waited
            migration(schema)
            db.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat()],
            )
        done.append(name)
    if done:
        with transaction():
            if chain.is_chained(db.conn):
                chain.install(db.conn)
                chain.seal(db.conn, datetime.now(UTC).isoformat(), " ".join(done), found)
    return done


def _found_before(db: Connected) -> list[str]:
    """What a full check of the chain finds, in a database that has one (else nothing)."""
    if not chain.is_chained(db.conn):
        return []
    from desktop.storage.tamper import verify

    return [str(problem) for problem in verify(db.conn).problems]
