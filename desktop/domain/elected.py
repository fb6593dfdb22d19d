"""Who is elected (DOMAIN.md §4): ranking, the majority or margin, ties and drawing lots.

The N candidates with most votes are elected. A tie that straddles the last seat is decided by
lot (Parliamentary Elections Rules, rule 49): the candidate on whom the lot falls is treated as
having one extra vote. Nobody is elected on part of the figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.codes import Code
from desktop.domain.figures import format_figure
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate, LotsDrawing
from desktop.domain.referendum import equal_votes_finding
from desktop.domain.result import Tie
from desktop.domain.tally import Tally


@dataclass(frozen=True)
class Outcome:
    """Who is elected, by how much, and any tie and lots, with the findings about them."""

    #: Candidate ids by votes, most first; a vote by lot orders tied candidates, then ballot order.
    ranked: tuple[int, ...]
    #: Candidate ids elected (or that would be), in order of votes; excludes an undecided tie.
    elected: tuple[int, ...]
    #: 1 for each candidate on whom a drawing of lots fell, else 0.
    lot_votes: dict[int, int]
    majority: int | None
    leader: int | None
    runner_up: int | None
    last_elected: int | None
    first_not_elected: int | None
    tie: Tie | None
    #: The drawing of lots that decided this result, if any.
    lots: LotsDrawing | None
    findings: tuple[Finding, ...]


def find_tie(counted: dict[int, int], seats: int) -> Tie | None:
    """The tie that one more vote would decide, if any (DOMAIN.md §4).

    A tie matters only where it straddles the last seat: the Nth and the (N+1)th candidates
    by votes have the same figure. A tie for a lower place, or among candidates who are all
    elected, decides nothing and needs no lot.
    """
    if len(counted) <= seats:
        return None
    ranked = sorted(counted.values(), reverse=True)
    boundary = ranked[seats - 1]
    if ranked[seats] != boundary:
        return None
    tied = frozenset(cid for cid, v in counted.items() if v == boundary)
    above = sum(1 for v in counted.values() if v > boundary)
    return Tie(tied, boundary, seats - above)


def lots_deciding(tie: Tie | None, lots: LotsDrawing | None) -> LotsDrawing | None:
    """The recorded drawing of lots if it decides this tie: same candidates, right number of winners."""
    if (
        lots is not None
        and tie is not None
        and lots.tied == tie.candidates
        and lots.winners <= tie.candidates
        and len(lots.winners) == tie.places
    ):
        return lots
    return None


def rank(
    counted: dict[int, int], lot_votes: dict[int, int], ordered: Iterable[Candidate]
) -> list[int]:
    """Candidate ids by votes, most first.

    Counted votes first; the vote by lot only orders the tied candidates among themselves.
    """
    position = {c.id: i for i, c in enumerate(ordered)}
    return sorted(counted, key=lambda cid: (-counted[cid], -lot_votes[cid], position[cid]))


def decide(tally: Tally, lots: LotsDrawing | None) -> Outcome:
    """Who is elected on this count, given any drawing of lots recorded for it."""
    seats = tally.seats
    counted = tally.counted
    candidates = len(tally.ordered)
    findings: list[Finding] = []

    if tally.election_type.referendum:
        return _referendum(tally)
    tie = find_tie(counted, seats) if tally.complete else None
    applied = lots_deciding(tie, lots)
    lot_votes = dict.fromkeys(counted, 0)
    if applied is not None:
        for cid in applied.winners:
            lot_votes[cid] = 1
    elif lots is not None and tally.complete:
        findings.append(
            Finding(
                Code.L402,
                "Lots were recorded for an earlier tie that these figures no longer show, so "
                "they are not used: check the figures; record lots again only if a new tie "
                "needs them.",
            )
        )

    ranked = rank(counted, lot_votes, tally.ordered)
    elected: tuple[int, ...]
    if candidates <= seats:
        elected = tuple(ranked)
        if candidates:
            findings.append(
                Finding(
                    Code.I701,
                    f"There are {candidates} candidates for {seats} seat"
                    f"{'s' if seats != 1 else ''}: all are elected without a contest.",
                )
            )
    elif not tally.complete:
        # Nobody is elected on part of the figures: a missing one could change everything.
        elected = ()
    elif tie is not None and applied is None:
        elected = tuple(cid for cid in ranked if counted[cid] > tie.votes)
    else:
        elected = tuple(ranked[:seats])

    if tie is not None:
        findings += tie_findings(tally.ordered, seats, tie, applied)
    majority = None
    # Like who is elected, the majority (or margin) is never stated on part of the figures.
    if candidates > seats and tally.complete:
        majority = counted[ranked[seats - 1]] - counted[ranked[seats]]
    return Outcome(
        ranked=tuple(ranked),
        elected=elected,
        lot_votes=lot_votes,
        majority=majority,
        leader=ranked[0] if ranked else None,
        runner_up=ranked[1] if len(ranked) > 1 else None,
        last_elected=ranked[seats - 1] if len(ranked) > seats else None,
        first_not_elected=ranked[seats] if len(ranked) > seats else None,
        tie=tie,
        lots=applied,
        findings=tuple(findings),
    )


def _referendum(tally: Tally) -> Outcome:
    """A referendum: nobody elected, no tie to decide and no lots; the answers ranked by votes
    with the majority (leading answer − the next) once every figure is in, and R104 where the
    leading answers are equal (neither carried)."""
    counted = tally.counted
    ranked = rank(counted, dict.fromkeys(counted, 0), tally.ordered)
    complete = tally.complete and len(ranked) > 1
    findings: list[Finding] = []
    if complete:
        equal = equal_votes_finding(counted)
        if equal is not None:
            findings.append(equal)
    return Outcome(
        ranked=tuple(ranked),
        elected=(),
        lot_votes=dict.fromkeys(counted, 0),
        majority=counted[ranked[0]] - counted[ranked[1]] if complete else None,
        leader=ranked[0] if ranked else None,
        runner_up=ranked[1] if len(ranked) > 1 else None,
        last_elected=None,
        first_not_elected=None,
        tie=None,
        lots=None,
        findings=tuple(findings),
    )


def tie_findings(
    ordered: tuple[Candidate, ...], seats: int, tie: Tie, applied: LotsDrawing | None
) -> list[Finding]:
    """L401 while the tie waits for lots to be drawn; L403 once a drawing has decided it."""
    by_id = {c.id: c for c in ordered}
    tied = [by_id[cid] for cid in ordered_ids(ordered, tie.candidates)]
    if applied is None:
        place = "the seat" if seats == 1 else f"{tie.places} of the last seats"
        if seats > 1 and tie.places == 1:
            place = "the last seat"
        return [
            Finding(
                Code.L401,
                f"{_names(tied)} are tied on {format_figure(tie.votes)} votes for "
                f"{place}. The tie is shown as the provisional result; once counting, "
                "including any recount, is complete, the Returning Officer decides by lot: "
                "record on whom the lot fell before the declaration.",
                {"votes": tie.votes, "places": tie.places},
            )
        ]
    winners = [by_id[cid] for cid in ordered_ids(ordered, applied.winners)]
    return [
        Finding(
            Code.L403,
            f"Lots were drawn between {_names(tied)}; the lot fell on "
            f"{_names(winners)}, treated as having one additional vote.",
        )
    ]


def ordered_ids(ordered: Iterable[Candidate], ids: Iterable[int]) -> list[int]:
    """The given candidate ids in ballot order."""
    wanted = set(ids)
    return [c.id for c in ordered if c.id in wanted]


def _names(candidates: Iterable[Candidate]) -> str:
    """Names as in a sentence: "A", "A and B", "A, B and C"."""
    names = [c.display_name for c in candidates]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
