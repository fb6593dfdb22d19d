"""The night's status in one place: setup → verification → count → provisional → declared.

Each transition's guard is expressed as the findings that block it; no findings, no block.
A declared contest is locked and its result final: an error found afterwards is only recorded
(DOMAIN.md §3, step 5).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.contest_facts import declaration_facts_findings, officer_findings
from desktop.domain.findings import Finding, Severity, sort_findings
from desktop.domain.model import Candidate, Contest, Status
from desktop.domain.names import unconfirmed_splits
from desktop.domain.referendum import court_words
from desktop.domain.verification import VerificationLine, verification_findings

#: The order of the night; moving back one step is allowed only before any count is recorded,
#: and from provisional to count only through a granted recount.
ORDER = (Status.SETUP, Status.VERIFICATION, Status.COUNT, Status.PROVISIONAL, Status.DECLARED)

_LABEL = {
    Status.SETUP: "setup",
    Status.VERIFICATION: "verification",
    Status.COUNT: "count",
    Status.PROVISIONAL: "provisional result",
    Status.DECLARED: "declared",
}


class RecountDecision(StrEnum):
    """What the Returning Officer decided on a request for a recount."""

    FULL = "full"
    BUNDLE_CHECK = "bundle_check"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        """The decision in words."""
        return {
            RecountDecision.FULL: "full recount",
            RecountDecision.BUNDLE_CHECK: "bundle check",
            RecountDecision.REFUSED: "refused",
        }[self]


def figures_key(figures: Mapping[str, object] | str | None) -> str:
    """A warning's figures as stored with its acknowledgement (canonical JSON)."""
    if isinstance(figures, str):
        return figures
    return json.dumps(dict(figures or {}), sort_keys=True)


def ack_key(
    code: str, subject: object, figures: Mapping[str, object] | str | None = None
) -> tuple[str, str, str]:
    """How an acknowledgement is matched to a warning: its code, subject and figures.

    The figures are part of it so that an acknowledgement of "a variance of −1" does not
    cover the same box once its variance is −400.
    """
    return code, "" if subject is None else str(subject), figures_key(figures)


@dataclass(frozen=True)
class NightState:
    """What the guards look at: the contest, its candidates, verification and standing count."""

    contest: Contest
    candidates: int
    verification: tuple[VerificationLine, ...]
    #: The result of the count that stands; None before any count is recorded.
    result: ContestResult | None
    #: (code, subject, figures) of every warning a supervisor has acknowledged, for the count
    #: that stands and for the verification.
    acknowledged: frozenset[tuple[str, str, str]] = frozenset()
    #: Figures keyed in since the count that stands was recorded, not yet recorded.
    unrecorded_changes: bool = False
    #: The election's authority, which heads the declaration ("" when not set).
    authority: str = ""
    #: Candidates whose surname was split at a particle and is not yet confirmed (N101).
    names_to_confirm: tuple[Candidate, ...] = ()
    #: The area result's A109 while voting areas' local totals are awaited (else None).
    areas_awaited: Finding | None = None

    def unacknowledged(self, findings: Iterable[Finding]) -> list[Finding]:
        """The warnings among these findings that no one has acknowledged yet."""
        return [
            f
            for f in findings
            if f.severity is Severity.WARNING
            and ack_key(f.code, f.subject, f.figures) not in self.acknowledged
        ]


def _needs_ack(warnings: list[Finding]) -> list[Finding]:
    return [
        Finding(
            Code.S804,
            f"Warning {w.code} is not acknowledged: {w.message} A supervisor acknowledges it "
            "with a reason before moving on.",
            {"warning": w.code},
            subject=w.subject,
        )
        for w in warnings
    ]


def verification_blockers(state: NightState) -> list[Finding]:
    """What stops the count from starting: boxes not counted, variances unexplained."""
    if not state.verification:
        if state.contest.ballot_papers_verified is None:
            return [
                Finding(
                    Code.C208,
                    "Ballot papers verified are not entered: list the ballot boxes and verify "
                    "them, or enter the total from the statement of verification.",
                )
            ]
        return []
    findings = verification_findings(state.verification)
    errors = [f for f in findings if f.is_error]
    return errors + _needs_ack(state.unacknowledged(findings))


