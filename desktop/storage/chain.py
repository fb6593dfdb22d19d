"""The audit chain: every audit row hashed to the one before it, over what it wrote.

Every data table (every table of the schema but SQLite's own, ``audit``, ``migrations`` and the
chain's ``chain_pending``) carries three capture triggers, made from the schema itself: each row
inserted, changed or removed leaves its key and its canonical form (every column through
SQLite's ``quote()``, so text, numbers, NULL and the bytes of a kept PDF each read one way) in
``chain_pending``. A CountDesk write transaction takes what it left there just before it commits
and hashes a digest of each row into its audit rows; a write made with any other program leaves
its marks behind, which is what the check on opening looks for. Tables added by later
migrations are covered by ``install``, which the migration runner calls after every migration.

The hash of audit row *n* is SHA-256 of row *n − 1*'s hash and the canonical JSON of row *n*
(its id, time, operator, action, contest, entity, old, new and the rows it wrote).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: The chain's own bookkeeping: the rows written and not yet hashed into an audit row.
PENDING = "chain_pending"
#: Tables that are not data: the chain itself and the record of migrations.
NOT_DATA = frozenset({"audit", "migrations", PENDING})
#: The hash before the first audit row.
GENESIS = "0" * 64
#: What a seal's audit row is: the whole state taken as the chain's new starting point.
SEAL = "seal"

AUDIT_COLUMNS = (
    "id",
    "at",
    "operator",
    "action",
    "contest_id",
    "entity",
    "entity_id",
    "old",
    "new",
)


@dataclass(frozen=True)
class Shape:
    """A data table as the chain reads it: its columns and the columns of its key."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]

    def key_sql(self, ref: str = "") -> str:
        """SQL giving a row's key as a JSON array (``ref`` is "NEW." or "OLD." in a trigger)."""
        return "json_array(" + ", ".join(f"{ref}{_q(c)}" for c in self.key) + ")"

    def row_sql(self, ref: str = "") -> str:
        """SQL giving a row's canonical form: every column quoted as an SQL literal, in order."""
        return " || ',' || ".join(f"quote({ref}{_q(c)})" for c in self.columns)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def data_tables(conn: sqlite3.Connection) -> list[str]:
    """Every data table of the schema, by name: all but SQLite's own and the chain's."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [
        name
        for name, sql in rows
        if name not in NOT_DATA and not (sql or "").upper().startswith("CREATE VIRTUAL")
    ]


def shape(conn: sqlite3.Connection, table: str) -> Shape:
    """The columns of ``table`` and its key (its primary key, else its rowid)."""
    info = conn.execute(f"SELECT name, pk FROM pragma_table_info({_literal(table)})").fetchall()
    columns = tuple(name for name, _ in info)
    key = tuple(name for name, pk in sorted(info, key=lambda r: r[1]) if pk > 0)
    return Shape(table, columns, key or ("rowid",))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def capture_triggers(table: Shape) -> dict[str, str]:
    """The three triggers that leave each written row of ``table`` in ``chain_pending``."""
    name = _literal(table.name)
    insert = f"INSERT INTO {PENDING} (tbl, key, row) VALUES "
    new = f"({name}, {table.key_sql('NEW.')}, {table.row_sql('NEW.')})"
    gone = f"({name}, {table.key_sql('OLD.')}, NULL)"
    bodies = {
        "insert": insert + new,
        # The old key first, then the new row: a key that did not change ends as the new row.
        "update": insert + gone + ", " + new,
        "delete": insert + gone,
    }
    return {
        f"chain_{table.name}_{event}": (
            f"CREATE TRIGGER {_q(f'chain_{table.name}_{event}')} AFTER {event.upper()} ON "
            f"{_q(table.name)} BEGIN {body}; END"
        )
        for event, body in bodies.items()
    }


def _audit_triggers() -> dict[str, str]:
    # CountDesk never changes or removes an audit row: these only fire for another program
    # that has first removed the audit log's own guard.
    return {
        f"chain_audit_{event}": (
            f"CREATE TRIGGER chain_audit_{event} AFTER {event.upper()} ON audit BEGIN "
            f"INSERT INTO {PENDING} (tbl, key, row) VALUES ('audit', json_array(OLD.id), NULL); END"
        )
        for event in ("update", "delete")
    }


def expected_triggers(conn: sqlite3.Connection) -> dict[str, str]:
    """Every capture trigger the schema as it stands should have, by name."""
    wanted = _audit_triggers()
    for table in data_tables(conn):
        wanted.update(capture_triggers(shape(conn, table)))
    return wanted


def install(conn: sqlite3.Connection) -> None:
    """Give every data table its capture triggers, made again for a table whose columns changed.

    Call inside a transaction; does nothing to a database without the chain (before m0011).
    """
    if not is_chained(conn):
        return
    present = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'chain%'"
        )
    )
    wanted = expected_triggers(conn)
    for name, sql in list(present.items()):
        if name.startswith("chain_") and wanted.get(name) != sql:
            conn.execute(f"DROP TRIGGER {_q(name)}")
            present.pop(name, None)
    for name, sql in wanted.items():
        if name not in present or present[name] != sql:
            conn.execute(sql)


def is_chained(conn: sqlite3.Connection) -> bool:
    """Whether the database has the chain (migration 0011 applied)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [PENDING]
    ).fetchone()
    return found is not None


