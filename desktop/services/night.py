"""The count night's use cases: verification, status, acknowledgements, recounts, the
declaration and its lock, corrections, and the history of every count.

Mixed into ``CountDesk``; every write is one transaction with its audit row, and every refusal
carries the finding's code.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.arithmetic import ContestResult, compute_result, figure_changes
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, parse_figure
from desktop.domain.findings import Finding, Severity
from desktop.domain.model import Candidate, Contest, CountFigures, LotsDrawing, Status
from desktop.domain.verification import (
    BoxKind,
    VerificationLine,
    VerificationTotals,
    verification_findings,
    verification_totals,
)
from desktop.domain.workflow import (
    NightState,
    RecountDecision,
    ack_key,
    next_status,
    status_label,
    transition_blockers,
)
from desktop.storage.repository import Store, StoredCount

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping


VERIFICATION_COLUMNS = ("reference", "name", "kind", "issued")


@dataclass(frozen=True)
class StatusReport:
    """Where the contest is, what comes next, and what stands in the way."""

    contest: Contest
    status: Status
    next: Status | None
    blockers: tuple[Finding, ...]
    shown_at: datetime | None
    declared_at: datetime | None

    @property
    def label(self) -> str:
        """The status in words."""
        return status_label(self.status)


@dataclass(frozen=True)
class CountRecord:
    """One count of the night as the history shows it."""

    count: StoredCount
    result: ContestResult
    stands: bool
    request: dict[str, Any] | None

    @property
    def title(self) -> str:
        """e.g. "Count 2 – full recount"."""
        kind = {
            "count": "count",
            "recount": "full recount",
            "bundle_check": "bundle check",
            "correction": "correction after the declaration",
        }.get(self.count.kind, self.count.kind)
        return f"Count {self.count.number}" + ("" if kind == "count" else f" – {kind}")


@dataclass(frozen=True)
class ContestHistory:
    """Every count of the night side by side, the requests, the declarations and the statuses."""

    candidates: tuple[Candidate, ...]
    heading_keys: tuple[str, ...]
    counts: tuple[CountRecord, ...]
    requests: tuple[dict[str, Any], ...]
    declarations: tuple[dict[str, Any], ...]
    status_changes: tuple[dict[str, Any], ...]
    #: Every warning acknowledged (code, subject, reason, who, when), oldest first.
    acknowledgements: tuple[dict[str, Any], ...] = ()

    def change(self, index: int, kind: str, key: int | str | None = None) -> int | None:
        """How a figure moved since the count before (None if it did not, or for the first).

        ``kind`` is "votes" (key: candidate id), "rejected" (key: heading), "valid",
        "rejected_total" or "majority".
        """
        if index == 0:
            return None
        moved = figure_changes(self.counts[index - 1].result, self.counts[index].result)
        return moved.get((kind, key))

    def differs(self, index: int, key: int | str) -> bool:
        """Whether count ``index`` has a different figure for a candidate id or heading key
        than the count before it."""
        if index == 0:
            return False
        before, after = self.counts[index - 1].count.figures, self.counts[index].count.figures
        if isinstance(key, int):
            return before.votes.get(key) != after.votes.get(key)
        return before.rejected.get(key) != after.rejected.get(key)


def _when(at: datetime) -> str:
    local = at.astimezone()
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


class NightMixin:
    """The count night's services (mixed into CountDesk)."""

    store: Store
    today: Callable[[], date]

    # These come from CountDesk.
    def result(self, contest_id: str) -> ContestResult:  # pragma: no cover - provided
        raise NotImplementedError

    def _checked_figures(  # pragma: no cover - provided
        self, contest: Contest, votes: Mapping[int, int], rejected: Mapping[str, int]
    ) -> CountFigures:
        raise NotImplementedError

    def draft(self, contest_id: str) -> Any:  # pragma: no cover - provided
        raise NotImplementedError

    # -- guards used by every write -----------------------------------------------------

    def _guard(self, contest_id: str, area: str) -> Contest:
        """Refuse a write the contest's status does not allow; return the contest.

        ``area`` is "setup" (names and facts), "verification" or "count" (figures and lots).
        """
        contest = self.store.contest(contest_id)
        if contest.status is Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is declared: its figures are locked, and nothing can be "
                "changed. A correction is a separate, reasoned act (Night menu: Correct the "
                "declaration, or countdesk-cli correct).",
                Code.S802,
            )
        if contest.status is Status.PROVISIONAL and area in ("count", "verification"):
            raise CountDeskError(
                f"The provisional result of {contest.area} has been shown: its figures change "
                "only through a recount or bundle check (record the request and the decision).",
                Code.S809,
            )
        return contest

    # -- status --------------------------------------------------------------------------

    def night_state(self, contest_id: str) -> NightState:
        """Everything the status guards look at, read in one go."""
        contest = self.store.contest(contest_id)
        latest = self.store.latest_count(contest_id)
        result = self.result(contest_id) if latest is not None else None
        acks = self.store.acknowledgements(contest_id, latest.id if latest else None)
        draft = self.draft(contest_id)
        unrecorded = latest is not None and draft.recorded_as is None
        return NightState(
            contest=contest,
            candidates=len(self.store.candidates(contest_id)),
            verification=tuple(self.store.verification(contest_id)),
            result=result,
            acknowledged=frozenset(
                ack_key(a["code"], a["subject"] or None, a["figures"]) for a in acks
            ),
            unrecorded_changes=unrecorded,
        )

    def status(self, contest_id: str) -> StatusReport:
        """The contest's status, the next step and what blocks it."""
        state = self.night_state(contest_id)
        contest = state.contest
        following = next_status(contest.status)
        blockers = () if following is None else transition_blockers(state, following)
        changes = self.store.status_changes(contest_id)
        shown = [c["at"] for c in changes if c["to_status"] == Status.PROVISIONAL.value]
        declarations = self.store.declarations(contest_id)
        return StatusReport(
            contest,
            contest.status,
            following,
            blockers,
            shown[-1] if shown and contest.status is not Status.SETUP else None,
            declarations[0]["declared_at"] if declarations else None,
        )

    def advance(self, contest_id: str, to: Status | str, operator: str, note: str = "") -> Contest:
        """Move the contest one step on (or back), if nothing blocks it; refusals name the codes.

        Declaring needs the officer's confirmation: use ``declare``.
        """
        operator = _operator(operator)
        try:
            target = Status(to)
        except ValueError:
            names = ", ".join(s.value for s in Status)
            raise CountDeskError(
                f"“{to}” is not a status: use one of {names}.", Code.S801
            ) from None
        if target is Status.DECLARED:
            state = self.night_state(contest_id)
            blockers = transition_blockers(state, target)
            if blockers:
                raise _blocked(state.contest, target, blockers)
            raise CountDeskError(
                "Declaring needs the officer's confirmation: declare with the officer's name "
                "(countdesk-cli declare, or Declare in the window).",
                Code.S806,
            )
        state = self.night_state(contest_id)
        blockers = transition_blockers(state, target)
        if blockers:
            raise _blocked(state.contest, target, blockers)
        self.store.change_status(contest_id, target, operator, note)
        return self.store.contest(contest_id)

    def acknowledge_warning(
        self, contest_id: str, code: str, reason: str, operator: str, subject: object = None
    ) -> None:
        """A supervisor acknowledges a warning of the count that stands (or of verification)."""
        operator = _operator(operator)
        self._guard(contest_id, "setup")
        reason = " ".join(reason.split())
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

    def open_warnings(self, contest_id: str) -> list[Finding]:
        """Warnings of the verification and of the count that stands not yet acknowledged."""
        state = self.night_state(contest_id)
        findings = list(verification_findings(state.verification))
        if state.result is not None:
            findings += list(state.result.findings)
        return state.unacknowledged(findings)

    # -- verification --------------------------------------------------------------------

    def verification(self, contest_id: str) -> list[VerificationLine]:
        """The contest's ballot boxes and postal batches."""
        self.store.contest(contest_id)
        return self.store.verification(contest_id)

    def verification_totals(self, contest_id: str) -> VerificationTotals:
        """Issued, counted and variance over the boxes and batches."""
        return verification_totals(self.verification(contest_id))

    def import_verification_csv(self, contest_id: str, path: str | Path, operator: str) -> int:
        """Import boxes and postal batches from a CSV (reference, name, kind, issued); all or nothing."""
        operator = _operator(operator)
        self._guard(contest_id, "verification")
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CountDeskError(
                f"There is no file at {path}: check the name and folder."
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CountDeskError(
                f"{path.name} cannot be read as a UTF-8 CSV file ({exc})."
            ) from None
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        reader.fieldnames = columns
        missing = [c for c in VERIFICATION_COLUMNS if c not in columns]
        if missing:
            listed = ", ".join(f"“{c}”" for c in missing)
            raise CountDeskError(
                f"{path.name} has no {listed} column: the file needs the columns reference, "
                "name, kind (box or postal) and issued."
            )
        known = {line.reference for line in self.store.verification(contest_id)}
        lines: list[VerificationLine] = []
        for row in reader:
            line_no = reader.line_num
            values = {k: (row.get(k) or "").strip() for k in VERIFICATION_COLUMNS}
            if not any(values.values()):
                continue
            if not values["reference"]:
                raise CountDeskError(
                    f"Line {line_no} of {path.name}: the reference is empty; nothing was imported."
                )
            if values["reference"] in known:
                raise CountDeskError(
                    f"Line {line_no} of {path.name}: box {values['reference']} is already listed; "
                    "nothing was imported."
                )
            kind = values["kind"].lower()
            if kind not in ("box", "postal"):
                raise CountDeskError(
                    f"Line {line_no} of {path.name}: kind “{values['kind']}” should be box or "
                    "postal; nothing was imported.",
                    Code.V505,
                )
            try:
                issued = parse_figure(
                    values["issued"], what=f"Ballot papers issued for {values['reference']}"
                )
            except FigureProblem as problem:
                raise CountDeskError(
                    f"Line {line_no} of {path.name}: {problem.message} Nothing was imported.",
                    problem.code,
                ) from None
            known.add(values["reference"])
            lines.append(
                VerificationLine(
                    values["reference"],
                    values["name"] or values["reference"],
                    BoxKind(kind),
                    issued,
                )
            )
        if not lines:
            raise CountDeskError(f"{path.name} lists no ballot boxes.")
        with self.store.transaction():
            self.store.add_verification_lines(contest_id, lines, operator)
            self._sync_papers(contest_id, operator)
        return len(lines)

    def set_box_counted(
        self, contest_id: str, reference: str, counted: int | None, operator: str
    ) -> None:
        """Record the papers counted at verification for one box (None clears it)."""
        operator = _operator(operator)
        self._guard(contest_id, "verification")
        self._box(contest_id, reference)
        if counted is not None and (not isinstance(counted, int) or counted < 0):
            raise CountDeskError("Papers counted must be a whole number, 0 or more.", Code.F104)
        with self.store.transaction():
            self.store.update_verification_line(
                contest_id, reference, {"counted": counted}, operator
            )
            self._sync_papers(contest_id, operator)

    def set_box_explanation(
        self, contest_id: str, reference: str, text: str, operator: str
    ) -> None:
        """Record why a box's count differs from its ballot paper account."""
        operator = _operator(operator)
        self._guard(contest_id, "verification")
        self._box(contest_id, reference)
        self.store.update_verification_line(
            contest_id, reference, {"explanation": " ".join(text.split())}, operator
        )

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
        """Correct what the list says of one box: its name, its kind, or the papers issued per its
        ballot paper account (``issued`` already parsed: a whole number, 0 or more).

        Only what is given changes; a blank name becomes the reference, as on import. The
        variance follows the papers issued, and ballot papers verified are synced again.
        Returns the box as corrected.
        """
        operator = _operator(operator)
        self._guard(contest_id, "verification")
        self._box(contest_id, reference)
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = " ".join(name.split()) or reference
        if kind is not None:
            try:
                changes["kind"] = BoxKind(str(kind).strip().lower()).value
            except ValueError:
                raise CountDeskError(
                    f"Box {reference}: “{kind}” is not a kind of ballot box; use box (a polling "
                    "station's ballot box) or postal (a batch of postal ballot papers).",
                    Code.V505,
                ) from None
        if issued is not None:
            if isinstance(issued, bool) or not isinstance(issued, int):
                raise CountDeskError(
                    f"Ballot papers issued for {reference} must be a whole number, 0 or more.",
                    Code.F104,
                )
            if issued < 0:
                raise CountDeskError(
                    f"Ballot papers issued for {reference} cannot be negative: type the figure "
                    "from its ballot paper account, 0 or more.",
                    Code.F103,
                )
            changes["issued"] = issued
        with self.store.transaction():
            self.store.update_verification_line(contest_id, reference, changes, operator)
            self._sync_papers(contest_id, operator)
        return self._box(contest_id, reference)

    def remove_box(self, contest_id: str, reference: str, operator: str) -> VerificationLine:
        """Remove a box or postal batch listed by mistake (before any count is recorded).

        The audit row keeps the line as it was; ballot papers verified are synced again.
        Returns the box removed.
        """
        operator = _operator(operator)
        self._guard(contest_id, "verification")
        line = self._box(contest_id, reference)
        if self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                f"Box {reference} cannot be removed once a count is recorded: the count was "
                "checked against the ballot papers verified, which include its papers. Correct "
                "its name, kind or papers issued instead.",
                Code.V504,
            )
        with self.store.transaction():
            self.store.remove_verification_line(contest_id, reference, operator)
            self._sync_papers(contest_id, operator)
        return line

    def _box(self, contest_id: str, reference: str) -> VerificationLine:
        for line in self.store.verification(contest_id):
            if line.reference == reference:
                return line
        raise CountDeskError(
            f"There is no box “{reference}” in this contest's verification: check the reference.",
            Code.V503,
        )

    def _sync_papers(self, contest_id: str, operator: str) -> None:
        """Ballot papers verified are the verification's total counted (not entered once the
        last box is removed)."""
        lines = self.store.verification(contest_id)
        verified = verification_totals(lines).counted if lines else None
        self.store.update_contest(contest_id, {"ballot_papers_verified": verified}, operator)

    def papers_from_verification(self, contest_id: str) -> bool:
        """Whether ballot papers verified come from the verification (and cannot be typed)."""
        return bool(self.store.verification(contest_id))

    # -- recounts ------------------------------------------------------------------------

    def _pending_request(
        self, contest_id: str, latest: StoredCount | None
    ) -> dict[str, Any] | None:
        """A granted recount or bundle check of the count that stands, not yet recorded."""
        if latest is None:
            return None
        for request in reversed(self.store.recount_requests(contest_id)):
            if request["count_id"] == latest.id and request["decision"] != RecountDecision.REFUSED:
                return request
        return None

    def pending_recount(self, contest_id: str) -> dict[str, Any] | None:
        """The granted recount or bundle check the next count records, if any."""
        return self._pending_request(contest_id, self.store.latest_count(contest_id))

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
    ) -> dict[str, Any]:
        """Record a request for a recount and the Returning Officer's decision on it.

        A full recount or bundle check opens a new count (back to the count stage); a refusal
        needs its reason. No recount after the declaration (S803).
        """
        operator = _operator(operator)
        contest = self.store.contest(contest_id)
        if contest.status is Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is declared: nothing may be recounted after the declaration; "
                "only an election petition can change the result.",
                Code.S803,
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
        requested_by = " ".join(requested_by.split())
        if not requested_by:
            raise CountDeskError("Say who asked for the recount.", Code.S810)
        reason = " ".join(reason.split())
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
        row = {
            "contest_id": contest_id,
            "count_id": latest.id,
            "requested_by": requested_by,
            "role": role,
            "for_candidate": for_candidate,
            "requested_at": (requested_at or now).isoformat(),
            "decision": decision.value,
            "reason": reason,
            "operator": operator,
            "at": now.isoformat(),
        }
        with self.store.transaction():
            request_id = self.store.add_recount_request(row, operator)
            if decision is not RecountDecision.REFUSED:
                if contest.status is Status.PROVISIONAL:
                    state = self.night_state(contest_id)
                    blockers = transition_blockers(state, Status.COUNT, via_recount=True)
                    if blockers:
                        raise _blocked(contest, Status.COUNT, blockers)
                    self.store.change_status(
                        contest_id, Status.COUNT, operator, f"{decision.label} granted"
                    )
                # A full recount is keyed afresh; a bundle check starts from the figures it checks.
                draft = self.store.draft(contest_id)
                if decision is RecountDecision.FULL:
                    fields: dict[str, int | None] = dict.fromkeys(draft, None)
                    fields |= {f"votes:{c.id}": None for c in self.store.candidates(contest_id)}
                    self.store.set_draft(contest_id, fields, operator, action="start recount")
                    # Mark the draft as begun so the figures of the old count are not shown.
                    self.store.set_draft(
                        contest_id, {"recount": request_id}, operator, action="start recount"
                    )
                else:
                    self.store.set_draft(
                        contest_id,
                        dict.fromkeys(draft, None),
                        operator,
                        action="start bundle check",
                    )
        return next(r for r in self.store.recount_requests(contest_id) if r["id"] == request_id)

    # -- declaration and correction ------------------------------------------------------

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
        operator = _operator(operator)
        state = self.night_state(contest_id)
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
            raise _blocked(contest, Status.DECLARED, blockers)
        self._confirm(contest, officer_confirmation)
        latest = self.store.latest_count(contest_id)
        assert latest is not None and state.result is not None
        with self.store.transaction():
            at = self.store.change_status(contest_id, Status.DECLARED, operator)
            pdf, ref = self._render_declaration(contest_id, declared_at=at)
            self.store.add_declaration(
                {
                    "contest_id": contest_id,
                    "count_id": latest.id,
                    "kind": "declaration",
                    "declared_at": at.isoformat(),
                    "operator": operator,
                    "officer": contest.officer_name,
                    "reason": "",
                    "data_ref": ref,
                    "pdf": pdf,
                },
                operator,
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
    ) -> bytes:
        """A reasoned correction after the declaration: a new count and a corrected declaration.

        The original declaration and its count stay on record; both appear in the history.
        Lots drawn for a tie still apply if the correction leaves the same tie; a correction
        that makes a new tie needs the lot drawn for it, given as ``lot_winners``.
        """
        operator = _operator(operator)
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
        figures = self._checked_figures(contest, votes, rejected)
        latest = self.store.latest_count(contest_id)
        if latest is not None and figures == replace(latest.figures, rejected_total_entered=None):
            raise CountDeskError(
                "These are the figures already declared: a correction changes at least one.",
                Code.S811,
            )
        kept_lots = self.store.lots_for_count(latest.id) if latest else None
        drawing = kept_lots.drawing if kept_lots else None
        corrected = compute_result(contest, candidates, figures, drawing)
        winners = frozenset(lot_winners)
        if winners and corrected.tie is not None and not corrected.lots_applied:
            drawing = LotsDrawing(corrected.tie.candidates, winners)
            corrected = compute_result(contest, candidates, figures, drawing)
            if not corrected.lots_applied:
                raise CountDeskError(
                    f"The lot must fall on {corrected.tie.places} of the candidates tied in the "
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
                correction_of=f"the declaration made at {_when(previous['declared_at'])}",
                correction_reason=reason,
            )
            self.store.add_declaration(
                {
                    "contest_id": contest_id,
                    "count_id": stored.id,
                    "kind": "correction",
                    "declared_at": at.isoformat(),
                    "operator": operator,
                    "officer": contest.officer_name,
                    "reason": reason,
                    "data_ref": ref,
                    "pdf": pdf,
                },
                operator,
            )
        return pdf

    def _render_declaration(self, contest_id: str, **extra: Any) -> tuple[bytes, str]:
        from reports.declaration import render_declaration
        from reports.snapshot import build_snapshot

        result = self.result(contest_id)
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

    def declarations(self, contest_id: str) -> list[dict[str, Any]]:
        """The declaration and any corrected declarations, each with its PDF bytes."""
        self.store.contest(contest_id)
        return self.store.declarations(contest_id)

    def verification_pdf(self, contest_id: str, printed_on: date | None = None) -> bytes:
        """The statement of verification as PDF bytes."""
        from reports.verification import (
            VerificationRow,
            build_verification_snapshot,
            render_verification,
        )

        contest = self.store.contest(contest_id)
        rows = [
            VerificationRow(
                line.reference,
                line.name,
                line.kind.value,
                line.issued,
                line.counted,
                line.explanation,
            )
            for line in self.store.verification(contest_id)
        ]
        snapshot = build_verification_snapshot(
            contest,
            self.store.election(contest.election_id),
            rows,
            printed_on=printed_on or self.today(),
        )
        return render_verification(snapshot)

    # -- history -------------------------------------------------------------------------

    def history(self, contest_id: str) -> ContestHistory:
        """Every count of the night, oldest first, with the one that stands marked."""
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        counts = self.store.counts(contest_id)
        requests = self.store.recount_requests(contest_id)
        by_id = {r["id"]: r for r in requests}
        records = []
        for i, count in enumerate(counts):
            stored_lots = self.store.lots_for_count(count.id)
            result = compute_result(
                replace(contest),
                candidates,
                count.figures,
                stored_lots.drawing if stored_lots else None,
            )
            records.append(
                CountRecord(count, result, i == len(counts) - 1, by_id.get(count.request_id or -1))
            )
        from desktop.domain.model import ballot_order

        return ContestHistory(
            candidates=ballot_order(candidates),
            heading_keys=contest.type.heading_keys,
            counts=tuple(records),
            requests=tuple(requests),
            declarations=tuple(
                {k: v for k, v in d.items() if k != "pdf"}
                for d in self.store.declarations(contest_id)
            ),
            status_changes=tuple(self.store.status_changes(contest_id)),
            acknowledgements=tuple(self.store.all_acknowledgements(contest_id)),
        )


def _operator(operator: str) -> str:
    name = " ".join((operator or "").split())
    if not name:
        raise CountDeskError(
            "Say who is making this change: give the operator's name, so the audit log shows it."
        )
    return name


def _blocked(contest: Contest, to: Status, blockers: tuple[Finding, ...]) -> CountDeskError:
    errors = [f for f in blockers if f.severity is Severity.ERROR] or list(blockers)
    if len(blockers) == 1 and blockers[0].code in (Code.S801, Code.S802):
        return CountDeskError(blockers[0].message, blockers[0].code)
    listed = " ".join(f"{f.code}: {f.message}" for f in blockers)
    return CountDeskError(
        f"{contest.area} cannot move to {status_label(to)} yet. {listed}", errors[0].code
    )
