"""Imports: a Democracy Club candidates CSV, and the Batley and Spen demo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.bounds import candidates_problem
from desktop.domain.codes import Code
from desktop.domain.election_types import kind_from_organisation
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, Contest, Election, Status
from desktop.domain.wording import plural
from desktop.services.candidates_csv import (
    PlannedCandidate,
    PlannedContest,
    read_candidates_csv,
)
from desktop.services.common import require_operator
from desktop.services.setup import Setup, default_title
from desktop.storage.imported import NewCandidate
from desktop.storage.store import Store

#: The demo shipped with the app: Batley and Spen by-election, 1 July 2021, as published.
DEMO_CSV = Path(__file__).resolve().parents[2] / "resources" / "demo" / "batley-and-spen-2021.csv"
DEMO_CONTEST = "parl.batley-and-spen.by.2021-07-01"


@dataclass(frozen=True)
class SplitToConfirm:
    """A name the import split at a surname particle: to check against the SOPN."""

    contest_id: str
    candidate_id: int
    person_name: str
    #: How the name will print, e.g. ``Ó BRIAIN, Dara``.
    display_name: str
    #: The split in words, e.g. ``surname “Ó Briain” (at the particle “Ó”), forenames “Dara”``.
    how: str


@dataclass
class ImportSummary:
    """What an import created and what it found already there."""

    elections_created: list[str] = field(default_factory=list)
    contests_created: list[str] = field(default_factory=list)
    candidates_created: int = 0
    candidates_unchanged: int = 0
    #: Names split at a surname particle, each to be confirmed before the contest leaves setup.
    splits_to_confirm: list[SplitToConfirm] = field(default_factory=list)
    #: Each contest created, with how many candidates it was created with.
    contest_candidates: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether the import created anything."""
        return bool(self.elections_created or self.contests_created or self.candidates_created)

    def describe(self) -> str:
        """One plain paragraph for the user."""
        if not self.changed:
            return f"Nothing new: all {self.candidates_unchanged} candidates were already imported."
        parts = [
            plural(len(self.elections_created), "election"),
            plural(len(self.contests_created), "contest"),
            plural(self.candidates_created, "candidate"),
        ]
        text = "Created " + ", ".join(parts[:-1]) + " and " + parts[-1] + "."
        if self.candidates_unchanged:
            text += f" {self.candidates_unchanged} candidates were already imported."
        return text

    def describe_splits(self) -> list[str]:
        """The names split at a surname particle, one line each, after a line saying what to do.

        Empty where there are none.
        """
        if not self.splits_to_confirm:
            return []
        n = len(self.splits_to_confirm)
        lines = [
            f"{plural(n, 'name')} {'has' if n == 1 else 'have'} a surname particle, so "
            f"{'its' if n == 1 else 'each'} surname was taken with it. Check "
            f"{'it' if n == 1 else 'each'} against the statement of persons nominated, correct "
            "any that differ, then confirm the names and order (Setup: Confirm names and "
            "order; or countdesk-cli order ID --confirm):"
        ]
        for split in self.splits_to_confirm:
            lines.append(f"{split.person_name} → {split.display_name}: {split.how}")
        return lines


#: Progress of an import: (steps done, steps in all), each row checked then each row written.
ImportProgress = Callable[[int, int], object]


