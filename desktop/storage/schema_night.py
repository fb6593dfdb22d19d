"""The schema added for the law and the proof (migrations 0007 onwards): errors found after the
declaration, ballot-paper names, ballot paper accounts, kinds of contest, the audit chain,
settings, papers counted and notices of uncontested election. Never edited once shipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.storage import chain

if TYPE_CHECKING:
    from sqlite_utils import Database


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


def m0014_uncontested_notices(db: Database) -> None:
    """The notice of uncontested election, kept as given (DOMAIN.md §3, step 1).

    A contest with no more candidates than seats has no poll and no count, so its notice is not
    a declaration of result (a declaration belongs to a count): it has a table of its own, one
    row per contest, append-only like the declarations. The database refuses a notice for a
    contest already declared, or one with a count or a declaration of result of poll.
    """
    statements = [
        """CREATE TABLE uncontested_notices (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL UNIQUE REFERENCES contests(id),
            declared_at TEXT NOT NULL,
            operator TEXT NOT NULL,
            officer TEXT NOT NULL CHECK (trim(officer) != ''),
            data_ref TEXT NOT NULL,
            pdf BLOB NOT NULL
        )""",
        """CREATE TRIGGER uncontested_notices_declared_insert BEFORE INSERT ON uncontested_notices
        WHEN (SELECT status FROM contests WHERE id = NEW.contest_id) = 'declared'
        BEGIN SELECT RAISE(ABORT, 'the contest is declared: its figures are locked'); END""",
        """CREATE TRIGGER uncontested_notices_no_poll BEFORE INSERT ON uncontested_notices
        WHEN EXISTS (SELECT 1 FROM counts WHERE contest_id = NEW.contest_id)
            OR EXISTS (SELECT 1 FROM declarations WHERE contest_id = NEW.contest_id)
        BEGIN SELECT RAISE(ABORT, 'a contest that was counted is declared, not uncontested'); END""",
    ]
    for event in ("UPDATE", "DELETE"):
        statements.append(
            f"""CREATE TRIGGER uncontested_notices_no_{event.lower()} BEFORE {event}
            ON uncontested_notices
            BEGIN SELECT RAISE(ABORT, 'uncontested_notices rows are never changed or removed');
            END"""
        )
    for sql in statements:
        db.execute(sql)
