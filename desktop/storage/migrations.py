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
from desktop.storage.migration_entries import m0016_double_entry

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]

# SQLite's primary result code for an error in the SQL itself ("no such table").
_SQLITE_ERROR = 1


def m0001_initial(db: Database) -> None:
    """Elections, contests, candidates, immutable counts, lots and the append-only audit log."""
    statements = [
        """CREATE TABLE elections (
            id TEXT PRIMARY KEY,
            poll_date TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            authority TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE contests (
            id TEXT PRIMARY KEY,
            election_id TEXT NOT NULL REFERENCES elections(id),
            area TEXT NOT NULL,
            seats INTEGER NOT NULL CHECK (seats >= 1),
            poll_date TEXT NOT NULL,
            electorate INTEGER CHECK (electorate IS NULL OR electorate >= 0),
            ballot_papers_verified INTEGER
                CHECK (ballot_papers_verified IS NULL OR ballot_papers_verified >= 0),
            officer_name TEXT NOT NULL DEFAULT '',
            officer_title TEXT NOT NULL DEFAULT '',
            imprint_address TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'setup'
        )""",
        "CREATE INDEX contests_election ON contests(election_id)",
        """CREATE TABLE candidates (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            source_key TEXT NOT NULL,
            person_name TEXT NOT NULL,
            surname TEXT NOT NULL,
            forenames TEXT NOT NULL DEFAULT '',
            common_surname TEXT NOT NULL DEFAULT '',
            common_forenames TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            party_id TEXT NOT NULL DEFAULT '',
            UNIQUE (contest_id, source_key)
        )""",
        """CREATE TABLE counts (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            number INTEGER NOT NULL CHECK (number >= 1),
            recorded_at TEXT NOT NULL,
            operator TEXT NOT NULL,
            rejected_total_entered INTEGER,
            UNIQUE (contest_id, number)
        )""",
        """CREATE TABLE count_votes (
            count_id INTEGER NOT NULL REFERENCES counts(id),
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            votes INTEGER NOT NULL CHECK (votes >= 0),
            PRIMARY KEY (count_id, candidate_id)
        )""",
        """CREATE TABLE count_rejected (
            count_id INTEGER NOT NULL REFERENCES counts(id),
            heading TEXT NOT NULL,
            papers INTEGER NOT NULL CHECK (papers >= 0),
            PRIMARY KEY (count_id, heading)
        )""",
        """CREATE TABLE lots (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            count_id INTEGER NOT NULL REFERENCES counts(id),
            tied TEXT NOT NULL,
            winners TEXT NOT NULL,
            method TEXT NOT NULL DEFAULT '',
            witnesses TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            operator TEXT NOT NULL
        )""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            operator TEXT NOT NULL,
            action TEXT NOT NULL,
            contest_id TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            old TEXT,
            new TEXT
        )""",
        "CREATE INDEX audit_contest ON audit(contest_id)",
    ]
    # Recorded counts, lots and the audit log are append-only: a correction is a new row.
    for table in ("counts", "count_votes", "count_rejected", "lots", "audit"):
        for event in ("UPDATE", "DELETE"):
            statements.append(
                f"""CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} rows are never changed or removed'); END"""
            )
    for sql in statements:
        db.execute(sql)


def m0002_draft_figures(db: Database) -> None:
    """Figures of the count being keyed in, saved as each is accepted, and the bundle size."""
    db.execute(
        """CREATE TABLE draft_figures (
            contest_id TEXT NOT NULL REFERENCES contests(id),
            field TEXT NOT NULL,
            value INTEGER CHECK (value IS NULL OR value >= 0),
            PRIMARY KEY (contest_id, field)
        )"""
    )
    db.execute(
        "ALTER TABLE contests ADD COLUMN bundle_size INTEGER NOT NULL DEFAULT 50 "
        "CHECK (bundle_size >= 1)"
    )


