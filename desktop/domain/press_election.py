"""The election summary for the press: every contest declared so far, the seats each party
won, and the gains and losses (DOMAIN.md §6). Pure; built from each declared contest's
``PressResult`` (``desktop.domain.press``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.parties import PartyRef
from desktop.domain.press import PressResult


@dataclass(frozen=True)
class Unopposed:
    """A contest declared without a poll: no more candidates than seats, all duly elected."""

    contest_id: str
    area: str
    seats: int
    #: Each person elected: Forenames SURNAME, and their party.
    elected: tuple[tuple[str, PartyRef], ...]


@dataclass(frozen=True)
class PartySeats:
    """One party's seats won so far, and the seats it gained and lost where the previous
    result is known."""

    name: str
    seats: int
    gains: int
    losses: int

    @property
    def net(self) -> int:
        """Gains less losses."""
        return self.gains - self.losses


@dataclass(frozen=True)
class ElectionSummary:
    """What the election summary page says: the contests declared of all, in the order given."""

    election_id: str
    contests_total: int
    declared: tuple[PressResult, ...]
    #: Parties by seats won (then votes), each Independent counted as "Independent".
    parties: tuple[PartySeats, ...]
    #: Referendums declared: they elect nobody, so they are listed apart.
    referendums: tuple[PressResult, ...] = ()
    #: Contests whose candidates were declared duly elected without a poll.
    unopposed: tuple[Unopposed, ...] = ()

    @property
    def contests_declared(self) -> int:
        """How many contests (referendums and those without a poll included) are declared."""
        return len(self.declared) + len(self.referendums) + len(self.unopposed)

    @property
    def seats_declared(self) -> int:
        """Seats filled by the contests declared."""
        return sum(p.seats for p in self.parties)


def election_summary(
    election_id: str,
    contests_total: int,
    declared: Iterable[PressResult],
    unopposed: Iterable[Unopposed] = (),
) -> ElectionSummary:
    """Seats won per party over the declared contests, with gains and losses.

    Independents are counted together as "Independent" here (each is their own candidate in a
    contest, but a table of seats counts them as one line); a gain "from" a party is that
    party's loss.
    """
    elections: list[PressResult] = []
    referendums: list[PressResult] = []
    for result in declared:
        (referendums if result.referendum else elections).append(result)
    seats: dict[str, int] = {}
    votes: dict[str, int] = {}
    gains: dict[str, int] = {}
    losses: dict[str, int] = {}
    for result in elections:
        for party in result.parties:
            name = "Independent" if party.independent else party.name
            votes[name] = votes.get(name, 0) + party.votes
            seats[name] = seats.get(name, 0) + party.seats
        independents = {p.name for p in result.parties if p.independent}
        for change in result.gains:
            gainer = "Independent" if change.party in independents else change.party
            gains[gainer] = gains.get(gainer, 0) + change.seats
            if change.from_party:
                losses[change.from_party] = losses.get(change.from_party, 0) + change.seats
    unopposed = tuple(unopposed)
    for contest in unopposed:
        for _, ref in contest.elected:
            name = "Independent" if ref.independent else ref.printed_name
            seats[name] = seats.get(name, 0) + 1
    names = set(seats) | set(losses)
    parties = tuple(
        sorted(
            (
                PartySeats(n, seats.get(n, 0), gains.get(n, 0), losses.get(n, 0))
                for n in names
                if seats.get(n, 0) or gains.get(n, 0) or losses.get(n, 0)
            ),
            key=lambda p: (-p.seats, -votes.get(p.name, 0), p.name),
        )
    )
    return ElectionSummary(
        election_id=election_id,
        contests_total=contests_total,
        declared=tuple(elections),
        parties=parties,
        referendums=tuple(referendums),
        unopposed=unopposed,
    )
