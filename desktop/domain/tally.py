"""The sums of one count (DOMAIN.md §4) that every check of the figures reads.

Figures not yet entered count as 0 in the sums, so that a half-entered count still shows its
running totals while typing; ``complete`` says whether any figure is still missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.election_types import ElectionType
from desktop.domain.model import Candidate, Contest, CountFigures


@dataclass(frozen=True)
class Tally:
    """One count's figures in ballot order, with V, S, R, P and P − R worked out."""

    contest: Contest
    #: The candidates in ballot order.
    ordered: tuple[Candidate, ...]
    #: Votes by candidate id in ballot order, None where not entered yet.
    entered: dict[int, int | None]
    #: Votes by candidate id in ballot order, with a figure not entered taken as 0.
    counted: dict[int, int]
    #: Papers by heading key of the election type, None where not entered yet.
    rejected: dict[str, int | None]
    #: S: the sum of the candidates' votes.
    valid_votes: int
    #: R: papers wholly rejected, the sum of the headings other than "rejected in part".
    rejected_total: int
    #: Papers rejected in part: valid papers with some good votes, not part of R.
    rejected_in_part: int
    #: P: ballot papers verified, None where not entered yet.
    papers: int | None
    #: P − R, None without P.
    valid_papers: int | None
    #: P − (S + R): positive means papers not accounted for (single seat). None without P.
    unaccounted: int | None
    #: Q: valid ballot papers counted (several seats), None where not entered or one seat.
    papers_counted: int | None
    #: Several seats, and the count was recorded before CountDesk asked for Q.
    before_papers_counted: bool
    #: Whether there are candidates and the votes, headings and P are all entered.
    reconcilable: bool
    #: Whether every figure of the count is entered (with Q where several seats need it).
    complete: bool

    @property
    def needs_papers_counted(self) -> bool:
        """Whether this count must give Q: several seats, not a count from before Q was asked."""
        return self.contest.seats > 1 and not self.before_papers_counted

    @property
    def seats(self) -> int:
        """Seats to fill."""
        return self.contest.seats

    @property
    def election_type(self) -> ElectionType:
        """The contest's election type: its headings and deposit rule."""
        return self.contest.type


def tally(contest: Contest, ordered: tuple[Candidate, ...], figures: CountFigures) -> Tally:
    """Sum one count's figures for ``ordered`` candidates (in ballot order)."""
    etype = contest.type
    entered = {c.id: figures.votes.get(c.id) for c in ordered}
    counted = {cid: (v or 0) for cid, v in entered.items()}
    rejected = {key: figures.rejected.get(key) for key in etype.heading_keys}
    valid_votes = sum(counted.values())
    # Papers rejected in part still carry good votes: they are valid papers, not part of R.
    rejected_total = sum(rejected[h.key] or 0 for h in etype.headings if h.wholly_rejected)
    in_part = sum(rejected[h.key] or 0 for h in etype.headings if not h.wholly_rejected)
    papers = contest.ballot_papers_verified
    reconcilable = (
        bool(ordered)
        and papers is not None
        and all(v is not None for v in entered.values())
        and all(v is not None for v in rejected.values())
    )
    several = contest.seats > 1
    # One seat reconciles on votes (S + R = P): a Q given there is not used.
    papers_counted = figures.valid_papers_counted if several else None
    before = several and figures.recorded_before_papers_counted and papers_counted is None
    complete = reconcilable and (papers_counted is not None or not several or before)
    return Tally(
        contest=contest,
        ordered=ordered,
        entered=entered,
        counted=counted,
        rejected=rejected,
        valid_votes=valid_votes,
        rejected_total=rejected_total,
        rejected_in_part=in_part,
        papers=papers,
        valid_papers=None if papers is None else papers - rejected_total,
        unaccounted=None if papers is None else papers - valid_votes - rejected_total,
        papers_counted=papers_counted,
        before_papers_counted=before,
        reconcilable=reconcilable,
        complete=complete,
    )
