"""The arithmetic of the count (DOMAIN.md §4): integers and Fractions, never floats.

``compute_result`` is the one place that decides who is elected, the majority or margin,
ties that need lots, deposits, shares and turnout, and every finding about the figures.
It is pure and cheap, so the window can call it on every keystroke.

Each part lives in a module of its own and is put together here: the sums (``tally``), the
figures still missing (``completeness``), the reconciliation of papers (``reconciliation``),
turnout and the officer (``contest_facts``), who is elected, ties and lots (``elected``) and
the plausibility warnings (``plausibility``). The names the rest of CountDesk imports from
this module are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from desktop.domain.comparison import figure_changes
from desktop.domain.completeness import MISSING_LISTED, completeness_findings
from desktop.domain.contest_facts import ballot_box_turnout, contest_facts_findings
from desktop.domain.elected import Outcome, decide, find_tie, ordered_ids
from desktop.domain.findings import sort_findings
from desktop.domain.model import Candidate, Contest, CountFigures, LotsDrawing, ballot_order
from desktop.domain.plausibility import plausibility_findings
from desktop.domain.reconciliation import reconciliation_findings
from desktop.domain.result import CandidateResult, ContestResult, Tie
from desktop.domain.tally import Tally, tally

__all__ = [
    "MISSING_LISTED",
    "CandidateResult",
    "ContestResult",
    "Tie",
    "compute_result",
    "figure_changes",
    "find_tie",
    "ordered_ids",
]


def compute_result(
    contest: Contest,
    candidates: Iterable[Candidate],
    figures: CountFigures,
    lots: LotsDrawing | None = None,
) -> ContestResult:
    """Compute the result and every finding for one count of one contest.

    Figures not yet entered count as 0 in the sums and are reported as errors, so that a
    half-entered count still shows its running totals while typing. The findings come out
    in the catalogue's order (``sort_findings``), whatever order the checks run in.
    """
    sums = tally(contest, ballot_order(candidates), figures)
    outcome = decide(sums, lots)
    findings = [
        *completeness_findings(sums),
        *reconciliation_findings(sums, figures.rejected_total_entered),
        *contest_facts_findings(contest),
        *outcome.findings,
        *plausibility_findings(sums, outcome.majority),
    ]
    return ContestResult(
        contest=contest,
        candidates=candidate_lines(sums, outcome),
        valid_votes=sums.valid_votes,
        rejected=sums.rejected,
        rejected_total=sums.rejected_total,
        ballot_papers_verified=sums.papers,
        unaccounted=sums.unaccounted if contest.seats == 1 else None,
        valid_papers=sums.valid_papers,
        valid_papers_counted=sums.papers_counted,
        recorded_before_papers_counted=sums.before_papers_counted,
        elected=outcome.elected,
        majority=outcome.majority,
        leader=outcome.leader,
        runner_up=outcome.runner_up,
        last_elected=outcome.last_elected,
        first_not_elected=outcome.first_not_elected,
        tie=outcome.tie,
        lots=outcome.lots,
        turnout=ballot_box_turnout(sums.papers, contest.electorate),
        complete=sums.complete,
        findings=sort_findings(findings),
    )


def candidate_lines(sums: Tally, outcome: Outcome) -> tuple[CandidateResult, ...]:
    """Each candidate's line of the result in ballot order: votes, share, elected, deposit."""
    etype = sums.election_type
    valid_votes = sums.valid_votes
    lines_by_id: dict[int, CandidateResult] = {}
    for c in sums.ordered:
        votes = sums.counted[c.id]
        lines_by_id[c.id] = CandidateResult(
            candidate=c,
            votes=sums.entered[c.id],
            lot_vote=outcome.lot_votes[c.id],
            share=Fraction(votes, valid_votes) if valid_votes else None,
            elected=c.id in outcome.elected,
            deposit_kept=etype.deposit_kept(votes, valid_votes) if sums.complete else None,
        )
    # A dict first, as before: a candidate id given twice takes its last line both times.
    return tuple(lines_by_id[c.id] for c in sums.ordered)
