"""Recorded counts and drawings of lots: append-only, a new count supersedes, none is changed."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime

from desktop.domain.model import CountFigures, LotsDrawing
from desktop.domain.records import StoredCount, StoredLots
from desktop.storage.connection import Connection


class Counts:
    """The counts of the night and the lots drawn for their ties."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def counts(self, contest_id: str) -> list[StoredCount]:
        """Every count recorded for the contest, first to latest; the latest stands."""
        rows = self._conn.db.rows(
            "SELECT * FROM counts WHERE contest_id = ? ORDER BY number", [contest_id]
        )
        return self._with_figures(contest_id, rows)

    def latest_count(self, contest_id: str) -> StoredCount | None:
        """The count that stands: the latest recorded, or None before any count.

        A "correction" recorded after the declaration (kept from before CountDesk stopped
        making them) never stands: the declared count does.
        """
        rows = self._conn.db.rows(
            "SELECT * FROM counts WHERE contest_id = ? AND kind != 'correction' "
            "ORDER BY number DESC LIMIT 1",
            [contest_id],
        )
        counts = self._with_figures(contest_id, rows)
        return counts[0] if counts else None

    def _with_figures(self, contest_id: str, rows: list[sqlite3.Row]) -> list[StoredCount]:
        """The counts of these rows, each with its votes and rejected papers (two more reads)."""
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        votes: dict[int, dict[int, int | None]] = {i: {} for i in ids}
        for count_id, candidate_id, n in self._conn.db.execute(
            f"SELECT count_id, candidate_id, votes FROM count_votes WHERE count_id IN ({marks}) "
            "ORDER BY count_id, candidate_id",
            ids,
        ):
            votes[count_id][candidate_id] = n
        rejected: dict[int, dict[str, int | None]] = {i: {} for i in ids}
        for count_id, heading, papers in self._conn.db.execute(
            f"SELECT count_id, heading, papers FROM count_rejected WHERE count_id IN ({marks}) "
            "ORDER BY count_id, heading",
            ids,
        ):
            rejected[count_id][heading] = papers
        return [
            StoredCount(
                id=r["id"],
                contest_id=contest_id,
                number=r["number"],
                recorded_at=datetime.fromisoformat(r["recorded_at"]),
                operator=r["operator"],
                figures=CountFigures(
                    votes=votes[r["id"]],
                    rejected=rejected[r["id"]],
                    rejected_total_entered=r["rejected_total_entered"],
                    valid_papers_counted=r["valid_papers_counted"],
                    recorded_before_papers_counted=not r["papers_counted_asked"],
                ),
                kind=r["kind"],
                request_id=r["request_id"],
                reason=r["reason"],
            )
            for r in rows
        ]

    def record_count(
        self,
        contest_id: str,
        figures: CountFigures,
        operator: str,
        kind: str = "count",
        request_id: int | None = None,
        reason: str = "",
    ) -> StoredCount:
        """Record a new count (the next number) with its audit row; earlier counts stay as they are.

        A count recorded here was asked for its valid ballot papers counted where it has several
        seats, so it is never read as one from before they were asked for.
        """
        figures = replace(figures, recorded_before_papers_counted=False)
        missing: list[int | str] = [cid for cid, v in figures.votes.items() if v is None]
        missing += [key for key, v in figures.rejected.items() if v is None]
        if missing:
            raise ValueError(f"a recorded count needs every figure: missing {missing}")
        at = self._conn.clock()
        with self._conn.transaction():
            number = self._conn.db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM counts WHERE contest_id = ?",
                [contest_id],
            ).fetchone()[0]
            count_id = self._conn.insert(
                "counts",
                {
                    "contest_id": contest_id,
                    "number": number,
                    "recorded_at": at.isoformat(),
                    "operator": operator,
                    "rejected_total_entered": figures.rejected_total_entered,
                    "valid_papers_counted": figures.valid_papers_counted,
                    "papers_counted_asked": 1,
                    "kind": kind,
                    "request_id": request_id,
                    "reason": reason,
                },
            )
            self._conn.insert_all(
                "count_votes",
                ("count_id", "candidate_id", "votes"),
                ((count_id, cid, v) for cid, v in figures.votes.items()),
            )
            self._conn.insert_all(
                "count_rejected",
                ("count_id", "heading", "papers"),
                ((count_id, key, v) for key, v in figures.rejected.items()),
            )
            self._conn.audit(
                operator,
                "record",
                "count",
                count_id,
                new={
                    "number": number,
                    "kind": kind,
                    "votes": {str(k): v for k, v in figures.votes.items()},
                    "rejected": dict(figures.rejected),
                    **(
                        {"valid_papers_counted": figures.valid_papers_counted}
                        if figures.valid_papers_counted is not None
                        else {}
                    ),
                    **({"reason": reason} if reason else {}),
                },
                contest_id=contest_id,
            )
        return StoredCount(
            count_id, contest_id, number, at, operator, figures, kind, request_id, reason
        )

    # -- lots ----------------------------------------------------------------------------

    def lots_for_count(self, count_id: int) -> StoredLots | None:
        """The latest drawing of lots recorded against a count, if any."""
        r = self._conn.db.row(
            "SELECT * FROM lots WHERE count_id = ? ORDER BY id DESC LIMIT 1", [count_id]
        )
        if r is None:
            return None
        return StoredLots(
            id=r["id"],
            count_id=r["count_id"],
            drawing=LotsDrawing(
                tied=frozenset(json.loads(r["tied"])),
                winners=frozenset(json.loads(r["winners"])),
                method=r["method"],
                witnesses=r["witnesses"],
            ),
            recorded_at=datetime.fromisoformat(r["recorded_at"]),
            operator=r["operator"],
        )

    def record_lots(
        self, contest_id: str, count_id: int, drawing: LotsDrawing, operator: str
    ) -> None:
        """Record a drawing of lots against a count, with its audit row."""
        row = {
            "contest_id": contest_id,
            "count_id": count_id,
            "tied": json.dumps(sorted(drawing.tied)),
            "winners": json.dumps(sorted(drawing.winners)),
            "method": drawing.method,
            "witnesses": drawing.witnesses,
            "recorded_at": self._conn.clock().isoformat(),
            "operator": operator,
        }
        with self._conn.transaction():
            lots_id = self._conn.insert("lots", row)
            self._conn.audit(
                operator,
                "record",
                "lots",
                lots_id,
                new={k: row[k] for k in ("count_id", "tied", "winners", "method", "witnesses")},
                contest_id=contest_id,
            )
