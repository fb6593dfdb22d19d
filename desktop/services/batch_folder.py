"""The folder a batch of documents is written into: made ready before anything is written,
each file written whole, the documents an earlier batch left there, and a folder that cannot be
written said in plain words (B101)."""

from __future__ import annotations

import csv
import errno
import io
import re
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.wording import plural
from desktop.services.contest_document import DocumentKind
from desktop.services.files import OutputFile, why_not

#: The index of a batch, written beside its documents.
INDEX_NAME = "countdesk-index.csv"


#: The name of a document a batch writes: its kind's stem, then the contest's id made safe.
_DOCUMENT_NAME = re.compile(
    "(?:" + "|".join(re.escape(kind.stem) for kind in DocumentKind) + r")-[a-z0-9._-]+\.pdf"
)


def earlier_documents(folder: Path) -> dict[str, str]:
    """The document an earlier batch's index says it wrote into ``folder`` for each contest
    (only names a batch gives its documents: no other file is ever taken for one); none
    without an index."""
    try:
        text = (folder / INDEX_NAME).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return {}
    names = {}
    for row in csv.DictReader(io.StringIO(text)):
        name = row.get("file") or ""
        if row.get("outcome") == "written" and _DOCUMENT_NAME.fullmatch(name):
            names[row.get("contest_id") or ""] = name
    return names


def prepare_folder(folder: Path) -> None:
    """Make sure ``folder`` can take the batch's files, creating it (not its parents) if
    missing; a plain CountDeskError (B101) naming it if it cannot, before anything is written."""
    if folder.exists() and not folder.is_dir():
        raise CountDeskError(
            f"{folder} is a file, not a folder, so nothing was written: choose a folder (or a "
            "new folder's name) for the documents.",
            Code.B101,
        )
    if not folder.exists():
        if not folder.parent.is_dir():
            raise CountDeskError(
                f"There is no folder {folder.parent} to make {folder.name} in, so nothing was "
                "written: create the folder or choose one that exists.",
                Code.B101,
            )
        try:
            folder.mkdir()
        except OSError as exc:
            raise folder_error(folder, exc, 0) from None
    try:
        probe = OutputFile(folder / INDEX_NAME)
    except OSError as exc:
        raise folder_error(folder, exc, 0) from None
    probe.discard()


def write_whole(path: Path, data: bytes, folder: Path, *, written: int) -> None:
    """Write one file whole (temporary file renamed into place), or B101 naming the folder
    (``written``: the documents of the batch written before it)."""
    try:
        out = OutputFile(path)
        out.write(data)
    except OSError as exc:
        raise folder_error(folder, exc, written) from None


def folder_error(folder: Path, exc: OSError, written: int) -> CountDeskError:
    """B101: the folder cannot be written, why, what to do, and what is in it already."""
    why, todo = why_not(exc)
    if exc.errno == errno.ENOENT:
        # Gone with what was written to it: nothing to say is kept.
        why = "it is no longer there, as when a USB stick is pulled out"
        todo = "plug it back in or choose another folder"
        kept = ""
    elif written:
        n = written
        kept = (
            f" The {plural(n, 'document')} written before it {'is' if n == 1 else 'are'} "
            "whole and kept."
        )
    else:
        kept = " Nothing was written."
    return CountDeskError(
        f"The folder {folder} cannot be written ({why}).{kept} To print them all, {todo}, "
        "then print them again.",
        Code.B101,
    )
