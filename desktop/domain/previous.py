"""The result of the previous election for a contest's seat, as a results file gives it: what
the press summary's change in share is measured from (``desktop.domain.press``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.parties import PartyRef


@dataclass(frozen=True)
class PreviousCandidate:
    """One candidate of the previous election for the same seat, as its results file gives."""

    person_name: str
    party: PartyRef
    votes: int
    elected: bool


@dataclass(frozen=True)
class PreviousResult:
    """The result of the previous election for a contest's seat(s), from a results file."""

    #: The contest (of this night) it is the previous result of.
    contest_id: str
    #: The earlier election's and ballot's Democracy Club ids, e.g. ``parl.2019-12-12``.
    election_id: str
    ballot_id: str
    poll_date: date
    seats: int
    candidates: tuple[PreviousCandidate, ...]
    #: Where it came from, e.g. the file's name.
    source: str = ""

    @property
    def valid_votes(self) -> int:
        """Every candidate's votes together."""
        return sum(c.votes for c in self.candidates)

    @property
    def elected(self) -> tuple[PreviousCandidate, ...]:
        """Those elected: as the file marks them, else the ``seats`` with most votes."""
        marked = tuple(c for c in self.candidates if c.elected)
        if marked:
            return marked
        ranked = sorted(self.candidates, key=lambda c: -c.votes)
        return tuple(ranked[: self.seats])

    @property
    def year(self) -> int:
        """The year of the previous poll, as the press says it ("since 2019")."""
        return self.poll_date.year
