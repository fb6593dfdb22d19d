"""Findings for figures not entered yet: candidates, votes, rejected headings, papers verified."""

from __future__ import annotations

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.tally import Tally

#: Up to this many missing figures are listed one by one; more are reported as one finding.
MISSING_LISTED = 3


def completeness_findings(tally: Tally) -> list[Finding]:
    """Every finding about a figure the count still lacks (C210, C206, C207, C208, C220, W605)."""
    return [
        *no_candidates_findings(tally),
        *missing_votes_findings(tally),
        *missing_headings_findings(tally),
        *missing_papers_findings(tally),
        *missing_papers_counted_findings(tally),
    ]


def no_candidates_findings(tally: Tally) -> list[Finding]:
    """C210 where the contest has no candidates to count for."""
    if tally.ordered:
        return []
    return [
        Finding(Code.C210, "The contest has no candidates: import or add them before the count.")
    ]


def missing_votes_findings(tally: Tally) -> list[Finding]:
    """C206 for each candidate without votes, in ballot order; one finding if there are many."""
    by_id = {c.id: c for c in tally.ordered}
    missing = [by_id[cid] for cid, votes in tally.entered.items() if votes is None]
    if len(missing) > MISSING_LISTED:
        # One line, not a screenful: the count has only just begun.
        return [
            Finding(
                Code.C206,
                f"No votes entered yet for {len(missing)} of the {len(tally.ordered)} candidates: "
                "type each figure, or 0 if none.",
                {"missing": len(missing)},
            )
        ]
    return [
        Finding(
            Code.C206,
            f"No votes entered for {c.display_name}: type the figure, or 0 if none.",
            subject=c.id,
        )
        for c in missing
    ]


def missing_headings_findings(tally: Tally) -> list[Finding]:
    """C207 for each rejected-paper heading not entered; one finding if there are many."""
    missing = [h for h in tally.election_type.headings if tally.rejected[h.key] is None]
    if len(missing) > MISSING_LISTED:
        return [
            Finding(
                Code.C207,
                f"Rejected papers are not entered under {len(missing)} headings: type "
                "each figure, or 0 if none.",
                {"missing": len(missing)},
            )
        ]
    return [
        Finding(
            Code.C207,
            f"Rejected papers for “{heading.label.lower()}” are not entered: "
            "type the figure, or 0 if none.",
            subject=heading.key,
        )
        for heading in missing
    ]


def missing_papers_findings(tally: Tally) -> list[Finding]:
    """C208 where the ballot papers verified are not entered."""
    if tally.papers is not None:
        return []
    return [
        Finding(
            Code.C208,
            "Ballot papers verified are not entered: enter the total from the statement "
            "of verification.",
        )
    ]


def missing_papers_counted_findings(tally: Tally) -> list[Finding]:
    """C220 where several seats lack Q, the valid ballot papers counted; W605 where the count
    was recorded before CountDesk asked for Q, so its papers were never reconciled."""
    if tally.before_papers_counted:
        return [
            Finding(
                Code.W605,
                "This count was recorded before CountDesk asked for the valid ballot papers "
                "counted, so its papers were never reconciled (papers counted + rejected = "
                "papers verified): enter the papers counted and record the count again, or a "
                "supervisor acknowledges it with a reason.",
            )
        ]
    if not tally.needs_papers_counted or tally.papers_counted is not None:
        return []
    return [
        Finding(
            Code.C220,
            f"Valid ballot papers counted are not entered: with {tally.seats} seats a paper "
            "carries up to one vote a seat, so the papers are reconciled, not the votes. "
            "Enter the papers counted into bundles, from the count sheets.",
        )
    ]
