"""Recounts: the requests, the Returning Officer's decisions, and the count they open."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.records import RecountRequest
from desktop.domain.workflow import RecountDecision, transition_blockers
from desktop.services.common import blocked, pending_request, require_operator
from desktop.services.night import Night
from desktop.services.texts import printed_reason, printed_text
from desktop.storage.store import Store


class Recounts:
    """Requests for a recount and what they open."""

    def __init__(self, store: Store, night: Night) -> None:
        self.store = store
        self.night = night

    def pending(self, contest_id: str) -> RecountRequest | None:
        """The granted recount or bundle check the next count records, if any."""
        return pending_request(self.store, contest_id, self.store.latest_count(contest_id))

    def recount_requests(self, contest_id: str) -> tuple[RecountRequest, ...]:
        """Every recount request of the contest and its decision, oldest first."""
        self.store.contest(contest_id)
        return tuple(self.store.recount_requests(contest_id))

    def request_recount(
        self,
        contest_id: str,
        operator: str,
        *,
        requested_by: str,
        role: str,
        decision: RecountDecision | str,
        for_candidate: int | None = None,
        reason: str = "",
        requested_at: datetime | None = None,
    ) -> RecountRequest:
        """Record a request for a recount and the Returning Officer's decision on it.

        A full recount or bundle check opens a new count (back to the count stage); a refusal
        needs its reason. No recount after the declaration (S803).
        """
        operator = require_operator(operator)
        contest = self.store.contest(contest_id)
        if contest.status is Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is declared: nothing may be recounted after the declaration; "
                "only an election petition can change the result.",
                Code.S803,
            )
        decided = RecountDecision(decision) if decision in set(RecountDecision) else None
        if contest.is_area_result and decided is not RecountDecision.REFUSED:
            raise CountDeskError(
                f"{contest.area} is the area result: its votes were counted at each voting "
                "area's local count, whose local totals, as sent, it adds up. A recount is made "
                "at the local count before its totals are sent; here a request can only be "
                "recorded as refused, with the reason. Nothing was recorded.",
                Code.A102,
            )
        latest = self.store.latest_count(contest_id)
        if latest is None or contest.status not in (Status.COUNT, Status.PROVISIONAL):
            raise CountDeskError(
                "A recount can be asked for once a count is recorded and before the declaration.",
                Code.S805,
            )
        try:
            decision = RecountDecision(decision)
        except ValueError:
            raise CountDeskError(
                f"“{decision}” is not a decision: use full, bundle_check or refused.", Code.S810
            ) from None
        if role not in ("candidate", "agent"):
            raise CountDeskError("Say who asked: the candidate, or an election agent.", Code.S810)
        requested_by = printed_text(requested_by, "who asked for the recount")
        if not requested_by:
            raise CountDeskError("Say who asked for the recount.", Code.S810)
        reason = printed_reason(reason, "the reason")
        if decision is RecountDecision.REFUSED and not reason:
            raise CountDeskError(
                "A refusal needs the Returning Officer's reason (why the request is unreasonable).",
                Code.S810,
            )
        if for_candidate is not None and for_candidate not in {
            c.id for c in self.store.candidates(contest_id)
        }:
            raise CountDeskError("The candidate named is not in this contest.", Code.C211)
        now = self.store.clock()
        with self.store.transaction():
            request = self.store.add_recount_request(
                contest_id,
                latest.id,
                operator,
                requested_by=requested_by,
                role=role,
                for_candidate=for_candidate,
                requested_at=requested_at or now,
                decision=decision,
                reason=reason,
                at=now,
            )
            if decision is not RecountDecision.REFUSED:
                if contest.status is Status.PROVISIONAL:
                    state = self.night.night_state(contest_id)
                    blockers = transition_blockers(state, Status.COUNT, via_recount=True)
                    if blockers:
                        raise blocked(contest, Status.COUNT, blockers)
                    self.store.change_status(
                        contest_id, Status.COUNT, operator, f"{decision.label} granted"
                    )
                # A full recount is keyed afresh; a bundle check starts from the figures it checks.
                if decision is RecountDecision.FULL:
                    self.store.clear_draft(contest_id, operator, action="start recount")
                    # Mark the draft as begun so the figures of the old count are not shown.
                    self.store.set_draft(
                        contest_id, operator, recount_request_id=request.id, action="start recount"
                    )
                else:
                    self.store.clear_draft(contest_id, operator, action="start bundle check")
        return request
