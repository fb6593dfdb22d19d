"""The connection every repository shares: the clock, transactions and the audit row.

Writes start with ``BEGIN IMMEDIATE``: the write lock is taken at once, so a database another
program holds makes the write wait (up to the busy timeout) and then refuse in plain words,
instead of failing half way. Nested transactions are savepoints.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import Table

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.storage.conditions import database_file, storage_error

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def as_json(value: Any) -> str | None:
    """A value as canonical JSON for the audit log (None stays NULL)."""
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


class Connection:
    """One open CountDesk database: its clock, its transactions, and the audit row writer."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def table(self, name: str) -> Table:
        """A table of the database (never a view)."""
        return self.db.table(name)

    def insert(self, table: str, row: Mapping[str, Any]) -> int:
        """Insert one row and return its integer key (every table with an id has one)."""
        rowid = self.table(table).insert(dict(row)).last_rowid
        if rowid is None:  # pragma: no cover - sqlite3 always reports the row inserted
            raise RuntimeError(f"no row id after inserting into {table}")
        return rowid

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
                with self.db.atomic():
                    yield
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
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
        except sqlite3.IntegrityError as exc:
            if "the contest is declared" in str(exc):
                raise CountDeskError(
                    "The contest was declared while this change was being made: its figures "
                    "are locked, and nothing was saved.",
                    Code.S802,
                ) from None
            raise
        except sqlite3.OperationalError as exc:
            plain = storage_error(exc, database_file(conn))
            if plain is None:
                raise
            raise plain from None

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
        """Append one row to the audit log (call inside the write's transaction)."""
        self.table("audit").insert(
            {
                "at": self.clock().isoformat(),
                "operator": operator,
                "action": action,
                "contest_id": contest_id,
                "entity": entity,
                "entity_id": str(entity_id),
                "old": as_json(old),
                "new": as_json(new),
            }
        )

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
        with self.transaction():
            current = self.table(table).get(key)
            old = {k: current[k] for k in changes if current[k] != changes[k]}
            if not old:
                return
            new = {k: changes[k] for k in old}
            self.table(table).update(key, new)
            self.audit(operator, "update", entity, key, old=old, new=new, contest_id=contest_id)
