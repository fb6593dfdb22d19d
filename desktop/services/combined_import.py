"""A combined boxes CSV: several polls' boxes in one list, each row into its poll's verification.

The file has the columns of a contest's boxes list and a ``poll`` column naming, on each row,
the poll whose papers the row is about: a contest id, or the id of an election with just one
contest in the database. An election of several contests (a district's wards) is refused,
naming its contests: which ward a box serves is not in the file. The whole file is imported or
none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.combined import poll_label
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest
from desktop.domain.verification import VerificationLine
from desktop.services.common import guard, require_operator
from desktop.services.csv_files import csv_rows, read_csv_text
from desktop.services.verification import (
    VERIFICATION_COLUMNS,
    Boxes,
    box_line,
    refuse_references_of_other_wards,
)
from desktop.storage.store import Store

COMBINED_COLUMNS = (*VERIFICATION_COLUMNS, "poll")


@dataclass(frozen=True)
class CombinedImport:
    """What a combined boxes file added: each poll's contest id and the references added."""

    polls: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def lines(self) -> int:
        """Verification lines added over every poll."""
        return sum(len(refs) for _, refs in self.polls)

    @property
    def boxes(self) -> int:
        """Physical boxes and batches named (a reference once, however many polls)."""
        return len({ref for _, refs in self.polls for ref in refs})


class CombinedBoxesFile:
    """Imports a combined boxes CSV into the verification of each poll it names."""

    def __init__(self, store: Store, boxes: Boxes) -> None:
        self.store = store
        self._boxes = boxes

    def _poll_of(self, text: str, where: str) -> Contest:
        """The contest a row's ``poll`` names, or V507 saying why not."""
        poll = text.strip()
        if not poll:
            raise CountDeskError(
                f"{where}: the poll is empty: give the contest id (or the id of an election "
                "with one contest) whose papers the row is about; nothing was imported.",
                Code.V507,
            )
        contest = self.store.find_contest(poll)
        if contest is not None:
            return contest
        if self.store.find_election(poll) is not None:
            contests = self.store.contests(poll)
            if len(contests) == 1:
                return contests[0]
            if contests:
                ids = ", ".join(c.id for c in contests[:5])
                more = f" and {len(contests) - 5} more" if len(contests) > 5 else ""
                raise CountDeskError(
                    f"{where}: poll “{poll}” is an election of {len(contests)} contests "
                    f"({ids}{more}): give the contest whose papers the row is about; nothing "
                    "was imported.",
                    Code.V507,
                )
        raise CountDeskError(
            f"{where}: there is no contest or election “{poll}” in this database: check the "
            "poll's id against the list of contests (import its candidates first); nothing "
            "was imported.",
            Code.V507,
        )

    def import_csv(self, path: str | Path, operator: str) -> CombinedImport:
        """Import the file into each named poll's verification: all or nothing."""
        operator = require_operator(operator)
        path = Path(path)
        _columns, rows = csv_rows(
            read_csv_text(path),
            path.name,
            COMBINED_COLUMNS,
            header=lambda c: c.strip().lower(),
            columns_hint="a combined boxes file needs the columns reference, name, kind (box or "
            "postal), poll (the contest whose papers the row is about) and issued. A list "
            "without poll is one contest's: import it on that contest's Verification screen.",
        )
        polls: dict[str, Contest] = {}
        lines: dict[str, list[VerificationLine]] = {}
        listed: dict[str, set[str]] = {}
        seen: dict[str, tuple[VerificationLine, int]] = {}
        named: dict[str, Contest] = {}
        for row in rows:
            where = f"Line {row.line} of {path.name}"
            line = box_line(row, path.name)
            poll = row.get("poll").strip()
            if poll not in named:
                named[poll] = self._poll_of(poll, where)
            contest = named[poll]
            if contest.id not in polls:
                try:
                    guard(self.store, contest.id, "verification")
                except CountDeskError as refused:
                    raise CountDeskError(
                        f"{where} is for {poll_label(contest)} ({contest.id}), whose boxes cannot "
                        f"be listed now. {refused.message.removesuffix(' Nothing was saved.')} "
                        "Nothing was imported.",
                        refused.code,
                    ) from None
                polls[contest.id] = contest
                listed[contest.id] = {x.reference for x in self.store.verification(contest.id)}
                lines[contest.id] = []
            if line.reference in listed[contest.id]:
                raise CountDeskError(
                    f"{where}: box {line.reference} is already listed for "
                    f"{poll_label(contest)} ({contest.id}); nothing was imported.",
                    Code.V508,
                )
            if line.reference in seen:
                _same_box(line, *seen[line.reference], where)
            else:
                seen[line.reference] = (line, row.line)
            listed[contest.id].add(line.reference)
            lines[contest.id].append(line)
        if not lines:
            raise CountDeskError(f"{path.name} lists no ballot boxes.")
        days = {c.poll_date for c in polls.values()}
        if len(days) > 1:
            raise CountDeskError(
                f"{path.name} names polls of {len(days)} different days: polls share their "
                "ballot boxes only on one day. Give each day its own file; nothing was imported."
            )
        self._agrees_with_other_polls(seen, polls, path.name)
        refuse_references_of_other_wards(self.store, lines, path.name)
        with self.store.transaction():
            for contest_id, added in lines.items():
                self.store.add_verification_lines(contest_id, added, operator)
                self._boxes.sync_papers(contest_id, operator)
        return CombinedImport(
            tuple((cid, tuple(x.reference for x in added)) for cid, added in lines.items())
        )

    def _agrees_with_other_polls(
        self,
        seen: dict[str, tuple[VerificationLine, int]],
        polls: dict[str, Contest],
        file_name: str,
    ) -> None:
        """A reference already listed for another poll of the day is the same box: its name
        and kind must agree (V509)."""
        day = next(iter(polls.values())).poll_date
        for contest in self.store.contests():
            if contest.poll_date != day:
                continue
            for existing in self.store.verification(contest.id):
                found = seen.get(existing.reference)
                if found is not None:
                    _same_box(
                        found[0],
                        existing,
                        None,
                        f"Line {found[1]} of {file_name}",
                        also=f"as listed for {poll_label(contest)}",
                    )


def _same_box(
    line: VerificationLine,
    other: VerificationLine,
    other_line: int | None,
    where: str,
    *,
    also: str = "",
) -> None:
    """Refuse two rows (or a row and a box listed before) that give one reference two names or
    kinds (V509): a reference is one physical box."""
    if line.name == other.name and line.kind is other.kind:
        return
    said = also or f"on line {other_line}"
    what = (
        f"the name “{line.name}”, not “{other.name}”"
        if line.name != other.name
        else f"the kind {line.kind.value}, not {other.kind.value}"
    )
    raise CountDeskError(
        f"{where}: box {line.reference} has {what} {said}. A reference is one physical box: "
        "give it the same name and kind on every poll's row; nothing was imported.",
        Code.V509,
    )
