"""A voting area's local count: its statement of local totals, and sending them.

At a Police and Crime Commissioner or combined authority mayoral election the local returning
officer does not declare (DOMAIN.md §3, step 6): the count goes through the same stages and
checks as any single-seat count, then its local totals are *sent* to the area's returning
officer. Sending is to a local count what declaring is to a result: the officer confirms by
typing their name, the time is stamped, the contest locked, and the statement's PDF and the
figures sent (the JSON file's text) kept byte for byte, with the audit row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.local_totals import CandidateTotal, LocalTotals, SentTotals
from desktop.domain.model import Contest, Status
from desktop.domain.workflow import stage_label, transition_blockers
from desktop.services.common import blocked, require_operator
from desktop.services.declaring import confirm_officer
from desktop.services.documents import ErrorsStand
from desktop.services.local_totals_files import read_totals, to_csv, to_json
from desktop.services.night import ENTRY_CODES, Night, refuse_if_held
from desktop.services.proof import Proof
from desktop.services.reading import Reading
from desktop.storage.store import Store

#: The formats ``local-totals`` writes.
FORMATS = ("json", "csv", "pdf")


def require_local_count(contest: Contest) -> None:
    """Refuse (A102) unless the contest is a voting area's local count."""
    if not contest.is_local_count:
        what = (
            "the area result, which adds up the voting areas' local totals"
            if contest.is_area_result
            else f"a {contest.type.name}, which is not counted in voting areas"
        )
        raise CountDeskError(
            f"{contest.area} is {what}: only a local count of a Police and Crime Commissioner "
            "or combined authority mayoral election sends local totals.",
            Code.A102,
        )


