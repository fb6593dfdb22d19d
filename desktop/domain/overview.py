"""An election at a glance: every contest's stage, what it waits for, and its result.

The overview is read, never written: each row is derived from the contest's night state (the
same guards that refuse a step, ``desktop.domain.workflow``), so what it says a contest waits
for is exactly what would block its next stage. Stage words come from the workflow's labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from desktop.domain.figures import format_figure, format_percent
from desktop.domain.model import Candidate, Contest, Status, ballot_order
from desktop.domain.result import ContestResult
from desktop.domain.wording import plural
from desktop.domain.workflow import night_position


@dataclass(frozen=True)
class ElectedLine:
    """A candidate elected (or, provisionally, leading for a seat): the name as printed on the
    declaration, the description and the votes."""

    candidate_id: int
    name: str
    description: str
    #: None for a candidate declared duly elected without a poll (uncontested).
    votes: int | None


@dataclass(frozen=True)
class ResultSummary:
    """The result of the count that stands, as far as a screen of many contests shows it.

    ``declared`` False: a provisional figure, not a result; screens in the hall hide it
    unless the Returning Officer chooses to show it.
    """

    declared: bool
    seats: int
    #: Elected (declared) or leading for a seat (provisional), most votes first; a tie still to
    #: be decided by lot leaves its places out.
    elected: tuple[ElectedLine, ...]
    #: Winner − runner-up (one seat) or the margin (several seats).
    majority: int | None
    valid_votes: int
    rejected: int
    turnout: Fraction | None
    #: A tie that one more vote would decide, not yet decided by lot.
    tie_undecided: bool
    #: The result was decided by lot.
    by_lot: bool
    #: A referendum's answers with their votes, in the ballot paper's order (empty otherwise).
    answers: tuple[ElectedLine, ...] = ()
    #: A referendum's outcome in a few words: "“Yes” carried", or that neither carried.
    outcome: str = ""

    @property
    def referendum(self) -> bool:
        """Whether this is a referendum's result (answers, not people elected)."""
        return bool(self.answers)

    @property
    def majority_word(self) -> str:
        """ "majority" for one seat, "margin" for several."""
        return "majority" if self.seats == 1 else "margin"


@dataclass(frozen=True)
class ContestOverview:
    """One contest of the election as the overview and the hall board show it."""

    contest_id: str
    election_id: str
    #: The election's title (or its type's name where it has none), e.g. "Police and Crime
    #: Commissioner elections", to tell apart the polls of a combined night.
    election_title: str
    area: str
    #: Seats to fill; None for a referendum, which has none.
    seats: int | None
    status: Status
    #: The stage in words (the workflow's label).
    stage: str
    #: What the contest waits for, a short plain phrase ("3 boxes to verify", "second entry").
    waiting: str
    #: The codes of the findings that block the next stage (empty when nothing blocks it).
    codes: tuple[str, ...]
    boxes: int
    boxes_verified: int
    #: Ballot papers verified (the verification's total counted so far, or as entered).
    papers_verified: int | None
    shown_at: datetime | None
    declared_at: datetime | None
    uncontested: bool
    #: The standing count's result (declared or provisional); None before a complete count.
    result: ResultSummary | None
    #: A local count (PCC, combined authority mayor): its last stage is "sent", not declared.
    local_count: bool = False
    #: The kind of poll in a word, to tell the polls of a combined night apart ("PCC").
    poll: str = ""

    @property
    def seats_words(self) -> str:
        """The seats as a column shows them: "3", or "–" for a referendum."""
        return "–" if self.seats is None else str(self.seats)

    @property
    def night_position(self) -> int:
        """Where the stage comes in the night, to sort by stage in night order."""
        return night_position(self.status)

    @property
    def declared(self) -> bool:
        """Whether the result is declared (final), or a local count's totals sent."""
        return self.status is Status.DECLARED

    @property
    def provisional(self) -> bool:
        """Whether the figures held are provisional: a count stands, nobody is declared."""
        return self.result is not None and not self.result.declared

    @property
    def shown_provisionally(self) -> bool:
        """Whether the provisional result has been shown to the candidates and agents: the only
        provisional figures a hall screen may ever carry."""
        return self.provisional and self.status is Status.PROVISIONAL


@dataclass(frozen=True)
class VenueTotals:
    """The venue's progress over every contest of the overview."""

    #: Contests declared here (a local count, declared elsewhere, is counted under ``sent``).
    contests: int
    declared: int
    boxes: int
    boxes_verified: int
    papers_verified: int
    #: Local counts, and those whose local totals are sent.
    local_counts: int = 0
    sent: int = 0


@dataclass(frozen=True)
class ElectionOverview:
    """Every contest of the election(s) asked for, in the overview's order, and the totals."""

    contests: tuple[ContestOverview, ...]
    totals: VenueTotals

    def contest(self, contest_id: str) -> ContestOverview:
        """The row of one contest (KeyError if it is not in the overview)."""
        for row in self.contests:
            if row.contest_id == contest_id:
                return row
        raise KeyError(contest_id)

    def with_row(self, changed: ContestOverview) -> ElectionOverview:
        """The overview with one contest's row as read again (KeyError if it is not in it)."""
        self.contest(changed.contest_id)
        rows = tuple(changed if r.contest_id == changed.contest_id else r for r in self.contests)
        return ElectionOverview(rows, venue_totals(rows))


