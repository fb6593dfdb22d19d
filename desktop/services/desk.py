"""The facade the window and the command line call: ``CountDesk`` over one database.

It holds no logic of its own: each method hands over, explicitly, to the use case that owns
it (setup, ballot order, imports, entry, verification, night, recounts, declaring, errors found
after the declaration, documents, exports, history, backups); a recorded count, lots, a recount
decision, a stage change, a declaration and an error recorded after it are each followed by an
automatic backup, which never undoes or refuses them. Every write validates first, then runs in one transaction with its audit row, so a
refusal leaves the stored data exactly as it was. Refusals are CountDeskError in plain words.

Records come back as the domain's frozen dataclasses; only ``result_data`` is plain data, the
shape of ``result --json`` and the JSON export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.arithmetic import ContestResult
from desktop.domain.double_entry import EntryMode, EntryOutline, EntryState
from desktop.domain.draft import Draft
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate, Contest, Election, Status
from desktop.domain.proof import Problem, Verdict
from desktop.domain.records import (
    Acknowledgement,
    Declaration,
    RecountRequest,
    StatusChange,
    StoredCount,
)
from desktop.domain.verification import BoxKind, VerificationLine, VerificationTotals
from desktop.domain.workflow import NightState, RecountDecision
from desktop.services.after_declaration import AfterDeclaration
from desktop.services.area import AreaResult
from desktop.services.backups import BackupJob, BackupOutcome, Backups, BackupState
from desktop.services.ballot import BallotPaper
from desktop.services.batch import BatchPrinting
from desktop.services.combined import CombinedPolls
from desktop.services.declaring import Declaring
from desktop.services.documents import Documents
from desktop.services.double_entry import DoubleEntry, Keyed
from desktop.services.entry import Entry
from desktop.services.exports import Exports
from desktop.services.history import ContestHistory, History
from desktop.services.imports import Imports, ImportSummary
from desktop.services.live import LiveCount
from desktop.services.local_count import LocalCount
from desktop.services.night import Night, StatusReport
from desktop.services.overview import Overview
from desktop.services.press import PressSummary
from desktop.services.proof import Proof
from desktop.services.publishing import Publishing
from desktop.services.reading import Reading
from desktop.services.recounts import Recounts
from desktop.services.referendums import Referendums
from desktop.services.setup import Setup
from desktop.services.verification import Boxes, VerificationUpdate
from desktop.storage.database import open_database
from desktop.storage.store import Store


class CountDesk:
    """The services of one CountDesk database, called by the window and the command line."""

    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        #: Today's date for documents printed without one (tests replace it).
        self.today = today
        self._reading = Reading(store)
        self._setup = Setup(store, self._reading)
        self._ballot = BallotPaper(store, self._reading)
        self._imports = Imports(store, self._setup)
        self._entry = Entry(store, self._reading)
        self._double = DoubleEntry(store, self._reading, self._entry)
        self._boxes = Boxes(store)
        self._night = Night(store, self._reading, self._entry)
        self._recounts = Recounts(store, self._night)
        self._proof = Proof(store)
        #: Polls that share their ballot boxes: the combined boxes list, each box as a whole,
        #: and the combined statement of verification.
        self.polls = CombinedPolls(store, self._boxes, self._proof, lambda: self.today())
        self._documents = Documents(store, self._reading, self._night, self._proof)
        self._declaring = Declaring(
            store, self._reading, self._entry, self._night, self._proof, self._documents
        )
        self._exports = Exports(self._reading)
        self._history = History(store)
        self._backups = Backups(store)
        self._after = AfterDeclaration(store, self._entry, self._proof)
        #: A voting area's local count: its statement of local totals, and sending them.
        self.local_totals = LocalCount(store, self._reading, self._night, self._proof)
        #: The area result: each voting area's local totals imported, added up and declared.
        self.area = AreaResult(store, self._entry)
        #: Referendums: creating one with its question and answers, and changing them.
        self.referendums = Referendums(store)
        #: The election overview: every contest's stage, what it waits for, its result.
        self.overview = Overview(store, self._reading, self._night)
        #: Every contest's document into a folder at once (``declaration --all``), and the
        #: one document a contest prints now.
        self.batch = BatchPrinting(store, self._documents, self.local_totals, lambda: self.today())
        #: Results out, once declared: Democracy Club results CSV, NIST CDF JSON, the web pages.
        self.publishing = Publishing(store, self._reading, self._documents)
        #: The results summary for the press (never the declaration): previous results, each
        #: declared contest's shares, change, swing and gain or hold, and the election summary.
        self.press = PressSummary(store, self._reading, self._proof, lambda: self.today())

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> CountDesk:
        """Open (creating it if ``create``, and migrating) the database at ``path``."""
        return cls(Store(open_database(path, create=create)))

    def close(self) -> None:
        """Close the database (the window does this as it quits)."""
        self.store.close()

    # -- reads ---------------------------------------------------------------------------

    def elections(self) -> list[Election]:
        """Every election, by date."""
        return self._reading.elections()

    def contests(self, election_id: str | None = None) -> list[Contest]:
        """Every contest, or those of one election."""
        return self._reading.contests(election_id)

    def contest(self, contest_id: str) -> Contest:
        """One contest, or a CountDeskError saying there is none with that id."""
        return self._reading.contest(contest_id)

    def election_of(self, contest: Contest) -> Election:
        """The election a contest belongs to."""
        return self._reading.election_of(contest)

    def candidates(self, contest_id: str) -> tuple[Candidate, ...]:
        """The contest's candidates in ballot order."""
        return self._reading.candidates(contest_id)

    def candidate_by_name(self, contest_id: str, name: str) -> Candidate:
        """The candidate whose imported full name is ``name`` (case and spacing ignored)."""
        return self._reading.candidate_by_name(contest_id, name)

    def latest_count(self, contest_id: str) -> StoredCount | None:
        """The count that stands, or None before the first count."""
        return self._reading.latest_count(contest_id)

    def result(self, contest_id: str) -> ContestResult:
        """The result and findings of the count that stands (all figures empty before a count)."""
        return self._reading.result(contest_id)

    def preview_result(
        self,
        contest_id: str,
        votes: Mapping[int, int | None],
        rejected: Mapping[str, int | None],
        valid_papers_counted: int | None = None,
    ) -> ContestResult:
        """The result these figures would give, without storing anything (for live checks)."""
        return self._reading.preview_result(contest_id, votes, rejected, valid_papers_counted)

    # -- setup ---------------------------------------------------------------------------

    def create_contest(
        self,
        operator: str,
        *,
        type_code: str,
        poll_date: date,
        area: str,
        seats: int = 1,
        organisation: str = "",
        by_election: bool = False,
    ) -> Contest:
        """Create an election (if new) and a contest by hand, with Democracy Club style ids."""
        return self._setup.create_contest(
            operator,
            type_code=type_code,
            poll_date=poll_date,
            area=area,
            seats=seats,
            organisation=organisation,
            by_election=by_election,
        )

    def add_candidate(
        self,
        contest_id: str,
        operator: str,
        surname: str,
        forenames: str = "",
        description: str = "",
        common_surname: str = "",
        common_forenames: str = "",
    ) -> Candidate:
        """Add a candidate by hand (before any count is recorded)."""
        return self._setup.add_candidate(
            contest_id, operator, surname, forenames, description, common_surname, common_forenames
        )

    def update_candidate(
        self, contest_id: str, candidate_id: int, operator: str, **changes: str
    ) -> Candidate:
        """Correct a candidate's surname, forenames, commonly used names or description."""
        return self._setup.update_candidate(contest_id, candidate_id, operator, **changes)

    def remove_candidate(
        self, contest_id: str, candidate_id: int, operator: str
    ) -> tuple[Candidate, ...]:
        """Remove a candidate (before any count is recorded); return the candidates left."""
        return self._setup.remove_candidate(contest_id, candidate_id, operator)

    def set_ballot_order(
        self, contest_id: str, ordered_ids: Iterable[int], operator: str, *, confirm: bool = False
    ) -> tuple[Candidate, ...]:
        """Set the ballot order as the SOPN gives it (every candidate once; audited).

        With ``confirm``, also confirm the names and order, in the same transaction.
        """
        return self._ballot.set_ballot_order(
            contest_id, list(ordered_ids), operator, confirm=confirm
        )

    def confirm_names(self, contest_id: str, operator: str) -> tuple[Candidate, ...]:
        """Confirm the names, descriptions and order against the SOPN (audited; clears N101)."""
        return self._ballot.confirm_names(contest_id, operator)

    def names_to_confirm(self, contest_id: str) -> list[Finding]:
        """N101 for each name split at a surname particle and not yet confirmed."""
        return self._ballot.names_to_confirm(contest_id)

    def set_seats(self, contest_id: str, seats: int, operator: str) -> Contest:
        """Change the number of seats (before any count is recorded)."""
        return self._setup.set_seats(contest_id, seats, operator)

    def set_bundle_size(self, contest_id: str, size: int, operator: str) -> Contest:
        """Set how many papers make a full bundle at this count (often 25 or 50)."""
        return self._setup.set_bundle_size(contest_id, size, operator)

    def set_contest_facts(
        self,
        contest_id: str,
        operator: str,
        *,
        electorate: int | None = None,
        ballot_papers_verified: int | None = None,
        officer_name: str | None = None,
        officer_title: str | None = None,
        imprint_address: str | None = None,
    ) -> Contest:
        """Set any of a contest's facts given (None leaves one as it is); one audited transaction."""
        return self._setup.set_contest_facts(
            contest_id,
            operator,
            electorate=electorate,
            ballot_papers_verified=ballot_papers_verified,
            officer_name=officer_name,
            officer_title=officer_title,
            imprint_address=imprint_address,
        )

    def set_election_authority(self, election_id: str, authority: str, operator: str) -> Election:
        """Set the authority printed at the head of the election's documents."""
        return self._setup.set_election_authority(election_id, authority, operator)

    def set_contest_details(
        self,
        contest_id: str,
        operator: str,
        *,
        electorate: int | None = None,
        ballot_papers_verified: int | None = None,
        officer_name: str | None = None,
        officer_title: str | None = None,
        imprint_address: str | None = None,
        authority: str | None = None,
        kind: str | None = None,
    ) -> Contest:
        """Set a contest's facts, its kind and its election's authority in one transaction."""
        return self._setup.set_contest_details(
            contest_id,
            operator,
            electorate=electorate,
            ballot_papers_verified=ballot_papers_verified,
            officer_name=officer_name,
            officer_title=officer_title,
            imprint_address=imprint_address,
            authority=authority,
            kind=kind,
        )

    # -- imports -------------------------------------------------------------------------

    def import_candidates(
        self,
        path: str | Path,
        operator: str,
        *,
        progress: Callable[[int, int], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Import a Democracy Club candidates CSV: all of it in one transaction, or nothing
        (``progress`` hears steps done of all; ``cancelled`` True stops it, B105)."""
        return self._imports.import_candidates(
            path, operator, progress=progress, cancelled=cancelled
        )

    def open_demo(self, operator: str) -> str:
        """Import the Batley and Spen 2021 demo; return the demo contest's id."""
        return self._imports.open_demo(operator)

    # -- the count being keyed in, counts and lots ---------------------------------------

    def draft(self, contest_id: str) -> Draft:
        """The count being keyed in: saved draft figures, else those of the count that stands."""
        return self._entry.draft(contest_id)

    def set_draft_votes(
        self, contest_id: str, candidate_id: int, votes: int | None, operator: str
    ) -> Draft:
        """Save one candidate's votes in the count being keyed in (None clears it)."""
        return self._entry.set_draft_votes(contest_id, candidate_id, votes, operator)

    def set_draft_bundles(
        self,
        contest_id: str,
        candidate_id: int,
        bundles: int | None,
        part: int | None,
        operator: str,
    ) -> int | None:
        """Save a candidate's votes as bundles + part-bundle; return the total saved."""
        return self._entry.set_draft_bundles(contest_id, candidate_id, bundles, part, operator)

    def set_draft_rejected(
        self, contest_id: str, key: str, papers: int | None, operator: str
    ) -> Draft:
        """Save the rejected papers under one heading in the count being keyed in."""
        return self._entry.set_draft_rejected(contest_id, key, papers, operator)

    def set_draft_papers_counted(self, contest_id: str, papers: int | None, operator: str) -> Draft:
        """Save the valid ballot papers counted (several seats) in the count being keyed in."""
        return self._entry.set_draft_papers_counted(contest_id, papers, operator)

    def live_count(self, contest_id: str) -> LiveCount:
        """A snapshot of the count being keyed in that recomputes the checks in memory."""
        return self._entry.live_count(contest_id)

    def draft_result(
        self,
        contest_id: str,
        votes: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
    ) -> ContestResult:
        """The live result of the count being keyed in, with any typed figures not yet saved."""
        return self._entry.draft_result(contest_id, votes, rejected)

    def record_draft(self, contest_id: str, operator: str) -> Keyed:
        """Record the count being keyed in: as the count that stands (keyed once), or as the
        first or second entry (keyed twice), which stands once both agree."""
        keyed = self._double.record_draft(contest_id, operator)
        self._backups.after_change()
        return keyed

    def enter_count(
        self,
        contest_id: str,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        operator: str,
        valid_papers_counted: int | None = None,
    ) -> Keyed:
        """Key a whole count sheet: the first or the second entry (another operator, P104), or
        the figures sent back (P103); keyed once, the count stands at once."""
        keyed = self._double.enter_count(
            contest_id, votes, rejected, operator, valid_papers_counted
        )
        self._backups.after_change()
        return keyed

    def entry_mode(self, contest_id: str) -> EntryMode:
        """Whether the contest's counts are keyed twice (the default) or once."""
        return self._double.entry_mode(contest_id)

    def set_entry_mode(self, contest_id: str, mode: EntryMode | str, operator: str) -> None:
        """Switch between double and single entry (audited; P106 while an entry is held)."""
        self._double.set_entry_mode(contest_id, mode, operator)

    def entry_state(self, contest_id: str) -> EntryState:
        """The entries held for the count being keyed, for the supervisor and the record."""
        return self._double.entry_state(contest_id)

    def entry_outline(self, contest_id: str) -> EntryOutline:
        """Where the count's double entry stands, for the count screen (names, never figures)."""
        return self._double.outline(contest_id)

    def entry_differences(self, contest_id: str) -> tuple[tuple[str, str], ...]:
        """The fields in which the two entries differ, as (field, words), in sheet order."""
        return self._double.differences(contest_id)

    def entry_differences_sent_back(self, contest_id: str) -> tuple[tuple[str, str], ...]:
        """The fields sent back to be keyed again, as (field, words), in sheet order."""
        return self._double.sent_back(contest_id)

    def entry_field(self, contest_id: str, text: str) -> str:
        """The field a supervisor names: a candidate's name, a heading key or valid_papers."""
        return self._double.field_named(contest_id, text)

    def keep_entry(self, contest_id: str, which: str, operator: str) -> StoredCount:
        """A supervisor keeps the first or second of two differing entries: it stands."""
        count = self._double.keep_entry(contest_id, which, operator)
        self._backups.after_change()
        return count

    def send_back(self, contest_id: str, fields: Iterable[str], operator: str) -> EntryState:
        """A supervisor sends differing figures back to be keyed again from the paper."""
        return self._double.send_back(contest_id, fields, operator)

    def record_count(
        self,
        contest_id: str,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        operator: str,
        valid_papers_counted: int | None = None,
    ) -> StoredCount:
        """Record a new count that stands at once, in a contest keyed once (single entry; P106
        where it is keyed twice): a figure for every candidate (by id); headings not given are
        0; with several seats, the valid ballot papers counted too (C220 without them)."""
        count = self._entry.record_count(
            contest_id, votes, rejected, operator, valid_papers_counted
        )
        self._backups.after_change()
        return count

    def record_lots(
        self,
        contest_id: str,
        winner_ids: Iterable[int],
        operator: str,
        method: str = "",
        witnesses: str = "",
    ) -> ContestResult:
        """Record on whom the lot fell for the tie in the count that stands; return the result."""
        result = self._night.record_lots(contest_id, winner_ids, operator, method, witnesses)
        self._backups.after_change()
        return result

    # -- verification --------------------------------------------------------------------

    def verification(self, contest_id: str) -> list[VerificationLine]:
        """The contest's ballot boxes and postal batches."""
        return self._boxes.verification(contest_id)

    def accepted_variances(self, contest_id: str) -> dict[str, str]:
        """Box reference → the reason a supervisor gave for accepting its variance with no
        explanation (as it stands now)."""
        return self._boxes.accepted_variances(contest_id)

    def verification_totals(self, contest_id: str) -> VerificationTotals:
        """Issued, counted and variance over the boxes and batches."""
        return self._boxes.verification_totals(contest_id)

    def papers_from_verification(self, contest_id: str) -> bool:
        """Whether ballot papers verified come from the verification (and cannot be typed)."""
        return self._reading.papers_from_verification(contest_id)

    def import_verification_csv(self, contest_id: str, path: str | Path, operator: str) -> int:
        """Import boxes and postal batches from a CSV; all or nothing; return how many."""
        return self._boxes.import_verification_csv(contest_id, path, operator)

    def set_box_counted(
        self, contest_id: str, reference: str, counted: int | None, operator: str
    ) -> VerificationLine:
        """Record the papers counted at verification for one box (None clears it)."""
        return self._boxes.set_box_counted(contest_id, reference, counted, operator)

    def set_box_explanation(
        self, contest_id: str, reference: str, text: str, operator: str
    ) -> VerificationLine:
        """Record why a box's count differs from its ballot paper account."""
        return self._boxes.set_box_explanation(contest_id, reference, text, operator)

    def correct_box(
        self,
        contest_id: str,
        reference: str,
        operator: str,
        *,
        name: str | None = None,
        kind: BoxKind | str | None = None,
        issued: int | None = None,
    ) -> VerificationLine:
        """Correct a box's name, kind or papers issued; return the box as corrected."""
        return self._boxes.correct_box(
            contest_id, reference, operator, name=name, kind=kind, issued=issued
        )

    def remove_box(self, contest_id: str, reference: str, operator: str) -> VerificationLine:
        """Remove a box or postal batch listed by mistake (before any count is recorded)."""
        return self._boxes.remove_box(contest_id, reference, operator)

    def apply_verification(
        self,
        contest_id: str,
        operator: str,
        *,
        remove: Iterable[str] = (),
        import_file: str | Path | None = None,
        issued: Mapping[str, int] | None = None,
        names: Mapping[str, str] | None = None,
        counted: Mapping[str, int | None] | None = None,
        explanations: Mapping[str, str] | None = None,
    ) -> VerificationUpdate:
        """Apply a batch of verification changes in one transaction: all of it, or nothing."""
        return self._boxes.apply_verification(
            contest_id,
            operator,
            remove=remove,
            import_file=import_file,
            issued=issued,
            names=names,
            counted=counted,
            explanations=explanations,
        )

    # -- the night's status --------------------------------------------------------------

    def night_state(self, contest_id: str) -> NightState:
        """Everything the status guards look at, read in one go."""
        return self._night.night_state(contest_id)

    def status(self, contest_id: str) -> StatusReport:
        """The contest's status, the next step and what blocks it."""
        return self._night.status(contest_id)

    def advance(self, contest_id: str, to: Status | str, operator: str, note: str = "") -> Contest:
        """Move the contest one step on (or back), if nothing blocks it."""
        contest = self._night.advance(contest_id, to, operator, note)
        self._backups.after_change()
        return contest

    def acknowledge_warning(
        self, contest_id: str, code: str, reason: str, operator: str, subject: object = None
    ) -> list[Finding]:
        """A supervisor acknowledges a warning with a reason; return the warnings still open."""
        return self._night.acknowledge_warning(contest_id, code, reason, operator, subject)

    def lots_blockers(self, contest_id: str) -> tuple[Finding, ...]:
        """Why lots cannot be recorded now (L407 first); empty once they may be."""
        return self._night.lots_blockers(contest_id)

    def open_warnings(self, contest_id: str) -> list[Finding]:
        """Warnings of the verification and of the count that stands not yet acknowledged."""
        return self._night.open_warnings(contest_id)

    # -- recounts ------------------------------------------------------------------------

    def pending_recount_request(self, contest_id: str) -> RecountRequest | None:
        """The granted recount or bundle check the next count records, if any (typed)."""
        return self._recounts.pending(contest_id)

    def recount_requests(self, contest_id: str) -> tuple[RecountRequest, ...]:
        """Every recount request of the contest and its decision, oldest first (typed)."""
        return self._recounts.recount_requests(contest_id)

    def record_recount_request(
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
        """Record a request for a recount and the decision on it; return the request (typed)."""
        request = self._recounts.request_recount(
            contest_id,
            operator,
            requested_by=requested_by,
            role=role,
            decision=decision,
            for_candidate=for_candidate,
            reason=reason,
            requested_at=requested_at,
        )
        self._backups.after_change()
        return request

    # -- proof: the audit chain ---------------------------------------------------------

    def verify(self, ref: str = "") -> Verdict:
        """The full check that the database is as CountDesk wrote it (and, with ``ref``, that
        it still has the state a document printed with that reference came from)."""
        return self._proof.verify(ref)

    def opening_check(self) -> list[Problem]:
        """The quick check made on opening: what another program wrote since (empty: nothing)."""
        return self._proof.opening_check()

    def record_ref(self) -> str:
        """The record's reference now, as documents print it in their footer."""
        return self._proof.record_ref()

    # -- the declaration -----------------------------------------------------------------

    def declare(self, contest_id: str, operator: str, officer_confirmation: str) -> bytes:
        """Declare the provisional result: stamp the time, lock the contest, keep the PDF.

        For an uncontested contest (no poll), declare its candidates duly elected: stamp the
        time, lock the contest and keep the notice of uncontested election (its PDF returned).
        """
        pdf = self._declaring.declare(contest_id, operator, officer_confirmation)
        self._backups.after_change()
        return pdf

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
        """Record an error found after the declaration (who, why, the figures as now found;
        a figure not given is as declared). The declaration stands unchanged."""
        found = self._after.record_error_found(
            contest_id, operator, found_by=found_by, reason=reason, votes=votes, rejected=rejected
        )
        self._backups.after_change()
        return found

    def errors_found(self, contest_id: str) -> tuple[ErrorFound, ...]:
        """Every error recorded after the contest's declaration, oldest first (typed)."""
        return self._after.errors_found(contest_id)

    def memorandum_pdf(self, contest_id: str, error_id: int | None = None) -> bytes:
        """The memorandum of an error found after the declaration (the latest if no id): not
        a declaration, and saying that the declaration stands."""
        return self._after.memorandum_pdf(contest_id, error_id)

    def kept_declarations(self, contest_id: str) -> tuple[Declaration, ...]:
        """The declaration kept, with its PDF bytes, and any corrected declaration an earlier
        CountDesk kept (of no effect: the declaration stands) (typed)."""
        return self._documents.kept_declarations(contest_id)

    # -- documents -----------------------------------------------------------------------

    def declaration_pdf(
        self, contest_id: str, *, provisional: bool = False, printed_on: date | None = None
    ) -> bytes:
        """The declaration of result (or the provisional sheet) as PDF bytes; for a local
        count, which is not declared, its statement of local totals."""
        if not provisional and self._reading.contest(contest_id).is_local_count:
            return self.local_totals.statement_pdf(contest_id, printed_on or self.today())
        return self._documents.declaration_pdf(
            contest_id, provisional=provisional, printed_on=printed_on or self.today()
        )

    def is_uncontested(self, contest_id: str) -> bool:
        """Whether the contest has no poll (no more candidates than seats, and no count): its
        candidates are declared duly elected and the notice of uncontested election printed."""
        return self._documents.is_uncontested(contest_id)

    def uncontested_notice_pdf(self, contest_id: str, printed_on: date | None = None) -> bytes:
        """The notice of uncontested election as PDF bytes: the one kept when the candidates
        were declared duly elected, else a draft to check (watermarked, listing what it needs)."""
        return self._documents.uncontested_notice_pdf(
            contest_id, printed_on=printed_on or self.today()
        )

    def refuse_if_uncontested(self, contest_id: str) -> None:
        """Refuse (S813) a poll's document for a contest with no more candidates than seats."""
        self._documents.refuse_if_uncontested(contest_id)

    def verification_pdf(self, contest_id: str, printed_on: date | None = None) -> bytes:
        """The statement of verification as PDF bytes."""
        return self._documents.verification_pdf(contest_id, printed_on or self.today())

    # -- exports and history -------------------------------------------------------------

    def result_data(self, contest_id: str) -> dict[str, Any]:
        """The result as plain data: the shape of ``result --json`` and the JSON export."""
        return self._exports.result_data(contest_id)

    def export(self, contest_ids: Iterable[str], fmt: str) -> str:
        """Export results of these contests as CSV or JSON text."""
        return self._exports.export(contest_ids, fmt)

    def history(self, contest_id: str) -> ContestHistory:
        """Every count of the night, oldest first, with the one that stands marked."""
        return self._history.history(contest_id)

    def status_changes(self, contest_id: str) -> tuple[StatusChange, ...]:
        """Every change of the contest's status, oldest first (typed)."""
        return self._history.records(contest_id).status_changes

    def acknowledgements(self, contest_id: str) -> tuple[Acknowledgement, ...]:
        """Every warning acknowledged for the contest, oldest first (typed)."""
        return self._history.records(contest_id).acknowledgements

    # -- backups -------------------------------------------------------------------------
    # A recorded count, lots, a recount decision, a stage change, a declaration and a
    # correction are each followed by a backup (``Backups.after_change``), which never undoes
    # or refuses the action: a failure is reported through ``last_backup`` or the runner.

    def backup_state(self) -> BackupState:
        """The backup folder, its last good copy, and whether it is missing or full now."""
        return self._backups.state()

    def back_up_now(
        self, operator: str, folder: Path | None = None, keep: int | None = None
    ) -> BackupOutcome:
        """Make a checked copy now (into ``folder``, which becomes the backup folder)."""
        return self._backups.back_up_now(operator, folder, keep)

    def backup_job(self) -> BackupJob:
        """The backup to make now into the chosen folder (D907 if none is chosen)."""
        return self._backups.job()

    def run_backups_with(self, runner: Callable[[BackupJob], object]) -> None:
        """Hand each automatic backup to ``runner`` (the window's worker thread)."""
        self._backups.runner = runner

    @property
    def last_backup(self) -> BackupOutcome | None:
        """The outcome of the last automatic backup made at once (the command line's)."""
        return self._backups.last
