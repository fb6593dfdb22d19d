"""Opening the CountDesk database: pragmas, migrations, and where it lives by default."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from platformdirs import user_data_path
from sqlite_utils import Database

from desktop.domain.errors import CountDeskError
from desktop.storage.migrations import migrate


def default_database_path() -> Path:
    """The app's own database in the user's data directory (created on first use)."""
    return user_data_path("CountDesk", appauthor=False) / "countdesk.sqlite"


def open_database(path: str | Path, *, create: bool = True) -> Database:
    """Open (creating it if ``create``) and migrate the database at ``path``; ":memory:" for tests.

    Turns on WAL and foreign keys. Raises CountDeskError in plain words if there is no database
    there (and ``create`` is False), or if the file is not a CountDesk database; such a file is
    left exactly as it was.
    """
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if not create and not path.exists():
            raise CountDeskError(
                f"There is no CountDesk database at {path}: check the path, or create it by "
                "importing candidates into it (countdesk-cli import FILE --db PATH)."
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CountDeskError(
                f"Cannot create the folder for the database {path}: {exc.strerror}."
            ) from None
    try:
        db = Database(":memory:" if memory else path)
        tables = db.table_names()
        if tables and "migrations" not in tables:
            db.close()
            raise CountDeskError(
                f"{path} is a database of some other program, not CountDesk's: choose another "
                "file. Nothing in it was changed."
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        if not memory:
            db.enable_wal()
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise CountDeskError(
            f"{path} cannot be opened as a CountDesk database ({exc}): check the file name, "
            "or choose another file."
        ) from None
    return db