def trigger_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """Each trigger of the schema (the guards and the capture triggers) with a digest of its SQL."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    return {name: digest(sql or "") for name, sql in rows}


def digest(text: str) -> str:
    """SHA-256 of ``text`` as 64 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def written(pending: Iterable[Sequence[Any]]) -> list[list[str | None]]:
    """The rows a transaction wrote, from its ``(seq, tbl, key, row)`` marks, as the chain keeps
    them: ``[table, key, digest of the row as it now stands]`` (None: removed), sorted."""
    last: dict[tuple[str, str], str | None] = {}
    for _seq, table, key, row in sorted(pending, key=lambda p: p[0]):
        last[(table, key)] = None if row is None else digest(row)
    return [[t, k, d] for (t, k), d in sorted(last.items())]


def link(previous: str, fields: Sequence[Any], rows: str | None) -> str:
    """The hash of one audit row: its predecessor's hash and its own canonical form."""
    canonical = json.dumps([*fields, rows], ensure_ascii=False, separators=(",", ":"))
    return digest(previous + "\n" + canonical)


def snapshot(conn: sqlite3.Connection) -> list[list[str | None]]:
    """Every data row as ``[table, key, digest]``, sorted: the whole state, for a seal."""
    state: list[list[str | None]] = []
    for table in data_tables(conn):
        s = shape(conn, table)
        for key, row in conn.execute(f"SELECT {s.key_sql()}, {s.row_sql()} FROM {_q(table)}"):
            state.append([table, key, digest(row)])
    state.sort(key=lambda r: (r[0] or "", r[1] or ""))
    return state


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    """The last audit row's id and hash (0 and the genesis hash for an empty log)."""
    found = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    if found is None:
        return 0, GENESIS
    return found[0], found[1] or GENESIS


def append(
    conn: sqlite3.Connection, start: tuple[int, str], rows: Sequence[Sequence[Any]]
) -> tuple[int, str]:
    """Insert audit rows (each the AUDIT_COLUMNS but id, then its written rows' JSON) after
    ``start``; return the new head."""
    last_id, last_hash = start
    values = []
    for row in rows:
        *fields, written_rows = row
        last_id += 1
        last_hash = link(last_hash, [last_id, *fields], written_rows)
        values.append([last_id, *fields, written_rows, last_hash])
    conn.executemany(
        f"INSERT INTO audit ({', '.join(AUDIT_COLUMNS)}, rows, hash) "
        f"VALUES ({', '.join('?' * (len(AUDIT_COLUMNS) + 2))})",
        values,
    )
    return last_id, last_hash


def seal(conn: sqlite3.Connection, at: str, reason: str, found: Sequence[str] = ()) -> None:
    """Append a seal: the whole state as the chain's new starting point (inside a transaction).

    Made when the schema changes (a migration), since a row's canonical form follows its
    table's columns. ``found`` keeps what a full check found before, so nothing is forgotten.
    """
    conn.execute(f"DELETE FROM {PENDING}")
    new = {"triggers": trigger_digests(conn), "found": list(found)}
    state = json.dumps(snapshot(conn), ensure_ascii=False, separators=(",", ":"))
    fields = [at, "CountDesk", SEAL, None, "database", reason, None, _json(new), state]
    append(conn, head(conn), [fields])


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
