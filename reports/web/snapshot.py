"""What the results web pages show, as frozen values built by the services from declared results.

An awaited contest (not declared) carries its area and seats only: no provisional figure
reaches the website.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction


@dataclass(frozen=True)
class WebCandidate:
    """One line of a declared result, in ballot paper order."""

    #: As on the declaration: "LEADBEATER, Kim", or an answer ("Yes").
    name: str
    #: As read in a sentence: "Kim LEADBEATER".
    name_in_words: str
    description: str
    votes: int | None
    share: Fraction | None
    elected: bool
    #: The lot fell on this candidate (one additional vote, not counted in ``votes``).
    lot: bool = False


@dataclass(frozen=True)
class WebContest:
    """One contest's page: its result once declared, else only that it is awaited."""

    contest_id: str
    #: The page's file name, e.g. "parl.batley-and-spen.by.2021-07-01.html".
    page: str
    area: str
    seats: int
    declared_at: datetime | None = None
    referendum: bool = False
    question: str = ""
    uncontested: bool = False
    candidates: tuple[WebCandidate, ...] = ()
    valid_votes: int | None = None
    rejected: int | None = None
    papers_verified: int | None = None
    #: Several seats: the valid ballot papers counted (papers, not votes).
    valid_papers_counted: int | None = None
    electorate: int | None = None
    turnout: Fraction | None = None
    majority: int | None = None
    majority_share: Fraction | None = None
    #: A referendum's outcome in one sentence ("“Yes” carried: …").
    outcome: str = ""
    #: The declaration's (or notice's) PDF file name beside the page, and its size in bytes.
    pdf: str | None = None
    pdf_bytes: int = 0
    #: Seats left unfilled (an uncontested contest with fewer candidates than seats).
    unfilled: int = 0

    @property
    def declared(self) -> bool:
        """Whether the result is declared (only then are figures shown)."""
        return self.declared_at is not None

    @property
    def elected(self) -> tuple[WebCandidate, ...]:
        """Those elected, in order of votes (ballot order where there was no poll)."""
        chosen = [c for c in self.candidates if c.elected]
        return tuple(sorted(chosen, key=lambda c: -(c.votes or 0)))


@dataclass(frozen=True)
class WebElection:
    """The election published: its contests in the order of the index."""

    election_id: str
    title: str
    authority: str
    poll_date: date
    contests: tuple[WebContest, ...]
    #: When the pages were written (the "last updated" line).
    updated: datetime
