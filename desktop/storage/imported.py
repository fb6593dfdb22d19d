"""An import's writes in bulk: elections, contests and candidates, many rows a statement.

A whole May night's file (6,500 contests, 16,900 candidates) is one transaction of a few
statements a table rather than one a row. The audit keeps its meaning with fewer rows: one per
election created (as before), one per contest created holding the contest and its candidates
as created (each with its id), and one per contest given new candidates. The audit chain's
triggers see every row written, as they see any other write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.model import Candidate, Contest, Election
from desktop.storage.connection import Connection

#: Rows written a statement between two looks at progress (and at Cancel).
CHUNK = 2000

_ELECTION_COLUMNS = ("id", "poll_date", "title", "authority", "organisation")
_CONTEST_COLUMNS = (
    "id",
    "election_id",
    "area",
    "seats",
    "poll_date",
    "electorate",
    "ballot_papers_verified",
    "officer_name",
    "officer_title",
    "imprint_address",
    "status",
    "kind",
    "role",
    "voting_area",
    "question",
)
_CANDIDATE_COLUMNS = (
    "id",
    "contest_id",
    "source_key",
    "person_name",
    "surname",
    "forenames",
    "common_surname",
    "common_forenames",
    "description",
    "party_id",
    "sopn_position",
    "ballot_position",
    "split_to_confirm",
)


@dataclass(frozen=True)
class NewCandidate:
    """A candidate to add to a contest, with the file's key for them and their party's id."""

    contest_id: str
    candidate: Candidate
    source_key: str
    party_id: str = ""


@dataclass(frozen=True)
class Known:
    """What the database already holds of the contests a file names."""

    elections: frozenset[str] = frozenset()
    #: Contest id → its seats.
    seats: dict[str, int] = field(default_factory=dict)
    #: Contest id → its candidates' import keys.
    source_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Contests with a count recorded.
    counted: frozenset[str] = frozenset()


class Imported:
    """Reads and writes of an import, in bulk."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def known(self, election_ids: Iterable[str], contest_ids: Iterable[str]) -> Known:
        """What is already stored of these elections and contests (a few queries in all)."""
        db = self._conn.db
        elections = {r[0] for r in db.execute("SELECT id FROM elections")}
        wanted = set(contest_ids)
        seats = {r[0]: r[1] for r in db.execute("SELECT id, seats FROM contests") if r[0] in wanted}
        keys: dict[str, set[str]] = {}
        counted: set[str] = set()
        if seats:
            for contest_id, key in db.execute("SELECT contest_id, source_key FROM candidates"):
                if contest_id in seats:
                    keys.setdefault(contest_id, set()).add(key)
            counted = {r[0] for r in db.execute("SELECT DISTINCT contest_id FROM counts")}
        return Known(
            frozenset(elections & set(election_ids)),
            seats,
            {k: frozenset(v) for k, v in keys.items()},
            frozenset(counted & set(seats)),
        )

    def write(
        self,
        operator: str,
        elections: Sequence[tuple[Election, str]],
        contests: Sequence[Contest],
        candidates: Sequence[NewCandidate],
        progress: Callable[[int], object] | None = None,
    ) -> list[int]:
        """Write the elections (each with its organisation), contests and candidates, with
        their audit rows, in one transaction; the candidates' new ids, in the order given.

        ``progress`` hears how many candidates are written so far, every CHUNK of them; an
        exception it raises (Cancel) rolls the whole import back.
        """
        conn = self._conn
        with conn.transaction():
            election_rows = [
                (e.id, e.poll_date.isoformat(), e.title, e.authority, organisation)
                for e, organisation in elections
            ]
            conn.insert_all("elections", _ELECTION_COLUMNS, election_rows)
            for row in election_rows:
                new = dict(zip(_ELECTION_COLUMNS, row, strict=True))
                conn.audit(operator, "create", "election", row[0], new=new)
            conn.insert_all("contests", _CONTEST_COLUMNS, [_contest_row(c) for c in contests])
            rows, ids = self._candidate_rows(candidates)
            for start in range(0, len(rows), CHUNK):
                conn.insert_all("candidates", _CANDIDATE_COLUMNS, rows[start : start + CHUNK])
                if progress is not None:
                    progress(min(start + CHUNK, len(rows)))
            self._audit(operator, contests, rows)
            conn.forget()
        return ids

    def _candidate_rows(
        self, candidates: Sequence[NewCandidate]
    ) -> tuple[list[tuple[Any, ...]], list[int]]:
        """Each candidate's row with its id and places: after those a contest already lists,
        as ``Contests.add_candidate`` places one."""
        db = self._conn.db
        (last_id,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM candidates").fetchone()
        places: dict[str, list[Any]] = {}
        existing = {c.contest_id for c in candidates}
        for contest_id, sopn, ballot in db.execute(
            "SELECT contest_id, MAX(sopn_position), MAX(ballot_position) FROM candidates "
            "GROUP BY contest_id"
        ):
            if contest_id in existing:
                places[contest_id] = [sopn or 0, ballot]
        rows: list[tuple[Any, ...]] = []
        ids: list[int] = []
        for n, new in enumerate(candidates, start=last_id + 1):
            c = new.candidate
            place = places.setdefault(new.contest_id, [0, None])
            sopn = c.sopn_position or place[0] + 1
            ballot = c.ballot_position
            if ballot is None and place[1] is not None:
                ballot = place[1] + 1
            place[0] = max(place[0], sopn)
            if ballot is not None:
                place[1] = ballot if place[1] is None else max(place[1], ballot)
            rows.append(
                (
                    n,
                    new.contest_id,
                    new.source_key,
                    c.person_name,
                    c.surname,
                    c.forenames,
                    c.common_surname,
                    c.common_forenames,
                    c.description,
                    new.party_id,
                    sopn,
                    ballot,
                    int(c.split_to_confirm),
                )
            )
            ids.append(n)
        return rows, ids

    def _audit(
        self, operator: str, contests: Sequence[Contest], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        """One audit row per contest created (with its candidates), one per contest given
        new candidates."""
        by_contest: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_contest.setdefault(row[1], []).append(
                dict(zip(_CANDIDATE_COLUMNS, row, strict=True))
            )
        created = {c.id for c in contests}
        for contest in contests:
            new = dict(zip(_CONTEST_COLUMNS, _contest_row(contest), strict=True))
            new["candidates"] = by_contest.get(contest.id, [])
            self._conn.audit(
                operator, "create", "contest", contest.id, new=new, contest_id=contest.id
            )
        for contest_id, added in by_contest.items():
            if contest_id not in created:
                self._conn.audit(
                    operator, "create", "candidates", contest_id, new=added, contest_id=contest_id
                )


def _contest_row(contest: Contest) -> tuple[Any, ...]:
    return (
        contest.id,
        contest.election_id,
        contest.area,
        contest.seats,
        contest.poll_date.isoformat(),
        contest.electorate,
        contest.ballot_papers_verified,
        contest.officer_name,
        contest.officer_title,
        contest.imprint_address,
        contest.status.value,
        contest.kind,
        contest.role,
        contest.voting_area,
        contest.question,
    )


__all__ = ["CHUNK", "Imported", "Known", "NewCandidate"]
