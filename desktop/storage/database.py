"""Opening the CountDesk database: pragmas, migrations, and where it lives by default."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from platformdirs import user_data_path
from sqlite_utils import Database

from desktop.domain.errors import CountDeskError
from desktop.storage.conditions import storage_error
from desktop.storage.migrations import migrate

#: How long a write waits for another program holding the database before it refuses.
BUSY_TIMEOUT_SECONDS = 5.0


def default_database_path() -> Path:
    """The app's own database in the user's data directory (created on first use)."""
    return user_data_path("CountDesk", appauthor=False) / "countdesk.sqlite"


def _connect(path: Path | None, busy_timeout: float, read_only: bool) -> sqlite3.Connection:
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

    Turns on WAL and foreign keys; a write waits up to ``busy_timeout`` seconds for another
    program holding the database. ``read_only`` opens the file as it is, for reading (every
    write is then refused in plain words). Raises CountDeskError in plain words if there is no
    database there (and ``create`` is False), or if the file is not a CountDesk database; such
    a file is left exactly as it was. sqlite-utils plugins are not loaded (a cost at every start).
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
        db = Database(_connect(file, busy_timeout, read_only), execute_plugins=False)
        tables = db.table_names()
        if tables and "migrations" not in tables:
            db.close()
            raise CountDeskError(
                f"{path} is a database of some other program, not CountDesk's: choose another "
                "file. Nothing in it was changed."
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if not memory and not read_only:
            db.enable_wal()
        if not read_only:
            migrate(db)
    except sqlite3.DatabaseError as exc:
        plain = storage_error(exc, str(path))
        if plain is not None:
            raise plain from None
        raise CountDeskError(
            f"{path} cannot be opened as a CountDesk database ({exc}): check the file name, "
            "or choose another file."
        ) from None
    return db
