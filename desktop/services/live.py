"""The count being keyed in, held in memory so every keystroke can be checked at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.draft import Draft
from desktop.domain.figures import bundle_total
from desktop.domain.model import Candidate, Contest, CountFigures, LotsDrawing, Status, ballot_order
from desktop.domain.records import RecountRequest, StoredCount
from desktop.domain.workflow import uncontested_refusal
from desktop.services.common import same_figures

_KEEP: Any = object()


class LiveCount:
    """The count being keyed in, held in memory so that every keystroke can be checked at once.

    Lots recorded for the count that stands apply while the figures are the same as it.
    """

    def __init__(
        self,
        contest: Contest,
        candidates: tuple[Candidate, ...],
        draft: Draft,
        latest: StoredCount | None,
        lots: LotsDrawing | None,
        *,
        papers_from_verification: bool = False,
        pending_recount: RecountRequest | None = None,
    ) -> None:
        self.contest = contest
        self.candidates = ballot_order(candidates)
        self.draft = draft
        self._latest = latest
        self._lots = lots
        #: Ballot papers verified are the verification's total and cannot be typed here.
        self.papers_from_verification = papers_from_verification
        #: The granted recount or bundle check this count is keyed for, if any.
        self.pending_recount = pending_recount

    def with_draft(self, draft: Draft) -> LiveCount:
        """The same count with the draft as it was just saved (nothing is read again)."""
        return LiveCount(
            self.contest,
            self.candidates,
            draft,
            self._latest,
            self._lots,
            papers_from_verification=self.papers_from_verification,
            pending_recount=self.pending_recount,
        )

    @property
    def locked_reason(self) -> str | None:
        """Why the figures cannot be keyed in now (no poll, provisional or declared), or None."""
        no_poll = uncontested_refusal(self.contest, len(self.candidates))
        if no_poll is not None and self._latest is None:
            return no_poll.message
        if self.contest.status is Status.DECLARED and self.contest.is_local_count:
            return (
                f"The local totals of {self.contest.area} ({self.contest.voting_area}) are "
                "sent: its figures are locked. An error found now is for the area's returning "
                "officer: tell them, with the figures as found."
            )
        if self.contest.is_area_result:
            return (
                f"{self.contest.area} is the area result: its figures are the voting areas' "
                "local totals added up, imported (Night › Voting areas' local totals…), never "
                "keyed in."
            )
        if self.contest.status is Status.DECLARED:
            return (
                f"{self.contest.area} is declared: the result is final and its figures are "
                "locked. An error found now is recorded (Night menu: Record an error found "
                "after the declaration)."
            )
        if self.contest.status is Status.PROVISIONAL:
            return (
                "The provisional result has been shown: the figures change only through a "
                "recount or bundle check (Night menu: Record a recount request)."
            )
        return None

    @property
    def latest_number(self) -> int | None:
        """The number of the count that stands, if any."""
        return None if self._latest is None else self._latest.number

    def result(
        self,
        votes: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
        ballot_papers_verified: int | None = _KEEP,
        papers_counted: int | None = _KEEP,
    ) -> ContestResult:
        """The result with these typed figures in place of the saved ones."""
        contest = self.contest
        if ballot_papers_verified is not _KEEP:
            contest = replace(contest, ballot_papers_verified=ballot_papers_verified)
        if papers_counted is _KEEP:
            papers_counted = self.draft.valid_papers_counted
        figures = CountFigures(
            {**self.draft.votes, **(votes or {})},
            {**self.draft.rejected, **(rejected or {})},
            valid_papers_counted=papers_counted,
        )
        lots = None
        latest = self._latest
        if latest is not None and same_figures(
            latest, figures.votes, figures.rejected, papers_counted
        ):
            lots = self._lots
            # The count that stands, as it is: one from before Q was asked for stays so.
            figures = replace(
                figures,
                recorded_before_papers_counted=latest.figures.recorded_before_papers_counted,
            )
        return compute_result(contest, self.candidates, figures, lots)

    def bundle_total(self, bundles: int, part: int, candidate_id: int) -> int:
        """Votes from full bundles and a part-bundle at this count's bundle size (F109 if not)."""
        name = next(c.display_name for c in self.candidates if c.id == candidate_id)
        return bundle_total(bundles, self.contest.bundle_size, part, what=f"Votes for {name}")
