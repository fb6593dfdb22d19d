"""The schema of the first releases (migrations 0001–0006): contests, candidates, counts, the
night's records and the locks on a declared contest. Never edited once shipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


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
