"""The night's progress over many contests in few reads: when each contest's provisional
result was shown and when it was declared, and whether another program changed the file."""

from __future__ import annotations

from datetime import datetime

from desktop.storage.connection import Connection


class Progress:
    """Reads across every contest of the database, for the election overview."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def shown_times(self) -> dict[str, datetime]:
        """Contest id → when its provisional result was last shown (one read)."""
        rows = self._conn.db.execute(
            "SELECT contest_id, MAX(id), at FROM status_changes WHERE to_status = 'provisional' "
            "GROUP BY contest_id"
        )
        return {cid: datetime.fromisoformat(at) for cid, _, at in rows}

    def declared_times(self) -> dict[str, datetime]:
        """Contest id → when it was declared (its declaration, or the notice of uncontested
        election; for a local count, when its local totals were sent), read without the kept
        PDFs (one read)."""
        rows = self._conn.db.execute(
            "SELECT contest_id, declared_at FROM declarations WHERE kind = 'declaration' "
            "UNION ALL SELECT contest_id, declared_at FROM uncontested_notices "
            "UNION ALL SELECT contest_id, sent_at FROM local_totals_sent"
        )
        return {cid: datetime.fromisoformat(at) for cid, at in rows}

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection (the command
        line, another station) commits to the file, and not for this connection's own writes."""
        return int(self._conn.db.execute("PRAGMA data_version").fetchone()[0])