def m0003_count_night(db: Database) -> None:
    """Verification, status changes, acknowledgements, recount requests and declarations."""
    statements = [
        """CREATE TABLE verification_lines (
            contest_id TEXT NOT NULL REFERENCES contests(id),
            reference TEXT NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('box', 'postal')),
            issued INTEGER NOT NULL CHECK (issued >= 0),
            counted INTEGER CHECK (counted IS NULL OR counted >= 0),
            explanation TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (contest_id, reference)
        )""",
        """CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            at TEXT NOT NULL,
            operator TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE acknowledgements (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            count_id INTEGER REFERENCES counts(id),
            code TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            operator TEXT NOT NULL
        )""",
        """CREATE TABLE recount_requests (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            count_id INTEGER NOT NULL REFERENCES counts(id),
            requested_by TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('candidate', 'agent')),
            for_candidate INTEGER REFERENCES candidates(id),
            requested_at TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('full', 'bundle_check', 'refused')),
            reason TEXT NOT NULL DEFAULT '',
            operator TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        """CREATE TABLE declarations (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            count_id INTEGER NOT NULL REFERENCES counts(id),
            kind TEXT NOT NULL CHECK (kind IN ('declaration', 'correction')),
            declared_at TEXT NOT NULL,
            operator TEXT NOT NULL,
            officer TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            data_ref TEXT NOT NULL,
            pdf BLOB NOT NULL
        )""",
        "ALTER TABLE counts ADD COLUMN kind TEXT NOT NULL DEFAULT 'count'",
        "ALTER TABLE counts ADD COLUMN request_id INTEGER REFERENCES recount_requests(id)",
        "ALTER TABLE counts ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    ]
    for table in ("status_changes", "acknowledgements", "recount_requests", "declarations"):
        for event in ("UPDATE", "DELETE"):
            statements.append(
                f"""CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} rows are never changed or removed'); END"""
            )
    for sql in statements:
        db.execute(sql)


def m0004_declared_lock(db: Database) -> None:
    """The lock on a declared contest, held by the database itself as well as by the services.

    Two windows on one file cannot race a write past the lock: once a contest is declared, only
    a correction (a count of kind 'correction', its lots and its declaration) may be added.
    An acknowledgement now keeps the figures of the warning it acknowledged.
    """
    declared = "(SELECT status FROM contests WHERE id = {ref}) = 'declared'"
    message = "SELECT RAISE(ABORT, 'the contest is declared: its figures are locked')"
    guarded = [
        (
            "counts",
            "INSERT",
            "NEW.kind != 'correction' AND " + declared.format(ref="NEW.contest_id"),
        ),
        (
            "lots",
            "INSERT",
            "(SELECT kind FROM counts WHERE id = NEW.count_id) != 'correction' AND "
            + declared.format(ref="NEW.contest_id"),
        ),
        ("draft_figures", "INSERT", declared.format(ref="NEW.contest_id")),
        ("draft_figures", "UPDATE", declared.format(ref="OLD.contest_id")),
        ("verification_lines", "INSERT", declared.format(ref="NEW.contest_id")),
        ("verification_lines", "UPDATE", declared.format(ref="OLD.contest_id")),
        ("candidates", "INSERT", declared.format(ref="NEW.contest_id")),
        ("candidates", "UPDATE", declared.format(ref="OLD.contest_id")),
        ("candidates", "DELETE", declared.format(ref="OLD.contest_id")),
        ("acknowledgements", "INSERT", declared.format(ref="NEW.contest_id")),
        ("contests", "UPDATE", "OLD.status = 'declared'"),
    ]
    for table, event, when in guarded:
        db.execute(
            f"""CREATE TRIGGER {table}_declared_{event.lower()} BEFORE {event} ON {table}
            WHEN {when} BEGIN {message}; END"""
        )
    db.execute("ALTER TABLE acknowledgements ADD COLUMN figures TEXT NOT NULL DEFAULT ''")


def m0005_verification_delete_lock(db: Database) -> None:
    """Boxes can now be removed from a verification: the database refuses it once declared."""
    db.execute(
        """CREATE TRIGGER verification_lines_declared_delete BEFORE DELETE ON verification_lines
        WHEN (SELECT status FROM contests WHERE id = OLD.contest_id) = 'declared'
        BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END"""
    )


