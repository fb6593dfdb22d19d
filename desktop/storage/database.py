"""Opening the CountDesk database: pragmas, migrations, and where it lives by default.

The database is the stdlib ``sqlite3`` connection itself, in a small ``Database`` holder: every
read and write is plain parameterised SQL on it. sqlite-utils is imported only by the migration
runner, and only when a migration is pending, so opening an up-to-date database never loads it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from platformdirs import user_data_path

from desktop.domain.errors import CountDeskError
from desktop.storage.conditions import storage_error
from desktop.storage.connection import Database
from desktop.storage.migrations import applied_migrations, apply_pending

__all__ = ["BUSY_TIMEOUT_SECONDS", "Database", "default_database_path", "open_database"]

#: How long a write waits for another program holding the database before it refuses.
BUSY_TIMEOUT_SECONDS = 5.0


def default_database_path() -> Path:
    """The app's own database in the user's data directory (created on first use)."""
    return user_data_path("CountDesk", appauthor=False) / "countdesk.sqlite"


def _connect(path: Path | None, busy_timeout: float, read_only: bool) -> sqlite3.Connection:
    # The busy timeout is set as the connection is made, so even the first look at the file
    # waits for another program holding it rather than failing at once.
    if path is None:
        return sqlite3.connect(":memory:", timeout=busy_timeout)
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)
    return sqlite3.connect(str(path), timeout=busy_timeout)


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    read_only: bool = False,
) -> Database:
    """Open (creating it if ``create``) and migrate the database at ``path``; ":memory:" for tests.

    Turns on WAL and foreign keys; any statement waits up to ``busy_timeout`` seconds for
    another program holding the database. ``read_only`` opens the file as it is, for reading
    (every write is then refused in plain words). Raises CountDeskError in plain words if there
    is no database there (and ``create`` is False), or if the file is not a CountDesk database;
    such a file is left exactly as it was.
    """
    memory = str(path) == ":memory:"
    file: Path | None = None
    if not memory:
        file = Path(path)
        if (read_only or not create) and not file.exists():
            raise CountDeskError(
                f"There is no CountDesk database at {file}: check the path, or create it by "
                "importing candidates into it (countdesk-cli import FILE --db PATH)."
            )
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CountDeskError(
                f"Cannot create the folder for the database {file}: {exc.strerror}."
            ) from None
    try:
        db = Database(_connect(file, busy_timeout, read_only))
        applied = applied_migrations(db.conn)
        if applied is None and _has_tables(db.conn):
            db.close()
            raise CountDeskError(
                f"{path} is a database of some other program, not CountDesk's: choose another "
                "file. Nothing in it was changed."
            )
        db.execute("PRAGMA foreign_keys = ON")
        # As sqlite-utils has always set it on CountDesk's connections.
        db.execute("PRAGMA recursive_triggers = ON")
        if not memory and not read_only:
            db.execute("PRAGMA journal_mode = WAL")
        if not read_only:
            apply_pending(db, applied)
    except sqlite3.DatabaseError as exc:
        plain = storage_error(exc, str(path))
        if plain is not None:
            raise plain from None
        raise CountDeskError(
            f"{path} cannot be opened as a CountDesk database ({exc}): check the file name, "
            "or choose another file."
        ) from None
    return db


def _has_tables(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone()
    return found is not None
