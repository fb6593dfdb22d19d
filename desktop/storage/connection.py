"""The connection every repository shares: plain SQL, the clock, transactions and the audit row.

Reads and writes are parameterised SQL on the stdlib ``sqlite3`` connection; rows come back as
``sqlite3.Row`` and each repository turns them into the domain's frozen records.

Writes start with ``BEGIN IMMEDIATE``: the write lock is taken at once, so a database another
program holds makes the write wait (up to the busy timeout) and then refuse in plain words,
instead of failing half way. A transaction opened inside another is a savepoint.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.storage import chain
from desktop.storage.conditions import database_file, storage_error

Clock = Callable[[], datetime]
Params = Sequence[Any]

#: Tables whose key is not the single column ``id``.
_KEYS: dict[str, tuple[str, ...]] = {"verification_lines": ("contest_id", "reference")}


def utc_now() -> datetime:
    """Now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def as_json(value: Any) -> str | None:
    """A value as canonical JSON for the audit log (None stays NULL)."""
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


class Database:
    """One open SQLite connection (``conn``) with the few helpers every reader shares."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one statement and return its cursor (rows as tuples)."""
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> sqlite3.Cursor:
        """Run one statement for each row of parameters."""
        return self.conn.executemany(sql, rows)

    def rows(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Every row of one query, each readable by column name."""
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def row(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """The first row of one query, or None."""
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchone()

    def query(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """Each row of one query as a dict (for tests and tools; repositories use ``rows``)."""
        return (dict(r) for r in self.rows(sql, params))

    def table_names(self) -> list[str]:
        """The names of the tables in the database."""
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def insert_sql(table: str, columns: Iterable[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)`` for columns named in code, never by users."""
    names = list(columns)
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


class Connection:
    """One open CountDesk database: its clock, its transactions, and the audit row writer."""

    def __init__(
        self, db: Database, clock: Clock = utc_now, *, chained: bool | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self._savepoints = 0
        self._memo: dict[tuple[str, str], Any] | None = None
        # Whether audit rows are chained (None: not yet looked at; False for the migrations).
        self._chained = chained
        # In a chained write transaction: the marks in chain_pending before it began, the
        # chain's head, and the audit rows to append as it commits.
        self._floor = 0
        self._head: tuple[int, str] = (0, chain.GENESIS)
        self._queued: list[list[Any]] = []

    @property
    def memo(self) -> dict[tuple[str, str], Any] | None:
        """Reads kept for the rest of this write transaction, or None outside one.

        While the transaction holds the write lock only this connection changes the database,
        so a repository may keep what it read and update it as it writes; anything else that
        writes what it keeps must ``forget`` it. Emptied when the transaction or a savepoint
        in it is rolled back, and dropped as the transaction ends.
        """
        return self._memo

    def forget(self) -> None:
        """Drop every read kept for this transaction (after a write the keeper did not make)."""
        if self._memo is not None:
            self._memo.clear()

    def insert(self, table: str, row: Mapping[str, Any]) -> int:
        """Insert one row and return its integer key (every table with an id has one)."""
        rowid = self.db.execute(insert_sql(table, row), list(row.values())).lastrowid
        if rowid is None:  # pragma: no cover - sqlite3 always reports the row inserted
            raise RuntimeError(f"no row id after inserting into {table}")
        return rowid

    def insert_all(self, table: str, columns: Sequence[str], rows: Iterable[Params]) -> None:
        """Insert many rows of the same columns with one prepared statement."""
        self.db.executemany(insert_sql(table, columns), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (nested calls use savepoints); rolled back whole on any exception.

        The database's own lock on a declared contest surfaces as CountDeskError (S802); a
        database held by another program, read-only or on a full disk as StorageError. In each
        case nothing is saved.
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self._savepoint(conn):
                    yield
                return
            conn.execute("BEGIN IMMEDIATE")
            self._memo = {}
            self._queued = []
            try:
                try:
                    self._begin_chain(conn)
                    yield
                    self._end_chain(conn)
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            finally:
                self._memo = None
                self._queued = []
        except sqlite3.IntegrityError as exc:
            if "the contest is declared" in str(exc):
                raise CountDeskError(
                    "The contest was declared while this change was being made: its figures "
                    "are locked, and nothing was saved.",
                    Code.S802,
                ) from None
            if "a declared result is final" in str(exc):
                raise CountDeskError(
                    "A declared result is final: no correction or second declaration can be "
                    "made, and nothing was saved. Record the error found after the declaration "
                    "instead.",
                    Code.S802,
                ) from None
            if "only after the declaration" in str(exc):
                raise CountDeskError(
                    "The contest is not declared: change the figures through the count; "
                    "nothing was saved.",
                    Code.S801,
                ) from None
            raise
        except sqlite3.OperationalError as exc:
            plain = storage_error(exc, database_file(conn))
            if plain is None:
                raise
            raise plain from None

    @contextmanager
    def _savepoint(self, conn: sqlite3.Connection) -> Iterator[None]:
        # Only where one transaction really opens inside another: the inner one can then be
        # undone alone, should its caller go on after the error.
        self._savepoints += 1
        name = f"countdesk_{self._savepoints}"
        queued = len(self._queued)
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.forget()
            del self._queued[queued:]
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        else:
            conn.execute(f"RELEASE {name}")
        finally:
            self._savepoints -= 1

    def audit(
        self,
        operator: str,
        action: str,
        entity: str,
        entity_id: object,
        old: Any = None,
        new: Any = None,
        contest_id: str | None = None,
    ) -> None:
        """Append one row to the audit log (call inside the write's transaction).

        In a chained database the row is appended, hashed, as the transaction commits, with the
        digests of the rows the transaction wrote in its last audit row.
        """
        fields = [
            self.clock().isoformat(),
            operator,
            action,
            contest_id,
            entity,
            str(entity_id),
            as_json(old),
            as_json(new),
        ]
        if self.db.conn.in_transaction and self._is_chained(self.db.conn):
            self._queued.append(fields)
            return
        self.db.execute(
            "INSERT INTO audit (at, operator, action, contest_id, entity, entity_id, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            fields,
        )

    def _is_chained(self, conn: sqlite3.Connection) -> bool:
        if self._chained is None:
            self._chained = chain.is_chained(conn)
        return self._chained

    def _begin_chain(self, conn: sqlite3.Connection) -> None:
        # Marks already there were left by another program: they are never taken as this
        # transaction's own (the check on opening and verify report them).
        if not self._is_chained(conn):
            return
        floor, last_id, last_hash = conn.execute(
            f"SELECT (SELECT COALESCE(MAX(seq), 0) FROM {chain.PENDING}), "
            "(SELECT COALESCE(MAX(id), 0) FROM audit), "
            "(SELECT hash FROM audit ORDER BY id DESC LIMIT 1)"
        ).fetchone()
        self._floor = floor
        self._head = (last_id, last_hash or chain.GENESIS)

    def _end_chain(self, conn: sqlite3.Connection) -> None:
        """Hash the rows this transaction wrote into its audit rows, and append them."""
        if not self._is_chained(conn):
            return
        marks = conn.execute(
            f"DELETE FROM {chain.PENDING} WHERE seq > ? AND tbl != 'audit' "
            "RETURNING seq, tbl, key, row",
            [self._floor],
        ).fetchall()
        if not marks and not self._queued:
            return
        if not self._queued:  # rows written with no audit row of their own
            self._queued.append(
                [self.clock().isoformat(), "CountDesk", "write", None, "data", "", None, None]
            )
        rows = [[*fields, None] for fields in self._queued]
        if marks:
            rows[-1][-1] = json.dumps(
                chain.written(marks), ensure_ascii=False, separators=(",", ":")
            )
        self._head = chain.append(conn, self._head, rows)
        self._queued = []

    def update(
        self,
        table: str,
        entity: str,
        key: str | int | tuple[str, str],
        changes: Mapping[str, Any],
        allowed: tuple[str, ...],
        operator: str,
        contest_id: str | None = None,
    ) -> None:
        """Change allowed columns of one row, with an audit row of old → new for what changed."""
        unknown = set(changes) - set(allowed)
        if unknown:
            raise ValueError(f"not a {entity} field: {sorted(unknown)}")
        where, params = key_where(table, key)
        with self.transaction():
            current = self.db.row(f"SELECT * FROM {table} WHERE {where}", params)
            if current is None:
                raise LookupError(f"no {entity} {key!r}")
            old = {k: current[k] for k in changes if current[k] != changes[k]}
            if not old:
                return
            new = {k: changes[k] for k in old}
            assignments = ", ".join(f"{k} = ?" for k in new)
            self.db.execute(
                f"UPDATE {table} SET {assignments} WHERE {where}", [*new.values(), *params]
            )
            self.audit(operator, "update", entity, key, old=old, new=new, contest_id=contest_id)


def key_where(table: str, key: str | int | tuple[str, ...]) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters picking one row of ``table`` by its key."""
    columns = _KEYS.get(table, ("id",))
    values = list(key) if isinstance(key, tuple) else [key]
    return " AND ".join(f"{c} = ?" for c in columns), values