def count_blockers(state: NightState, *, lots_may_wait: bool = False) -> list[Finding]:
    """What stops the provisional result (or the declaration): no count, errors, warnings not
    acknowledged.

    ``lots_may_wait``: a tie that needs lots does not stop the provisional result (rule 49:
    lots are drawn once counting, including any recount, is complete); it stops the declaration.
    """
    if state.result is None:
        return [
            Finding(
                Code.S805,
                "No count is recorded yet: key in the figures and record the count first.",
            )
        ]
    blockers = [f for f in state.result.errors if not (lots_may_wait and f.code == Code.L401)]
    if state.unrecorded_changes:
        blockers.append(
            Finding(
                Code.S808,
                "The figures keyed in are not the count recorded (changed since, or a granted "
                "recount not yet entered): record them as a new count, or put them back, before "
                "moving on.",
            )
        )
    return blockers + _needs_ack(state.unacknowledged(state.result.findings))


def transition_blockers(
    state: NightState, to: Status, *, via_recount: bool = False
) -> tuple[Finding, ...]:
    """The findings that block moving the contest to ``to``; empty when it may move."""
    here = state.contest.status
    if here is Status.DECLARED:
        return (
            Finding(
                Code.S802,
                f"{state.contest.area} is declared: the result is final and its figures are "
                f"locked. Only {court_words(state.contest)} can change it; an error found now is "
                "recorded.",
            ),
        )
    if to is here:
        return (Finding(Code.S801, f"{state.contest.area} is already at {_LABEL[to]}."),)
    step = ORDER.index(to) - ORDER.index(here)
    back = step == -1
    if step not in (1, -1):
        return (
            Finding(
                Code.S801,
                f"{state.contest.area} cannot go from {_LABEL[here]} to {_LABEL[to]}: the night "
                f"goes {' → '.join(_LABEL[s] for s in ORDER)}, one step at a time.",
            ),
        )
    if back and here is Status.PROVISIONAL and not via_recount:
        return (
            Finding(
                Code.S801,
                "A provisional result goes back to the count only when the Returning Officer "
                "grants a recount or bundle check: record the request and the decision.",
            ),
        )
    if back and here is not Status.PROVISIONAL and state.result is not None:
        return (
            Finding(
                Code.S801,
                f"{state.contest.area} already has a count recorded, so it cannot go back to "
                f"{_LABEL[to]}.",
            ),
        )
    if back:
        return ()
    uncontested = uncontested_refusal(state.contest, state.candidates)
    if uncontested is not None:
        return (uncontested,)
    blockers: list[Finding] = []
    if to is Status.VERIFICATION and state.candidates == 0:
        blockers.append(
            Finding(
                Code.C210, "The contest has no candidates: import or add them before the count."
            )
        )
    elif to is Status.VERIFICATION:
        # The names print on the declaration as on the ballot paper: a proposed split is
        # confirmed against the SOPN before the contest leaves setup.
        blockers += unconfirmed_splits(state.names_to_confirm)
    elif to is Status.COUNT and state.areas_awaited is not None:
        # The area result's papers are the voting areas' own, added up once all are in.
        blockers.append(state.areas_awaited)
    elif to is Status.COUNT:
        blockers += verification_blockers(state)
    elif to is Status.PROVISIONAL:
        blockers += count_blockers(state, lots_may_wait=True)
    elif to is Status.DECLARED:
        # A local count does not decide the result, so a tie there is not decided by lot: the
        # area's returning officer draws lots if the area's totals tie (DOMAIN.md §3, step 6).
        blockers += count_blockers(state, lots_may_wait=state.contest.is_local_count)
        if state.contest.is_local_count and not state.contest.voting_area.strip():
            blockers.append(
                Finding(
                    Code.A101,
                    f"The voting area of this local count of {state.contest.area} is not "
                    "named: name it (the council's area) before the local totals are sent.",
                )
            )
        if state.contest.is_local_count and state.contest.electorate is None:
            # The area result adds up the voting areas' electorates for its turnout: one
            # missing would leave the area's declaration with no electorate and no turnout.
            blockers.append(
                Finding(
                    Code.A110,
                    f"The electorate of this local count of {state.contest.area} is not "
                    "entered: enter it before the local totals are sent, for the area's "
                    "electorate and turnout.",
                )
            )
    if to is Status.DECLARED:
        blockers += declaration_facts_findings(state.contest, state.authority)
    return sort_findings(blockers)


def is_uncontested(contest: Contest, candidates: int) -> bool:
    """Whether no more candidates stand than there are seats (and at least one stands): there
    is no poll, and those nominated are declared duly elected (DOMAIN.md §3, step 1)."""
    return 0 < candidates <= contest.seats


