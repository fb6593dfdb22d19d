"""Verification: the ballot boxes and postal batches, their accounts and the papers counted.

Ballot papers verified are the verification's total counted, kept in step by every write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, parse_figure, whole_number
from desktop.domain.text import TextProblem
from desktop.domain.verification import (
    BoxKind,
    VerificationLine,
    VerificationTotals,
    verification_findings,
    verification_totals,
)
from desktop.domain.workflow import figures_key
from desktop.services.common import box, figure_or_none, guard, require_operator
from desktop.services.csv_files import CsvRow, csv_rows, read_csv_text
from desktop.services.texts import printed_code, printed_text
from desktop.storage.store import Store

VERIFICATION_COLUMNS = ("reference", "name", "kind", "issued")
#: Optional columns: the other figures of a polling station's ballot paper account.
ACCOUNT_COLUMNS = ("unused", "spoilt", "tendered")


@dataclass(frozen=True)
class VerificationUpdate:
    """What one batch of verification changes did, and the verification after it."""

    #: References of the boxes and batches the import added, in file order.
    imported: tuple[str, ...]
    removed: tuple[str, ...]
    boxes: tuple[VerificationLine, ...]


def accepted_variances(store: Store, contest_id: str) -> dict[str, str]:
    """Box reference → the reason a supervisor gave for accepting its variance with no
    explanation (V501), where the acknowledgement is of the variance as it stands now."""
    findings = {
        str(f.subject): f
        for f in verification_findings(store.verification(contest_id))
        if f.code == Code.V501
    }
    if not findings:
        return {}
    reasons: dict[str, str] = {}
    for ack in store.acknowledgements(contest_id, None):
        found = findings.get(ack.subject)
        if (
            ack.code == Code.V501
            and found is not None
            and ack.figures == figures_key(found.figures)
        ):
            reasons[ack.subject] = ack.reason
    return reasons


def box_line(row: CsvRow, file_name: str) -> VerificationLine:
    """One row of a boxes CSV as a verification line (reference, name, kind, issued and the
    optional account figures), or CountDeskError naming the line; nothing is stored."""
    where = f"Line {row.line} of {file_name}"
    try:
        texts = {
            "reference": printed_code(row.get("reference"), "the reference"),
            "name": printed_text(row.get("name"), "the name"),
        }
    except TextProblem as problem:
        raise CountDeskError(f"{where}: {problem.clause}; nothing was imported.") from None
    values = {k: texts.get(k, row.get(k).strip()) for k in VERIFICATION_COLUMNS + ACCOUNT_COLUMNS}
    if not values["reference"]:
        raise CountDeskError(f"{where}: the reference is empty; nothing was imported.")
    kind = values["kind"].lower()
    if kind not in ("box", "postal"):
        raise CountDeskError(
            f"{where}: kind “{values['kind']}” should be box or postal; nothing was imported.",
            Code.V505,
        )
    try:
        issued = parse_figure(
            values["issued"], what=f"Ballot papers issued for {values['reference']}"
        )
    except FigureProblem as problem:
        raise CountDeskError(
            f"{where}: {problem.message} Nothing was imported.", problem.code
        ) from None
    account = _account_figures(values, kind, where)
    return VerificationLine(
        values["reference"],
        values["name"] or values["reference"],
        BoxKind(kind),
        issued,
        unused=account.get("unused"),
        spoilt=account.get("spoilt"),
        tendered=account.get("tendered"),
    )


def _account_figures(values: Mapping[str, str], kind: str, where: str) -> dict[str, int]:
    """The unused, spoilt and tendered papers a row gives (each optional; a box's only)."""
    given = {k: values[k] for k in ACCOUNT_COLUMNS if values.get(k)}
    if given and kind == BoxKind.POSTAL.value:
        raise CountDeskError(
            f"{where}: {values['reference']} is a postal batch, but the row gives "
            f"{', '.join(given)} papers: those figures belong to a polling station's ballot "
            "paper account. Leave them empty for postal batches; nothing was imported."
        )
    figures: dict[str, int] = {}
    for column, text in given.items():
        try:
            figures[column] = parse_figure(
                text, what=f"{column.capitalize()} papers for {values['reference']}"
            )
        except FigureProblem as problem:
            raise CountDeskError(
                f"{where}: {problem.message} Nothing was imported.", problem.code
            ) from None
    return figures


class Boxes:
    """The verification of each contest."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def verification(self, contest_id: str) -> list[VerificationLine]:
        """The contest's ballot boxes and postal batches."""
        self.store.contest(contest_id)
        return self.store.verification(contest_id)

    def accepted_variances(self, contest_id: str) -> dict[str, str]:
        """Box reference → the reason a supervisor accepted its unexplained variance."""
        self.store.contest(contest_id)
        return accepted_variances(self.store, contest_id)

    def verification_totals(self, contest_id: str) -> VerificationTotals:
        """Issued, counted and variance over the boxes and batches."""
        return verification_totals(self.verification(contest_id))

    def import_verification_csv(self, contest_id: str, path: str | Path, operator: str) -> int:
        """Import boxes and postal batches from a CSV (reference, name, kind, issued); all or nothing."""
        operator = require_operator(operator)
        guard(self.store, contest_id, "verification")
        path = Path(path)
        columns, rows = csv_rows(
            read_csv_text(path),
            path.name,
            VERIFICATION_COLUMNS,
            header=lambda c: c.strip().lower(),
            columns_hint="the file needs the columns reference, name, kind (box or postal) and "
            "issued.",
        )
        if "poll" in columns:
            # One contest's list has no poll column: this file's rows are several polls'.
            raise CountDeskError(
                f"{path.name} has a poll column: it is a combined boxes list, for several polls "
                "sharing their boxes. Import it as one (File › Import combined boxes CSV…, or "
                "countdesk-cli combined --import), so that each row goes to its own poll; "
                "nothing was imported.",
                Code.V507,
            )
        known = {line.reference for line in self.store.verification(contest_id)}
        lines: list[VerificationLine] = []
        for row in rows:
            line = box_line(row, path.name)
            if line.reference in known:
                raise CountDeskError(
                    f"Line {row.line} of {path.name}: box {line.reference} is already listed; "
                    "nothing was imported."
                )
            known.add(line.reference)
            lines.append(line)
        if not lines:
            raise CountDeskError(f"{path.name} lists no ballot boxes.")
        refuse_references_of_other_wards(self.store, {contest_id: lines}, path.name)
        with self.store.transaction():
            self.store.add_verification_lines(contest_id, lines, operator)
            self.sync_papers(contest_id, operator)
        return len(lines)

    def set_box_counted(
        self, contest_id: str, reference: str, counted: int | None, operator: str
    ) -> VerificationLine:
        """Record the papers counted at verification for one box (None clears it); return the box."""
        operator = require_operator(operator)
        guard(self.store, contest_id, "verification")
        box(self.store, contest_id, reference)
        counted = figure_or_none(counted, f"Papers counted for {reference}")
        with self.store.transaction():
            self.store.update_verification_line(
                contest_id, reference, {"counted": counted}, operator
            )
            self.sync_papers(contest_id, operator)
        return box(self.store, contest_id, reference)

    def set_box_explanation(
        self, contest_id: str, reference: str, text: str, operator: str
    ) -> VerificationLine:
        """Record why a box's count differs from its ballot paper account; return the box."""
        operator = require_operator(operator)
        guard(self.store, contest_id, "verification")
        box(self.store, contest_id, reference)
        self.store.update_verification_line(
            contest_id,
            reference,
            {"explanation": printed_text(text, f"the explanation for box {reference}")},
            operator,
        )
        return box(self.store, contest_id, reference)

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
        operator = require_operator(operator)
        guard(self.store, contest_id, "verification")
        box(self.store, contest_id, reference)
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = printed_text(name, f"the name of box {reference}") or reference
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
            changes["issued"] = whole_number(issued, f"Ballot papers issued for {reference}")
        with self.store.transaction():
            self.store.update_verification_line(contest_id, reference, changes, operator)
            self.sync_papers(contest_id, operator)
        return box(self.store, contest_id, reference)

    def remove_box(self, contest_id: str, reference: str, operator: str) -> VerificationLine:
        """Remove a box or postal batch listed by mistake (before any count is recorded).

        The audit row keeps the line as it was; ballot papers verified are synced again.
        Returns the box removed.
        """
        operator = require_operator(operator)
        guard(self.store, contest_id, "verification")
        line = box(self.store, contest_id, reference)
        if self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                f"Box {reference} cannot be removed once a count is recorded: the count was "
                "checked against the ballot papers verified, which include its papers. Correct "
                "its name, kind or papers issued instead.",
                Code.V504,
            )
        with self.store.transaction():
            self.store.remove_verification_line(contest_id, reference, operator)
            self.sync_papers(contest_id, operator)
        return line

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
        """Apply a whole batch of verification changes in one transaction: all of it, or nothing.

        In this order: boxes removed (so a corrected file can then be imported), the import,
        papers issued corrected, boxes renamed, papers counted, explanations.
        """
        operator = require_operator(operator)
        self.store.contest(contest_id)
        removed = tuple(remove)
        imported: tuple[str, ...] = ()
        with self.store.transaction():
            for ref in removed:
                self.remove_box(contest_id, ref, operator)
            if import_file is not None:
                before = {line.reference for line in self.store.verification(contest_id)}
                self.import_verification_csv(contest_id, import_file, operator)
                imported = tuple(
                    line.reference
                    for line in self.store.verification(contest_id)
                    if line.reference not in before
                )
            for ref, value in (issued or {}).items():
                self.correct_box(contest_id, ref, operator, issued=value)
            for ref, name in (names or {}).items():
                self.correct_box(contest_id, ref, operator, name=name)
            for ref, papers in (counted or {}).items():
                self.set_box_counted(contest_id, ref, papers, operator)
            for ref, text in (explanations or {}).items():
                self.set_box_explanation(contest_id, ref, text, operator)
        return VerificationUpdate(imported, removed, tuple(self.store.verification(contest_id)))

    def sync_papers(self, contest_id: str, operator: str) -> None:
        """Ballot papers verified are the verification's total counted (not entered once the
        last box is removed)."""
        lines = self.store.verification(contest_id)
        verified = verification_totals(lines).counted if lines else None
        self.store.update_contest(contest_id, {"ballot_papers_verified": verified}, operator)


def refuse_references_of_other_wards(
    store: Store, lines_by_contest: Mapping[str, Sequence[VerificationLine]], file_name: str
) -> None:
    """Refuse (V509) a box reference listed for two contests of one election: a box holds the
    papers of one ward of an election, so the two would be taken for one physical box, added
    up as one on the combined statement and offered as papers of one put in the other's."""
    taken: dict[str, dict[str, str]] = {}
    for contest_id, lines in lines_by_contest.items():
        contest = store.contest(contest_id)
        if contest.election_id not in taken:
            taken[contest.election_id] = store.references_of_election(contest.election_id)
        listed = taken[contest.election_id]
        for line in lines:
            other = listed.setdefault(line.reference, contest_id)
            if other != contest_id:
                raise CountDeskError(
                    f"{file_name}: box {line.reference} is already a box of "
                    f"{store.contest(other).area}, in the same election as {contest.area}. A "
                    "reference names one physical box, which holds one ward's papers of an "
                    "election: give each ward's boxes and postal batches their own references. "
                    "Nothing was imported.",
                    Code.V509,
                )