def m0006_typed_draft(db: Database) -> None:
    """The count being keyed in gets typed tables in place of the field/value store.

    Votes, bundles and part-bundles by candidate, rejected papers by heading, and the mark of a
    full recount begun each get their own column, so a recount mark is no longer kept as a
    figure. Saved figures are carried over; a figure of a candidate since removed is dropped.
    """
    statements = [
        """CREATE TABLE draft_votes (
            contest_id TEXT NOT NULL REFERENCES contests(id),
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            votes INTEGER CHECK (votes IS NULL OR votes >= 0),
            bundles INTEGER CHECK (bundles IS NULL OR bundles >= 0),
            part INTEGER CHECK (part IS NULL OR part >= 0),
            PRIMARY KEY (contest_id, candidate_id)
        )""",
        """CREATE TABLE draft_rejected (
            contest_id TEXT NOT NULL REFERENCES contests(id),
            heading TEXT NOT NULL,
            papers INTEGER NOT NULL CHECK (papers >= 0),
            PRIMARY KEY (contest_id, heading)
        )""",
        """CREATE TABLE drafts (
            contest_id TEXT PRIMARY KEY REFERENCES contests(id),
            recount_request_id INTEGER NOT NULL REFERENCES recount_requests(id)
        )""",
    ]
    for column in ("votes", "bundles", "part"):
        statements.append(
            f"""INSERT INTO draft_votes (contest_id, candidate_id, {column})
            SELECT d.contest_id, c.id, d.value FROM draft_figures d
            JOIN candidates c ON c.contest_id = d.contest_id
                AND d.field = '{column}:' || c.id
            WHERE d.value IS NOT NULL
            ON CONFLICT (contest_id, candidate_id) DO UPDATE SET {column} = excluded.{column}"""
        )
    statements += [
        """INSERT INTO draft_rejected (contest_id, heading, papers)
        SELECT contest_id, substr(field, 10), value FROM draft_figures
        WHERE field LIKE 'rejected:%' AND value IS NOT NULL""",
        """INSERT INTO drafts (contest_id, recount_request_id)
        SELECT d.contest_id, d.value FROM draft_figures d
        JOIN recount_requests r ON r.id = d.value AND r.contest_id = d.contest_id
        WHERE d.field = 'recount'""",
        "DROP TABLE draft_figures",
    ]
    declared = "(SELECT status FROM contests WHERE id = {ref}) = 'declared'"
    for table in ("draft_votes", "draft_rejected", "drafts"):
        for event, ref in (("INSERT", "NEW.contest_id"), ("UPDATE", "OLD.contest_id")):
            statements.append(
                f"""CREATE TRIGGER {table}_declared_{event.lower()} BEFORE {event} ON {table}
                WHEN {declared.format(ref=ref)}
                BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END"""
            )
    for sql in statements:
        db.execute(sql)


def m0007_errors_found(db: Database) -> None:
    """A declared result is final: an error found afterwards is recorded, never declared.

    Errors found after the declaration get their own append-only tables (who found it, the
    reason, every figure as now found). The database now refuses a count, lots or a declaration
    made as a "correction" after the declaration, and a second declaration of a contest. A
    corrected declaration kept before this migration stays as it is, readable.
    """
    locked = "SELECT RAISE(ABORT, 'the contest is declared: its figures are locked')"
    final = (
        "SELECT RAISE(ABORT, 'a declared result is final: no correction or second "
        "declaration is made; record the error found instead')"
    )
    declared = "(SELECT status FROM contests WHERE id = {ref}) = 'declared'"
    statements = [
        """CREATE TABLE errors_found (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES contests(id),
            declaration_id INTEGER NOT NULL REFERENCES declarations(id),
            found_by TEXT NOT NULL CHECK (trim(found_by) != ''),
            reason TEXT NOT NULL CHECK (trim(reason) != ''),
            recorded_at TEXT NOT NULL,
            operator TEXT NOT NULL
        )""",
        "CREATE INDEX errors_found_contest ON errors_found(contest_id)",
        """CREATE TABLE error_found_votes (
            error_id INTEGER NOT NULL REFERENCES errors_found(id),
            candidate_id INTEGER NOT NULL REFERENCES candidates(id),
            votes INTEGER NOT NULL CHECK (votes >= 0),
            PRIMARY KEY (error_id, candidate_id)
        )""",
        """CREATE TABLE error_found_rejected (
            error_id INTEGER NOT NULL REFERENCES errors_found(id),
            heading TEXT NOT NULL,
            papers INTEGER NOT NULL CHECK (papers >= 0),
            PRIMARY KEY (error_id, heading)
        )""",
        f"""CREATE TRIGGER errors_found_declared_only BEFORE INSERT ON errors_found
        WHEN NOT {declared.format(ref="NEW.contest_id")}
        BEGIN SELECT RAISE(ABORT, 'an error found is recorded only after the declaration'); END""",
        # Replaces m0004's triggers, which let a correction through a declared contest's lock.
        "DROP TRIGGER counts_declared_insert",
        "DROP TRIGGER lots_declared_insert",
        f"""CREATE TRIGGER counts_declared_insert BEFORE INSERT ON counts
        WHEN {declared.format(ref="NEW.contest_id")} BEGIN {locked}; END""",
        f"""CREATE TRIGGER lots_declared_insert BEFORE INSERT ON lots
        WHEN {declared.format(ref="NEW.contest_id")} BEGIN {locked}; END""",
        f"""CREATE TRIGGER counts_no_correction BEFORE INSERT ON counts
        WHEN NEW.kind = 'correction' BEGIN {final}; END""",
        f"""CREATE TRIGGER declarations_no_second BEFORE INSERT ON declarations
        WHEN NEW.kind != 'declaration'
            OR EXISTS (SELECT 1 FROM declarations WHERE contest_id = NEW.contest_id)
        BEGIN {final}; END""",
    ]
    for table in ("errors_found", "error_found_votes", "error_found_rejected"):
        for event in ("UPDATE", "DELETE"):
            statements.append(
                f"""CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} rows are never changed or removed'); END"""
            )
    for sql in statements:
        db.execute(sql)