#: The kind of poll in a word, by election type (and, for a parish, kind).
_POLL_WORDS = {"parl": "Parliament", "local": "Council", "pcc": "PCC", "mayor": "Mayor",
               "ref": "Referendum"}  # fmt: skip


def poll_word(contest: Contest) -> str:
    """The kind of poll in a word: "Council", "Parish", "PCC", "Mayor", "Referendum"."""
    etype = contest.type
    if etype.kind.startswith("parish"):
        return "Parish"
    return _POLL_WORDS.get(etype.code, etype.name)


def venue_totals(rows: Sequence[ContestOverview]) -> VenueTotals:
    """The totals of the venue over these contests."""
    declared_here = [r for r in rows if not r.local_count]
    local = [r for r in rows if r.local_count]
    return VenueTotals(
        contests=len(declared_here),
        declared=sum(1 for r in declared_here if r.declared),
        boxes=sum(r.boxes for r in rows),
        boxes_verified=sum(r.boxes_verified for r in rows),
        papers_verified=sum(r.papers_verified or 0 for r in rows),
        local_counts=len(local),
        sent=sum(1 for r in local if r.declared),
    )


def result_summary(result: ContestResult | None, *, declared: bool) -> ResultSummary | None:
    """The result as the overview shows it; None while the count is not complete."""
    if result is None or not result.complete:
        return None
    if result.contest.type.referendum:
        return _referendum_summary(result, declared=declared)
    elected = []
    for cid in result.elected:
        line = result.line(cid)
        elected.append(
            ElectedLine(
                cid, line.candidate.display_name, line.candidate.description, line.votes or 0
            )
        )
    return ResultSummary(
        declared=declared,
        seats=result.seats,
        elected=tuple(elected),
        majority=result.majority,
        valid_votes=result.valid_votes,
        rejected=result.rejected_total,
        turnout=result.turnout,
        tie_undecided=result.tie is not None and not result.lots_applied,
        by_lot=result.lots_applied,
    )


def _referendum_summary(result: ContestResult, *, declared: bool) -> ResultSummary:
    """A referendum's result: every answer with its votes and which carried (or neither)."""
    answers = tuple(
        ElectedLine(line.candidate.id, line.candidate.display_name, "", line.votes or 0)
        for line in result.candidates
    )
    top = max((a.votes or 0) for a in answers)
    leaders = [a for a in answers if a.votes == top]
    outcome = (
        f"“{leaders[0].name}” carried" if len(leaders) == 1 else "equal votes: neither carried"
    )
    return ResultSummary(
        declared=declared,
        seats=result.seats,
        elected=(),
        majority=result.majority if len(leaders) == 1 else None,
        valid_votes=result.valid_votes,
        rejected=result.rejected_total,
        turnout=result.turnout,
        tie_undecided=False,
        by_lot=False,
        answers=answers,
        outcome=outcome,
    )


def duly_elected(contest: Contest, candidates: Sequence[Candidate]) -> ResultSummary:
    """An uncontested contest declared: everyone nominated is duly elected, without a poll."""
    return ResultSummary(
        declared=True,
        seats=contest.seats,
        elected=tuple(
            ElectedLine(c.id, c.display_name, c.description, None) for c in ballot_order(candidates)
        ),
        majority=None,
        valid_votes=0,
        rejected=0,
        turnout=None,
        tie_undecided=False,
        by_lot=False,
    )


def result_words(result: ResultSummary) -> str:
    """The result in one line: who (is elected or leads), their votes, the majority or margin.

    "BEGUM, Priya 723; majority 141". A tie still to be decided by lot says so. A referendum:
    "Yes 1,874, No 1,101; “Yes” carried".
    """
    if result.referendum:
        votes = ", ".join(f"{a.name} {format_figure(a.votes or 0)}" for a in result.answers)
        return f"{votes}; {result.outcome}"
    names = ", ".join(
        e.name if e.votes is None else f"{e.name} {format_figure(e.votes)}" for e in result.elected
    )
    parts = [names] if names else []
    if result.tie_undecided:
        parts.append("tie: lots to draw")
    elif result.majority is not None:
        parts.append(f"{result.majority_word} {format_figure(result.majority)}")
    if result.by_lot:
        parts.append("decided by lot")
    if result.declared and result.elected and all(e.votes is None for e in result.elected):
        parts.append("duly elected, uncontested")
    return "; ".join(parts)


def turnout_words(result: ResultSummary) -> str:
    """Turnout (ballot papers verified ÷ electorate) as printed: "47.61%", or "–"."""
    return "–" if result.turnout is None else f"{format_percent(result.turnout)}%"


def totals_words(totals: VenueTotals) -> str:
    """The venue's progress in one line."""
    sent = (
        f" · local totals sent {totals.sent} of {totals.local_counts}"
        if totals.local_counts
        else ""
    )
    return (
        f"Declared {totals.declared} of {plural(totals.contests, 'contest')}{sent} · ballot "
        f"papers verified {format_figure(totals.papers_verified)} · boxes verified "
        f"{totals.boxes_verified} of {totals.boxes}"
    )
