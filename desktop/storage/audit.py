"""Reading the append-only audit log (rows are written by each write's own transaction)."""

from __future__ import annotations

import json
from datetime import datetime

from desktop.domain.records import AuditEntry
from desktop.storage.chain import SEAL
from desktop.storage.connection import Connection


class AuditLog:
    """The audit log of one database."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def audit(self, contest_id: str | None = None) -> list[AuditEntry]:
        """The audit log, oldest first; for one contest if ``contest_id`` is given.

        The chain's seals (the whole state hashed as a starting point, when the schema changes)
        are not events of the night and are left out; ``countdesk-cli verify`` reads them.
        """
        where, params = ("AND contest_id = ?", [contest_id]) if contest_id else ("", [])
        rows = self._conn.db.rows(
            f"SELECT * FROM audit WHERE action != '{SEAL}' {where} ORDER BY id", params
        )
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
