"""The previous result of a contest's seat (for the press summary), and each candidate's party
as imported: read as the domain's records; replaced whole, with its audit row."""

from __future__ import annotations

from datetime import date

from desktop.domain.parties import PartyRef
from desktop.domain.press import PreviousCandidate, PreviousResult
from desktop.storage.connection import Connection


class PreviousResults:
    """Previous results by contest, and candidates' parties."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def previous_result(self, contest_id: str) -> PreviousResult | None:
        """The previous result imported for this contest, or None."""
        row = self._conn.db.row("SELECT * FROM previous_results WHERE contest_id = ?", [contest_id])
        if row is None:
            return None
        rows = self._conn.db.rows(
            "SELECT * FROM previous_candidates WHERE contest_id = ? ORDER BY position", [contest_id]
        )
        return PreviousResult(
            contest_id=contest_id,
            election_id=row["election_id"],
            ballot_id=row["ballot_id"],
            poll_date=date.fromisoformat(row["poll_date"]),
            seats=row["seats"],
            source=row["source"],
            candidates=tuple(
                PreviousCandidate(
                    r["person_name"],
                    PartyRef(r["party_id"], r["party_name"], r["person_name"]),
                    r["votes"],
                    bool(r["elected"]),
                )
                for r in rows
            ),
        )

    def set_previous_result(self, previous: PreviousResult, operator: str) -> None:
        """Store ``previous`` for its contest, replacing any there, with one audit row old → new."""
        contest_id = previous.contest_id
        with self._conn.transaction():
            before = self.previous_result(contest_id)
            self._conn.db.execute(
                "DELETE FROM previous_candidates WHERE contest_id = ?", [contest_id]
            )
            self._conn.db.execute("DELETE FROM previous_results WHERE contest_id = ?", [contest_id])
            self._conn.forget()
            self._conn.insert(
                "previous_results",
                {
                    "contest_id": contest_id,
                    "election_id": previous.election_id,
                    "ballot_id": previous.ballot_id,
                    "poll_date": previous.poll_date.isoformat(),
                    "seats": previous.seats,
                    "source": previous.source,
                    "imported_at": self._conn.clock().isoformat(),
                    "operator": operator,
                },
            )
            self._conn.insert_all(
                "previous_candidates",
                (
                    "contest_id",
                    "position",
                    "person_name",
                    "party_id",
                    "party_name",
                    "votes",
                    "elected",
                ),
                (
                    (
                        contest_id,
                        position,
                        c.person_name,
                        c.party.party_id,
                        c.party.name,
                        c.votes,
                        int(c.elected),
                    )
                    for position, c in enumerate(previous.candidates, 1)
                ),
            )
            self._conn.audit(
                operator,
                "replace" if before else "import",
                "previous result",
                contest_id,
                old=None if before is None else _summary(before),
                new=_summary(previous),
                contest_id=contest_id,
            )

    def parties(self, contest_id: str) -> dict[int, PartyRef]:
        """Each candidate's party by id: its Democracy Club id as imported, its description
        (the party's name as on the ballot paper) and the person's full name."""
        rows = self._conn.db.rows(
            "SELECT id, party_id, description, person_name FROM candidates WHERE contest_id = ?",
            [contest_id],
        )
        return {r["id"]: PartyRef(r["party_id"], r["description"], r["person_name"]) for r in rows}


def _summary(previous: PreviousResult) -> dict[str, object]:
    """The previous result as its audit row records it."""
    return {
        "election_id": previous.election_id,
        "ballot_id": previous.ballot_id,
        "poll_date": previous.poll_date.isoformat(),
        "seats": previous.seats,
        "source": previous.source,
        "candidates": [
            [c.person_name, c.party.party_id, c.party.name, c.votes, c.elected]
            for c in previous.candidates
        ],
    }
