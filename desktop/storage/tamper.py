"""Checking the audit chain: the full check (``verify``) and the quick one made on opening.

The full check walks the audit log in order, recomputing each row's hash from the one before,
and replays the rows each audit row says it wrote; the state it ends with must be the data as
it stands, row for row. So an audit row changed, removed or added, and a data row changed,
removed or added without CountDesk, each show up at a known place. It also reports the marks
another program's writes left (``chain_pending``), the database's guards (triggers) changed
since the last seal, and whatever an earlier check found before a migration sealed the state.

The quick check reads a handful of rows: the marks, the guards, and the last audit row's link.
It catches a write made while the database's triggers were in place, and any trigger removed;
a change made by someone who also removed and then restored the triggers is found by the full
check, which ``countdesk-cli verify`` runs and every declaration runs first.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.proof import Problem, Verdict
from desktop.storage import chain

#: Each data table in plain words; a table this list does not know is named as it is.
LABELS = {
    "elections": "the election",
    "contests": "the contest's facts (electorate, status, officer…)",
    "candidates": "a candidate",
    "counts": "a count",
    "count_votes": "a candidate's votes in a count",
    "count_rejected": "rejected papers in a count",
    "lots": "the drawing of lots",
    "verification_lines": "a verification line (ballot box or postal batch)",
    "status_changes": "a change of status",
    "acknowledgements": "an acknowledgement of a warning",
    "recount_requests": "a recount request",
    "declarations": "a kept declaration (and its PDF)",
    "draft_votes": "a figure being keyed in",
    "draft_rejected": "a rejected-paper figure being keyed in",
    "drafts": "the mark of a recount being keyed in",
}

CHANGED = "changed outside CountDesk"
REMOVED = "removed outside CountDesk"
ADDED = "added outside CountDesk"

__all__ = ["Problem", "Verdict", "kept_row_problem", "quick_check", "record_ref", "verify"]


@dataclass
class _Walk:
    state: dict[tuple[str, str], tuple[str, int, str | None]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    triggers: dict[str, str] | None = None
    count: int = 0
    head: str = chain.GENESIS


def verify(conn: sqlite3.Connection, ref: str = "") -> Verdict:
    """The full check of a chained database; with ``ref``, also where that reference stands."""
    walk = _Walk()
    ref = ref.strip().lower().removesuffix("…")
    ref_row: int | None = None
    ref_at = ""
    columns = ", ".join([*chain.AUDIT_COLUMNS, "rows", "hash"])
    expected = 1
    previous = chain.GENESIS
    for record in conn.execute(f"SELECT {columns} FROM audit ORDER BY id"):
        audit_id, stored = record[0], record[-1]
        walk.count += 1
        if audit_id != expected:
            gone = f"{expected}" if audit_id == expected + 1 else f"{expected}–{audit_id - 1}"
            walk.problems.append(Problem(REMOVED, f"Audit row {gone}"))
        elif stored != chain.link(previous, record[:-2], record[-2]):
            kind = ADDED if stored is None else CHANGED
            walk.problems.append(Problem(kind, f"Audit row {audit_id}", record[4]))
        previous = stored or chain.GENESIS
        expected = audit_id + 1
        if ref and stored and stored.startswith(ref) and ref_row is None:
            ref_row, ref_at = audit_id, record[1]
        _replay(walk, record)
    walk.head = previous
    data_rows = _compare(conn, walk)
    _marks(conn, walk)
    _guards(conn, walk)
    later = 0
    if ref_row is not None:
        later = walk.count - ref_row
    elif ref:
        walk.problems.append(
            Problem(
                "not found",
                f"Record ref. {ref}",
                detail="no state of this database had that reference: either the record it was "
                "printed from was changed, or the reference is mistyped or from another database",
            )
        )
    return Verdict(tuple(walk.problems), walk.head, walk.count, data_rows, ref_row, ref_at, later)


def _replay(walk: _Walk, record: Iterable[Any]) -> None:
    audit_id, _at, _op, action, contest_id, _e, entity_id, _old, new, rows, _h = record
    try:
        written = json.loads(rows) if rows else []
    except ValueError:
        walk.problems.append(Problem(CHANGED, f"Audit row {audit_id}", contest_id))
        return
    if action == chain.SEAL:
        walk.state = {}
        try:
            sealed = json.loads(new or "{}")
        except ValueError:
            sealed = {}
        walk.triggers = sealed.get("triggers")
        for found in sealed.get("found", []):
            walk.problems.append(Problem("found before the upgrade " + str(entity_id), found))
    for table, key, row_digest in written:
        if row_digest is None:
            walk.state.pop((table, key), None)
        else:
            walk.state[(table, key)] = (row_digest, audit_id, contest_id)


def _compare(conn: sqlite3.Connection, walk: _Walk) -> int:
    """Every data row against the state the chain ends with; return how many rows were read."""
    seen = 0
    for table in chain.data_tables(conn):
        s = chain.shape(conn, table)
        sql = f'SELECT {s.key_sql()}, {s.row_sql()} FROM "{table}"'
        for key, row in conn.execute(sql):
            seen += 1
            recorded = walk.state.pop((table, key), None)
            if recorded is None:
                walk.problems.append(_row_problem(conn, s, key, ADDED))
            elif recorded[0] != chain.digest(row):
                walk.problems.append(
                    _row_problem(conn, s, key, CHANGED, f"recorded in audit row {recorded[1]}")
                )
    for (table, key), (_d, audit_id, contest_id) in sorted(walk.state.items()):
        where = f"{LABELS.get(table, f'a row of {table}')} [{table} {_key_words(conn, table, key)}]"
        walk.problems.append(
            Problem(REMOVED, where, contest_id, f"written in audit row {audit_id}")
        )
    return seen


def _marks(conn: sqlite3.Connection, walk: _Walk) -> None:
    """The marks another program's writes left, where the comparison did not already say."""
    named = {p.where for p in walk.problems}
    for problem in pending_problems(conn):
        if problem.where not in named and not any(n.startswith(problem.where) for n in named):
            walk.problems.append(problem)


