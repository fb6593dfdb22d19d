"""The result of one count as the checks, the screen and the documents read it (DOMAIN.md §4).

Built by ``desktop.domain.arithmetic.compute_result``; frozen, so it can be shared freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.findings import Finding
from desktop.domain.model import Candidate, Contest, LotsDrawing


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's line of the result, in ballot order."""

    candidate: Candidate
    votes: int | None
    #: 1 if a drawing of lots fell on this candidate, else 0 (DOMAIN.md §4).
    lot_vote: int
    share: Fraction | None
    elected: bool
    #: True kept, False forfeited, None where the type has no deposit or the count is incomplete.
    deposit_kept: bool | None

    @property
    def votes_with_lot(self) -> int | None:
        """Votes as they stand for deciding the result: counted votes plus any vote by lot."""
        return None if self.votes is None else self.votes + self.lot_vote


@dataclass(frozen=True)
class Tie:
    """Candidates tied where one more vote would decide who is elected."""

    candidates: frozenset[int]
    votes: int
    #: How many of the tied candidates are to be elected.
    places: int


@dataclass(frozen=True)
class ContestResult:
    """Everything the checks, the screen and the documents need to know about one count."""

    contest: Contest
    candidates: tuple[CandidateResult, ...]
    valid_votes: int
    #: Papers by heading key, including any "rejected in part" (which are not in the total).
    rejected: dict[str, int | None]
    #: R: papers wholly rejected, the sum of the headings other than "rejected in part".
    rejected_total: int
    ballot_papers_verified: int | None
    #: Single seat: P − (S + R); positive means papers not accounted for. None without P.
    unaccounted: int | None
    #: Papers not rejected, P − R: the most votes one candidate can have. None without P.
    valid_papers: int | None
    #: Q: valid ballot papers counted (several seats only); None where not entered.
    valid_papers_counted: int | None
    #: Several seats, and the count was recorded before CountDesk asked for Q.
    recorded_before_papers_counted: bool
    #: Candidate ids elected (or that would be), in order of votes; excludes an undecided tie.
    elected: tuple[int, ...]
    #: Winner − runner-up (single seat) or Nth elected − first not elected (N seats).
    majority: int | None
    leader: int | None
    runner_up: int | None
    #: N seats: the Nth candidate by votes and the (N+1)th, between whom the margin is taken.
    last_elected: int | None
    first_not_elected: int | None
    tie: Tie | None
    lots: LotsDrawing | None
    turnout: Fraction | None
    complete: bool
    findings: tuple[Finding, ...]

    @property
    def seats(self) -> int:
        """Seats to fill."""
        return self.contest.seats

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that block the next stage."""
        return tuple(f for f in self.findings if f.is_error)

    @property
    def papers_unaccounted(self) -> int | None:
        """Several seats: P − (Q + R), positive where papers are missing. None without P or Q."""
        papers, counted = self.ballot_papers_verified, self.valid_papers_counted
        if papers is None or counted is None:
            return None
        return papers - counted - self.rejected_total

    @property
    def majority_share(self) -> Fraction | None:
        """The majority (or margin) as a share of valid votes."""
        if self.majority is None or self.valid_votes == 0:
            return None
        return Fraction(self.majority, self.valid_votes)

    @property
    def max_valid_votes(self) -> int | None:
        """The most valid votes the papers allow: seats × valid papers (DOMAIN.md §4)."""
        if self.valid_papers is None:
            return None
        return self.contest.seats * self.valid_papers

    @property
    def deposits_forfeited(self) -> int | None:
        """How many candidates lose their deposit; None where there is none or it is not known."""
        flags = [line.deposit_kept for line in self.candidates]
        if not flags or any(flag is None for flag in flags):
            return None
        return sum(1 for flag in flags if flag is False)

    @property
    def lots_applied(self) -> bool:
        """Whether a recorded drawing of lots decided this result."""
        return self.lots is not None and self.tie is not None

    def line(self, candidate_id: int) -> CandidateResult:
        """The result line of one candidate, by id."""
        for line in self.candidates:
            if line.candidate.id == candidate_id:
                return line
        raise KeyError(candidate_id)
