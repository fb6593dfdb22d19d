"""Reconciliation of papers (DOMAIN.md §4): do the votes and rejected papers fit the papers?

One seat: each paper carries one vote, so S + R == P exactly. Several seats: each paper carries
up to N votes, so the reconciliation is on papers: the valid ballot papers counted Q and the
rejected R make the papers verified, Q + R == P, and the votes lie within Q ≤ S ≤ N × Q. A count
recorded before Q was asked for keeps the older checks on P − R: P − R ≤ S ≤ N × (P − R). In
every case no candidate has more votes than there are valid papers.
"""

from __future__ import annotations

from desktop.domain.codes import Code
from desktop.domain.figures import format_figure
from desktop.domain.findings import Finding
from desktop.domain.tally import Tally


def reconciliation_findings(tally: Tally, rejected_total_entered: int | None) -> list[Finding]:
    """Every finding about figures that contradict each other (C201–C205, C212–C214, C221, C222)."""
    findings = [*rejected_over_papers_findings(tally), *votes_over_valid_papers_findings(tally)]
    if tally.reconcilable and tally.papers is not None and tally.valid_papers is not None:
        # Only a whole count can be reconciled: a missing figure would show as a gap.
        if tally.seats == 1:
            findings += single_seat_findings(tally.valid_votes, tally.rejected_total, tally.papers)
        elif tally.papers_counted is not None:
            findings += papers_counted_findings(
                tally.seats,
                tally.valid_votes,
                tally.rejected_total,
                tally.papers,
                tally.papers_counted,
            )
        else:
            # Without Q (not yet entered, or a count from before it was asked for), the votes
            # are checked against the valid papers P − R; with Q, C222 says the same on Q.
            findings += several_seats_findings(tally.seats, tally.valid_votes, tally.valid_papers)
    findings += rejected_in_part_findings(tally)
    findings += rejected_total_findings(tally.rejected_total, rejected_total_entered)
    return findings


def rejected_over_papers_findings(tally: Tally) -> list[Finding]:
    """C204 where the rejected papers are more than the ballot papers verified."""
    papers = tally.papers
    if papers is None or tally.rejected_total <= papers:
        return []
    return [
        Finding(
            Code.C204,
            f"Rejected papers ({format_figure(tally.rejected_total)}) are more than the ballot "
            f"papers verified ({format_figure(papers)}): check both figures.",
            {"rejected_total": tally.rejected_total, "ballot_papers_verified": papers},
        )
    ]


def votes_over_valid_papers_findings(tally: Tally) -> list[Finding]:
    """C203 for each candidate, in ballot order, with more votes than there are valid papers."""
    valid_papers = tally.valid_papers
    if valid_papers is None:
        return []
    return [
        Finding(
            Code.C203,
            f"{c.display_name} has {format_figure(tally.counted[c.id])} votes but there are "
            f"only {format_figure(valid_papers)} valid ballot papers "
            f"({format_figure(tally.papers)} verified − {format_figure(tally.rejected_total)} "
            "rejected): check this candidate's figure.",
            {"votes": tally.counted[c.id], "valid_papers": valid_papers},
            subject=c.id,
        )
        for c in tally.ordered
        if tally.counted[c.id] > valid_papers >= 0
    ]


def single_seat_findings(valid_votes: int, rejected_total: int, papers: int) -> list[Finding]:
    """C201 where valid votes + rejected papers differ from the papers verified (one seat)."""
    unaccounted = papers - valid_votes - rejected_total
    if unaccounted == 0:
        return []
    total = valid_votes + rejected_total
    if unaccounted > 0:
        gap = (
            f"{format_figure(unaccounted)} ballot paper"
            f"{'s are' if unaccounted != 1 else ' is'} unaccounted for"
        )
    else:
        gap = (
            f"{format_figure(-unaccounted)} more vote"
            f"{'s' if unaccounted != -1 else ''} and rejected papers than papers verified"
        )
    return [
        Finding(
            Code.C201,
            f"The figures do not add up: valid votes {format_figure(valid_votes)} + "
            f"rejected {format_figure(rejected_total)} = {format_figure(total)}, but "
            f"ballot papers verified are {format_figure(papers)}; {gap}. Check each "
            "figure against the count sheets, and recount the bundles if it persists.",
            {
                "valid_votes": valid_votes,
                "rejected_total": rejected_total,
                "ballot_papers_verified": papers,
                "unaccounted": unaccounted,
            },
        )
    ]