def _guards(conn: sqlite3.Connection, walk: _Walk) -> None:
    if walk.triggers is not None:
        walk.problems.extend(guard_problems(conn, walk.triggers))


def guard_problems(conn: sqlite3.Connection, sealed: dict[str, str]) -> list[Problem]:
    """Triggers removed, changed or added since the seal that recorded ``sealed``."""
    now = chain.trigger_digests(conn)
    problems = []
    for name in sorted(set(sealed) | set(now)):
        if name not in now:
            problems.append(Problem(REMOVED, f"The database's guard {name}"))
        elif name not in sealed:
            problems.append(Problem(ADDED, f"A trigger {name}"))
        elif now[name] != sealed[name]:
            problems.append(Problem(CHANGED, f"The database's guard {name}"))
    return problems


def pending_problems(conn: sqlite3.Connection) -> list[Problem]:
    """One problem per row another program wrote while the database's triggers were in place."""
    problems: dict[str, Problem] = {}
    shapes: dict[str, chain.Shape] = {}
    marks = conn.execute(f"SELECT tbl, key, row FROM {chain.PENDING} ORDER BY seq").fetchall()
    for table, key, _row in marks:
        if table == "audit":
            where = f"Audit row {json.loads(key)[0]}"
            problems.setdefault(where, Problem(CHANGED + " (altered or removed)", where))
            continue
        if table not in shapes:
            try:
                shapes[table] = chain.shape(conn, table)
            except sqlite3.Error:
                continue
        problem = _row_problem(conn, shapes[table], key, "written by another program")
        problems.setdefault(problem.where, problem)
    return list(problems.values())


def _row_problem(
    conn: sqlite3.Connection, s: chain.Shape, key: str, kind: str, detail: str = ""
) -> Problem:
    where = f"{LABELS.get(s.name, f'a row of {s.name}')} [{s.name} {_key_words(conn, s.name, key)}]"
    row = _row(conn, s, key)
    if row is not None:
        now = ", ".join(
            f"{c} {len(v)} bytes" if isinstance(v, bytes) else f"{c} {v!r}"
            for c, v in row.items()
            if c not in s.key
        )
        detail = "; ".join(p for p in (detail, f"it now reads {now}" if now else "") if p)
        contest_id = _contest_of(conn, s.name, row)
    else:
        if kind != ADDED:
            detail = "; ".join(p for p in (detail, "it is no longer there") if p)
        contest_id = _written_for(conn, s.name, key)
    return Problem(kind, where, contest_id, detail)


def _written_for(conn: sqlite3.Connection, table: str, key: str) -> str | None:
    """The contest of the last audit row that wrote a row no longer there."""
    found = conn.execute(
        "SELECT a.contest_id FROM audit a, json_each(a.rows) j "
        "WHERE a.rows IS NOT NULL AND json_valid(a.rows) AND a.action != ? "
        "AND json_extract(j.value, '$[0]') = ? AND json_extract(j.value, '$[1]') = ? "
        "ORDER BY a.id DESC LIMIT 1",
        [chain.SEAL, table, key],
    ).fetchone()
    return found[0] if found else None


