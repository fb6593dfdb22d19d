"""The local totals a local count sent, and those an area result imported, each audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.domain.local_totals import AreaReturn, SentTotals
from desktop.storage.connection import Connection


class LocalTotalsRecords:
    """Reads and writes of the local totals sent and received (migration 0018)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add_sent(
        self,
        contest_id: str,
        count_id: int,
        operator: str,
        *,
        sent_at: datetime,
        officer: str,
        data_ref: str,
        totals_json: str,
        pdf: bytes,
    ) -> None:
        """Keep the local totals sent, with the statement's PDF (the database refuses a second)."""
        row = {
            "contest_id": contest_id,
            "count_id": count_id,
            "sent_at": sent_at.isoformat(),
            "operator": operator,
            "officer": officer,
            "data_ref": data_ref,
            "totals": totals_json,
            "pdf": pdf,
        }
        with self._conn.transaction():
            sent_id = self._conn.insert("local_totals_sent", row)
            self._conn.audit(
                operator,
                "send local totals",
                "local totals",
                sent_id,
                new={k: row[k] for k in ("count_id", "sent_at", "officer", "data_ref")},
                contest_id=contest_id,
            )

    def sent(self, contest_id: str) -> SentTotals | None:
        """The local totals the contest sent, or None."""
        r = self._conn.db.row("SELECT * FROM local_totals_sent WHERE contest_id = ?", [contest_id])
        if r is None:
            return None
        return SentTotals(
            contest_id=r["contest_id"],
            count_id=r["count_id"],
            sent_at=datetime.fromisoformat(r["sent_at"]),
            operator=r["operator"],
            officer=r["officer"],
            data_ref=r["data_ref"],
            totals_json=r["totals"],
            pdf=r["pdf"],
            id=r["id"],
        )

    def voting_areas(self, contest_id: str) -> list[str]:
        """The area result's voting areas, in the order listed."""
        rows = self._conn.db.rows(
            "SELECT name FROM area_voting_areas WHERE contest_id = ? ORDER BY position, id",
            [contest_id],
        )
        return [r["name"] for r in rows]

    def set_voting_areas(self, contest_id: str, names: Sequence[str], operator: str) -> None:
        """List the area result's voting areas (replacing the list), with its audit row."""
        old = self.voting_areas(contest_id)
        with self._conn.transaction():
            self._conn.db.execute(
                "DELETE FROM area_voting_areas WHERE contest_id = ?", [contest_id]
            )
            for position, name in enumerate(names, start=1):
                self._conn.insert(
                    "area_voting_areas",
                    {"contest_id": contest_id, "position": position, "name": name},
                )
            self._conn.audit(
                operator,
                "list voting areas",
                "contest",
                contest_id,
                old=old,
                new=list(names),
                contest_id=contest_id,
            )

    def add_return(
        self, contest_id: str, voting_area: str, operator: str, *, digest: str, totals_json: str
    ) -> None:
        """Keep one voting area's local totals as imported, with its audit row."""
        row = {
            "contest_id": contest_id,
            "voting_area": voting_area,
            "imported_at": self._conn.clock().isoformat(),
            "operator": operator,
            "digest": digest,
            "totals": totals_json,
        }
        with self._conn.transaction():
            return_id = self._conn.insert("area_returns", row)
            self._conn.audit(
                operator,
                "import local totals",
                "area return",
                return_id,
                new={"voting_area": voting_area, "digest": digest},
                contest_id=contest_id,
            )

    def returns(self, contest_id: str) -> list[AreaReturn]:
        """Every voting area's local totals imported, in the order imported."""
        rows = self._conn.db.rows(
            "SELECT * FROM area_returns WHERE contest_id = ? ORDER BY id", [contest_id]
        )
        return [
            AreaReturn(
                contest_id=r["contest_id"],
                voting_area=r["voting_area"],
                imported_at=datetime.fromisoformat(r["imported_at"]),
                operator=r["operator"],
                digest=r["digest"],
                totals_json=r["totals"],
            )
            for r in rows
        ]
