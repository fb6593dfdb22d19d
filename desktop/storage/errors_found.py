"""Errors found after the declaration: append-only, each with every figure as now found."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.model import CountFigures
from desktop.storage.connection import Connection


class ErrorsFound:
    """The errors recorded after a contest's declaration; none is changed or removed."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add_error_found(
        self,
        contest_id: str,
        declaration_id: int,
        operator: str,
        *,
        found_by: str,
        reason: str,
        found: CountFigures,
    ) -> ErrorFound:
        """Record an error found after the declaration, with its figures and audit row."""
        at = self._conn.clock()
        with self._conn.transaction():
            error_id = self._conn.insert(
                "errors_found",
                {
                    "contest_id": contest_id,
                    "declaration_id": declaration_id,
                    "found_by": found_by,
                    "reason": reason,
                    "recorded_at": at.isoformat(),
                    "operator": operator,
                },
            )
            self._conn.insert_all(
                "error_found_votes",
                ("error_id", "candidate_id", "votes"),
                ((error_id, cid, v) for cid, v in found.votes.items()),
            )
            self._conn.insert_all(
                "error_found_rejected",
                ("error_id", "heading", "papers"),
                ((error_id, key, v) for key, v in found.rejected.items()),
            )
            self._conn.audit(
                operator,
                "record error found",
                "error_found",
                error_id,
                new={
                    "declaration_id": declaration_id,
                    "found_by": found_by,
                    "reason": reason,
                    "votes": {str(k): v for k, v in found.votes.items()},
                    "rejected": dict(found.rejected),
                },
                contest_id=contest_id,
            )
        return next(e for e in self.errors_found(contest_id) if e.id == error_id)

    def errors_found(self, contest_id: str) -> list[ErrorFound]:
        """Every error found after the contest's declaration, oldest first."""
        rows = self._conn.db.rows(
            "SELECT * FROM errors_found WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        votes: dict[int, dict[int, int | None]] = {i: {} for i in ids}
        for error_id, candidate_id, n in self._conn.db.execute(
            f"SELECT error_id, candidate_id, votes FROM error_found_votes "
            f"WHERE error_id IN ({marks}) ORDER BY error_id, candidate_id",
            ids,
        ):
            votes[error_id][candidate_id] = n
        rejected: dict[int, dict[str, int | None]] = {i: {} for i in ids}
        for error_id, heading, papers in self._conn.db.execute(
            f"SELECT error_id, heading, papers FROM error_found_rejected "
            f"WHERE error_id IN ({marks}) ORDER BY error_id, heading",
            ids,
        ):
            rejected[error_id][heading] = papers
        return [
            ErrorFound(
                id=r["id"],
                contest_id=r["contest_id"],
                declaration_id=r["declaration_id"],
                found_by=r["found_by"],
                reason=r["reason"],
                found=CountFigures(votes=votes[r["id"]], rejected=rejected[r["id"]]),
                recorded_at=datetime.fromisoformat(r["recorded_at"]),
                operator=r["operator"],
            )
            for r in rows
        ]