def uncontested_refusal(contest: Contest, candidates: int) -> Finding | None:
    """S813 where no more candidates stand than there are seats: there is no poll (DOMAIN.md §3),
    so no verification, count, provisional result or declaration of result of poll. It names
    the path there is: declaring the candidates duly elected, with the notice of uncontested
    election."""
    if not is_uncontested(contest, candidates):
        return None
    seats = f"{contest.seats} seat{'s' if contest.seats != 1 else ''}"
    who = f"{candidates} candidate{'s' if candidates != 1 else ''}"
    return Finding(
        Code.S813,
        f"{contest.area} is uncontested ({who} for {seats}): there is no poll, so no "
        "verification, count, turnout or declaration of result of poll. The Returning Officer "
        "declares the candidates duly elected instead (countdesk-cli declare, or Declare duly "
        "elected… in the window), and the notice of uncontested election is printed. If "
        "candidates are still to be added from the statement of persons nominated, add them "
        "first.",
    )


def uncontested_blockers(state: NightState) -> tuple[Finding, ...]:
    """What stops the candidates of an uncontested contest being declared duly elected; empty
    when they may be. The notice prints the names as on the statement of persons nominated
    (N101), is signed by the officer (T303) and is headed by the authority and closes with the
    imprint (T304)."""
    contest = state.contest
    if contest.status is Status.DECLARED:
        return (
            Finding(
                Code.S802,
                f"{contest.area} is declared: the candidates were declared duly elected and "
                "the notice is kept.",
            ),
        )
    blockers: list[Finding] = [
        *unconfirmed_splits(state.names_to_confirm),
        *officer_findings(contest),
        *declaration_facts_findings(contest, state.authority),
    ]
    return sort_findings(blockers)


def lots_blockers(state: NightState) -> tuple[Finding, ...]:
    """What stops the drawing of lots from being recorded now; empty when it may be.

    Lots are drawn only once counting, including any recount, is complete and the figures
    reconcile (rule 49): the tie has been shown as the provisional result, and no error other
    than the tie itself stands.
    """
    area = state.contest.area
    if state.contest.status is not Status.PROVISIONAL or state.result is None:
        return (
            Finding(
                Code.L407,
                f"Lots are drawn only once counting, including any recount, is complete: "
                f"{area} is at {_LABEL[state.contest.status]}. Record the count, show the tie as "
                "the provisional result (candidates may ask for a recount), then record the lots.",
            ),
        )
    if state.unrecorded_changes:
        return (
            Finding(
                Code.L407,
                "Figures have been keyed in that are not the count recorded: lots are drawn "
                "only on the count that stands, once it is complete.",
            ),
        )
    errors = [f for f in state.result.errors if f.code != Code.L401]
    if errors:
        return (
            Finding(
                Code.L407,
                f"The figures of {area} do not reconcile, so no lots can be drawn: put the "
                "figures right (through a recount) first.",
            ),
            *errors,
        )
    return ()


def next_step(state: NightState) -> tuple[Status | None, tuple[Finding, ...], bool]:
    """The contest's next stage, the findings that block it, and whether it is uncontested
    (no poll: the one step left is declaring the candidates duly elected)."""
    following = next_status(state.contest.status)
    blockers = () if following is None else transition_blockers(state, following)
    uncontested = is_uncontested(state.contest, state.candidates) and state.result is None
    if uncontested and following is not None:
        following, blockers = Status.DECLARED, uncontested_blockers(state)
    return following, blockers, uncontested


def night_position(status: Status) -> int:
    """Where a stage comes in the night (setup 0 … declared last), for sorting by stage."""
    return ORDER.index(status)


def next_status(status: Status) -> Status | None:
    """The status after this one, or None once declared."""
    index = ORDER.index(status)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def status_label(status: Status, *, local_count: bool = False) -> str:
    """The status in words; a local count's last stage is "sent" (its local totals sent to the
    area's returning officer), not "declared" (DOMAIN.md §3, step 6)."""
    if local_count and status is Status.DECLARED:
        return "sent"
    return _LABEL[status]


def stage_label(contest: Contest, status: Status | None = None) -> str:
    """A stage of this contest in words (its own stage unless ``status`` is given): the one
    place the stage words come from, so that every screen and list says "sent" for a local
    count."""
    return status_label(
        contest.status if status is None else status, local_count=contest.is_local_count
    )
