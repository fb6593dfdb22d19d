"""Elections, contests and their candidates: the setup of the night."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, Contest, Election, Status
from desktop.domain.referendum import is_referendum_id
from desktop.storage.connection import Connection

_CONTEST_FIELDS = (
    "area",
    "seats",
    "electorate",
    "ballot_papers_verified",
    "officer_name",
    "officer_title",
    "imprint_address",
    "status",
    "bundle_size",
    "kind",
    "role",
    "voting_area",
    "question",
)
_ELECTION_FIELDS = ("title", "authority")
_CANDIDATE_FIELDS = (
    "surname",
    "forenames",
    "common_surname",
    "common_forenames",
    "description",
    "split_to_confirm",
)


class Contests:
    """Elections, contests and candidates, read as domain objects; every write audited."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- elections -----------------------------------------------------------------------

    @staticmethod
    def _election(row: sqlite3.Row) -> Election:
        return Election(
            id=row["id"],
            poll_date=date.fromisoformat(row["poll_date"]),
            title=row["title"],
            authority=row["authority"],
        )

    def elections(self) -> list[Election]:
        """Every election, by date then id."""
        rows = self._conn.db.rows("SELECT * FROM elections ORDER BY poll_date, id")
        return [self._election(r) for r in rows]

    def find_election(self, election_id: str) -> Election | None:
        """The election with this id, or None."""
        row = self._conn.db.row("SELECT * FROM elections WHERE id = ?", [election_id])
        return self._election(row) if row else None

    def election(self, election_id: str) -> Election:
        """The election with this id, or a CountDeskError saying there is none."""
        found = self.find_election(election_id)
        if found is None:
            raise CountDeskError(f"There is no election with the id “{election_id}”.")
        return found

    def add_election(self, election: Election, operator: str, organisation: str = "") -> None:
        """Create an election, with its audit row."""
        row = {
            "id": election.id,
            "poll_date": election.poll_date.isoformat(),
            "title": election.title,
            "authority": election.authority,
            "organisation": organisation,
        }
        with self._conn.transaction():
            self._conn.insert("elections", row)
            self._conn.audit(operator, "create", "election", election.id, new=row)

    def update_election(self, election_id: str, changes: Mapping[str, str], operator: str) -> None:
        """Change an election's title or authority, with an audit row of old → new."""
        self._conn.update("elections", "election", election_id, changes, _ELECTION_FIELDS, operator)

    # -- contests ------------------------------------------------------------------------

    @staticmethod
    def _contest(row: sqlite3.Row) -> Contest:
        return Contest(
            id=row["id"],
            election_id=row["election_id"],
            area=row["area"],
            seats=row["seats"],
            poll_date=date.fromisoformat(row["poll_date"]),
            electorate=row["electorate"],
            ballot_papers_verified=row["ballot_papers_verified"],
            officer_name=row["officer_name"],
            officer_title=row["officer_title"],
            imprint_address=row["imprint_address"],
            status=Status(row["status"]),
            bundle_size=row["bundle_size"],
            kind=row["kind"],
            role=row["role"],
            voting_area=row["voting_area"],
            question=row["question"],
        )

    def contests(self, election_id: str | None = None) -> list[Contest]:
        """Every contest (of one election if given), by election date, then area."""
        where, params = ("WHERE election_id = ?", [election_id]) if election_id else ("", [])
        rows = self._conn.db.rows(
            f"SELECT * FROM contests {where} ORDER BY poll_date, area, id", params
        )
        return [self._contest(r) for r in rows]

    def find_contest(self, contest_id: str) -> Contest | None:
        """The contest with this id, or None."""
        row = self._conn.db.row("SELECT * FROM contests WHERE id = ?", [contest_id])
        return self._contest(row) if row else None

    def contest(self, contest_id: str) -> Contest:
        """The contest with this id, or a CountDeskError saying how to find the right id."""
        found = self.find_contest(contest_id)
        if found is None:
            raise CountDeskError(
                f"There is no contest with the id “{contest_id}” in this database: check the id "
                "against the list of its contests."
            )
        return found

    def add_contest(self, contest: Contest, operator: str) -> None:
        """Create a contest, with its audit row."""
        row = {
            "id": contest.id,
            "election_id": contest.election_id,
            "area": contest.area,
            "seats": contest.seats,
            "poll_date": contest.poll_date.isoformat(),
            "electorate": contest.electorate,
            "ballot_papers_verified": contest.ballot_papers_verified,
            "officer_name": contest.officer_name,
            "officer_title": contest.officer_title,
            "imprint_address": contest.imprint_address,
            "status": contest.status.value,
            "kind": contest.kind,
            "role": contest.role,
            "voting_area": contest.voting_area,
            "question": contest.question,
        }
        with self._conn.transaction():
            self._conn.insert("contests", row)
            self._conn.audit(
                operator, "create", "contest", contest.id, new=row, contest_id=contest.id
            )

    def update_contest(self, contest_id: str, changes: Mapping[str, Any], operator: str) -> None:
        """Change a contest's facts, with an audit row of old → new for what really changed."""
        self._conn.update(
            "contests", "contest", contest_id, changes, _CONTEST_FIELDS, operator, contest_id
        )

    # -- candidates ----------------------------------------------------------------------

    @staticmethod
    def _candidate(row: sqlite3.Row) -> Candidate:
        return Candidate(
            id=row["id"],
            surname=row["surname"],
            forenames=row["forenames"],
            description=row["description"],
            common_surname=row["common_surname"],
            common_forenames=row["common_forenames"],
            person_name=row["person_name"],
            sopn_position=row["sopn_position"],
            ballot_position=row["ballot_position"],
            split_to_confirm=bool(row["split_to_confirm"]),
            answer=is_referendum_id(row["contest_id"]),
        )

    def candidates(self, contest_id: str) -> list[Candidate]:
        """The contest's candidates (in id order: use domain ballot_order for ballot order)."""
        rows = self._conn.db.rows(
            "SELECT * FROM candidates WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [self._candidate(r) for r in rows]

    def candidate_ids_by_source(self, contest_id: str) -> dict[str, int]:
        """Candidate ids by their import key (person id, or name where there is none)."""
        rows = self._conn.db.rows(
            "SELECT id, source_key FROM candidates WHERE contest_id = ?", [contest_id]
        )
        return {r["source_key"]: r["id"] for r in rows}

    def candidate_sources(self, contest_id: str) -> dict[int, tuple[str, str]]:
        """Each candidate's import key and party id, by candidate id (for results exports)."""
        rows = self._conn.db.rows(
            "SELECT id, source_key, party_id FROM candidates WHERE contest_id = ?", [contest_id]
        )
        return {r["id"]: (r["source_key"], r["party_id"]) for r in rows}

    def add_candidate(
        self,
        contest_id: str,
        candidate: Candidate,
        operator: str,
        source_key: str,
        party_id: str = "",
    ) -> int:
        """Add a candidate to a contest and return the new id, with its audit row.

        A ``sopn_position`` of 0 means "after those already listed"; so does a ``ballot_position``
        of None where the contest's order was given explicitly.
        """
        last_sopn, last_ballot = self._conn.db.execute(
            "SELECT MAX(sopn_position), MAX(ballot_position) FROM candidates WHERE contest_id = ?",
            [contest_id],
        ).fetchone()
        sopn = candidate.sopn_position or (last_sopn or 0) + 1
        ballot = candidate.ballot_position
        if ballot is None and last_ballot is not None:
            ballot = last_ballot + 1
        row = {
            "contest_id": contest_id,
            "source_key": source_key,
            "person_name": candidate.person_name,
            "surname": candidate.surname,
            "forenames": candidate.forenames,
            "common_surname": candidate.common_surname,
            "common_forenames": candidate.common_forenames,
            "description": candidate.description,
            "party_id": party_id,
            "sopn_position": sopn,
            "ballot_position": ballot,
            "split_to_confirm": int(candidate.split_to_confirm),
        }
        with self._conn.transaction():
            new_id = self._conn.insert("candidates", row)
            self._conn.audit(
                operator, "create", "candidate", new_id, new=row, contest_id=contest_id
            )
        return new_id

    def remove_candidate(self, contest_id: str, candidate_id: int, operator: str) -> None:
        """Remove a candidate (before any count) and their draft figures, with an audit row."""
        with self._conn.transaction():
            found = self._conn.db.row("SELECT * FROM candidates WHERE id = ?", [candidate_id])
            if found is None:
                raise LookupError(f"no candidate {candidate_id}")
            old = dict(found)
            self._conn.db.execute(
                "DELETE FROM draft_votes WHERE contest_id = ? AND candidate_id = ?",
                [contest_id, candidate_id],
            )
            self._conn.db.execute("DELETE FROM candidates WHERE id = ?", [candidate_id])
            self._conn.forget()
            self._conn.audit(
                operator, "delete", "candidate", candidate_id, old=old, contest_id=contest_id
            )

    def update_candidate(
        self, contest_id: str, candidate_id: int, changes: Mapping[str, str | int], operator: str
    ) -> None:
        """Correct a candidate's names or description, with an audit row of old → new."""
        self._conn.update(
            "candidates",
            "candidate",
            candidate_id,
            changes,
            _CANDIDATE_FIELDS,
            operator,
            contest_id,
        )

    def set_ballot_order(
        self, contest_id: str, ordered: list[int], operator: str, names: list[str]
    ) -> None:
        """Set the ballot paper's order explicitly (the SOPN's), with one audit row old → new.

        ``ordered`` is every candidate id of the contest, first on the ballot paper first;
        ``names`` the same candidates as printed, for the audit row.
        """
        with self._conn.transaction():
            before = self._conn.db.rows(
                "SELECT id, ballot_position FROM candidates WHERE contest_id = ? ORDER BY id",
                [contest_id],
            )
            self._conn.db.executemany(
                "UPDATE candidates SET ballot_position = ? WHERE id = ? AND contest_id = ?",
                [(position, cid, contest_id) for position, cid in enumerate(ordered, 1)],
            )
            self._conn.forget()
            self._conn.audit(
                operator,
                "set order",
                "ballot order",
                contest_id,
                old={str(r["id"]): r["ballot_position"] for r in before},
                new={"order": names, "ids": ordered},
                contest_id=contest_id,
            )

    def confirm_names(self, contest_id: str, operator: str, names: list[str]) -> None:
        """Record that the names and order were checked against the SOPN, with its audit row.

        Every split awaiting confirmation is confirmed; ``names`` are the candidates as
        printed, in ballot order, as confirmed.
        """
        with self._conn.transaction():
            pending = self._conn.db.rows(
                "SELECT id, person_name FROM candidates WHERE contest_id = ? AND split_to_confirm",
                [contest_id],
            )
            self._conn.db.execute(
                "UPDATE candidates SET split_to_confirm = 0 WHERE contest_id = ? AND split_to_confirm",
                [contest_id],
            )
            self._conn.forget()
            self._conn.audit(
                operator,
                "confirm",
                "ballot order",
                contest_id,
                old={"to confirm": [r["person_name"] for r in pending]},
                new={"order": names},
                contest_id=contest_id,
            )
