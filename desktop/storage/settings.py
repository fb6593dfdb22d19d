"""Settings kept in the database itself (e.g. the backup folder), each change audited."""

from __future__ import annotations

from desktop.storage.connection import Connection


class Settings:
    """Named text values of one database."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> str | None:
        """The value of ``key``, or None if it was never set."""
        row = self.conn.db.row("SELECT value FROM settings WHERE key = ?", [key])
        return None if row is None else str(row["value"])

    def put(self, key: str, value: str, operator: str) -> None:
        """Set ``key`` to ``value`` with an audit row of old → new (nothing if unchanged)."""
        with self.conn.transaction():
            old = self.get(key)
            if old == value:
                return
            self.conn.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            self.conn.audit(operator, "update", "setting", key, old=old, new=value)
