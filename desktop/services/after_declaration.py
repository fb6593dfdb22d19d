"""After the declaration: a declared result is final (DOMAIN.md §3, step 5).

An error found afterwards is recorded — who found it, every figure as now found, the reason —
with its audit row, and printed as a memorandum headed that it is not a declaration and that
the declaration stands. Nothing here changes a count, a declaration or who was elected.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.after_declaration import (
    ErrorFound,
    check_error_record,
    figures_as_found,
)
from desktop.domain.arithmetic import compute_result
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.records import Declaration, StoredCount
from desktop.services.common import require_operator
from desktop.services.entry import Entry
from desktop.services.proof import Proof
from desktop.services.texts import printed_reason, printed_text
from desktop.storage.store import Store


class AfterDeclaration:
    """Errors found after the declaration, and their memoranda."""

    def __init__(self, store: Store, entry: Entry, proof: Proof) -> None:
        self.store = store
        self.entry = entry
        self.proof = proof

    def _declared(self, contest_id: str) -> tuple[Declaration, StoredCount]:
        """The declaration that stands and the count it declared."""
        declaration = next(
            d for d in self.store.declarations(contest_id) if not d.is_legacy_correction
        )
        count = next(c for c in self.store.counts(contest_id) if c.id == declaration.count_id)
        return declaration, count

    def record_error_found(
        self,
        contest_id: str,
        operator: str,
        *,
        found_by: str,
        reason: str,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
    ) -> ErrorFound:
        """Record an error found after the declaration; the declaration stands unchanged.

        ``votes`` (by candidate id) and ``rejected`` (by heading key) are the figures as now
        found; a figure not given is as declared. Refuses (S811) a record without who found it
        or the reason, or whose figures are all as declared; and figures as now found that do
        not add up, listing each finding.
        """
        operator = require_operator(operator)
        contest = self.store.contest(contest_id)
        if contest.is_local_count:
            raise CountDeskError(
                f"{contest.area} ({contest.voting_area or 'this voting area'}) is a local count: "
                "it has no declaration for a memorandum to stand beside. An error found after "
                "the local totals are sent is for the area's returning officer: tell them, with "
                "the figures as found.",
                Code.A102,
            )
        if contest.status is not Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is not declared: change the figures through the count (a "
                "recount after the provisional result). An error is recorded this way only "
                "after the declaration.",
                Code.S801,
            )
        # The record is made against the declaration as kept: not on a record changed outside.
        self.proof.require_intact(f"record an error found in {contest.area}")
        declaration, count = self._declared(contest_id)
        declared = figures_as_found(count.figures, {}, {})
        given = self.entry.checked_figures(
            contest,
            {**{k: v for k, v in declared.votes.items() if v is not None}, **votes},
            {**{k: v for k, v in declared.rejected.items() if v is not None}, **rejected},
        )
        found_by = printed_text(found_by, "who found the error")
        reason = printed_reason(reason, "the reason")
        found_by, reason = check_error_record(found_by, reason, declared, given)
        result = compute_result(contest, self.store.candidates(contest_id), given)
        # A tie in the figures as now found is a fact to record; lots are drawn only before a
        # declaration, so it does not stop the record.
        errors = [f for f in result.errors if f.code is not Code.L401]
        if errors:
            listed = " ".join(f"{f.code}: {f.message}" for f in errors)
            raise CountDeskError(
                "The figures as now found do not add up, so nothing was recorded: check each "
                f"against the papers. {listed}",
                errors[0].code,
            )
        return self.store.add_error_found(
            contest_id, declaration.id, operator, found_by=found_by, reason=reason, found=given
        )

    def errors_found(self, contest_id: str) -> tuple[ErrorFound, ...]:
        """Every error recorded after the contest's declaration, oldest first."""
        self.store.contest(contest_id)
        return tuple(self.store.errors_found(contest_id))

    def memorandum_pdf(self, contest_id: str, error_id: int | None = None) -> bytes:
        """The memorandum of an error found (the latest if ``error_id`` is None), as PDF bytes."""
        contest = self.store.contest(contest_id)
        recorded = self.store.errors_found(contest_id)
        error = next((e for e in recorded if error_id is None or e.id == error_id), None)
        if error_id is None and recorded:
            error = recorded[-1]
        if error is None:
            raise CountDeskError(
                f"No error found after the declaration is recorded for {contest.area}"
                + (f" with number {error_id}" if error_id is not None else "")
                + ": there is no memorandum to print."
            )
        declaration, count = self._declared(contest_id)
        candidates = self.store.candidates(contest_id)
        lots = self.store.lots_for_count(count.id)
        declared = compute_result(
            contest, candidates, count.figures, lots.drawing if lots else None
        )
        found = compute_result(contest, candidates, error.found)

        from reports.memorandum import render_memorandum
        from reports.memorandum_snapshot import build_memorandum_snapshot

        snapshot = build_memorandum_snapshot(
            declared,
            found,
            self.store.election(contest.election_id),
            declared_at=declaration.declared_at,
            error=error,
        )
        return render_memorandum(snapshot)
