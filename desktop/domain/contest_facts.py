"""Facts about the contest rather than the count: turnout, the electorate, the declaring officer."""

from __future__ import annotations

from fractions import Fraction

from desktop.domain.codes import Code
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.findings import Finding
from desktop.domain.model import Contest


def ballot_box_turnout(papers: int | None, electorate: int | None) -> Fraction | None:
    """Ballot papers verified ÷ electorate (DOMAIN.md §4); None where either is not known."""
    if papers is None or electorate is None or electorate <= 0:
        return None
    return Fraction(papers, electorate)


def contest_facts_findings(contest: Contest) -> list[Finding]:
    """Every finding about the contest's own facts (T302, T301, W603, T303)."""
    return [
        *turnout_findings(contest.ballot_papers_verified, contest.electorate),
        *officer_findings(contest),
    ]


def turnout_findings(papers: int | None, electorate: int | None) -> list[Finding]:
    """T302 without the electorate; else T301 over 100% or W603 outside the usual 10–90%."""
    if electorate is None:
        return [
            Finding(
                Code.T302,
                "The electorate is not entered, so turnout cannot be shown: enter it from the "
                "register.",
            )
        ]
    if papers is None:
        return []
    if papers > electorate:
        return [
            Finding(
                Code.T301,
                f"Ballot papers verified ({format_figure(papers)}) are more than the "
                f"electorate ({format_figure(electorate)}): check both figures.",
                {"ballot_papers_verified": papers, "electorate": electorate},
            )
        ]
    turnout = ballot_box_turnout(papers, electorate)
    if turnout is not None and (papers * 10 < electorate or papers * 10 > electorate * 9):
        return [
            Finding(
                Code.W603,
                f"Turnout is {format_percent(turnout)}%, outside the usual 10–90%: check the "
                "electorate and ballot papers verified.",
                {"ballot_papers_verified": papers, "electorate": electorate},
            )
        ]
    return []


def officer_findings(contest: Contest) -> list[Finding]:
    """T303 where the declaring officer's name is not set."""
    if contest.officer_name.strip():
        return []
    return [
        Finding(
            Code.T303,
            "The declaring officer's name is not set: set it before the declaration is printed.",
        )
    ]


def declaration_facts_findings(contest: Contest, authority: str) -> list[Finding]:
    """T304 for each of the authority and the imprint address not set (DOMAIN.md §6, §7).

    The declaration is headed by the authority and closes with the imprint "Printed and
    published by the Returning Officer, *address*": a final declaration without either is not
    one to publish. They block the declaration, not the provisional sheet or the draft.
    """
    findings = []
    # A referendum's Counting Officer; otherwise, as the rules say, the Returning Officer.
    officer = "Counting Officer" if contest.type.referendum else "Returning Officer"
    if not authority.strip():
        findings.append(
            Finding(
                Code.T304,
                "The authority is not set, so the declaration would have no heading: set the "
                f"council (or other authority) whose {officer} runs this poll, e.g. "
                "“Kirklees Council”, before the declaration.",
                subject="authority",
            )
        )
    if not contest.imprint_address.strip():
        findings.append(
            Finding(
                Code.T304,
                "The imprint address is not set, so the declaration would say “Printed and "
                f"published by the {officer}” with no address: set the {officer}'s address "
                "before the declaration.",
                subject="imprint_address",
            )
        )
    return findings
