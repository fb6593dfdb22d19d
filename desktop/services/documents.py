"""Documents: the declaration of result (or the provisional sheet) and the statement of
verification, as PDF bytes. reportlab is imported only when a document is first asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desktop.domain.codes import Code
from desktop.domain.double_entry import EntryMode, EntryStage
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Contest, Status
from desktop.domain.records import Declaration
from desktop.domain.workflow import is_uncontested, uncontested_blockers, uncontested_refusal
from desktop.services.area import area_schedule
from desktop.services.night import Night
from desktop.services.proof import Proof
from desktop.services.reading import Reading
from desktop.services.verification import accepted_variances
from desktop.storage.store import Store


class ErrorsStand(CountDeskError):
    """The declaration is refused while errors stand in the count that stands."""

    def __init__(self, contest: Contest, errors: Sequence[Finding]) -> None:
        self.contest = contest
        self.errors = tuple(errors)
        listed = " ".join(f"{f.code}: {f.message}" for f in self.errors)
        n = len(self.errors)
        super().__init__(
            f"The declaration of {contest.area} cannot be printed while {n} error"
            f"{'s stand' if n != 1 else ' stands'}. {listed}",
            self.errors[0].code,
        )


class Documents:
    """The printed documents of the night."""

    def __init__(self, store: Store, reading: Reading, night: Night, proof: Proof) -> None:
        self.store = store
        self.reading = reading
        self.night = night
        self.proof = proof

    def declaration_pdf(
        self,
        contest_id: str,
        *,
        printed_on: date,
        provisional: bool = False,
        refuse_entries: bool = True,
    ) -> bytes:
        """The declaration of result (or the provisional sheet) as PDF bytes.

        Once declared, the declaration is the one kept at the declaration, byte for byte: it
        stands, even where an earlier CountDesk kept a corrected declaration after it. Before,
        it refuses, listing each blocking finding, while any error stands (ErrorsStand); while
        the two entries of double entry are not one count it refuses with P101–P103, or, with
        ``refuse_entries`` False, as an error that stands like the others.
        """
        if not provisional:
            kept = [d for d in self.store.declarations(contest_id) if not d.is_legacy_correction]
            if kept:
                # Given out only if the audit chain still vouches for these very bytes.
                return self.proof.checked_declaration(kept[0])
        self.refuse_if_uncontested(contest_id)
        held = self.store.entry_state(contest_id)
        if held.held and (refuse_entries or provisional):
            # No sheet shows an entry held for comparison: the other entry is keyed blind.
            raise CountDeskError(
                "The count is being keyed twice and the two entries are not yet one count: no "
                "sheet is printed until they agree (or a supervisor resolves them).",
                {EntryStage.FIRST: Code.P101, EntryStage.DIFFER: Code.P102}.get(
                    held.stage, Code.P103
                ),
            )
        result = self.reading.result(contest_id)
        if not provisional and result.errors:
            raise ErrorsStand(result.contest, result.errors)
        # reportlab takes most of a second to import: load it when a document is first asked for,
        # not when the window starts.
        from reports.result_sheet import render_result_sheet

        shown_at = None
        if provisional:
            report = self.night.status(contest_id)
            if report.status in (Status.PROVISIONAL, Status.DECLARED) and report.shown_at:
                shown_at = report.shown_at.astimezone().replace(tzinfo=None)
        pdf, _ref = render_result_sheet(
            result,
            self.reading.election_of(result.contest),
            provisional=provisional,
            printed_on=printed_on,
            record_ref=self.proof.record_ref(),
            shown_at=shown_at,
            # Only the officer's declaration makes the declaration; before it, a draft to check.
            draft=not provisional,
            keyed_twice=self.store.entry_mode(contest_id) is EntryMode.DOUBLE,
            schedule=area_schedule(self.store, result.contest),
        )
        return pdf

    def refuse_if_uncontested(self, contest_id: str) -> None:
        """S813 for a contest with no more candidates than seats: it has no poll, so no
        declaration of result of poll or provisional sheet (and no turnout) is printed."""
        contest = self.store.contest(contest_id)
        uncontested = uncontested_refusal(contest, len(self.store.candidates(contest_id)))
        if uncontested is not None:
            raise CountDeskError(uncontested.message, uncontested.code)

    def is_uncontested(self, contest_id: str) -> bool:
        """Whether the contest has no poll: no more candidates than seats, and no count."""
        contest = self.store.contest(contest_id)
        candidates = len(self.store.candidates(contest_id))
        return is_uncontested(contest, candidates) and self.store.latest_count(contest_id) is None

    def uncontested_notice_pdf(self, contest_id: str, *, printed_on: date) -> bytes:
        """The notice of uncontested election as PDF bytes.

        Once the candidates are declared duly elected, the notice kept then, byte for byte (given
        out only if the audit chain still vouches for it); before, a draft to check, watermarked
        and listing what the notice still needs.
        """
        kept = self.store.uncontested_notice(contest_id)
        if kept is not None:
            return self.proof.checked_notice(kept)
        if not self.is_uncontested(contest_id):
            contest = self.store.contest(contest_id)
            raise CountDeskError(
                f"{contest.area} is contested (more candidates than seats), so there is no "
                "notice of uncontested election: its result is declared after the count."
            )
        needed = uncontested_blockers(self.night.night_state(contest_id))
        pdf, _ref = self.render_notice(
            contest_id=contest_id, printed_on=printed_on, draft=True, needed=needed
        )
        return pdf

    def render_notice(
        self,
        *,
        contest_id: str,
        printed_on: date,
        declared_at: datetime | None = None,
        draft: bool = False,
        needed: Sequence[Finding] = (),
    ) -> tuple[bytes, str]:
        """The notice of uncontested election rendered now, and its data reference."""
        from reports.uncontested import render_uncontested
        from reports.uncontested_snapshot import build_uncontested_snapshot

        contest = self.store.contest(contest_id)
        snapshot = build_uncontested_snapshot(
            contest,
            self.store.candidates(contest_id),
            self.store.election(contest.election_id),
            printed_on=printed_on,
            declared_at=None
            if declared_at is None
            else declared_at.astimezone().replace(tzinfo=None),
            draft=draft,
            needed=needed,
            record_ref=self.proof.record_ref(),
        )
        return render_uncontested(snapshot), snapshot.data_hash

    def verification_pdf(self, contest_id: str, printed_on: date) -> bytes:
        """The statement of verification as PDF bytes."""
        from reports.verification import (
            VerificationRow,
            build_verification_snapshot,
            render_verification,
        )

        contest = self.store.contest(contest_id)
        accepted = accepted_variances(self.store, contest_id)
        rows = [
            VerificationRow(
                line.reference,
                line.name,
                line.kind.value,
                line.issued,
                line.counted,
                line.explanation,
                accepted=accepted.get(line.reference, ""),
                unused=line.unused,
                spoilt=line.spoilt,
                tendered=line.tendered,
            )
            for line in self.store.verification(contest_id)
        ]
        snapshot = build_verification_snapshot(
            contest,
            self.store.election(contest.election_id),
            rows,
            printed_on=printed_on,
            record_ref=self.proof.record_ref(),
        )
        return render_verification(snapshot)

    def kept_declarations(self, contest_id: str) -> tuple[Declaration, ...]:
        """The declaration and any corrected declaration an earlier CountDesk kept, each with
        its PDF bytes (the declaration first; it stands)."""
        self.store.contest(contest_id)
        return tuple(self.store.declarations(contest_id))
