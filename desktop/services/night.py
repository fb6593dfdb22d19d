"""The night's status: where a contest is, moving it on, and acknowledging warnings.

Every change of status is guarded by the findings that block it (desktop.domain.workflow).
``StatusReport`` is here; ``ContestHistory`` and ``CountRecord`` are importable from here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.local_totals import awaited_finding, name_key
from desktop.domain.model import Contest, LotsDrawing, Status, ballot_order
from desktop.domain.verification import verification_findings
from desktop.domain.workflow import (
    NightState,
    ack_key,
    is_uncontested,
    lots_blockers,
    next_step,
    status_label,
    transition_blockers,
    uncontested_blockers,
)
from desktop.services.common import blocked, guard, require_operator
from desktop.services.entry import Entry
from desktop.services.history import ContestHistory, CountRecord
from desktop.services.reading import Reading
from desktop.services.texts import printed_reason
from desktop.storage.store import Store

__all__ = ["ContestHistory", "CountRecord", "Night", "StatusReport"]

#: The findings of double entry that hold a count at the count stage.
_ENTRY_CODES = frozenset({Code.P101, Code.P102, Code.P103})


@dataclass(frozen=True)
class StatusReport:
    """Where the contest is, what comes next, and what stands in the way."""

    contest: Contest
    status: Status
    next: Status | None
    blockers: tuple[Finding, ...]
    shown_at: datetime | None
    declared_at: datetime | None
    #: No more candidates than seats: no poll; the next step is declaring them duly elected.
    uncontested: bool = False

    @property
    def label(self) -> str:
        """The status in words."""
        return status_label(self.status, local_count=self.contest.is_local_count)


def refuse_if_held(state: NightState, nothing: str) -> None:
    """Refuse a step beyond the count while an entry of double entry is held, with its code."""
    if state.result is None:
        return
    held = [f for f in state.result.errors if f.code in _ENTRY_CODES]
    if held:
        raise CountDeskError(f"{held[0].message} {nothing}", held[0].code)


class Night:
    """The contest's status through the night, and the warnings acknowledged on the way."""

    def __init__(self, store: Store, reading: Reading, entry: Entry) -> None:
        self.store = store
        self.reading = reading
        self.entry = entry

    # -- status --------------------------------------------------------------------------

    def night_state(self, contest_id: str) -> NightState:
        """Everything the status guards look at, read in one go."""
        contest = self.store.contest(contest_id)
        latest = self.store.latest_count(contest_id)
        held = self.store.entry_state(contest_id).held
        result = self.reading.result(contest_id) if latest is not None or held else None
        acks = self.store.acknowledgements(contest_id, latest.id if latest else None)
        draft = self.entry.draft(contest_id)
        # While an entry is held, its own finding (P101–P103) says what is awaited.
        unrecorded = latest is not None and draft.recorded_as is None and not held
        candidates = self.store.candidates(contest_id)
        return NightState(
            contest=contest,
            candidates=len(candidates),
            verification=tuple(self.store.verification(contest_id)),
            result=result,
            acknowledged=frozenset(ack_key(a.code, a.subject or None, a.figures) for a in acks),
            unrecorded_changes=unrecorded,
            authority=self.store.election(contest.election_id).authority,
            names_to_confirm=tuple(c for c in ballot_order(candidates) if c.split_to_confirm),
            areas_awaited=self._areas_awaited(contest),
        )

    def _areas_awaited(self, contest: Contest) -> Finding | None:
        """A109 for an area result whose voting areas' local totals are not all in."""
        if not contest.is_area_result:
            return None
        records = self.store.local_totals
        listed = records.voting_areas(contest.id)
        received = {name_key(r.voting_area) for r in records.returns(contest.id)}
        awaited = [n for n in listed if name_key(n) not in received]
        return awaited_finding(awaited, len(listed))

    def status(self, contest_id: str) -> StatusReport:
        """The contest's status, the next step and what blocks it."""
        state = self.night_state(contest_id)
        contest = state.contest
        # No poll: the one step left is declaring the candidates duly elected.
        following, blockers, uncontested = next_step(state)
        changes = self.store.status_changes(contest_id)
        shown = [c.at for c in changes if c.to_status is Status.PROVISIONAL]
        declarations = self.store.declarations(contest_id)
        declared_at = declarations[0].declared_at if declarations else None
        if uncontested and declared_at is None and contest.status is Status.DECLARED:
            notice = self.store.uncontested_notice(contest_id)
            declared_at = None if notice is None else notice.declared_at
        if contest.is_local_count and declared_at is None:
            # A local count is not declared: its last stage is the local totals sent.
            sent = self.store.local_totals.sent(contest_id)
            declared_at = None if sent is None else sent.sent_at
        return StatusReport(
            contest,
            contest.status,
            following,
            blockers,
            shown[-1] if shown and contest.status is not Status.SETUP else None,
            declared_at,
            uncontested,
        )

    def advance(self, contest_id: str, to: Status | str, operator: str, note: str = "") -> Contest:
        """Move the contest one step on (or back), if nothing blocks it; refusals name the codes.

        Declaring needs the officer's confirmation: use ``declare``.
        """
        operator = require_operator(operator)
        try:
            target = Status(to)
        except ValueError:
            names = ", ".join(s.value for s in Status)
            raise CountDeskError(
                f"“{to}” is not a status: use one of {names}.", Code.S801
            ) from None
        if target in (Status.PROVISIONAL, Status.DECLARED):
            refuse_if_held(self.night_state(contest_id), "The contest stays at the count.")
        if target is Status.DECLARED:
            state = self.night_state(contest_id)
            if is_uncontested(state.contest, state.candidates) and state.result is None:
                blockers = uncontested_blockers(state)
                doing = "Declaring the candidates duly elected"
            else:
                blockers = transition_blockers(state, target)
                doing = "Declaring"
            if blockers:
                raise blocked(state.contest, target, blockers)
            raise CountDeskError(
                f"{doing} needs the officer's confirmation: declare with the officer's name "
                "(countdesk-cli declare, or Declare in the window).",
                Code.S806,
            )
        state = self.night_state(contest_id)
        blockers = transition_blockers(state, target)
        if blockers:
            raise blocked(state.contest, target, blockers)
        self.store.change_status(contest_id, target, operator, note)
        return self.store.contest(contest_id)

    def acknowledge_warning(
        self, contest_id: str, code: str, reason: str, operator: str, subject: object = None
    ) -> list[Finding]:
        """A supervisor acknowledges a warning of the count that stands (or of verification).

        Returns the warnings still open.
        """
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        reason = printed_reason(reason, "the reason")
        if not reason:
            raise CountDeskError(
                f"Give the reason for acknowledging {code}: it is kept in the audit log.", Code.S804
            )
        warnings = self.open_warnings(contest_id)
        matching = [
            w
            for w in warnings
            if w.code == code and (subject is None or str(w.subject) == str(subject))
        ]
        if not matching:
            open_codes = ", ".join(sorted({w.code for w in warnings})) or "none"
            raise CountDeskError(
                f"There is no open warning {code} to acknowledge (open warnings: {open_codes}).",
                Code.S804,
            )
        latest = self.store.latest_count(contest_id)
        with self.store.transaction():
            for warning in matching:
                count_id = None if warning.code.startswith("V") else (latest.id if latest else None)
                _, subject_key, figures = ack_key(warning.code, warning.subject, warning.figures)
                self.store.acknowledge(
                    contest_id, count_id, warning.code, subject_key, reason, operator, figures
                )
        return self.open_warnings(contest_id)

    # -- lots -----------------------------------------------------------------------------

    def lots_blockers(self, contest_id: str) -> tuple[Finding, ...]:
        """Why lots cannot be recorded now (L407 first, then any error); empty once they may be."""
        return lots_blockers(self.night_state(contest_id))

    def record_lots(
        self,
        contest_id: str,
        winner_ids: Iterable[int],
        operator: str,
        method: str = "",
        witnesses: str = "",
    ) -> ContestResult:
        """Record on whom the lot fell for the tie in the count that stands; return the new result.

        Only once the tie has been shown as the provisional result and its figures reconcile
        (L407): counting, including any recount, is then complete (rule 49).
        """
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        state = self.night_state(contest_id)
        contest = state.contest
        if contest.is_local_count:
            raise CountDeskError(
                f"This is a local count of {contest.area}: it does not decide the result, so a "
                "tie here is not decided by lot. Send the local totals as they are; the area's "
                "returning officer draws lots if the area's totals tie. No lots were recorded.",
                Code.A103,
            )
        refuse_if_held(state, "No lots were recorded.")
        if contest.type.referendum:
            raise CountDeskError(
                "Lots are not drawn at a referendum: where the votes for the answers are equal, "
                "neither answer carried, and the declaration says so. Nothing was recorded.",
                Code.R103,
            )
        latest = self.store.latest_count(contest_id)
        if latest is None:
            raise CountDeskError(
                f"{contest.area} has no count yet, so there is no tie to decide by lot.",
                Code.L404,
            )
        if self.store.lots_for_count(latest.id) is not None:
            raise CountDeskError(
                "Lots are already recorded for the count that stands: a drawing of lots is not "
                "repeated. If it was recorded wrongly, that is for the Returning Officer to put "
                "right through a new count.",
                Code.L406,
            )
        bare = compute_result(contest, self.store.candidates(contest_id), latest.figures)
        if bare.tie is None:
            raise CountDeskError(
                f"The count that stands for {contest.area} has no tie that one more vote would "
                "decide, so no lots are needed.",
                Code.L404,
            )
        blockers = lots_blockers(state)
        if blockers:
            listed = " ".join(f"{f.code}: {f.message}" for f in blockers[1:])
            raise CountDeskError(
                f"{blockers[0].message} Nothing was recorded. {listed}".strip(), Code.L407
            )
        winners = frozenset(winner_ids)
        tied_names = ", ".join(
            bare.line(cid).candidate.display_name for cid in sorted(bare.tie.candidates)
        )
        if not winners <= bare.tie.candidates or len(winners) != bare.tie.places:
            need = "one candidate" if bare.tie.places == 1 else f"{bare.tie.places} candidates"
            raise CountDeskError(
                f"The lot must fall on {need} among those tied ({tied_names}); nothing was "
                "recorded.",
                Code.L405,
            )
        self.store.record_lots(
            contest_id,
            latest.id,
            LotsDrawing(
                bare.tie.candidates,
                winners,
                printed_reason(method, "how the lots were drawn"),
                printed_reason(witnesses, "who witnessed the drawing"),
            ),
            operator,
        )
        return self.reading.result(contest_id)

    def open_warnings(self, contest_id: str) -> list[Finding]:
        """Warnings of the verification and of the count that stands not yet acknowledged."""
        state = self.night_state(contest_id)
        findings = list(verification_findings(state.verification))
        if state.result is not None:
            findings += list(state.result.findings)
        return state.unacknowledged(findings)
