"""Backup copies of a database file in a folder: made whole, put in place only once checked.

A copy is written by SQLite's ``VACUUM INTO`` (a consistent snapshot, read through a read-only
connection of its own, so it never blocks the window writing) into a hidden temporary file in
the backup folder, flushed to the disk, and renamed to its real name only after it has been
checked. A process killed half way therefore leaves at most a ``.part`` file, never a copy
that looks good; such leftovers are removed by a later backup once they are old enough not to
be another window's backup still in progress.

Copies are named after the database and the time (UTC): ``night-2021-07-02T014200Z.sqlite``
(a second copy in the same second gets ``-2``). Only names of that form are counted as copies,
listed and pruned; nothing else in the folder is touched.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

#: A temporary copy older than this is a leftover of a backup that was stopped: removed.
STALE_AFTER = timedelta(minutes=15)

_STAMP = "%Y-%m-%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupCopy:
    """One good copy in the backup folder, and when it was made (UTC, from its name)."""

    path: Path
    made_at: datetime
    number: int = 1


def copy_name(stem: str, at: datetime, number: int = 1) -> str:
    """The file name of a copy of the database ``stem`` made at ``at``."""
    suffix = "" if number == 1 else f"-{number}"
    return f"{stem}-{at.astimezone(UTC).strftime(_STAMP)}{suffix}.sqlite"


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}}T\d{{6}}Z)(?:-(\d+))?\.sqlite$")


def good_copies(folder: Path, stem: str) -> list[BackupCopy]:
    """The copies of database ``stem`` in ``folder``, oldest first (OSError if unreadable)."""
    pattern = _pattern(stem)
    found = []
    for entry in os.scandir(folder):
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        at = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
        found.append(BackupCopy(Path(entry.path), at, int(match[2] or 1)))
    return sorted(found, key=lambda c: (c.made_at, c.number))


def reserve(folder: Path, stem: str) -> Path:
    """An empty, hidden temporary file in ``folder`` for the next copy (OSError if it cannot be)."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{stem}-", suffix=".sqlite.part")
    os.close(fd)
    # mkstemp makes it private to its owner; a copy gets the permissions any new file would.
    umask = os.umask(0)
    os.umask(umask)
    with suppress(OSError):
        os.chmod(name, 0o666 & ~umask)
    return Path(name)


def vacuum_into(source: Path, target: Path, busy_timeout: float) -> None:
    """Write a consistent copy of the database ``source`` into the empty file ``target``.

    Raises sqlite3.Error if SQLite cannot (a full disk is SQLITE_FULL, a pulled stick an I/O
    error). The source is opened read-only and is never changed.
    """
    conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)
    try:
        conn.execute("VACUUM INTO ?", [str(target)])
    finally:
        conn.close()


def flush(path: Path) -> None:
    """Make sure the file's bytes are on the disk, not only in the system's cache."""
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())


def put_in_place(temp: Path, folder: Path, stem: str, at: datetime) -> BackupCopy:
    """Rename the checked temporary copy to its real name (the first free one) and return it."""
    number = 1
    while (folder / copy_name(stem, at, number)).exists():
        number += 1
    final = folder / copy_name(stem, at, number)
    os.replace(temp, final)
    _flush_folder(folder)
    return BackupCopy(final, at.astimezone(UTC).replace(microsecond=0), number)


def _flush_folder(folder: Path) -> None:
    # The rename is on the disk once the folder's entry is; Windows has no such call.
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def prune(folder: Path, stem: str, keep: int) -> list[Path]:
    """Remove the oldest copies beyond the newest ``keep``; return what was removed."""
    removed = []
    copies = good_copies(folder, stem)
    for old in copies[: max(len(copies) - keep, 0)]:
        with suppress(FileNotFoundError):
            old.path.unlink()
        removed.append(old.path)
    return removed


def remove_leftovers(folder: Path, stem: str, now: datetime) -> None:
    """Remove temporary copies of ``stem`` left by a backup that was stopped long ago."""
    cutoff = (now - STALE_AFTER).timestamp()
    for entry in os.scandir(folder):
        if entry.name.startswith(f".{stem}-") and entry.name.endswith(".sqlite.part"):
            with suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)


def discard(path: Path) -> None:
    """Remove a temporary copy and any journal SQLite kept beside it (safe if already gone)."""
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with suppress(OSError):
            leftover.unlink()


def size_of(source: Path) -> int:
    """About how many bytes a copy of ``source`` needs: the file and its write-ahead log."""
    total = 0
    for path in (source, source.with_name(source.name + "-wal")):
        with suppress(OSError):
            total += path.stat().st_size
    return total
