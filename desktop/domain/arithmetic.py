"""The arithmetic of the count (DOMAIN.md §4): integers and Fractions, never floats.

``compute_result`` is the one place that decides who is elected, the majority or margin,
ties that need lots, deposits, shares and turnout, and every finding about the figures.
It is pure and cheap, so the window can call it on every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.codes import Code
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.findings import Finding, sort_findings
from desktop.domain.model import Candidate, Contest, CountFigures, LotsDrawing, ballot_order


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's line of the result, in ballot order."""

    candidate: Candidate
    votes: int | None
    #: 1 if a drawing of lots fell on this candidate, else 0 (DOMAIN.md §4).
    lot_vote: int
    share: Fraction | None
    elected: bool
    #: True kept, False forfeited, None where the type has no deposit or the count is incomplete.
    deposit_kept: bool | None

    @property
    def votes_with_lot(self) -> int | None:
        """Votes as they stand for deciding the result: counted votes plus any vote by lot."""
        return None if self.votes is None else self.votes + self.lot_vote


@dataclass(frozen=True)
class Tie:
    """Candidates tied where one more vote would decide who is elected."""

    candidates: frozenset[int]
    votes: int
    #: How many of the tied candidates are to be elected.
    places: int


@dataclass(frozen=True)
class ContestResult:
    """Everything the checks, the screen and the documents need to know about one count."""

    contest: Contest
    candidates: tuple[CandidateResult, ...]
    valid_votes: int
    #: Papers by heading key, including any "rejected in part" (which are not in the total).
    rejected: dict[str, int | None]
    #: R: papers wholly rejected, the sum of the headings other than "rejected in part".
    rejected_total: int
    ballot_papers_verified: int | None
    #: Single seat: P − (S + R); positive means papers not accounted for. None without P.
    unaccounted: int | None
    #: Papers not rejected, P − R: the most votes one candidate can have. None without P.
    valid_papers: int | None
    #: Candidate ids elected (or that would be), in order of votes; excludes an undecided tie.
    elected: tuple[int, ...]
    #: Winner − runner-up (single seat) or Nth elected − first not elected (N seats).
    majority: int | None
    leader: int | None
    runner_up: int | None
    #: N seats: the Nth candidate by votes and the (N+1)th, between whom the margin is taken.
    last_elected: int | None
    first_not_elected: int | None
    tie: Tie | None
    lots: LotsDrawing | None
    turnout: Fraction | None
    complete: bool
    findings: tuple[Finding, ...]

    @property
    def seats(self) -> int:
        """Seats to fill."""
        return self.contest.seats

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that block the next stage."""
        return tuple(f for f in self.findings if f.is_error)

    @property
    def majority_share(self) -> Fraction | None:
        """The majority (or margin) as a share of valid votes."""
        if self.majority is None or self.valid_votes == 0:
            return None
        return Fraction(self.majority, self.valid_votes)

    @property
    def max_valid_votes(self) -> int | None:
        """The most valid votes the papers allow: seats × valid papers (DOMAIN.md §4)."""
        if self.valid_papers is None:
            return None
        return self.contest.seats * self.valid_papers

    @property
    def deposits_forfeited(self) -> int | None:
        """How many candidates lose their deposit; None where there is none or it is not known."""
        flags = [line.deposit_kept for line in self.candidates]
        if not flags or any(flag is None for flag in flags):
            return None
        return sum(1 for flag in flags if flag is False)

    @property
    def lots_applied(self) -> bool:
        """Whether a recorded drawing of lots decided this result."""
        return self.lots is not None and self.tie is not None

    def line(self, candidate_id: int) -> CandidateResult:
        """The result line of one candidate, by id."""
        for line in self.candidates:
            if line.candidate.id == candidate_id:
                return line
        raise KeyError(candidate_id)


#: Up to this many missing figures are listed one by one; more are reported as one finding.
MISSING_LISTED = 3


def _names(lines: Iterable[CandidateResult]) -> str:
    names = [line.candidate.display_name for line in lines]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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


def compute_result(
    contest: Contest,
    candidates: Iterable[Candidate],
    figures: CountFigures,
    lots: LotsDrawing | None = None,
) -> ContestResult:
    """Compute the result and every finding for one count of one contest.

    Figures not yet entered count as 0 in the sums and are reported as errors, so that a
    half-entered count still shows its running totals while typing.
    """
    etype = contest.type
    seats = contest.seats
    ordered = ballot_order(candidates)
    position = {c.id: i for i, c in enumerate(ordered)}
    findings: list[Finding] = []

    entered = {c.id: figures.votes.get(c.id) for c in ordered}
    counted = {cid: (v or 0) for cid, v in entered.items()}
    rejected = {key: figures.rejected.get(key) for key in etype.heading_keys}
    valid_votes = sum(counted.values())
    # Papers rejected in part still carry good votes: they are valid papers, not part of R.
    rejected_total = sum(rejected[h.key] or 0 for h in etype.headings if h.wholly_rejected)
    papers = contest.ballot_papers_verified
    electorate = contest.electorate
    valid_papers = None if papers is None else papers - rejected_total
    unaccounted = None if papers is None else papers - valid_votes - rejected_total

    by_id = {c.id: c for c in ordered}
    if not ordered:
        findings.append(
            Finding(
                Code.C210, "The contest has no candidates: import or add them before the count."
            )
        )
    missing_votes = [by_id[cid] for cid, value in entered.items() if value is None]
    if len(missing_votes) > MISSING_LISTED:
        # One line, not a screenful: the count has only just begun.
        findings.append(
            Finding(
                Code.C206,
                f"No votes entered yet for {len(missing_votes)} of the {len(ordered)} candidates: "
                "type each figure, or 0 if none.",
                {"missing": len(missing_votes)},
            )
        )
    else:
        for c in missing_votes:
            findings.append(
                Finding(
                    Code.C206,
                    f"No votes entered for {c.display_name}: type the figure, or 0 if none.",
                    subject=c.id,
                )
            )
    missing_headings = [h for h in etype.headings if rejected[h.key] is None]
    if len(missing_headings) > MISSING_LISTED:
        findings.append(
            Finding(
                Code.C207,
                f"Rejected papers are not entered under {len(missing_headings)} headings: type "
                "each figure, or 0 if none.",
                {"missing": len(missing_headings)},
            )
        )
    else:
        for heading in missing_headings:
            findings.append(
                Finding(
                    Code.C207,
                    f"Rejected papers for “{heading.label.lower()}” are not entered: "
                    "type the figure, or 0 if none.",
                    subject=heading.key,
                )
            )
    if papers is None:
        findings.append(
            Finding(
                Code.C208,
                "Ballot papers verified are not entered: enter the total from the statement "
                "of verification.",
            )
        )
    complete = (
        bool(ordered)
        and papers is not None
        and all(v is not None for v in entered.values())
        and all(v is not None for v in rejected.values())
    )

    # Reconciliation of papers (DOMAIN.md §4).
    if papers is not None and rejected_total > papers:
        findings.append(
            Finding(
                Code.C204,
                f"Rejected papers ({format_figure(rejected_total)}) are more than the ballot "
                f"papers verified ({format_figure(papers)}): check both figures.",
                {"rejected_total": rejected_total, "ballot_papers_verified": papers},
            )
        )
    if valid_papers is not None:
        for c in ordered:
            if counted[c.id] > valid_papers >= 0:
                findings.append(
                    Finding(
                        Code.C203,
                        f"{c.display_name} has {format_figure(counted[c.id])} votes but there are "
                        f"only {format_figure(valid_papers)} valid ballot papers "
                        f"({format_figure(papers)} verified − {format_figure(rejected_total)} "
                        "rejected): check this candidate's figure.",
                        {"votes": counted[c.id], "valid_papers": valid_papers},
                        subject=c.id,
                    )
                )
    if complete and papers is not None and unaccounted is not None and valid_papers is not None:
        if seats == 1 and unaccounted != 0:
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
            findings.append(
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
            )
        if seats > 1 and valid_papers >= 0 and valid_votes > seats * valid_papers:
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
    in_part = sum(rejected[h.key] or 0 for h in etype.headings if not h.wholly_rejected)
    if in_part and seats == 1:
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
    if (
        complete
        and seats > 1
        and valid_papers is not None
        and valid_papers > 0
        and valid_votes < valid_papers
    ):
        findings.append(
            Finding(
                Code.C214,
                f"Valid votes ({format_figure(valid_votes)}) are fewer than the valid papers "
                f"({format_figure(valid_papers)}), yet every valid paper carries at least one "
                "vote: some figure is too low, or a paper with no vote was not rejected.",
                {"valid_votes": valid_votes, "valid_papers": valid_papers},
            )
        )
    if figures.rejected_total_entered is not None and figures.rejected_total_entered != (
        rejected_total
    ):
        findings.append(
            Finding(
                Code.C205,
                f"The rejected headings add up to {format_figure(rejected_total)} but the rejected "
                f"total entered is {format_figure(figures.rejected_total_entered)}: check each "
                "heading against the total.",
                {"headings": rejected_total, "entered": figures.rejected_total_entered},
            )
        )

    # Facts about the contest.
    turnout = None
    if electorate is None:
        findings.append(
            Finding(
                Code.T302,
                "The electorate is not entered, so turnout cannot be shown: enter it from the "
                "register.",
            )
        )
    elif papers is not None:
        turnout = Fraction(papers, electorate) if electorate > 0 else None
        if papers > electorate:
            findings.append(
                Finding(
                    Code.T301,
                    f"Ballot papers verified ({format_figure(papers)}) are more than the "
                    f"electorate ({format_figure(electorate)}): check both figures.",
                    {"ballot_papers_verified": papers, "electorate": electorate},
                )
            )
        elif turnout is not None and (papers * 10 < electorate or papers * 10 > electorate * 9):
            findings.append(
                Finding(
                    Code.W603,
                    f"Turnout is {format_percent(turnout)}%, outside the usual 10–90%: check the "
                    "electorate and ballot papers verified.",
                    {"ballot_papers_verified": papers, "electorate": electorate},
                )
            )
    if not contest.officer_name.strip():
        findings.append(
            Finding(
                Code.T303,
                "The declaring officer's name is not set: set it before the declaration is printed.",
            )
        )

    # Who is elected, ties and lots.
    tie = find_tie(counted, seats) if complete else None
    lot_votes = dict.fromkeys(counted, 0)
    applied_lots: LotsDrawing | None = None
    if lots is not None:
        if (
            tie is not None
            and lots.tied == tie.candidates
            and lots.winners <= tie.candidates
            and len(lots.winners) == tie.places
        ):
            applied_lots = lots
            for cid in lots.winners:
                lot_votes[cid] = 1
        elif complete:
            findings.append(
                Finding(
                    Code.L402,
                    "Lots were recorded for an earlier tie that these figures no longer show, so "
                    "they are not used: check the figures; record lots again only if a new tie "
                    "needs them.",
                )
            )

    # Counted votes first; the vote by lot only orders the tied candidates among themselves.
    ranked = sorted(counted, key=lambda cid: (-counted[cid], -lot_votes[cid], position[cid]))
    if len(ordered) <= seats:
        elected = tuple(ranked)
        if ordered:
            findings.append(
                Finding(
                    Code.I701,
                    f"There are {len(ordered)} candidates for {seats} seat"
                    f"{'s' if seats != 1 else ''}: all are elected without a contest.",
                )
            )
    elif not complete:
        # Nobody is elected on part of the figures: a missing one could change everything.
        elected = ()
    elif tie is not None and applied_lots is None:
        elected = tuple(cid for cid in ranked if counted[cid] > tie.votes)
    else:
        elected = tuple(ranked[:seats])

    majority = None
    if len(ordered) > seats:
        majority = counted[ranked[seats - 1]] - counted[ranked[seats]]
    leader = ranked[0] if ranked else None
    runner_up = ranked[1] if len(ranked) > 1 else None
    last_elected = ranked[seats - 1] if len(ranked) > seats else None
    first_not_elected = ranked[seats] if len(ranked) > seats else None

    lines_by_id: dict[int, CandidateResult] = {}
    for c in ordered:
        share = Fraction(counted[c.id], valid_votes) if valid_votes else None
        deposit = etype.deposit_kept(counted[c.id], valid_votes) if complete else None
        lines_by_id[c.id] = CandidateResult(
            candidate=c,
            votes=entered[c.id],
            lot_vote=lot_votes[c.id],
            share=share,
            elected=c.id in elected,
            deposit_kept=deposit,
        )
    lines = tuple(lines_by_id[c.id] for c in ordered)

    if tie is not None:
        tied_lines = [lines_by_id[cid] for cid in ordered_ids(ordered, tie.candidates)]
        if applied_lots is None:
            place = "the seat" if seats == 1 else f"{tie.places} of the last seats"
            if seats > 1 and tie.places == 1:
                place = "the last seat"
            findings.append(
                Finding(
                    Code.L401,
                    f"{_names(tied_lines)} are tied on {format_figure(tie.votes)} votes for "
                    f"{place}: the Returning Officer must draw lots, then record who the lot "
                    "fell on.",
                    {"votes": tie.votes, "places": tie.places},
                )
            )
        else:
            winners = [lines_by_id[cid] for cid in ordered_ids(ordered, applied_lots.winners)]
            findings.append(
                Finding(
                    Code.L403,
                    f"Lots were drawn between {_names(tied_lines)}; the lot fell on "
                    f"{_names(winners)}, treated as having one additional vote.",
                )
            )

    if complete:
        if papers is not None and papers > 0 and rejected_total * 100 > papers:
            findings.append(
                Finding(
                    Code.W601,
                    f"Rejected papers ({format_figure(rejected_total)}) are "
                    f"{format_percent(Fraction(rejected_total, papers))}% of papers verified, "
                    "over the usual 1%: check the adjudication and each heading.",
                    {"rejected_total": rejected_total, "ballot_papers_verified": papers},
                )
            )
        for c in ordered:
            if counted[c.id] == 0:
                findings.append(
                    Finding(
                        Code.W602,
                        f"{c.display_name} has 0 votes: check that the figure was entered against "
                        "the right candidate.",
                        subject=c.id,
                    )
                )
        if majority is not None and majority > 0 and valid_votes and majority * 200 < valid_votes:
            word = "majority" if seats == 1 else "margin"
            findings.append(
                Finding(
                    Code.W604,
                    f"The {word} is {format_figure(majority)} votes, "
                    f"{format_percent(Fraction(majority, valid_votes))}% of valid votes: a recount "
                    "request is likely; check the bundles before the provisional result.",
                    {"majority": majority, "valid_votes": valid_votes},
                )
            )

    return ContestResult(
        contest=contest,
        candidates=lines,
        valid_votes=valid_votes,
        rejected=rejected,
        rejected_total=rejected_total,
        ballot_papers_verified=papers,
        unaccounted=unaccounted if seats == 1 else None,
        valid_papers=valid_papers,
        elected=elected,
        majority=majority,
        leader=leader,
        runner_up=runner_up,
        last_elected=last_elected,
        first_not_elected=first_not_elected,
        tie=tie,
        lots=applied_lots,
        turnout=turnout,
        complete=complete,
        findings=sort_findings(findings),
    )


def ordered_ids(ordered: Iterable[Candidate], ids: Iterable[int]) -> list[int]:
    """The given candidate ids in ballot order."""
    wanted = set(ids)
    return [c.id for c in ordered if c.id in wanted]


def figure_changes(
    before: ContestResult, after: ContestResult
) -> dict[tuple[str, int | str | None], int]:
    """How each figure moved from one count to the next (after − before), where it changed.

    Keys: ("votes", candidate id), ("rejected", heading key), ("valid", None),
    ("rejected_total", None) and ("majority", None). Figures missing from either are left out.
    """
    pairs: dict[tuple[str, int | str | None], tuple[int | None, int | None]] = {
        ("valid", None): (before.valid_votes, after.valid_votes),
        ("rejected_total", None): (before.rejected_total, after.rejected_total),
        ("majority", None): (before.majority, after.majority),
    }
    old_votes = {line.candidate.id: line.votes for line in before.candidates}
    for line in after.candidates:
        pairs[("votes", line.candidate.id)] = (old_votes.get(line.candidate.id), line.votes)
    for key, papers in after.rejected.items():
        pairs[("rejected", key)] = (before.rejected.get(key), papers)
    return {
        key: new - old
        for key, (old, new) in pairs.items()
        if old is not None and new is not None and new != old
    }
