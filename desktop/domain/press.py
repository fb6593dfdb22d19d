"""The press summary's arithmetic (DOMAIN.md §4, §6): shares, change since the previous
election, majority, turnout, two-party swing, and "gain" or "hold". Never on the declaration.

Everything is a whole number or a ``Fraction``; rounding (half up, one decimal, as the press
prints them) is for the edge, ``press_percent`` and ``press_change``.

- **Share** of a candidate (or answer) is their votes over the valid votes. A party's share is
  its candidates' votes together over the valid votes; with several seats, valid votes are
  votes, not papers, in this election and the previous one alike.
- **Change** is a party's share now less its share at the previous election, the parties
  matched as ``desktop.domain.parties`` says; a party that did not stand before is "new".
- **Swing** is the conventional two-party (Butler) swing between the two parties with most
  votes now, the first and the second: half the second's change less the first's. It is said
  "from" the party whose share fell back "to" the other, so it never has a sign, and is the
  same whichever party is named first. There is none where either of the two is new, where no
  previous result is known, or at a referendum.
- **Gain or hold**: with one seat, the winner's party against the previous winner's; with
  several, each party's seats now against its seats before, each gain paired with a loss.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import round_half_up
from desktop.domain.parties import PartyRef, same_party
from desktop.domain.previous import PreviousCandidate, PreviousResult
from desktop.domain.referendum import result_sentence

MINUS = "\u2212"

__all__ = [
    "PartyLine",
    "PressLine",
    "PressResult",
    "PreviousCandidate",
    "PreviousResult",
    "SeatChange",
    "Swing",
    "press_change",
    "press_percent",
    "press_result",
    "two_party_swing",
]


@dataclass(frozen=True)
class PressLine:
    """One candidate (or a referendum's answer) of the summary, in order of votes."""

    candidate_id: int
    #: SURNAME, Forenames as on the ballot paper (an answer as it is).
    display_name: str
    #: Forenames SURNAME, as in a sentence.
    name_in_words: str
    #: The description as on the ballot paper ("" for none, and for an answer).
    description: str
    party_key: str
    votes: int
    share: Fraction
    elected: bool


@dataclass(frozen=True)
class PartyLine:
    """One party (or one Independent) of this result, with its change since the previous one."""

    key: str
    name: str
    independent: bool
    votes: int
    share: Fraction
    seats: int
    #: None where no previous result is known; else its share then (None: it is new).
    previous_share: Fraction | None
    previous_seats: int | None
    #: Whether the previous result is known and this party did not stand then.
    new: bool

    @property
    def change(self) -> Fraction | None:
        """Share now less share then; None where new or no previous result is known."""
        if self.previous_share is None:
            return None
        return self.share - self.previous_share


@dataclass(frozen=True)
class Swing:
    """The two-party swing, said from the party that fell back to the one that gained."""

    from_party: str
    to_party: str
    #: Half the difference of the two parties' changes; never negative.
    value: Fraction


@dataclass(frozen=True)
class SeatChange:
    """Seats one party gained from another (``from_party`` None: a hold of ``seats``; "": a
    gain of a seat nobody held before, where the seats are more than last time)."""

    party: str
    seats: int
    from_party: str | None = None

    @property
    def words(self) -> str:
        """ "Labour Party hold", "Green Party gain from Labour Party", "… gain 2 from …"."""
        n = "" if self.seats == 1 else f" {self.seats}"
        if self.from_party is None:
            return f"{self.party} hold{n}"
        if not self.from_party:
            return f"{self.party} gain{n}"
        return f"{self.party} gain{n} from {self.from_party}"


@dataclass(frozen=True)
class PressResult:
    """What the press summary of one declared contest says."""

    contest_id: str
    area: str
    seats: int
    referendum: bool
    #: Candidates (or answers) in order of votes, most first.
    lines: tuple[PressLine, ...]
    #: Parties in order of votes (none at a referendum).
    parties: tuple[PartyLine, ...]
    valid_votes: int
    #: Winner − runner-up (one seat), or the margin (several seats); a referendum's majority.
    majority: int | None
    majority_share: Fraction | None
    electorate: int | None
    ballot_papers_verified: int | None
    #: Ballot papers verified ÷ electorate ("ballot box turnout").
    turnout: Fraction | None
    previous: PreviousResult | None
    swing: Swing | None
    #: Why there is no swing, in words ("" where there is one, or at a referendum).
    no_swing_reason: str
    #: Holds and gains (empty where no previous result is known, and at a referendum).
    seat_changes: tuple[SeatChange, ...]
    #: A referendum's outcome in words ("" for an election).
    outcome: str = ""

    def party(self, key: str) -> PartyLine:
        """One party of the result by its key."""
        return next(p for p in self.parties if p.key == key)

    def party_of(self, line: PressLine) -> PartyLine | None:
        """A candidate's party (its change, whether it is new); None at a referendum."""
        return None if self.referendum else self.party(line.party_key)

    @property
    def gains(self) -> tuple[SeatChange, ...]:
        """The seats that changed hands."""
        return tuple(c for c in self.seat_changes if c.from_party is not None)

    @property
    def outcome_words(self) -> str:
        """ "Labour Party hold", "… gain from …", several joined by "; ", or a referendum's outcome."""
        if self.referendum:
            return self.outcome
        return "; ".join(c.words for c in self.seat_changes)


def press_percent(value: Fraction | None) -> str:
    """A share as the press prints it: one decimal, rounded half up, e.g. "35.3"."""
    if value is None:
        return ""
    rounded = round_half_up(value * 100, 1)
    tenths = abs(rounded.numerator * 10 // rounded.denominator)
    return f"{MINUS if rounded < 0 else ''}{tenths // 10}.{tenths % 10}"


def press_change(value: Fraction | None) -> str:
    """A change in share with its sign, one decimal: "+2.9", "−7.4", "0.0"."""
    if value is None:
        return ""
    text = press_percent(value)
    return text if text.startswith(MINUS) or text == "0.0" else f"+{text}"


def two_party_swing(first: PartyLine, second: PartyLine) -> Swing | None:
    """The swing between two parties that both have a change; None otherwise."""
    if first.change is None or second.change is None:
        return None
    value = (second.change - first.change) / 2
    if value >= 0:
        return Swing(first.name, second.name, value)
    return Swing(second.name, first.name, -value)


def press_result(
    result: ContestResult,
    parties: Mapping[int, PartyRef],
    previous: PreviousResult | None = None,
) -> PressResult:
    """The press summary of a complete result; ``parties`` gives each candidate's party by id.

    Raises CountDeskError (E105) for a result not yet complete: nothing is summarised on part
    of the figures.
    """
    contest = result.contest
    if not result.complete:
        raise CountDeskError(
            f"{contest.area}'s count is not complete, so there is no result to summarise: the "
            "results summary is made from the declared result.",
            Code.E105,
        )
    referendum = contest.type.referendum
    valid = result.valid_votes
    order = {cid: i for i, cid in enumerate(result.elected)}

    def rank(line_votes: int, cid: int, position: int) -> tuple[int, int, int]:
        return (-line_votes, order.get(cid, len(order)), position)

    refs = {
        line.candidate.id: parties.get(line.candidate.id)
        or PartyRef("", line.candidate.description, line.candidate.person_name)
        for line in result.candidates
    }
    ordered = sorted(
        enumerate(result.candidates),
        key=lambda item: rank(item[1].votes or 0, item[1].candidate.id, item[0]),
    )
    lines = tuple(
        PressLine(
            candidate_id=line.candidate.id,
            display_name=line.candidate.display_name,
            name_in_words=line.candidate.name_in_words,
            description="" if referendum else line.candidate.description,
            party_key="" if referendum else refs[line.candidate.id].key,
            votes=line.votes or 0,
            share=Fraction(line.votes or 0, valid) if valid else Fraction(0),
            elected=line.elected,
        )
        for _, line in ordered
    )
    if referendum:
        party_lines: tuple[PartyLine, ...] = ()
        changes: tuple[SeatChange, ...] = ()
        swing, reason, previous = None, "", None
    else:
        party_lines = _parties(lines, refs, valid, previous)
        swing, reason = _swing(party_lines, previous)
        changes = _seat_changes(lines, refs, party_lines, previous)
    return PressResult(
        contest_id=contest.id,
        area=contest.area,
        seats=contest.seats,
        referendum=referendum,
        lines=lines,
        parties=party_lines,
        valid_votes=valid,
        majority=result.majority,
        majority_share=result.majority_share,
        electorate=contest.electorate,
        ballot_papers_verified=result.ballot_papers_verified,
        turnout=result.turnout,
        previous=previous,
        swing=swing,
        no_swing_reason=reason,
        seat_changes=changes,
        outcome=result_sentence(result) if referendum else "",
    )


def _previous_groups(previous: PreviousResult) -> dict[str, list[PreviousCandidate]]:
    groups: dict[str, list[PreviousCandidate]] = {}
    for c in previous.candidates:
        groups.setdefault(c.party.key, []).append(c)
    return groups


def _match(ref: PartyRef, groups: Mapping[str, list[PreviousCandidate]]) -> str | None:
    """The key of the previous election's party that is this party, or None (it is new)."""
    for key, members in groups.items():
        if same_party(ref, members[0].party):
            return key
    return None


def _parties(
    lines: tuple[PressLine, ...],
    refs: Mapping[int, PartyRef],
    valid: int,
    previous: PreviousResult | None,
) -> tuple[PartyLine, ...]:
    groups: dict[str, list[PressLine]] = {}
    for line in lines:
        groups.setdefault(line.party_key, []).append(line)
    before = _previous_groups(previous) if previous is not None else {}
    before_valid = previous.valid_votes if previous is not None else 0
    elected_before = previous.elected if previous is not None else ()
    out = []
    for key, members in groups.items():
        ref = refs[members[0].candidate_id]
        votes = sum(m.votes for m in members)
        previous_share = previous_seats = None
        matched = _match(ref, before) if previous is not None else None
        if matched is not None and before_valid:
            then = before[matched]
            previous_share = Fraction(sum(c.votes for c in then), before_valid)
            previous_seats = sum(1 for c in elected_before if c in then)
        elif previous is not None:
            previous_seats = 0
        out.append(
            PartyLine(
                key=key,
                name=ref.printed_name,
                independent=ref.independent,
                votes=votes,
                share=Fraction(votes, valid) if valid else Fraction(0),
                seats=sum(1 for m in members if m.elected),
                previous_share=previous_share,
                previous_seats=previous_seats,
                new=previous is not None and matched is None,
            )
        )
    # Order of votes; groups were met in order of their best candidate, which breaks ties.
    return tuple(sorted(out, key=lambda p: -p.votes))


def _swing(
    parties: tuple[PartyLine, ...], previous: PreviousResult | None
) -> tuple[Swing | None, str]:
    if previous is None:
        return None, "No previous result is known, so no change or swing is given."
    if len(parties) < 2:
        return None, "Only one party stood, so there is no swing."
    first, second = parties[0], parties[1]
    swing = two_party_swing(first, second)
    if swing is not None:
        return swing, ""
    new = [p.name for p in (first, second) if p.new]
    return None, f"No two-party swing: {' and '.join(new)} did not stand in {previous.year}."


def _seat_changes(
    lines: tuple[PressLine, ...],
    refs: Mapping[int, PartyRef],
    parties: tuple[PartyLine, ...],
    previous: PreviousResult | None,
) -> tuple[SeatChange, ...]:
    if previous is None:
        return ()
    before = _previous_groups(previous)
    elected_before = previous.elected
    # Seats each previous party held, and which party of this result (if any) it is.
    held: dict[str, int] = {}
    for c in elected_before:
        held[c.party.key] = held.get(c.party.key, 0) + 1
    names_before = {key: members[0].party.printed_name for key, members in before.items()}
    now_for: dict[str, str] = {}
    for p in parties:
        ref = refs[next(line.candidate_id for line in lines if line.party_key == p.key)]
        matched = _match(ref, before)
        if matched is not None:
            now_for[matched] = p.key
    holds: list[SeatChange] = []
    gains: list[tuple[str, int]] = []
    losses: list[tuple[str, int]] = []
    for p in parties:
        if p.seats == 0:
            continue
        then = p.previous_seats or 0
        if min(then, p.seats):
            holds.append(SeatChange(p.name, min(then, p.seats)))
        if p.seats > then:
            gains.append((p.name, p.seats - then))
    for key, seats in held.items():
        now_key = now_for.get(key)
        now = next((p.seats for p in parties if p.key == now_key), 0) if now_key else 0
        if seats > now:
            losses.append((names_before[key], seats - now))
    changes = list(holds)
    # Each gain paired with losses in order: the party that lost most first.
    losses.sort(key=lambda item: -item[1])
    for party, n in gains:
        while n and losses:
            loser, lost = losses[0]
            taken = min(n, lost)
            changes.append(SeatChange(party, taken, loser))
            n -= taken
            losses[0] = (loser, lost - taken)
            if losses[0][1] == 0:
                losses.pop(0)
        if n:
            # A seat more than the last time's seats (boundaries changed): a gain from nobody.
            changes.append(SeatChange(party, n, ""))
    return tuple(changes)
