"""The night's records: status changes, acknowledgements, recount requests and declarations."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from desktop.domain.model import Status
from desktop.domain.records import (
    Acknowledgement,
    Declaration,
    RecountRequest,
    StatusChange,
    UncontestedNotice,
)
from desktop.domain.workflow import RecountDecision
from desktop.storage.connection import Connection


class NightRecords:
    """Status changes, acknowledgements, recount requests and declarations; append-only."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- status, acknowledgements, recounts, declarations --------------------------------

    def change_status(
        self,
        contest_id: str,
        to: Status,
        operator: str,
        note: str = "",
        at: datetime | None = None,
    ) -> datetime:
        """Move the contest to a status, with its status-change row and audit row; return when
        (``at``, or now)."""
        at = at or self._conn.clock()
        with self._conn.transaction():
            found = self._conn.db.row("SELECT status FROM contests WHERE id = ?", [contest_id])
            if found is None:
                raise LookupError(f"no contest {contest_id!r}")
            current = Status(found["status"])
            # The row first: once the contest is declared, the database refuses any new one.
            self._conn.insert(
                "status_changes",
                {
                    "contest_id": contest_id,
                    "from_status": current.value,
                    "to_status": to.value,
                    "at": at.isoformat(),
                    "operator": operator,
                    "note": note,
                },
            )
            self._conn.db.execute(
                "UPDATE contests SET status = ? WHERE id = ?", [to.value, contest_id]
            )
            self._conn.audit(
                operator,
                "status",
                "contest",
                contest_id,
                old={"status": current.value},
                new={"status": to.value, **({"note": note} if note else {})},
                contest_id=contest_id,
            )
        return at

    def status_changes(self, contest_id: str) -> list[StatusChange]:
        """Every change of status, oldest first."""
        rows = self._conn.db.rows(
            "SELECT * FROM status_changes WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [
            StatusChange(
                id=r["id"],
                contest_id=r["contest_id"],
                from_status=Status(r["from_status"]),
                to_status=Status(r["to_status"]),
                at=datetime.fromisoformat(r["at"]),
                operator=r["operator"],
                note=r["note"],
            )
            for r in rows
        ]

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
            "code": str(code),
            "subject": subject,
            "figures": figures,
            "reason": reason,
            "at": self._conn.clock().isoformat(),
            "operator": operator,
        }
        with self._conn.transaction():
            self._conn.insert("acknowledgements", row)
            self._conn.audit(
                operator,
                "acknowledge",
                "warning",
                code,
                new={"code": str(code), "subject": subject, "reason": reason, "count_id": count_id},
                contest_id=contest_id,
            )

    def acknowledgements(self, contest_id: str, count_id: int | None) -> list[Acknowledgement]:
        """Acknowledgements for the verification (count_id None) and for one count."""
        rows = self._conn.db.rows(
            "SELECT * FROM acknowledgements WHERE contest_id = ? AND "
            "(count_id IS NULL OR count_id = ?) ORDER BY id",
            [contest_id, count_id],
        )
        return [_acknowledgement(r) for r in rows]

    def all_acknowledgements(self, contest_id: str) -> list[Acknowledgement]:
        """Every acknowledgement of the contest, oldest first."""
        rows = self._conn.db.rows(
            "SELECT * FROM acknowledgements WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [_acknowledgement(r) for r in rows]

    def add_recount_request(
        self,
        contest_id: str,
        count_id: int,
        operator: str,
        *,
        requested_by: str,
        role: str,
        for_candidate: int | None,
        requested_at: datetime,
        decision: RecountDecision,
        reason: str,
        at: datetime,
    ) -> RecountRequest:
        """Record a recount request and the decision on it, with its audit row."""
        row = {
            "contest_id": contest_id,
            "count_id": count_id,
            "requested_by": requested_by,
            "role": role,
            "for_candidate": for_candidate,
            "requested_at": requested_at.isoformat(),
            "decision": decision.value,
            "reason": reason,
            "operator": operator,
            "at": at.isoformat(),
        }
        with self._conn.transaction():
            request_id = self._conn.insert("recount_requests", row)
            self._conn.audit(
                operator,
                "recount request",
                "recount_request",
                request_id,
                new={
                    k: row[k]
                    for k in ("requested_by", "role", "for_candidate", "decision", "reason")
                },
                contest_id=contest_id,
            )
        return next(r for r in self.recount_requests(contest_id) if r.id == request_id)

    def recount_requests(self, contest_id: str) -> list[RecountRequest]:
        """Every recount request of the contest, oldest first."""
        rows = self._conn.db.rows(
            "SELECT * FROM recount_requests WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [
            RecountRequest(
                id=r["id"],
                contest_id=r["contest_id"],
                count_id=r["count_id"],
                requested_by=r["requested_by"],
                role=r["role"],
                for_candidate=r["for_candidate"],
                requested_at=datetime.fromisoformat(r["requested_at"]),
                decision=RecountDecision(r["decision"]),
                reason=r["reason"],
                operator=r["operator"],
                at=datetime.fromisoformat(r["at"]),
            )
            for r in rows
        ]

    def add_declaration(
        self,
        contest_id: str,
        count_id: int,
        operator: str,
        *,
        declared_at: datetime,
        officer: str,
        data_ref: str,
        pdf: bytes,
    ) -> Declaration:
        """Keep the declaration with its PDF, and its audit row (the database refuses a second)."""
        row = {
            "contest_id": contest_id,
            "count_id": count_id,
            "kind": "declaration",
            "declared_at": declared_at.isoformat(),
            "operator": operator,
            "officer": officer,
            "reason": "",
            "data_ref": data_ref,
            "pdf": pdf,
        }
        with self._conn.transaction():
            declaration_id = self._conn.insert("declarations", row)
            self._conn.audit(
                operator,
                "declare",
                "declaration",
                declaration_id,
                new={k: row[k] for k in ("count_id", "kind", "declared_at", "officer", "data_ref")},
                contest_id=contest_id,
            )
        return next(d for d in self.declarations(contest_id) if d.id == declaration_id)

    def declarations(self, contest_id: str) -> list[Declaration]:
        """Every declaration kept for the contest, each with its PDF bytes: the declaration
        first, then any corrected declaration kept from before CountDesk stopped making them."""
        rows = self._conn.db.rows(
            "SELECT * FROM declarations WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [
            Declaration(
                id=r["id"],
                contest_id=r["contest_id"],
                count_id=r["count_id"],
                kind=r["kind"],
                declared_at=datetime.fromisoformat(r["declared_at"]),
                operator=r["operator"],
                officer=r["officer"],
                reason=r["reason"],
                data_ref=r["data_ref"],
                pdf=r["pdf"],
            )
            for r in rows
        ]

    def add_uncontested_notice(
        self,
        contest_id: str,
        operator: str,
        *,
        declared_at: datetime,
        officer: str,
        data_ref: str,
        pdf: bytes,
    ) -> None:
        """Keep the notice of uncontested election with its PDF, and its audit row (the
        database refuses a second, and one for a contest that was counted or is declared)."""
        row = {
            "contest_id": contest_id,
            "declared_at": declared_at.isoformat(),
            "operator": operator,
            "officer": officer,
            "data_ref": data_ref,
            "pdf": pdf,
        }
        with self._conn.transaction():
            notice_id = self._conn.insert("uncontested_notices", row)
            self._conn.audit(
                operator,
                "declare uncontested",
                "uncontested notice",
                notice_id,
                new={k: row[k] for k in ("declared_at", "officer", "data_ref")},
                contest_id=contest_id,
            )

    def uncontested_notice(self, contest_id: str) -> UncontestedNotice | None:
        """The notice of uncontested election kept for the contest, with its PDF, if any."""
        r = self._conn.db.row(
            "SELECT * FROM uncontested_notices WHERE contest_id = ?", [contest_id]
        )
        if r is None:
            return None
        return UncontestedNotice(
            id=r["id"],
            contest_id=r["contest_id"],
            declared_at=datetime.fromisoformat(r["declared_at"]),
            operator=r["operator"],
            officer=r["officer"],
            data_ref=r["data_ref"],
            pdf=r["pdf"],
        )


def _acknowledgement(r: sqlite3.Row) -> Acknowledgement:
    return Acknowledgement(
        id=r["id"],
        contest_id=r["contest_id"],
        count_id=r["count_id"],
        code=r["code"],
        subject=r["subject"],
        figures=r["figures"],
        reason=r["reason"],
        at=datetime.fromisoformat(r["at"]),
        operator=r["operator"],
    )
