"""The repository: reads return domain objects; every write runs in one transaction with its
audit row. A recorded count is never updated in place: a new count supersedes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from desktop.domain.errors import CountDeskError
from desktop.domain.model import (
    Candidate,
    Contest,
    CountFigures,
    Election,
    LotsDrawing,
    Status,
)
from desktop.domain.verification import BoxKind, VerificationLine

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class StoredCount:
    """A recorded count: its number in the night, who recorded it and when, and its figures."""

    id: int
    contest_id: str
    number: int
    recorded_at: datetime
    operator: str
    figures: CountFigures
    #: "count", "recount", "bundle_check" or "correction".
    kind: str = "count"
    request_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class StoredLots:
    """A recorded drawing of lots, tied to the count whose tie it settled."""

    id: int
    count_id: int
    drawing: LotsDrawing
    recorded_at: datetime
    operator: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of the append-only audit log."""

    id: int
    at: datetime
    operator: str
    action: str
    contest_id: str | None
    entity: str
    entity_id: str
    old: Any
    new: Any


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
)
_ELECTION_FIELDS = ("title", "authority")
_CANDIDATE_FIELDS = (
    "surname",
    "forenames",
    "common_surname",
    "common_forenames",
    "description",
)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, ensure_ascii=False)


class Store:
    """All reads and writes of one CountDesk database."""

    def __init__(self, db: Database, clock: Clock = _utc_now) -> None:
        self.db = db
        self.clock = clock

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (nested calls use savepoints); rolled back whole on any exception.

        The database's own lock on a declared contest surfaces as a CountDeskError (S802).
        """
        try:
            with self.db.atomic():
                yield
        except sqlite3.IntegrityError as exc:
            if "the contest is declared" in str(exc):
                raise CountDeskError(
                    "The contest was declared while this change was being made: its figures "
                    "are locked, and nothing was saved.",
                    "S802",
                ) from None
            raise

    # -- audit ---------------------------------------------------------------------------

    def _audit(
        self,
        operator: str,
        action: str,
        entity: str,
        entity_id: object,
        old: Any = None,
        new: Any = None,
        contest_id: str | None = None,
    ) -> None:
        self.db["audit"].insert(
            {
                "at": self.clock().isoformat(),
                "operator": operator,
                "action": action,
                "contest_id": contest_id,
                "entity": entity,
                "entity_id": str(entity_id),
                "old": _json(old),
                "new": _json(new),
            }
        )

    def audit(self, contest_id: str | None = None) -> list[AuditEntry]:
        """The audit log, oldest first; for one contest if ``contest_id`` is given."""
        where, params = ("WHERE contest_id = ?", [contest_id]) if contest_id else ("", [])
        rows = self.db.query(f"SELECT * FROM audit {where} ORDER BY id", params)
        return [
            AuditEntry(
                id=r["id"],
                at=datetime.fromisoformat(r["at"]),
                operator=r["operator"],
                action=r["action"],
                contest_id=r["contest_id"],
                entity=r["entity"],
                entity_id=r["entity_id"],
                old=None if r["old"] is None else json.loads(r["old"]),
                new=None if r["new"] is None else json.loads(r["new"]),
            )
            for r in rows
        ]

    # -- elections -----------------------------------------------------------------------

    @staticmethod
    def _election(row: Mapping[str, Any]) -> Election:
        return Election(
            id=row["id"],
            poll_date=date.fromisoformat(row["poll_date"]),
            title=row["title"],
            authority=row["authority"],
        )

    def elections(self) -> list[Election]:
        """Every election, by date then id."""
        rows = self.db.query("SELECT * FROM elections ORDER BY poll_date, id")
        return [self._election(r) for r in rows]

    def find_election(self, election_id: str) -> Election | None:
        """The election with this id, or None."""
        rows = list(self.db.query("SELECT * FROM elections WHERE id = ?", [election_id]))
        return self._election(rows[0]) if rows else None

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
        with self.transaction():
            self.db["elections"].insert(row)
            self._audit(operator, "create", "election", election.id, new=row)

    def update_election(self, election_id: str, changes: Mapping[str, str], operator: str) -> None:
        """Change an election's title or authority, with an audit row of old → new."""
        self._update("elections", "election", election_id, changes, _ELECTION_FIELDS, operator)

    # -- contests ------------------------------------------------------------------------

    @staticmethod
    def _contest(row: Mapping[str, Any]) -> Contest:
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
        )

    def contests(self, election_id: str | None = None) -> list[Contest]:
        """Every contest (of one election if given), by election date, then area."""
        where, params = ("WHERE election_id = ?", [election_id]) if election_id else ("", [])
        rows = self.db.query(f"SELECT * FROM contests {where} ORDER BY poll_date, area, id", params)
        return [self._contest(r) for r in rows]

    def find_contest(self, contest_id: str) -> Contest | None:
        """The contest with this id, or None."""
        rows = list(self.db.query("SELECT * FROM contests WHERE id = ?", [contest_id]))
        return self._contest(rows[0]) if rows else None

    def contest(self, contest_id: str) -> Contest:
        """The contest with this id, or a CountDeskError saying how to find the right id."""
        found = self.find_contest(contest_id)
        if found is None:
            raise CountDeskError(
                f"There is no contest with the id “{contest_id}”: the contests command lists them."
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
        }
        with self.transaction():
            self.db["contests"].insert(row)
            self._audit(operator, "create", "contest", contest.id, new=row, contest_id=contest.id)

    def update_contest(self, contest_id: str, changes: Mapping[str, Any], operator: str) -> None:
        """Change a contest's facts, with an audit row of old → new for what really changed."""
        self._update(
            "contests", "contest", contest_id, changes, _CONTEST_FIELDS, operator, contest_id
        )

    def _update(
        self,
        table: str,
        entity: str,
        key: object,
        changes: Mapping[str, Any],
        allowed: tuple[str, ...],
        operator: str,
        contest_id: str | None = None,
    ) -> None:
        unknown = set(changes) - set(allowed)
        if unknown:
            raise ValueError(f"not a {entity} field: {sorted(unknown)}")
        with self.transaction():
            current = self.db[table].get(key)
            old = {k: current[k] for k in changes if current[k] != changes[k]}
            if not old:
                return
            new = {k: changes[k] for k in old}
            self.db[table].update(key, new)
            self._audit(operator, "update", entity, key, old=old, new=new, contest_id=contest_id)

    # -- candidates ----------------------------------------------------------------------

    @staticmethod
    def _candidate(row: Mapping[str, Any]) -> Candidate:
        return Candidate(
            id=row["id"],
            surname=row["surname"],
            forenames=row["forenames"],
            description=row["description"],
            common_surname=row["common_surname"],
            common_forenames=row["common_forenames"],
            person_name=row["person_name"],
        )

    def candidates(self, contest_id: str) -> list[Candidate]:
        """The contest's candidates (in id order: use domain ballot_order for ballot order)."""
        rows = self.db.query(
            "SELECT * FROM candidates WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [self._candidate(r) for r in rows]

    def candidate_ids_by_source(self, contest_id: str) -> dict[str, int]:
        """Candidate ids by their import key (person id, or name where there is none)."""
        rows = self.db.query(
            "SELECT id, source_key FROM candidates WHERE contest_id = ?", [contest_id]
        )
        return {r["source_key"]: r["id"] for r in rows}

    def add_candidate(
        self,
        contest_id: str,
        candidate: Candidate,
        operator: str,
        source_key: str,
        party_id: str = "",
    ) -> int:
        """Add a candidate to a contest and return the new id, with its audit row."""
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
        }
        with self.transaction():
            new_id = self.db["candidates"].insert(row).last_pk
            self._audit(operator, "create", "candidate", new_id, new=row, contest_id=contest_id)
        return int(new_id)

    def remove_candidate(self, contest_id: str, candidate_id: int, operator: str) -> None:
        """Remove a candidate (before any count) and their draft figures, with an audit row."""
        with self.transaction():
            old = dict(self.db["candidates"].get(candidate_id))
            self.db.execute(
                "DELETE FROM draft_figures WHERE contest_id = ? AND field LIKE ?",
                [contest_id, f"%:{candidate_id}"],
            )
            self.db["candidates"].delete(candidate_id)
            self._audit(
                operator, "delete", "candidate", candidate_id, old=old, contest_id=contest_id
            )

    def update_candidate(
        self, contest_id: str, candidate_id: int, changes: Mapping[str, str], operator: str
    ) -> None:
        """Correct a candidate's names or description, with an audit row of old → new."""
        self._update(
            "candidates",
            "candidate",
            candidate_id,
            changes,
            _CANDIDATE_FIELDS,
            operator,
            contest_id,
        )

    # -- counts --------------------------------------------------------------------------

    def counts(self, contest_id: str) -> list[StoredCount]:
        """Every count recorded for the contest, first to latest; the latest stands."""
        rows = list(
            self.db.query("SELECT * FROM counts WHERE contest_id = ? ORDER BY number", [contest_id])
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        votes: dict[int, dict[int, int | None]] = {i: {} for i in ids}
        for v in self.db.query(f"SELECT * FROM count_votes WHERE count_id IN ({marks})", ids):
            votes[v["count_id"]][v["candidate_id"]] = v["votes"]
        rejected: dict[int, dict[str, int | None]] = {i: {} for i in ids}
        for v in self.db.query(f"SELECT * FROM count_rejected WHERE count_id IN ({marks})", ids):
            rejected[v["count_id"]][v["heading"]] = v["papers"]
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
                ),
                kind=r["kind"],
                request_id=r["request_id"],
                reason=r["reason"],
            )
            for r in rows
        ]

    def latest_count(self, contest_id: str) -> StoredCount | None:
        """The count that stands: the latest recorded, or None before any count."""
        counts = self.counts(contest_id)
        return counts[-1] if counts else None

    def record_count(
        self,
        contest_id: str,
        figures: CountFigures,
        operator: str,
        kind: str = "count",
        request_id: int | None = None,
        reason: str = "",
    ) -> StoredCount:
        """Record a new count (the next number) with its audit row; earlier counts stay as they are."""
        missing = [cid for cid, v in figures.votes.items() if v is None]
        missing += [key for key, v in figures.rejected.items() if v is None]
        if missing:
            raise ValueError(f"a recorded count needs every figure: missing {missing}")
        at = self.clock()
        with self.transaction():
            number = self.db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM counts WHERE contest_id = ?",
                [contest_id],
            ).fetchone()[0]
            count_id = int(
                self.db["counts"]
                .insert(
                    {
                        "contest_id": contest_id,
                        "number": number,
                        "recorded_at": at.isoformat(),
                        "operator": operator,
                        "rejected_total_entered": figures.rejected_total_entered,
                        "kind": kind,
                        "request_id": request_id,
                        "reason": reason,
                    }
                )
                .last_pk
            )
            self.db["count_votes"].insert_all(
                {"count_id": count_id, "candidate_id": cid, "votes": v}
                for cid, v in figures.votes.items()
            )
            self.db["count_rejected"].insert_all(
                {"count_id": count_id, "heading": key, "papers": v}
                for key, v in figures.rejected.items()
            )
            self._audit(
                operator,
                "record",
                "count",
                count_id,
                new={
                    "number": number,
                    "kind": kind,
                    "votes": {str(k): v for k, v in figures.votes.items()},
                    "rejected": dict(figures.rejected),
                    **({"reason": reason} if reason else {}),
                },
                contest_id=contest_id,
            )
        return StoredCount(
            count_id, contest_id, number, at, operator, figures, kind, request_id, reason
        )

    # -- the count being keyed in -------------------------------------------------------

    def draft(self, contest_id: str) -> dict[str, int]:
        """The draft figures of a contest by field ("votes:ID", "rejected:KEY", …)."""
        rows = self.db.query(
            "SELECT field, value FROM draft_figures WHERE contest_id = ? AND value IS NOT NULL",
            [contest_id],
        )
        return {r["field"]: r["value"] for r in rows}

    def set_draft(
        self,
        contest_id: str,
        values: Mapping[str, int | None],
        operator: str,
        action: str = "enter",
    ) -> None:
        """Save draft figures (None clears one), with one audit row of old → new for the change."""
        with self.transaction():
            current = self.draft(contest_id)
            old = {f: current.get(f) for f in values if current.get(f) != values[f]}
            if not old:
                return
            for field_name in old:
                value = values[field_name]
                if value is None:
                    self.db.execute(
                        "DELETE FROM draft_figures WHERE contest_id = ? AND field = ?",
                        [contest_id, field_name],
                    )
                else:
                    self.db["draft_figures"].upsert(
                        {"contest_id": contest_id, "field": field_name, "value": value},
                        pk=("contest_id", "field"),
                    )
            new = {f: values[f] for f in old}
            self._audit(
                operator, action, "draft", contest_id, old=old, new=new, contest_id=contest_id
            )

    # -- lots ----------------------------------------------------------------------------

    def lots_for_count(self, count_id: int) -> StoredLots | None:
        """The latest drawing of lots recorded against a count, if any."""
        rows = list(
            self.db.query(
                "SELECT * FROM lots WHERE count_id = ? ORDER BY id DESC LIMIT 1", [count_id]
            )
        )
        if not rows:
            return None
        r = rows[0]
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
            "recorded_at": self.clock().isoformat(),
            "operator": operator,
        }
        with self.transaction():
            lots_id = self.db["lots"].insert(row).last_pk
            self._audit(
                operator,
                "record",
                "lots",
                lots_id,
                new={k: row[k] for k in ("count_id", "tied", "winners", "method", "witnesses")},
                contest_id=contest_id,
            )

    # -- verification --------------------------------------------------------------------

    def verification(self, contest_id: str) -> list[VerificationLine]:
        """The contest's ballot boxes and postal batches, in the order they were listed."""
        rows = self.db.query(
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
            )
            for r in rows
        ]

    def add_verification_lines(
        self, contest_id: str, lines: list[VerificationLine], operator: str
    ) -> None:
        """Add boxes and batches after those already listed, with one audit row."""
        with self.transaction():
            start = self.db.execute(
                "SELECT COALESCE(MAX(position), 0) FROM verification_lines WHERE contest_id = ?",
                [contest_id],
            ).fetchone()[0]
            self.db["verification_lines"].insert_all(
                {
                    "contest_id": contest_id,
                    "reference": line.reference,
                    "position": start + i,
                    "name": line.name,
                    "kind": line.kind.value,
                    "issued": line.issued,
                    "counted": line.counted,
                    "explanation": line.explanation,
                }
                for i, line in enumerate(lines, start=1)
            )
            self._audit(
                operator,
                "import",
                "verification",
                contest_id,
                new=[[x.reference, x.name, x.kind.value, x.issued] for x in lines],
                contest_id=contest_id,
            )

    def update_verification_line(
        self, contest_id: str, reference: str, changes: Mapping[str, Any], operator: str
    ) -> None:
        """Change a box's counted figure, explanation, name, kind or papers issued, with an audit
        row of old → new."""
        self._update(
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
        with self.transaction():
            old = dict(self.db["verification_lines"].get(key))
            self.db["verification_lines"].delete(key)
            self._audit(operator, "delete", "verification", key, old=old, contest_id=contest_id)

    # -- status, acknowledgements, recounts, declarations --------------------------------

    def change_status(self, contest_id: str, to: Status, operator: str, note: str = "") -> datetime:
        """Move the contest to a status, with its status-change row and audit row; return when."""
        at = self.clock()
        with self.transaction():
            current = self.contest(contest_id).status
            self.db["contests"].update(contest_id, {"status": to.value})
            self.db["status_changes"].insert(
                {
                    "contest_id": contest_id,
                    "from_status": current.value,
                    "to_status": to.value,
                    "at": at.isoformat(),
                    "operator": operator,
                    "note": note,
                }
            )
            self._audit(
                operator,
                "status",
                "contest",
                contest_id,
                old={"status": current.value},
                new={"status": to.value, **({"note": note} if note else {})},
                contest_id=contest_id,
            )
        return at

    def status_changes(self, contest_id: str) -> list[dict[str, Any]]:
        """Every change of status, oldest first (from, to, at, operator, note)."""
        rows = self.db.query(
            "SELECT * FROM status_changes WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [{**r, "at": datetime.fromisoformat(r["at"])} for r in rows]

    def acknowledge(
        self,
        contest_id: str,
        count_id: int | None,
        code: str,
        subject: str,
        reason: str,
        operator: str,
        figures: str = "",
    ) -> None:
        """Record a supervisor's acknowledgement of a warning, with its reason and audit row."""
        row = {
            "contest_id": contest_id,
            "count_id": count_id,
            "code": code,
            "subject": subject,
            "figures": figures,
            "reason": reason,
            "at": self.clock().isoformat(),
            "operator": operator,
        }
        with self.transaction():
            self.db["acknowledgements"].insert(row)
            self._audit(
                operator,
                "acknowledge",
                "warning",
                code,
                new={"code": code, "subject": subject, "reason": reason, "count_id": count_id},
                contest_id=contest_id,
            )

    def acknowledgements(self, contest_id: str, count_id: int | None) -> list[dict[str, Any]]:
        """Acknowledgements for the verification (count_id None) and for one count."""
        rows = self.db.query(
            "SELECT * FROM acknowledgements WHERE contest_id = ? AND "
            "(count_id IS NULL OR count_id = ?) ORDER BY id",
            [contest_id, count_id],
        )
        return list(rows)

    def all_acknowledgements(self, contest_id: str) -> list[dict[str, Any]]:
        """Every acknowledgement of the contest, oldest first, with when it was made."""
        rows = self.db.query(
            "SELECT * FROM acknowledgements WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [{**r, "at": datetime.fromisoformat(r["at"])} for r in rows]

    def add_recount_request(self, row: Mapping[str, Any], operator: str) -> int:
        """Record a recount request and the decision on it, with its audit row."""
        with self.transaction():
            request_id = int(self.db["recount_requests"].insert(dict(row)).last_pk)
            self._audit(
                operator,
                "recount request",
                "recount_request",
                request_id,
                new={
                    k: row[k]
                    for k in ("requested_by", "role", "for_candidate", "decision", "reason")
                },
                contest_id=row["contest_id"],
            )
        return request_id

    def recount_requests(self, contest_id: str) -> list[dict[str, Any]]:
        """Every recount request of the contest, oldest first."""
        rows = self.db.query(
            "SELECT * FROM recount_requests WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [
            {**r, "requested_at": datetime.fromisoformat(r["requested_at"]),
             "at": datetime.fromisoformat(r["at"])}
            for r in rows
        ]  # fmt: skip

    def add_declaration(self, row: Mapping[str, Any], operator: str) -> int:
        """Keep a declaration (or corrected declaration) with its PDF, and its audit row."""
        with self.transaction():
            declaration_id = int(self.db["declarations"].insert(dict(row)).last_pk)
            self._audit(
                operator,
                "declare" if row["kind"] == "declaration" else "correct",
                "declaration",
                declaration_id,
                new={
                    k: row[k]
                    for k in ("count_id", "kind", "declared_at", "officer", "reason", "data_ref")
                },
                contest_id=row["contest_id"],
            )
        return declaration_id

    def declarations(self, contest_id: str) -> list[dict[str, Any]]:
        """Every declaration of the contest, the original first, each with its PDF bytes."""
        rows = self.db.query(
            "SELECT * FROM declarations WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [{**r, "declared_at": datetime.fromisoformat(r["declared_at"])} for r in rows]