def several_seats_findings(seats: int, valid_votes: int, valid_papers: int) -> list[Finding]:
    """C202 or C214 where valid votes fall outside valid papers … seats × valid papers."""
    findings = []
    if valid_papers >= 0 and valid_votes > seats * valid_papers:
        maximum = seats * valid_papers
        findings.append(
            Finding(
                Code.C202,
                f"Valid votes ({format_figure(valid_votes)}) are more than {seats} seats × "
                f"{format_figure(valid_papers)} valid papers = {format_figure(maximum)}: "
                "some figure is too high; check each candidate's figure.",
                {"valid_votes": valid_votes, "maximum": maximum},
            )
        )
    if valid_papers > 0 and valid_votes < valid_papers:
        findings.append(
            Finding(
                Code.C214,
                f"Valid votes ({format_figure(valid_votes)}) are fewer than the valid papers "
                f"({format_figure(valid_papers)}), yet every valid paper carries at least one "
                "vote: some figure is too low, or a paper with no vote was not rejected.",
                {"valid_votes": valid_votes, "valid_papers": valid_papers},
            )
        )
    return findings


def papers_counted_findings(
    seats: int, valid_votes: int, rejected_total: int, papers: int, papers_counted: int
) -> list[Finding]:
    """C221 where Q + R differs from P; C222 where S falls outside Q … seats × Q (several seats)."""
    findings = []
    unaccounted = papers - papers_counted - rejected_total
    if unaccounted:
        if unaccounted > 0:
            gap = (
                f"{format_figure(unaccounted)} ballot paper"
                f"{'s are' if unaccounted != 1 else ' is'} unaccounted for, perhaps left out of "
                "the count"
            )
        else:
            gap = (
                f"{format_figure(-unaccounted)} more paper{'s are' if unaccounted != -1 else ' is'} "
                "counted and rejected than were verified, perhaps counted twice"
            )
        findings.append(
            Finding(
                Code.C221,
                f"The papers do not add up: valid ballot papers counted "
                f"{format_figure(papers_counted)} + rejected {format_figure(rejected_total)} = "
                f"{format_figure(papers_counted + rejected_total)}, but ballot papers verified "
                f"are {format_figure(papers)}; {gap}. Check the papers counted against the "
                "bundles and the count sheets before the result is shown.",
                {
                    "valid_papers_counted": papers_counted,
                    "rejected_total": rejected_total,
                    "ballot_papers_verified": papers,
                    "unaccounted": unaccounted,
                },
            )
        )
    maximum = seats * papers_counted
    if valid_votes > maximum or valid_votes < papers_counted:
        if valid_votes > maximum:
            why = (
                f"more than {seats} seats × {format_figure(papers_counted)} papers counted = "
                f"{format_figure(maximum)}, yet a paper carries at most one vote a seat: some "
                "candidate's figure is too high, or papers were left out of the papers counted"
            )
        else:
            why = (
                f"fewer than the {format_figure(papers_counted)} valid papers counted, yet every "
                "valid paper carries at least one vote: some candidate's figure is too low, or "
                "a paper with no vote was not rejected"
            )
        findings.append(
            Finding(
                Code.C222,
                f"Valid votes ({format_figure(valid_votes)}) are {why}. Check each "
                "candidate's figure and the papers counted.",
                {
                    "valid_votes": valid_votes,
                    "valid_papers_counted": papers_counted,
                    "maximum": maximum,
                },
            )
        )
    return findings


def rejected_in_part_findings(tally: Tally) -> list[Finding]:
    """C213 for papers rejected in part with one seat; C212 for more of them than valid papers."""
    in_part = tally.rejected_in_part
    valid_papers = tally.valid_papers
    findings = []
    if in_part and tally.seats == 1:
        findings.append(
            Finding(
                Code.C213,
                f"{format_figure(in_part)} papers are entered as rejected in part, but with one "
                "seat a paper carries one vote: it is counted or rejected whole. Enter them "
                "under the heading they were rejected for.",
                {"rejected_in_part": in_part},
            )
        )
    if valid_papers is not None and valid_papers >= 0 and in_part > valid_papers:
        findings.append(
            Finding(
                Code.C212,
                f"Papers rejected in part ({format_figure(in_part)}) are more than the valid "
                f"papers ({format_figure(valid_papers)}): check the figure.",
                {"rejected_in_part": in_part, "valid_papers": valid_papers},
            )
        )
    return findings


def rejected_total_findings(headings_total: int, entered: int | None) -> list[Finding]:
    """C205 where a rejected total entered separately differs from the sum of the headings."""
    if entered is None or entered == headings_total:
        return []
    return [
        Finding(
            Code.C205,
            f"The rejected headings add up to {format_figure(headings_total)} but the rejected "
            f"total entered is {format_figure(entered)}: check each heading against the total.",
            {"headings": headings_total, "entered": entered},
        )
    ]
