"""Conditions of the database file a person can meet and put right: held by another program,
read-only, or a full disk. Each becomes a StorageError with one plain sentence.

Translated narrowly, by SQLite's primary result code, so any other database error still
surfaces as itself (it would be a defect to find, not a condition to explain).
"""

from __future__ import annotations

import sqlite3

from desktop.domain.codes import Code
from desktop.domain.errors import StorageError

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_FULL = 13


def storage_error(exc: sqlite3.Error, where: str) -> StorageError | None:
    """The plain-words error for a locked, read-only or full database at ``where``, else None."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(
            f"Another program (perhaps another CountDesk window) is holding {where}; close it "
            "or wait, then try again. Nothing was saved.",
            Code.D901,
        )
    if primary == SQLITE_READONLY:
        return StorageError(
            f"{where} cannot be written: the file, or the folder it is in, is read-only. "
            "Nothing was saved; copy the file to a folder you can write to and open the copy, "
            "or ask for write access.",
            Code.D902,
        )
    if primary == SQLITE_FULL:
        return StorageError(
            f"The disk holding {where} is full, so nothing was saved; free some space on it, "
            "then try again.",
            Code.D903,
        )
    return None


def database_file(conn: sqlite3.Connection) -> str:
    """The path of the main database file, or "the in-memory database"."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or "the in-memory database"
    return "the database"
