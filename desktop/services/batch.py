"""Batch printing: every contest's document of an election (or of every election) into a folder.

Without ``draft``, only declared contests are written, each with the document kept at its
declaration, byte for byte (a declaration of result or a notice of uncontested election);
with ``draft``, every contest that has a document now, as ``countdesk-cli declaration ID``
would write it (``contest_document``: the same choice, the same bytes). Every other contest is
left out, with the reason and its code, in ``countdesk-index.csv`` beside the files.

Each file is written whole or not at all (a temporary file renamed into place). Cancelling
stops before the next contest: the files already written are whole and correct, so they are
kept, and the index lists them and the contests not reached. Nothing is stored in the database.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Status
from desktop.domain.wording import plural
from desktop.domain.workflow import stage_label
from desktop.services.batch_folder import (
    INDEX_NAME,
    earlier_documents,
    folder_error,
    prepare_folder,
    write_whole,
)
from desktop.services.contest_document import (
    ContestDocument,
    DocumentKind,
    ErrorsStand,
    contest_document,
)
from desktop.services.documents import Documents
from desktop.services.exports import spreadsheet_safe
from desktop.services.local_count import LocalCount
from desktop.storage.store import Store

INDEX_COLUMNS = ("contest_id", "area", "outcome", "document", "file", "code", "reason")

#: Double entry's findings: the count's two entries are not yet one count.
_ENTRY_CODES = frozenset({Code.P101, Code.P102, Code.P103})

#: Progress: (contests done, contests in all, the contest just done).
Progress = Callable[[int, int, str], object]


@dataclass(frozen=True)
class BatchLine:
    """One contest of a batch: its file, or why it has none."""

    contest_id: str
    area: str
    #: The document written, or None where the contest was left out or not reached.
    kind: DocumentKind | None = None
    file_name: str = ""
    code: Code | None = None
    reason: str = ""
    #: Not reached because the batch was cancelled first.
    not_reached: bool = False
    #: The reason in a few words, for the summary ("not declared"); the reason where empty.
    brief: str = ""

    @property
    def written(self) -> bool:
        """Whether this contest's document was written."""
        return self.kind is not None

    @property
    def outcome(self) -> str:
        """ "written", "left out" or "not reached", as the index says it."""
        if self.written:
            return "written"
        return "not reached" if self.not_reached else "left out"


@dataclass(frozen=True)
class BatchOutcome:
    """What a batch wrote into its folder, what it left out and why, contest by contest."""

    folder: Path
    draft: bool
    #: Every contest of the batch, in the order it went through them.
    lines: tuple[BatchLine, ...] = ()
    index: Path | None = None
    #: Documents an earlier batch wrote into the folder that this one did not: removed.
    removed: tuple[str, ...] = ()

    @property
    def written(self) -> tuple[BatchLine, ...]:
        """The contests whose document was written."""
        return tuple(line for line in self.lines if line.written)

    @property
    def left_out(self) -> tuple[BatchLine, ...]:
        """The contests left out, each with its reason."""
        return tuple(line for line in self.lines if line.outcome == "left out")

    @property
    def not_reached(self) -> tuple[BatchLine, ...]:
        """The contests not reached because the batch was cancelled."""
        return tuple(line for line in self.lines if line.not_reached)

    @property
    def cancelled(self) -> bool:
        """Whether the batch was cancelled before its last contest."""
        return any(line.not_reached for line in self.lines)

    def describe(self) -> str:
        """One plain paragraph for the user."""
        what = "documents" if self.draft else "declarations"
        written = len(self.written)
        text = f"Wrote {plural(written, what[:-1], what)} to {self.folder}"
        if self.cancelled:
            reached = len(self.lines) - len(self.not_reached)
            text = (
                f"Cancelled after {reached} of {len(self.lines)} contests. {text}"
                f"{' (each whole, and kept)' if written else ''}; "
                f"{plural(len(self.not_reached), 'contest')} not reached"
            )
        reasons: dict[str, list[str]] = {}
        for line in self.left_out:
            reasons.setdefault(_short(line), []).append(line.area)
        for why, areas in reasons.items():
            text += f"; {plural(len(areas), 'contest')} {why}: {_listed(areas)}"
        if self.index is not None:
            text += f". Each contest is listed in {self.index.name}"
        if self.removed:
            text += (
                f". Removed {plural(len(self.removed), 'document')} of the earlier batch in "
                "this folder that this one wrote again under another name (a draft since "
                "declared)"
            )
        return text + "."


def _short(line: BatchLine) -> str:
    """The reason a contest was left out, in a few words, with its code."""
    why = line.brief or line.reason
    return f"{why} ({line.code})" if line.code else why


def _listed(areas: list[str], most: int = 5) -> str:
    shown = ", ".join(areas[:most])
    return f"{shown} …and {len(areas) - most} more" if len(areas) > most else shown


def file_name(contest_id: str, kind: DocumentKind) -> str:
    """A safe, stable file name from the contest's id: ``declaration-parl.batley….pdf``."""
    # "llŷn" is written "llyn": letters with accents lose them, anything else not a letter,
    # digit, dot or hyphen becomes "_" (a batch numbers two ids that then meet).
    plain = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", contest_id.lower())
        if not unicodedata.combining(ch)
    )
    safe = re.sub(r"[^a-z0-9.-]+", "_", plain).strip("._") or "contest"
    return f"{kind.stem}-{safe}.pdf"