def m0008_ballot_paper_names(db: Database) -> None:
    """Each candidate's place on the statement of persons nominated and on the ballot paper.

    ``sopn_position``: the order the SOPN (or the imported file) lists the candidates in, which
    identical names keep; existing candidates get their import order (their id order).
    ``ballot_position``: the ballot paper's order where given explicitly (the SOPN wins over
    the alphabetical proposal). ``split_to_confirm``: the surname was proposed by splitting the
    full name at a surname particle and awaits confirmation. A candidate imported before this
    migration whose name has a particle but is still split at its last word ("BRIAIN, Dara Ó")
    is marked to confirm, so the name is checked before the contest leaves setup; no name is
    changed. Declared contests are left exactly as they were.
    """
    from desktop.domain.names import propose_split

    db.execute("ALTER TABLE candidates ADD COLUMN sopn_position INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "ALTER TABLE candidates ADD COLUMN ballot_position INTEGER "
        "CHECK (ballot_position IS NULL OR ballot_position >= 1)"
    )
    db.execute("ALTER TABLE candidates ADD COLUMN split_to_confirm INTEGER NOT NULL DEFAULT 0")
    # The lock on declared contests (m0004) refuses any update of their candidates; it is set
    # aside for the numbering of existing rows only, and put back as it was.
    lock = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        ["candidates_declared_update"],
    ).fetchone()
    if lock is not None:
        db.execute("DROP TRIGGER candidates_declared_update")
    db.execute(
        """UPDATE candidates SET sopn_position = (
            SELECT COUNT(*) FROM candidates AS earlier
            WHERE earlier.contest_id = candidates.contest_id AND earlier.id <= candidates.id
        )"""
    )
    rows = db.execute(
        """SELECT c.id, c.person_name, c.surname, c.forenames FROM candidates c
        JOIN contests k ON k.id = c.contest_id WHERE k.status != 'declared'"""
    ).fetchall()
    for candidate_id, person_name, surname, forenames in rows:
        if not propose_split(person_name).needs_confirmation:
            continue
        words = person_name.split()
        if (forenames, surname) == (" ".join(words[:-1]), words[-1]):
            db.execute("UPDATE candidates SET split_to_confirm = 1 WHERE id = ?", [candidate_id])
    if lock is not None:
        db.execute(lock[0])


def m0009_ballot_paper_account(db: Database) -> None:
    """Each box's ballot paper account may also give its unused, spoilt and tendered papers.

    Optional figures: a box listed before keeps its figures and has none of these.
    """
    for column in ("unused", "spoilt", "tendered"):
        db.execute(
            f"ALTER TABLE verification_lines ADD COLUMN {column} INTEGER "
            f"CHECK ({column} IS NULL OR {column} >= 0)"
        )


def m0010_contest_kind(db: Database) -> None:
    """A contest's kind within its election type, where deposit or wording differ: a parish
    (warded or not), a combined authority mayor, the Mayor of London. Existing contests keep
    the type's own kind ("")."""
    db.execute("ALTER TABLE contests ADD COLUMN kind TEXT NOT NULL DEFAULT ''")


