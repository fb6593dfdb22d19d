"""Output files written whole or not at all, and a file that cannot be written in plain words.

A PDF or export is written to a temporary file in the same folder and then renamed over the
name asked for (``os.replace``), so a full disk, a pulled USB stick or Ctrl+C never leaves a
0-byte or half-written file behind, and an earlier file of that name stays as it was.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from desktop.domain.errors import CountDeskError

# What went wrong and what to do, by errno, for a file that cannot be written.
_WHY: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "free some space or choose a folder on another disk"),
    errno.EDQUOT: ("your disk quota is used up", "free some space or choose another folder"),
    errno.EROFS: ("the disk is read-only", "choose a folder on a disk that can be written to"),
    errno.EACCES: (
        "permission denied",
        "close the file if another program has it open, or choose a folder you can write to",
    ),
    errno.EPERM: ("permission denied", "choose a folder you can write to"),
    errno.ENOENT: ("there is no such folder", "create the folder or choose one that exists"),
    errno.ENOTDIR: ("part of the path is not a folder", "choose a folder that exists"),
    errno.EISDIR: ("it is a folder", "give a file name"),
    errno.ENAMETOOLONG: ("the name is too long", "choose a shorter name"),
}


def why_not(exc: OSError) -> tuple[str, str]:
    """(what went wrong, what to do) for an OSError on a file, in plain words."""
    if exc.errno in _WHY:
        return _WHY[exc.errno]
    reason = (exc.strerror or type(exc).__name__).rstrip(".")
    return reason[:1].lower() + reason[1:], "check the disk and the folder"


def cannot_write(path: Path, exc: OSError, *, done: str | None = None, again: str = "") -> str:
    """One sentence: ``path`` could not be written, why, and what to do.

    ``done`` is what the command did before the file failed (a declaration stays made); then
    ``again`` says how to print the file once more.
    """
    why, todo = why_not(exc)
    if done is not None:
        return f"{done}, but {path} could not be written ({why}): {todo}, then {again}."
    return (
        f"{path} could not be written ({why}), so nothing was written: {todo}, then run the "
        "command again."
    )


def _mode_for(path: Path) -> int:
    """The permissions the file would get if written in place: its own, or the umask's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class OutputFile:
    """A temporary file beside ``path``, renamed over ``path`` once it is written whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        import tempfile  # only a command that writes a file needs it

        folder = path.parent
        self._fd, name = tempfile.mkstemp(
            dir=folder if str(folder) else ".", prefix=f".{path.name}.", suffix=".part"
        )
        self._temp: Path | None = Path(name)

    def write(self, data: bytes) -> None:
        """Write ``data`` whole to the temporary file, flush it to disk and rename it into place.

        Raises OSError (the temporary file removed) if any of it fails.
        """
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1
            assert self._temp is not None
            os.chmod(self._temp, _mode_for(self.path))
            os.replace(self._temp, self.path)
            self._temp = None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Remove the temporary file if it was not renamed into place (safe to call twice)."""
        if self._fd >= 0:
            with suppress(OSError):
                os.close(self._fd)
            self._fd = -1
        if self._temp is not None:
            with suppress(FileNotFoundError):
                self._temp.unlink()
            self._temp = None


@contextmanager
def output_file(path: Path) -> Iterator[OutputFile]:
    """Reserve a temporary file beside ``path`` for the block; never leave it behind.

    The reservation comes first so that a folder that is missing, read-only or not ours is
    refused before the command acts (before a declaration is made, say). Raises CountDeskError
    with a plain sentence if the folder cannot take the file.
    """
    try:
        out = OutputFile(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not path.parent.is_dir():
            raise CountDeskError(
                f"There is no folder {path.parent} to write {path.name} in, so nothing was done: "
                "create the folder or choose one that exists."
            ) from None
        raise CountDeskError(
            f"{path} cannot be written ({why_not(exc)[0]}), so nothing was done: {why_not(exc)[1]}."
        ) from None
    try:
        yield out
    finally:
        out.discard()


def write_file(out: OutputFile, data: bytes, *, done: str | None = None, again: str = "") -> None:
    """Write ``data`` to ``out``; raise CountDeskError with a plain sentence if it fails."""
    try:
        out.write(data)
    except OSError as exc:
        raise CountDeskError(cannot_write(out.path, exc, done=done, again=again)) from None
