"""The declaration: the officer's confirmation, the lock, and a reasoned correction after it.

The PDF declared is kept byte for byte with the declaration it records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from desktop.domain.arithmetic import compute_result
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, LotsDrawing, Status
from desktop.domain.wording import time_in_words
from desktop.domain.workflow import status_label, transition_blockers
from desktop.services.common import blocked, require_operator
from desktop.services.entry import Entry
from desktop.services.night import Night
from desktop.services.reading import Reading
from desktop.storage.store import Store


class Declaring:
    """Declaring the result, and correcting it afterwards."""

    def __init__(self, store: Store, reading: Reading, entry: Entry, night: Night) -> None:
        self.store = store
        self.reading = reading
        self.entry = entry
        self.night = night

    def _confirm(self, contest: Contest, officer_confirmation: str) -> None:
        if not contest.officer_name.strip():
            raise CountDeskError(
                "The declaring officer's name is not set: set it before the declaration.", Code.T303
            )
        typed = " ".join(officer_confirmation.split()).casefold()
        if typed != " ".join(contest.officer_name.split()).casefold():
            raise CountDeskError(
                "The declaration needs the declaring officer's confirmation: the officer types "
                "their own name, as set for this contest. The name given does not match.",
                Code.S806,
            )

    def declare(self, contest_id: str, operator: str, officer_confirmation: str) -> bytes:
        """Declare the provisional result: stamp the time, lock the contest, keep the PDF."""
        operator = require_operator(operator)
        state = self.night.night_state(contest_id)
        contest = state.contest
        if contest.status is not Status.PROVISIONAL:
            if contest.status is Status.DECLARED:
                raise CountDeskError(f"{contest.area} is already declared.", Code.S802)
            raise CountDeskError(
                f"Only a provisional result can be declared; {contest.area} is at "
                f"{status_label(contest.status)}.",
                Code.S801,
            )
        blockers = transition_blockers(state, Status.DECLARED)
        if blockers:
            raise blocked(contest, Status.DECLARED, blockers)
        self._confirm(contest, officer_confirmation)
        latest = self.store.latest_count(contest_id)
        assert latest is not None and state.result is not None
        with self.store.transaction():
            at = self.store.change_status(contest_id, Status.DECLARED, operator)
            pdf, ref = self._render_declaration(contest_id, declared_at=at)
            self.store.add_declaration(
                contest_id,
                latest.id,
                operator,
                kind="declaration",
                declared_at=at,
                officer=contest.officer_name,
                reason="",
                data_ref=ref,
                pdf=pdf,
            )
        return pdf

    def correct_declaration(
        self,
        contest_id: str,
        operator: str,
        *,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        reason: str,
        officer_confirmation: str,
        lot_winners: Iterable[int] = (),
        valid_papers_counted: int | None = None,
    ) -> bytes:
        """A reasoned correction after the declaration: a new count and a corrected declaration.

        The original declaration and its count stay on record; both appear in the history.
        Lots drawn for a tie still apply if the correction leaves the same tie; a correction
        that makes a new tie needs the lot drawn for it, given as ``lot_winners``.
        """
        operator = require_operator(operator)
        contest = self.store.contest(contest_id)
        if contest.status is not Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is not declared: change the figures through the count instead.",
                Code.S801,
            )
        reason = " ".join(reason.split())
        if not reason:
            raise CountDeskError(
                "A correction needs its reason: it is printed on the corrected declaration.",
                Code.S811,
            )
        self._confirm(contest, officer_confirmation)
        candidates = self.store.candidates(contest_id)
        figures = self.entry.checked_figures(contest, votes, rejected, valid_papers_counted)
        latest = self.store.latest_count(contest_id)
        if latest is not None and figures == replace(
            latest.figures, rejected_total_entered=None, recorded_before_papers_counted=False
        ):
            raise CountDeskError(
                "These are the figures already declared: a correction changes at least one.",
                Code.S811,
            )
        kept_lots = self.store.lots_for_count(latest.id) if latest else None
        drawing = kept_lots.drawing if kept_lots else None
        corrected = compute_result(contest, candidates, figures, drawing)
        winners = frozenset(lot_winners)
        tie = corrected.tie
        if winners and tie is not None and not corrected.lots_applied:
            drawing = LotsDrawing(tie.candidates, winners)
            corrected = compute_result(contest, candidates, figures, drawing)
            if not corrected.lots_applied:
                raise CountDeskError(
                    f"The lot must fall on {tie.places} of the candidates tied in the "
                    "corrected figures; nothing was recorded.",
                    Code.L405,
                )
        if corrected.errors:
            listed = " ".join(f"{f.code}: {f.message}" for f in corrected.errors)
            raise CountDeskError(
                f"The corrected figures have errors, so nothing was recorded. {listed}",
                corrected.errors[0].code,
            )
        previous = self.store.declarations(contest_id)[-1]
        with self.store.transaction():
            stored = self.store.record_count(
                contest_id, figures, operator, kind="correction", reason=reason
            )
            if corrected.lots_applied and drawing is not None:
                self.store.record_lots(contest_id, stored.id, drawing, operator)
            at = self.store.clock()
            pdf, ref = self._render_declaration(
                contest_id,
                declared_at=at,
                correction_of=f"the declaration made at {time_in_words(previous.declared_at)}",
                correction_reason=reason,
            )
            self.store.add_declaration(
                contest_id,
                stored.id,
                operator,
                kind="correction",
                declared_at=at,
                officer=contest.officer_name,
                reason=reason,
                data_ref=ref,
                pdf=pdf,
            )
        return pdf

    def _render_declaration(self, contest_id: str, **extra: Any) -> tuple[bytes, str]:
        from reports.declaration import render_declaration
        from reports.snapshot import build_snapshot

        result = self.reading.result(contest_id)
        election = self.store.election(result.contest.election_id)
        at: datetime = extra["declared_at"]
        snapshot = build_snapshot(
            result,
            election,
            provisional=False,
            printed_on=at.astimezone().date(),
            declared_at=at.astimezone().replace(tzinfo=None),
            **{k: v for k, v in extra.items() if k != "declared_at"},
        )
        return render_declaration(snapshot), snapshot.data_hash