def m0011_audit_chain(db: Database) -> None:
    """The audit chain (``desktop/storage/chain.py``), and the lock on a declared contest closed.

    The audit log gets each row's hash and the digests of the rows it wrote; rows already in it
    are hashed in order, as they stand, so the chain begins with the whole log. The runner then
    gives every data table its capture triggers and seals the state as it stands: a change made
    before this migration cannot be told from CountDesk's own, one made after it can.

    Nine raw writes to a declared contest were still let through: removing the contest; votes
    or rejected papers added to one of its counts; a status change, a recount request or a
    declaration added; and removing a figure being keyed in. Each is now refused (a corrected
    declaration's own count, lots and declaration remain the one way to add to it).
    """
    conn = db.conn
    conn.execute("ALTER TABLE audit ADD COLUMN rows TEXT")
    conn.execute("ALTER TABLE audit ADD COLUMN hash TEXT")
    conn.execute(
        f"CREATE TABLE {chain.PENDING} (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, "
        "key TEXT NOT NULL, row TEXT)"
    )
    conn.execute(f"CREATE INDEX audit_seals ON audit(id) WHERE action = '{chain.SEAL}'")
    guard = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'"
    ).fetchone()[0]
    conn.execute("DROP TRIGGER audit_no_update")
    previous = chain.GENESIS
    columns = ", ".join(chain.AUDIT_COLUMNS)
    for row in conn.execute(f"SELECT {columns} FROM audit ORDER BY id").fetchall():
        previous = chain.link(previous, list(row), None)
        conn.execute("UPDATE audit SET hash = ? WHERE id = ?", [previous, row[0]])
    conn.execute(guard)
    declared = "(SELECT status FROM contests WHERE id = {ref}) = 'declared'"
    of_count = "(SELECT contest_id FROM counts WHERE id = NEW.count_id)"
    not_correction = "(SELECT kind FROM counts WHERE id = NEW.count_id) != 'correction'"
    guarded = [
        ("contests", "DELETE", "OLD.status = 'declared'"),
        ("count_votes", "INSERT", f"{not_correction} AND {declared.format(ref=of_count)}"),
        ("count_rejected", "INSERT", f"{not_correction} AND {declared.format(ref=of_count)}"),
        ("status_changes", "INSERT", declared.format(ref="NEW.contest_id")),
        ("recount_requests", "INSERT", declared.format(ref="NEW.contest_id")),
        (
            "declarations",
            "INSERT",
            f"{declared.format(ref='NEW.contest_id')} AND (NEW.kind != 'correction' OR "
            f"{not_correction} OR EXISTS (SELECT 1 FROM declarations WHERE count_id = "
            "NEW.count_id))",
        ),
        ("draft_votes", "DELETE", declared.format(ref="OLD.contest_id")),
        ("draft_rejected", "DELETE", declared.format(ref="OLD.contest_id")),
        ("drafts", "DELETE", declared.format(ref="OLD.contest_id")),
    ]
    for table, event, when in guarded:
        conn.execute(
            f"""CREATE TRIGGER {table}_declared_{event.lower()} BEFORE {event} ON {table}
            WHEN {when}
            BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END"""
        )


def m0012_settings(db: Database) -> None:
    """Settings kept with the database (the backup folder and how many copies to keep).

    In the file, not in the user's profile, so the window and the command line, and any laptop
    the file is opened on, back up to the same folder. Changes are audited like any other.
    """
    db.execute(
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )"""
    )


def m0013_papers_counted(db: Database) -> None:
    """Several seats are reconciled on papers: counts and the draft keep the valid ballot papers
    counted (Q, DOMAIN.md §4).

    Counts recorded before this have no Q and ``papers_counted_asked`` 0: they are read as they
    were, and a multi-seat one carries warning W605. Counts are never updated, so the flag is the
    column's default for the rows already there; every count recorded from now on sets it to 1.
    """
    statements = [
        """ALTER TABLE counts ADD COLUMN valid_papers_counted INTEGER
            CHECK (valid_papers_counted IS NULL OR valid_papers_counted >= 0)""",
        "ALTER TABLE counts ADD COLUMN papers_counted_asked INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE draft_papers (
            contest_id TEXT PRIMARY KEY REFERENCES contests(id),
            valid_papers_counted INTEGER NOT NULL CHECK (valid_papers_counted >= 0)
        )""",
    ]
    declared = "(SELECT status FROM contests WHERE id = {ref}) = 'declared'"
    for event, ref in (
        ("INSERT", "NEW.contest_id"),
        ("UPDATE", "OLD.contest_id"),
        ("DELETE", "OLD.contest_id"),
    ):
        statements.append(
            f"""CREATE TRIGGER draft_papers_declared_{event.lower()} BEFORE {event} ON draft_papers
            WHEN {declared.format(ref=ref)}
            BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END"""
        )
    for sql in statements:
        db.execute(sql)


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
    ("0016_double_entry", m0016_double_entry),
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
