"""Backups while counting: a checked copy of the database in a chosen folder.

A copy is made after every recorded count, lots, recount decision, stage change and
declaration (``after_change``), and on demand (``back_up_now``: ``countdesk-cli backup``, File ›
Back up now…). Each is written under a temporary name, checked (``check_copy``), and only then
renamed to its real name; the newest ``keep`` copies are kept. The folder and ``keep`` are
settings of the database itself, so the window and the command line use the same ones, and a
change is audited.

An automatic backup never undoes or blocks what it follows: the action is saved first, and a
backup that fails is reported (``BackupOutcome.error``) for the window or the command line to
show. Nothing here raises from ``after_change``.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services.files import why_not
from desktop.storage import backups as files
from desktop.storage import tamper
from desktop.storage.backups import BackupCopy
from desktop.storage.conditions import SQLITE_FULL, database_file
from desktop.storage.database import BUSY_TIMEOUT_SECONDS, open_database
from desktop.storage.migrations import MIGRATIONS, applied_migrations
from desktop.storage.store import Store

__all__ = [
    "DEFAULT_KEEP",
    "BackgroundBackups",
    "BackupCopy",
    "BackupJob",
    "BackupOutcome",
    "BackupState",
    "Backups",
    "check_copy",
]

FOLDER_KEY = "backup_folder"
KEEP_KEY = "backup_keep"
#: How many good copies are kept unless the database says otherwise.
DEFAULT_KEEP = 10


def check_copy(path: Path) -> str | None:
    """Why the copy at ``path`` cannot be trusted, in plain words; None if it is good.

    A copy is good when, opened read-only, SQLite's ``PRAGMA integrity_check`` says "ok", every
    migration of this version of CountDesk is applied, and every contest, its candidates and its
    counts can be read through CountDesk's own storage, and its audit chain verifies (the check
    ``countdesk-cli verify`` makes): a copy of a record changed outside CountDesk is not a good
    copy. Every backup goes through this one function.
    """
    try:
        db = open_database(path, read_only=True)
    except CountDeskError as exc:
        return exc.message
    try:
        verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if verdict != ["ok"]:
            return f"SQLite's integrity check found: {'; '.join(verdict[:3])}"
        applied = applied_migrations(db.conn) or set()
        missing = [name for name, _ in MIGRATIONS if name not in applied]
        if missing:
            return f"it lacks the database changes {', '.join(missing)}"
        store = Store(db)
        for contest in store.contests():
            store.candidates(contest.id)
            store.counts(contest.id)
        problems = tamper.verify(db.conn).problems
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            return f"its record does not verify: {problems[0]}{more}"
        return None
    except (sqlite3.Error, CountDeskError, ValueError, KeyError) as exc:
        return f"CountDesk could not read it ({exc})"
    finally:
        db.close()


@dataclass(frozen=True)
class BackupOutcome:
    """What one backup did: the copy made and the copies removed, or the error."""

    folder: Path
    copy: BackupCopy | None = None
    error: CountDeskError | None = None
    removed: tuple[Path, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def _folder_error(folder: Path, exc: OSError) -> CountDeskError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return CountDeskError(
            f"The disk holding the backup folder {folder} is full, so no backup was made: free "
            "some space on it or choose another folder.",
            Code.D905,
        )
    if exc.errno == errno.ENOENT or not folder.is_dir():
        why, todo = "it is missing", "plug the USB stick back in, or choose another folder"
    else:
        why, todo = why_not(exc)
    return CountDeskError(
        f"The backup folder {folder} cannot be written ({why}), so no backup was made: {todo}.",
        Code.D904,
    )


@dataclass(frozen=True)
class BackupJob:
    """One backup to make: which database, into which folder, keeping how many copies.

    ``run`` uses only files and connections of its own, so it may run on another thread.
    """

    source: Path
    folder: Path
    keep: int
    at: datetime
    busy_timeout: float = BUSY_TIMEOUT_SECONDS

    def run(self) -> BackupOutcome:
        """Make, check and keep one copy; never raises (the error is in the outcome)."""
        started = time.perf_counter()
        stem = self.source.stem
        try:
            temp = files.reserve(self.folder, stem)
        except OSError as exc:
            return BackupOutcome(self.folder, error=_folder_error(self.folder, exc))
        try:
            files.remove_leftovers(self.folder, stem, self.at)
            files.vacuum_into(self.source, temp, self.busy_timeout)
            files.flush(temp)
            problem = check_copy(temp)
            if problem is not None:
                return BackupOutcome(
                    self.folder,
                    error=CountDeskError(
                        f"The backup copy made in {self.folder} failed its check ({problem}), "
                        "so it was not kept; the copies made before it stand. Try again, or "
                        "choose another folder or stick.",
                        Code.D906,
                    ),
                )
            copy = files.put_in_place(temp, self.folder, stem, self.at)
            removed = files.prune(self.folder, stem, self.keep)
        except OSError as exc:
            return BackupOutcome(self.folder, error=_folder_error(self.folder, exc))
        except sqlite3.Error as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code == SQLITE_FULL:
                error = _folder_error(self.folder, OSError(errno.ENOSPC, "full"))
            elif not self.folder.is_dir():
                error = _folder_error(self.folder, OSError(errno.ENOENT, "missing"))
            else:
                error = CountDeskError(
                    f"No backup could be written to {self.folder} ({exc}): check the folder or "
                    "the stick, or choose another folder.",
                    Code.D904,
                )
            return BackupOutcome(self.folder, error=error)
        finally:
            files.discard(temp)
        return BackupOutcome(
            self.folder, copy=copy, removed=tuple(removed), seconds=time.perf_counter() - started
        )


@dataclass(frozen=True)
class BackupState:
    """Where backups go, the last good copy there, and anything wrong with the folder now."""

    folder: Path | None
    keep: int
    last_good: BackupCopy | None
    problem: CountDeskError | None


class Backups:
    """The backup folder of one database, and the copies made into it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: Runs each automatic backup: at once by default (the command line); the window hands
        #: them to a worker thread (``BackgroundBackups``).
        self.runner: Callable[[BackupJob], object] = self._run_now
        #: The outcome of the last automatic backup run at once, for the command line to report.
        self.last: BackupOutcome | None = None

    def folder(self) -> Path | None:
        """The backup folder chosen for this database, or None."""
        value = self.store.settings.get(FOLDER_KEY)
        return None if not value else Path(value)

    def keep(self) -> int:
        """How many good copies are kept."""
        value = self.store.settings.get(KEEP_KEY)
        return DEFAULT_KEEP if value is None else int(value)

    def _source(self) -> Path:
        name = database_file(self.store.db.conn)
        if not name or name.startswith("the "):
            raise CountDeskError("A database kept only in memory cannot be backed up.")
        return Path(name)

    def job(self, folder: Path | None = None, keep: int | None = None) -> BackupJob:
        """The backup to make now, into ``folder`` (else the chosen one); D907 if none."""
        folder = folder or self.folder()
        if folder is None:
            raise CountDeskError(
                "No backup folder is chosen for this database: choose one (File › Back up "
                "now…, or countdesk-cli backup --to FOLDER).",
                Code.D907,
            )
        if keep is not None and keep < 1:
            raise CountDeskError(f"Keep at least one copy (not {keep}): give a number from 1.")
        return BackupJob(
            self._source(),
            Path(os.path.abspath(folder)),
            keep or self.keep(),
            self.store.clock(),
        )

    def back_up_now(
        self, operator: str, folder: Path | None = None, keep: int | None = None
    ) -> BackupOutcome:
        """Make a checked copy now; a new ``folder``/``keep`` is stored once a copy is good.

        Raises CountDeskError (D904–D907) if no good copy could be made; the settings are then
        left as they were.
        """
        job = self.job(folder, keep)
        outcome = job.run()
        if outcome.error is not None:
            raise outcome.error
        if folder is not None and self.folder() != job.folder:
            self.store.settings.put(FOLDER_KEY, str(job.folder), operator)
        if keep is not None and self.keep() != keep:
            self.store.settings.put(KEEP_KEY, str(keep), operator)
        return outcome

    def after_change(self) -> None:
        """Back up after a count, stage or declaration was saved, if a folder is chosen.

        Never raises: the action stands whatever happens to its backup.
        """
        try:
            if self.folder() is None:
                return
            job = self.job()
        except (CountDeskError, sqlite3.Error, ValueError) as exc:
            message = exc if isinstance(exc, CountDeskError) else CountDeskError(str(exc))
            self.last = BackupOutcome(Path(), error=message)
            return
        self.runner(job)

    def _run_now(self, job: BackupJob) -> None:
        self.last = job.run()

    def state(self) -> BackupState:
        """The folder, its last good copy, and whether it is missing, read-only or too full."""
        folder, keep = self.folder(), self.keep()
        if folder is None:
            return BackupState(None, keep, None, None)
        try:
            source = self._source()
            copies = files.good_copies(folder, source.stem)
        except OSError as exc:
            return BackupState(folder, keep, None, _folder_error(folder, exc))
        last = copies[-1] if copies else None
        if not os.access(folder, os.W_OK):
            return BackupState(folder, keep, last, _folder_error(folder, PermissionError(13, "")))
        free = shutil.disk_usage(folder).free
        needed = files.size_of(source)
        if free < needed:
            problem = CountDeskError(
                f"The disk holding the backup folder {folder} has {free // 1_000_000} MB free, "
                f"and a copy needs about {needed // 1_000_000 + 1} MB: free some space or "
                "choose another folder.",
                Code.D905,
            )
            return BackupState(folder, keep, last, problem)
        return BackupState(folder, keep, last, None)


class BackgroundBackups:
    """Runs backups one at a time on a worker thread, so saving never waits for a copy.

    A backup asked for while one runs waits; of those waiting only the newest is made (it
    copies everything the others would have). ``done`` is called on the worker thread.
    """

    def __init__(self, done: Callable[[BackupOutcome], object]) -> None:
        self._done = done
        self._lock = threading.Lock()
        self._next: BackupJob | None = None
        self._thread: threading.Thread | None = None

    def __call__(self, job: BackupJob) -> None:
        with self._lock:
            self._next = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="backup", daemon=True)
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._next = self._next, None
                if job is None:
                    self._thread = None
                    return
            self._done(job.run())

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait for the backups asked for to finish; False if they are still running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                thread = self._thread
            if thread is None:
                return True
            thread.join(max(deadline - time.monotonic(), 0))
        with self._lock:
            return self._thread is None