class _Watch:
    """An import's progress told, and Cancel heard (B105: nothing is imported)."""

    def __init__(
        self,
        path: Path,
        progress: ImportProgress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.path = path
        self.progress = progress
        self.cancelled = cancelled
        self.rows = 0
        self.skipped = 0

    def _check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise CountDeskError(
                f"The import of {self.path.name} was cancelled, so nothing of it was imported: "
                "the database is as it was.",
                Code.B105,
            )

    def checked(self, done: int, total: int) -> None:
        """``done`` rows of ``total`` read and checked."""
        self.rows = total
        self._check()
        if self.progress is not None:
            self.progress(done, 2 * total)

    def before_writing(self, candidates: int) -> None:
        """Every row checked: the last chance to cancel before anything is written."""
        self._check()
        # Rows already imported are not written again: count them as written.
        self.skipped = self.rows - candidates
        if self.progress is not None:
            self.progress(self.rows + self.skipped, 2 * self.rows)

    def written(self, done: int) -> None:
        """``done`` new candidates written (inside the transaction: Cancel rolls it back)."""
        self._check()
        if self.progress is not None:
            self.progress(self.rows + self.skipped + done, 2 * self.rows)


class Imports:
    """Importing candidates, and opening the demo."""

    def __init__(self, store: Store, setup: Setup) -> None:
        self.store = store
        self.setup = setup

    def import_candidates(
        self,
        path: str | Path,
        operator: str,
        *,
        progress: ImportProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Import a Democracy Club candidates CSV: all of it in one transaction, or nothing.

        Elections, contests and candidates already imported are left as they are (corrections
        made since are kept), so re-importing the same file changes nothing. ``progress``
        hears (steps done, steps in all): each row checked, then each row written; when
        ``cancelled`` says True, the import stops with B105 and nothing is imported.
        """
        operator = require_operator(operator)
        path = Path(path)
        watch = _Watch(path, progress, cancelled)
        plan = read_candidates_csv(path, progress=watch.checked)
        summary = ImportSummary()
        known = self.store.imported.known(
            plan, (c for planned in plan.values() for c in planned.contests)
        )
        elections: list[tuple[Election, str]] = []
        contests: list[Contest] = []
        candidates: list[NewCandidate] = []
        splits: list[tuple[PlannedContest, PlannedCandidate, Candidate]] = []
        for planned in plan.values():
            etype = Election(planned.id, planned.poll_date).type
            kind = kind_from_organisation(etype.code, planned.organisation)
            if planned.id not in known.elections:
                # A council's name heads its declarations; "House of Commons" does not, nor
                # does a parish council: the district council's Returning Officer runs a
                # parish poll, so its heading is left to be set (T304 asks for it).
                parish = kind.startswith("parish")
                authority = (
                    planned.organisation if etype.organisation_is_authority and not parish else ""
                )
                title = default_title(planned.id, planned.contests, etype.name, parish=parish)
                elections.append(
                    (
                        Election(planned.id, planned.poll_date, title=title, authority=authority),
                        planned.organisation,
                    )
                )
                summary.elections_created.append(planned.id)
            for pc in planned.contests.values():
                seats = known.seats.get(pc.id)
                if seats is None:
                    contests.append(
                        Contest(pc.id, pc.election_id, pc.area, pc.seats, pc.poll_date, kind=kind)
                    )
                    summary.contests_created.append(pc.id)
                    summary.contest_candidates[pc.id] = len(pc.candidates)
                elif seats != pc.seats:
                    raise CountDeskError(
                        f"{pc.id} is already imported with {seats} seat(s), but line "
                        f"{pc.candidates[0].line} says {pc.seats}: correct the contest or the "
                        "file; nothing was imported."
                    )
                had = known.source_keys.get(pc.id, frozenset())
                new = [c for c in pc.candidates if c.source_key not in had]
                summary.candidates_unchanged += len(pc.candidates) - len(new)
                too_many = candidates_problem(len(had) + len(new), pc.id)
                if new and too_many:
                    raise CountDeskError(
                        f"Line {new[0].line}: {too_many} (it has {len(had)} already); "
                        "nothing was imported."
                    )
                if new and pc.id in known.counted:
                    raise CountDeskError(
                        f"Line {new[0].line}: {new[0].person_name} is not a candidate of "
                        f"{pc.id}, which already has a count, so no candidate can be added; "
                        "nothing was imported."
                    )
                for pcand in new:
                    candidate = Candidate(
                        id=0,
                        surname=pcand.names.surname,
                        forenames=pcand.names.forenames,
                        description=pcand.description,
                        person_name=pcand.person_name,
                        # The file's order is the SOPN's, unless it gives the positions.
                        sopn_position=pcand.ballot_position or 0,
                        ballot_position=pcand.ballot_position,
                        split_to_confirm=pcand.split_to_confirm,
                    )
                    candidates.append(
                        NewCandidate(pc.id, candidate, pcand.source_key, pcand.party_id)
                    )
                    splits.append((pc, pcand, candidate))
        watch.before_writing(len(candidates))
        ids = self.store.imported.write(
            operator, elections, contests, candidates, progress=watch.written
        )
        summary.candidates_created = len(ids)
        for new_id, (pc, pcand, candidate) in zip(ids, splits, strict=True):
            if pcand.split_to_confirm:
                summary.splits_to_confirm.append(
                    SplitToConfirm(
                        pc.id,
                        new_id,
                        pcand.person_name,
                        candidate.display_name,
                        pcand.names.describe(),
                    )
                )
        return summary

    def open_demo(self, operator: str) -> str:
        """Import the Batley and Spen 2021 demo with its published electorate and papers verified.

        Returns the demo contest's id. Safe to repeat: what is already there is kept.
        """
        self.import_candidates(DEMO_CSV, operator)
        contest = self.store.contest(DEMO_CONTEST)
        with self.store.transaction():
            if contest.electorate is None and contest.ballot_papers_verified is None:
                self.setup.set_contest_facts(
                    DEMO_CONTEST, operator, electorate=79373, ballot_papers_verified=37786
                )
            election = self.store.election(contest.election_id)
            if not election.authority and contest.status is not Status.DECLARED:
                self.setup.set_election_authority(election.id, "Kirklees Council", operator)
        return DEMO_CONTEST