class LocalCount:
    """The local returning officer's end of the count: the local totals, printed and sent."""

    def __init__(self, store: Store, reading: Reading, night: Night, proof: Proof) -> None:
        self.store = store
        self.reading = reading
        self.night = night
        self.proof = proof

    def set_voting_area(self, contest_id: str, name: str, operator: str) -> Contest:
        """Name the local count's voting area (audited; fixed once the totals are sent)."""
        operator = require_operator(operator)
        contest = self.store.contest(contest_id)
        # A contest from before local counts (role "") becomes one by naming its voting area.
        if not (contest.type.counted_locally and contest.role == ""):
            require_local_count(contest)
        elif self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                f"{contest.area} was counted as a whole result before local counts: with a count "
                "recorded it stays so, and is declared.",
                Code.A102,
            )
        name = " ".join(name.split())
        if not name:
            raise CountDeskError("Give the voting area's name (the council's area).", Code.A101)
        if contest.status is Status.DECLARED:
            raise CountDeskError(
                f"The local totals of {contest.area} are sent: the voting area is fixed.",
                Code.S802,
            )
        self.store.update_contest(contest_id, {"voting_area": name, "role": "local"}, operator)
        return self.store.contest(contest_id)

    def blockers(self, contest_id: str) -> tuple[Finding, ...]:
        """What stops the local totals being sent now; empty when they may be."""
        state = self.night.night_state(contest_id)
        require_local_count(state.contest)
        return transition_blockers(state, Status.DECLARED)

    def sent(self, contest_id: str) -> SentTotals | None:
        """The local totals as sent, or None before they are; given out only if the audit
        chain still vouches for them (D908 otherwise)."""
        kept = self.store.local_totals.sent(contest_id)
        return None if kept is None else self.proof.checked_local_totals(kept)

    def totals(self, contest_id: str) -> LocalTotals:
        """The local totals: as sent once sent; before, those of the count that stands."""
        contest = self.store.contest(contest_id)
        require_local_count(contest)
        kept = self.sent(contest_id)
        if kept is not None:
            return read_totals(kept.totals_json, "the local totals kept")
        return self._current(contest, sent_at=None)

    def _current(self, contest: Contest, sent_at: datetime | None) -> LocalTotals:
        result = self.reading.result(contest.id)
        held = [f for f in result.errors if f.code in ENTRY_CODES]
        if held:
            # Double entry: while an entry is held the other is keyed blind, so no statement
            # and no file shows it (P101–P103, as for a declaration).
            raise ErrorsStand(contest, held)
        if self.store.latest_count(contest.id) is None or not result.complete:
            raise CountDeskError(
                f"No count of {contest.area} is recorded yet, so there are no local totals: "
                "key in and record the count first.",
                Code.S805,
            )
        return LocalTotals(
            election_id=contest.election_id,
            contest_id=contest.id,
            contest_area=contest.area,
            voting_area=contest.voting_area,
            poll_date=contest.poll_date.isoformat(),
            candidates=tuple(
                CandidateTotal(
                    ballot_name=line.candidate.display_name,
                    description=line.candidate.description,
                    votes=line.votes or 0,
                    candidate_id=line.candidate.id,
                    person_name=line.candidate.person_name,
                )
                for line in result.candidates
            ),
            rejected=tuple(
                (key, result.rejected.get(key) or 0) for key in contest.type.heading_keys
            ),
            ballot_papers_verified=result.ballot_papers_verified or 0,
            electorate=contest.electorate,
            officer_name=contest.officer_name.strip(),
            officer_title=contest.officer_title_or_default,
            sent_at="" if sent_at is None else sent_at.isoformat(),
        )

    def file_text(self, contest_id: str, fmt: str) -> str:
        """The local totals sent, as the JSON or CSV file (refused before they are sent)."""
        if fmt not in ("json", "csv"):
            raise CountDeskError(f"“{fmt}” is not a format of the local totals: use json or csv.")
        contest = self.store.contest(contest_id)
        require_local_count(contest)
        kept = self.sent(contest_id)
        if kept is None:
            raise CountDeskError(
                f"The local totals of {contest.area} are not sent yet: only the figures sent are "
                "written to a file for the area's returning officer (send them first: "
                "countdesk-cli send, or Night › Send local totals…). The statement can be "
                "printed as a draft meanwhile (--format pdf).",
                Code.A102,
            )
        if fmt == "json":
            return kept.totals_json
        return to_csv(read_totals(kept.totals_json, "the local totals kept"), contest.type)

    def statement_pdf(self, contest_id: str, printed_on: date) -> bytes:
        """The statement of local totals: once sent, the one kept then, byte for byte; before,
        a draft, watermarked and listing what stops the totals being sent."""
        contest = self.store.contest(contest_id)
        require_local_count(contest)
        kept = self.sent(contest_id)
        if kept is not None:
            return kept.pdf
        needed = self.blockers(contest_id)
        pdf, _ref = self._render(contest, self._current(contest, None), printed_on, None, needed)
        return pdf

    def _render(
        self,
        contest: Contest,
        totals: LocalTotals,
        printed_on: date,
        sent_at: datetime | None,
        needed: tuple[Finding, ...] = (),
    ) -> tuple[bytes, str]:
        from reports.local_totals import build_local_statement, render_local_statement
        from reports.snapshot import OutstandingCheck

        snapshot = build_local_statement(
            totals,
            contest,
            self.store.election(contest.election_id),
            printed_on=printed_on,
            sent_at=None if sent_at is None else sent_at.astimezone().replace(tzinfo=None),
            draft=sent_at is None,
            needed=tuple(OutstandingCheck(f.code, f.message) for f in needed),
            record_ref=self.proof.record_ref(),
        )
        return render_local_statement(snapshot), snapshot.data_hash

    def send(
        self,
        contest_id: str,
        operator: str,
        officer_confirmation: str,
        voting_area: str | None = None,
    ) -> SentTotals:
        """Send the local totals: the local returning officer confirms by typing their name;
        the time is stamped, the contest locked ("sent"), the statement and figures kept.
        ``voting_area``, where given, names the voting area in the same transaction: a send
        refused leaves the name as it was."""
        operator = require_operator(operator)
        state = self.night.night_state(contest_id)
        contest = state.contest
        require_local_count(contest)
        renamed = voting_area is not None and " ".join(voting_area.split()) != contest.voting_area
        if renamed:
            contest = replace(contest, voting_area=" ".join((voting_area or "").split()))
            state = replace(state, contest=contest)
        refuse_if_held(state, "Nothing was sent.")
        if contest.status is not Status.PROVISIONAL:
            if contest.status is Status.DECLARED:
                raise CountDeskError(
                    f"The local totals of {contest.area} are already sent.", Code.S802
                )
            raise CountDeskError(
                f"The local totals are sent once the provisional result has been shown; "
                f"{contest.area} is at {stage_label(contest)}.",
                Code.S801,
            )
        blockers = transition_blockers(state, Status.DECLARED)
        if blockers:
            raise blocked(contest, Status.DECLARED, blockers)
        confirm_officer(contest, officer_confirmation)
        self.proof.require_intact(f"send the local totals of {contest.area}")
        latest = self.store.latest_count(contest_id)
        assert latest is not None
        with self.store.transaction():
            if renamed:
                self.store.update_contest(
                    contest_id, {"voting_area": contest.voting_area}, operator
                )
            at = self.store.clock()
            totals = self._current(contest, sent_at=at)
            pdf, ref = self._render(contest, totals, at.astimezone().date(), at)
            totals = replace(totals, data_ref=ref, record_ref=self.proof.record_ref())
            self.store.local_totals.add_sent(
                contest_id,
                latest.id,
                operator,
                sent_at=at,
                officer=contest.officer_name,
                data_ref=ref,
                totals_json=to_json(totals, contest.type),
                pdf=pdf,
            )
            self.store.change_status(
                contest_id, Status.DECLARED, operator, "local totals sent", at=at
            )
        sent = self.sent(contest_id)
        assert sent is not None
        return sent
