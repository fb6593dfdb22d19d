"""The verification: each ballot box and postal batch, its account and the papers counted."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.domain.verification import BoxKind, VerificationLine
from desktop.storage.connection import Connection, key_where

_LINE_COLUMNS = (
    "contest_id",
    "reference",
    "position",
    "name",
    "kind",
    "issued",
    "counted",
    "explanation",
    "unused",
    "spoilt",
    "tendered",
)


class Verification:
    """The ballot boxes and postal batches of each contest."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- verification --------------------------------------------------------------------

    def verification(self, contest_id: str) -> list[VerificationLine]:
        """The contest's ballot boxes and postal batches, in the order they were listed."""
        rows = self._conn.db.rows(
            "SELECT * FROM verification_lines WHERE contest_id = ? ORDER BY position", [contest_id]
        )
        return [
            VerificationLine(
                reference=r["reference"],
                name=r["name"],
                kind=BoxKind(r["kind"]),
                issued=r["issued"],
                counted=r["counted"],
                explanation=r["explanation"],
                unused=r["unused"],
                spoilt=r["spoilt"],
                tendered=r["tendered"],
            )
            for r in rows
        ]

    def shared_references(self, poll_date: date | None = None) -> list[tuple[date, str, str]]:
        """(poll date, contest id, reference) of every box whose reference is listed for more
        than one contest of the same day (of one day, if given): combined polls' shared boxes."""
        day, params = ("AND c.poll_date = ?", [poll_date.isoformat()]) if poll_date else ("", [])
        rows = self._conn.db.execute(
            f"""SELECT c.poll_date, v.contest_id, v.reference
                FROM verification_lines v JOIN contests c ON c.id = v.contest_id
                WHERE (c.poll_date, v.reference) IN (
                    SELECT c2.poll_date, v2.reference
                    FROM verification_lines v2 JOIN contests c2 ON c2.id = v2.contest_id
                    GROUP BY c2.poll_date, v2.reference
                    HAVING COUNT(DISTINCT v2.contest_id) > 1
                ) {day}
                ORDER BY c.poll_date, v.contest_id, v.position""",
            params,
        ).fetchall()
        return [(date.fromisoformat(r[0]), r[1], r[2]) for r in rows]

    def references_of_election(self, election_id: str) -> dict[str, str]:
        """Each box reference listed for a contest of the election, and that contest's id."""
        rows = self._conn.db.execute(
            """SELECT v.reference, v.contest_id
               FROM verification_lines v JOIN contests c ON c.id = v.contest_id
               WHERE c.election_id = ?""",
            [election_id],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def add_verification_lines(
        self, contest_id: str, lines: list[VerificationLine], operator: str
    ) -> None:
        """Add boxes and batches after those already listed, with one audit row."""
        with self._conn.transaction():
            start = self._conn.db.execute(
                "SELECT COALESCE(MAX(position), 0) FROM verification_lines WHERE contest_id = ?",
                [contest_id],
            ).fetchone()[0]
            self._conn.insert_all(
                "verification_lines",
                _LINE_COLUMNS,
                (
                    (
                        contest_id,
                        line.reference,
                        start + i,
                        line.name,
                        line.kind.value,
                        line.issued,
                        line.counted,
                        line.explanation,
                        line.unused,
                        line.spoilt,
                        line.tendered,
                    )
                    for i, line in enumerate(lines, start=1)
                ),
            )
            self._conn.audit(
                operator,
                "import",
                "verification",
                contest_id,
                new=[
                    [x.reference, x.name, x.kind.value, x.issued]
                    + (
                        [x.unused, x.spoilt, x.tendered]
                        if any(v is not None for v in (x.unused, x.spoilt, x.tendered))
                        else []
                    )
                    for x in lines
                ],
                contest_id=contest_id,
            )

    def update_verification_line(
        self, contest_id: str, reference: str, changes: Mapping[str, Any], operator: str
    ) -> None:
        """Change a box's counted figure, explanation, name, kind or papers issued, with an audit
        row of old → new."""
        self._conn.update(
            "verification_lines",
            "verification",
            (contest_id, reference),
            changes,
            ("counted", "explanation", "name", "kind", "issued"),
            operator,
            contest_id,
        )

    def remove_verification_line(self, contest_id: str, reference: str, operator: str) -> None:
        """Remove a box or batch listed by mistake, with an audit row keeping the line removed."""
        key = (contest_id, reference)
        with self._conn.transaction():
            where, params = key_where("verification_lines", key)
            found = self._conn.db.row(f"SELECT * FROM verification_lines WHERE {where}", params)
            if found is None:
                raise LookupError(f"no verification line {key!r}")
            old = dict(found)
            self._conn.db.execute(f"DELETE FROM verification_lines WHERE {where}", params)
            self._conn.audit(
                operator, "delete", "verification", key, old=old, contest_id=contest_id
            )