class BatchPrinting:
    """Every contest's document of an election, or of every election, written into a folder."""

    def __init__(
        self, store: Store, documents: Documents, local: LocalCount, today: Callable[[], date]
    ) -> None:
        self.store = store
        self.documents = documents
        self.local = local
        self.today = today

    def document(self, contest_id: str, printed_on: date | None = None) -> ContestDocument:
        """The one document ``contest_id`` prints now (see ``contest_document``)."""
        return contest_document(
            self.documents, self.local, contest_id, printed_on=printed_on or self.today()
        )

    def contests(self, election_id: str | None = None) -> list[Contest]:
        """The contests a batch covers: one election's (B103 if none), or every election's."""
        if election_id is not None:
            election = self.store.find_election(election_id)
            if election is None:
                raise CountDeskError(
                    f"There is no election with the id “{election_id}” in this database: "
                    "check the id against the list of elections (countdesk-cli contests).",
                    Code.B103,
                )
        contests = self.store.contests(election_id)
        if not contests:
            where = f"election {election_id}" if election_id else "this database"
            raise CountDeskError(
                f"There are no contests in {where}, so there is nothing to print.", Code.B103
            )
        return contests

    def print_all(
        self,
        folder: Path,
        *,
        election_id: str | None = None,
        draft: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BatchOutcome:
        """Write every declared contest's declaration (``draft``: every contest's document now)
        into ``folder``, then the index; the outcome.

        ``progress`` hears (done, total, contest id) after each contest; ``cancelled`` is asked
        before each, and when it says True the batch stops there (the files written are kept).
        A folder that cannot be written (missing, read-only, a file in its place, a full disk)
        is a CountDeskError (B101) naming it; the files written before it are kept.
        """
        contests = self.contests(election_id)
        prepare_folder(folder)
        earlier = earlier_documents(folder)
        printed_on = self.today()
        lines: list[BatchLine] = []
        total = len(contests)
        for done, contest in enumerate(contests):
            if cancelled is not None and cancelled():
                lines += [
                    BatchLine(c.id, c.area, code=Code.B104, reason="cancelled", not_reached=True)
                    for c in contests[done:]
                ]
                break
            lines.append(self._one(folder, contest, draft=draft, printed_on=printed_on, done=lines))
            if progress is not None:
                progress(done + 1, total, contest.id)
        outcome = BatchOutcome(folder, draft, tuple(lines))
        index = folder / INDEX_NAME
        write_whole(index, index_csv(outcome).encode("utf-8"), folder, written=_written(lines))
        # Only a contest this batch wrote again under another name (a draft since declared):
        # the files of contests not reached, left out or of another election stay.
        written = {line.file_name for line in lines if line.written}
        stale = sorted(
            earlier[line.contest_id]
            for line in lines
            if line.written
            and earlier.get(line.contest_id, line.file_name) != line.file_name
            and earlier[line.contest_id] not in written
        )
        for name in stale:
            try:
                (folder / name).unlink(missing_ok=True)
            except OSError as exc:
                raise folder_error(folder, exc, _written(lines)) from None
        return BatchOutcome(folder, draft, tuple(lines), index, tuple(stale))

    def _one(
        self,
        folder: Path,
        contest: Contest,
        *,
        draft: bool,
        printed_on: date,
        done: list[BatchLine],
    ) -> BatchLine:
        """Write one contest's document; the line of the index that says what happened."""
        if not draft and contest.status is not Status.DECLARED:
            return BatchLine(
                contest.id,
                contest.area,
                code=Code.B102,
                reason=f"not declared (status: {stage_label(contest, contest.status)})",
                brief="not declared",
            )
        try:
            doc = contest_document(self.documents, self.local, contest.id, printed_on=printed_on)
        except ErrorsStand as exc:
            held = [f for f in exc.errors if f.code in _ENTRY_CODES]
            if held:
                return BatchLine(
                    contest.id,
                    contest.area,
                    code=held[0].code,
                    reason=held[0].message,
                    brief="whose two entries are not yet one count",
                )
            if self.store.latest_count(contest.id) is None:
                return BatchLine(
                    contest.id,
                    contest.area,
                    code=Code.S805,
                    reason="no count recorded yet",
                    brief="with no count recorded yet",
                )
            return BatchLine(
                contest.id,
                contest.area,
                code=exc.code,
                reason="the declaration is refused while errors stand: "
                + "; ".join(f"{f.code} {f.message}" for f in exc.errors),
                brief="with an error standing",
            )
        except CountDeskError as exc:
            return BatchLine(
                contest.id, contest.area, code=exc.code, reason=exc.message, brief="refused"
            )
        name = file_name(contest.id, doc.kind)
        taken = {line.file_name for line in done}
        stem, n = name.removesuffix(".pdf"), 1
        while name in taken:  # two ids alike but for characters a file name cannot keep
            n += 1
            name = f"{stem}-{n}.pdf"
        write_whole(folder / name, doc.pdf, folder, written=_written(done))
        return BatchLine(contest.id, contest.area, doc.kind, name)


def _written(lines: list[BatchLine]) -> int:
    """How many documents these lines of a batch wrote."""
    return sum(1 for line in lines if line.written)


def index_csv(outcome: BatchOutcome) -> str:
    """The batch's index as CSV text: one row a contest, in the batch's order (safe to open in
    a spreadsheet: no cell runs as a formula)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(INDEX_COLUMNS)
    for line in outcome.lines:
        row = (
            line.contest_id,
            line.area,
            line.outcome,
            line.kind.words if line.kind else "",
            line.file_name,
            str(line.code or ""),
            line.reason,
        )
        writer.writerow([spreadsheet_safe(value) for value in row])
    return out.getvalue()
