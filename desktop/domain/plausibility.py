"""Plausibility warnings on a whole count: figures that add up but are unusual enough to check."""

from __future__ import annotations

from fractions import Fraction

from desktop.domain.codes import Code
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.findings import Finding
from desktop.domain.tally import Tally


def plausibility_findings(tally: Tally, majority: int | None) -> list[Finding]:
    """W601, W602 and W604 for a complete count; none while figures are missing."""
    if not tally.complete:
        return []
    return [
        *rejected_share_findings(tally.rejected_total, tally.papers),
        *zero_votes_findings(tally),
        *close_result_findings(tally.seats, majority, tally.valid_votes),
    ]


def rejected_share_findings(rejected_total: int, papers: int | None) -> list[Finding]:
    """W601 where rejected papers are over 1% of the papers verified."""
    if papers is None or papers <= 0 or rejected_total * 100 <= papers:
        return []
    return [
        Finding(
            Code.W601,
            f"Rejected papers ({format_figure(rejected_total)}) are "
            f"{format_percent(Fraction(rejected_total, papers))}% of papers verified, "
            "over the usual 1%: check the adjudication and each heading.",
            {"rejected_total": rejected_total, "ballot_papers_verified": papers},
        )
    ]


def zero_votes_findings(tally: Tally) -> list[Finding]:
    """W602 for each candidate, in ballot order, with 0 votes."""
    return [
        Finding(
            Code.W602,
            f"{c.display_name} has 0 votes: check that the figure was entered against "
            f"the right {'answer' if tally.election_type.referendum else 'candidate'}.",
            subject=c.id,
        )
        for c in tally.ordered
        if tally.counted[c.id] == 0
    ]


def close_result_findings(seats: int, majority: int | None, valid_votes: int) -> list[Finding]:
    """W604 where the majority (or margin) is under 0.5% of valid votes: a recount is likely."""
    if majority is None or majority <= 0 or not valid_votes or majority * 200 >= valid_votes:
        return []
    word = "majority" if seats == 1 else "margin"
    return [
        Finding(
            Code.W604,
            f"The {word} is {format_figure(majority)} votes, "
            f"{format_percent(Fraction(majority, valid_votes))}% of valid votes: a recount "
            "request is likely; check the bundles before the provisional result.",
            {"majority": majority, "valid_votes": valid_votes},
        )
    ]
