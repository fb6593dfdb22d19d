"""The declaration: the officer's confirmation and the lock.

The PDF declared is kept byte for byte with the declaration it records. Once declared, the
result is final (DOMAIN.md §3, step 5): an error found afterwards is recorded
(``desktop.services.after_declaration``), never declared again.
"""

from __future__ import annotations

from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Status
from desktop.domain.workflow import (
    NightState,
    is_uncontested,
    status_label,
    transition_blockers,
    uncontested_blockers,
)
from desktop.services.area import area_schedule
from desktop.services.common import blocked, require_operator
from desktop.services.documents import Documents
from desktop.services.entry import Entry
from desktop.services.night import Night, refuse_if_held
from desktop.services.proof import Proof
from desktop.services.reading import Reading
from desktop.storage.store import Store


def confirm_officer(contest: Contest, officer_confirmation: str) -> None:
    """Refuse unless the officer set for the contest confirms by typing their own name (S806;
    T303 where no officer is set)."""
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


class Declaring:
    """Declaring the result."""

    def __init__(
        self,
        store: Store,
        reading: Reading,
        entry: Entry,
        night: Night,
        proof: Proof,
        documents: Documents,
    ) -> None:
        self.store = store
        self.documents = documents
        self.reading = reading
        self.entry = entry
        self.night = night
        self.proof = proof

    def _confirm(self, contest: Contest, officer_confirmation: str) -> None:
        confirm_officer(contest, officer_confirmation)

    def declare(self, contest_id: str, operator: str, officer_confirmation: str) -> bytes:
        """Declare the provisional result: stamp the time, lock the contest, keep the PDF."""
        operator = require_operator(operator)
        state = self.night.night_state(contest_id)
        contest = state.contest
        if contest.is_local_count:
            raise CountDeskError(
                f"{contest.area} ({contest.voting_area or 'this voting area'}) is a local count: "
                "the local returning officer does not declare, but sends the local totals to "
                "the area's returning officer (countdesk-cli send, or Night › Send local "
                "totals…). Nothing was declared.",
                Code.A102,
            )
        return self._declare(state, operator, officer_confirmation)

    def _declare(self, state: NightState, operator: str, officer_confirmation: str) -> bytes:
        contest = state.contest
        contest_id = contest.id
        if is_uncontested(contest, state.candidates) and state.result is None:
            return self._declare_uncontested(state, operator, officer_confirmation)
        refuse_if_held(state, "Nothing was declared.")
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
        # The whole record is checked before it is declared on.
        self.proof.require_intact(f"declare {contest.area}")
        latest = self.store.latest_count(contest_id)
        assert latest is not None and state.result is not None
        with self.store.transaction():
            # The declaration is kept, then the contest declared: once it is, the database
            # itself refuses any new declaration row but a correction's.
            at = self.store.clock()
            pdf, ref = self._render_declaration(contest_id, declared_at=at)
            self.store.add_declaration(
                contest_id,
                latest.id,
                operator,
                declared_at=at,
                officer=contest.officer_name,
                data_ref=ref,
                pdf=pdf,
            )
            self.store.change_status(contest_id, Status.DECLARED, operator, at=at)
        return pdf

    def _declare_uncontested(
        self, state: NightState, operator: str, officer_confirmation: str
    ) -> bytes:
        """No poll: declare the candidates duly elected, lock the contest, keep the notice."""
        contest = state.contest
        if contest.status is Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is already declared: its candidates were declared duly elected "
                "and the notice of uncontested election is kept.",
                Code.S802,
            )
        blockers = uncontested_blockers(state)
        if blockers:
            raise blocked(contest, Status.DECLARED, blockers)
        self._confirm(contest, officer_confirmation)
        self.proof.require_intact(f"declare the candidates of {contest.area} duly elected")
        with self.store.transaction():
            # The notice is kept, then the contest declared: the database refuses a notice for
            # a declared contest, and once declared the existing locks hold.
            at = self.store.clock()
            pdf, ref = self.documents.render_notice(
                contest_id=contest.id, printed_on=at.astimezone().date(), declared_at=at
            )
            self.store.add_uncontested_notice(
                contest.id,
                operator,
                declared_at=at,
                officer=contest.officer_name,
                data_ref=ref,
                pdf=pdf,
            )
            self.store.change_status(
                contest.id, Status.DECLARED, operator, "declared duly elected, uncontested", at=at
            )
        return pdf

    def _render_declaration(self, contest_id: str, declared_at: datetime) -> tuple[bytes, str]:
        # A referendum's is the declaration of result of referendum (reports.result_sheet).
        from reports.result_sheet import render_result_sheet

        result = self.reading.result(contest_id)
        election = self.store.election(result.contest.election_id)
        return render_result_sheet(
            result,
            election,
            record_ref=self.proof.record_ref(),
            provisional=False,
            printed_on=declared_at.astimezone().date(),
            declared_at=declared_at.astimezone().replace(tzinfo=None),
            schedule=area_schedule(self.store, result.contest),
        )