def _key_words(conn: sqlite3.Connection, table: str, key: str) -> str:
    try:
        values = json.loads(key)
    except ValueError:
        return key
    columns = chain.shape(conn, table).key if table in chain.data_tables(conn) else ()
    if len(columns) != len(values):
        return ", ".join(map(str, values))
    return ", ".join(f"{c} {v}" for c, v in zip(columns, values, strict=True))


def _row(conn: sqlite3.Connection, s: chain.Shape, key: str) -> dict[str, Any] | None:
    cursor = conn.execute(f'SELECT * FROM "{s.name}" WHERE {s.key_sql()} = ?', [key])
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def _contest_of(
    conn: sqlite3.Connection, table: str, row: dict[str, Any] | None, depth: int = 0
) -> str | None:
    """The contest a row belongs to: its contest_id, or through the rows it refers to."""
    if row is None or depth > 3:
        return None
    if table == "contests":
        return str(row.get("id"))
    if row.get("contest_id") is not None:
        return str(row["contest_id"])
    refs = conn.execute(f'SELECT "table", "from", "to" FROM pragma_foreign_key_list(\'{table}\')')
    for target, column, to in refs.fetchall():
        value = row.get(column)
        if value is None:
            continue
        cursor = conn.execute(f'SELECT * FROM "{target}" WHERE "{to or "rowid"}" = ?', [value])
        parent = cursor.fetchone()
        if parent is not None:
            names = [d[0] for d in cursor.description]
            found = _contest_of(conn, target, dict(zip(names, parent, strict=True)), depth + 1)
            if found:
                return found
    return None


def quick_check(conn: sqlite3.Connection) -> list[Problem]:
    """The check made on opening: marks left by other programs, the guards, the chain's head."""
    if not chain.is_chained(conn):
        return []
    problems = pending_problems(conn)
    sealed = conn.execute(
        f"SELECT new FROM audit WHERE action = '{chain.SEAL}' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if sealed is None:
        problems.append(Problem(REMOVED, "The seal of the record's starting point"))
    else:
        try:
            problems.extend(guard_problems(conn, json.loads(sealed[0])["triggers"]))
        except (ValueError, KeyError, TypeError):
            problems.append(Problem(CHANGED, "The seal of the record's starting point"))
    columns = ", ".join([*chain.AUDIT_COLUMNS, "rows", "hash"])
    last = conn.execute(f"SELECT {columns} FROM audit ORDER BY id DESC LIMIT 2").fetchall()
    total = conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    if last and last[0][0] != total:
        problems.append(Problem(REMOVED, "Audit rows", detail=f"{last[0][0] - total} missing"))
    if last:
        before = last[1][-1] if len(last) > 1 else chain.GENESIS
        if last[0][-1] != chain.link(before or chain.GENESIS, last[0][:-2], last[0][-2]):
            problems.append(Problem(CHANGED, f"Audit row {last[0][0]}", last[0][4]))
    return problems


def record_ref(conn: sqlite3.Connection) -> str:
    """The reference printed on documents: the first 12 hex digits of the chain's head."""
    if not chain.is_chained(conn):
        return ""
    return chain.head(conn)[1][:12]


def kept_row_problem(
    conn: sqlite3.Connection, table: str, row_id: int, contest_id: str
) -> Problem | None:
    """Whether one row (e.g. a kept declaration) is as the audit row that wrote it recorded.

    Reads only the contest's audit rows: the last that wrote the row, and the one before it for
    its link.
    """
    s = chain.shape(conn, table)
    key = json.dumps([row_id])
    found = conn.execute(
        f'SELECT {s.row_sql()} FROM "{table}" WHERE {s.key_sql()} = ?', [key]
    ).fetchone()
    columns = ", ".join([*chain.AUDIT_COLUMNS, "rows", "hash"])
    for record in conn.execute(
        f"SELECT {columns} FROM audit WHERE contest_id = ? AND rows IS NOT NULL ORDER BY id DESC",
        [contest_id],
    ).fetchall():
        try:
            written = {(t, k): d for t, k, d in json.loads(record[-2])}
        except (ValueError, TypeError):
            return Problem(CHANGED, f"Audit row {record[0]}", contest_id)
        if (table, key) not in written:
            continue
        before = conn.execute("SELECT hash FROM audit WHERE id = ?", [record[0] - 1]).fetchone()
        link = chain.link(before[0] if before else chain.GENESIS, record[:-2], record[-2])
        if record[-1] != link:
            return Problem(CHANGED, f"Audit row {record[0]}", contest_id)
        if found is None or written[(table, key)] != chain.digest(found[0]):
            return _row_problem(conn, s, key, CHANGED, f"recorded in audit row {record[0]}")
        return None
    return _row_problem(conn, s, key, ADDED)
