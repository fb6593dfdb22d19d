"""The statement of verification (DOMAIN.md §3 step 2, §6).

Every ballot box is counted face up at verification and compared with its ballot paper
account; postal ballot papers are counted in batches. The statement lists each box, then each
postal batch, with the figure from the account, the figure counted, the variance
(counted − issued) and the explanation recorded, then the totals for the contest.

Input is a frozen VerificationSnapshot holding only the rows as entered; the variances and
totals printed are worked out here, with whole numbers, by ``tally``. Nothing here reads the
clock, the database or the domain's verification records: the same snapshot always gives
byte-identical output.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.model import Contest, Election
from reports.blocks import (
    header_block,
    notice_box,
    signature_block,
)
from reports.fonts import BOLD, ITALIC
from reports.page import (
    build_pdf,
)
from reports.snapshot import contest_heading, date_in_words, printed_election_title
from reports.style import (
    CONTENT_WIDTH,
    DASH,
    HEADER_FILL,
    SECTION_GAP,
    cell,
    grid_style,
    para,
)

BOX = "box"
POSTAL = "postal"
KINDS = (BOX, POSTAL)

MINUS = "\u2212"
NOT_EXPLAINED = "Not explained"
NOT_YET_COUNTED = "Not yet counted"
TITLE = "Statement of Verification"

# --- Geometry: the columns of both tables, so that their figures line up ----------------------

COL_REF = 13 * mm
#: Wide enough for most polling station names on one line; explanations are fewer and wrap.
COL_NAME = 60 * mm
COL_ISSUED = 24 * mm
COL_COUNTED = 19 * mm
COL_VARIANCE = 18 * mm
COL_EXPLANATION = CONTENT_WIDTH - COL_REF - COL_NAME - COL_ISSUED - COL_COUNTED - COL_VARIANCE
#: Room for a section's heading, the table's heading and a few rows; else a new page first.
SECTION_MIN_HEIGHT = 45 * mm
#: The totals' figures end on the right edge of the variance column.
TOTALS_WIDTH = COL_REF + COL_NAME + COL_ISSUED + COL_COUNTED + COL_VARIANCE
TOTALS_FIGURE = COL_COUNTED


# --- The snapshot ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerificationRow:
    """One ballot box (a polling station's) or one batch of postal ballot papers."""

    #: e.g. "BS01", "PV3".
    reference: str
    #: The polling station's name, or e.g. "Postal votes opening session 3".
    name: str
    #: "box" or "postal".
    kind: str
    #: Ballot papers issued, from the ballot paper account.
    issued: int
    #: Ballot papers counted at verification; None while the box is not yet counted.
    counted: int | None
    #: Why the count differs from the account; "" where none was given.
    explanation: str = ""

    def __post_init__(self) -> None:
        where = f"{self.reference} {self.name}".strip() or "A verification row"
        if self.kind not in KINDS:
            raise CountDeskError(f'{where}: the kind must be "box" or "postal", not "{self.kind}".')
        for label, value in (("ballot papers issued", self.issued), ("counted", self.counted)):
            if value is None and label == "counted":
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise CountDeskError(f"{where}: {label} must be a whole number, 0 or more.")

    @property
    def variance(self) -> int | None:
        """Counted − issued; None while not yet counted."""
        return None if self.counted is None else self.counted - self.issued

    @property
    def unexplained(self) -> bool:
        """Whether the count differs from the account and no explanation was given."""
        return bool(self.variance) and not self.explanation.strip()


@dataclass(frozen=True)
class VerificationSnapshot:
    """Everything the statement of verification prints, frozen at one moment."""

    contest_id: str
    election_id: str
    #: e.g. "Kirklees Council"; "" prints no authority line.
    authority: str
    #: e.g. "Batley and Spen by-election".
    election_title: str
    #: e.g. "Election of a Member of Parliament for the Batley and Spen Constituency".
    contest_heading: str
    #: e.g. "Thursday 1 July 2021".
    poll_date_text: str
    #: The date the statement is dated, written out.
    printed_on_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    #: Boxes and postal batches, each printed in its own table in the order given here.
    rows: tuple[VerificationRow, ...]
    #: e.g. "Batley and Spen Constituency", for the running header of later pages; "" prints
    #: the contest heading there instead (shortened if need be).
    area_text: str = ""

    @property
    def boxes(self) -> tuple[VerificationRow, ...]:
        return tuple(r for r in self.rows if r.kind == BOX)

    @property
    def postal(self) -> tuple[VerificationRow, ...]:
        return tuple(r for r in self.rows if r.kind == POSTAL)

    @property
    def data_hash(self) -> str:
        """A short reference to the verification data printed: 12 hex digits of a SHA-256.

        As for the declaration, dates and titles are left out: the same figures carry the same
        reference whenever they are printed; any changed figure, name or explanation changes it.
        """
        data = {
            "contest_id": self.contest_id,
            "officer": [self.officer_name, self.officer_title],
            "rows": [
                [r.reference, r.name, r.kind, r.issued, r.counted, r.explanation] for r in self.rows
            ],
        }
        canonical = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def build_verification_snapshot(
    contest: Contest,
    election: Election,
    rows: Iterable[VerificationRow],
    *,
    printed_on: date,
) -> VerificationSnapshot:
    """Freeze the statement of verification of ``contest`` with these rows, in this order.

    The header (authority, titles, officer, imprint) is worded exactly as on the declaration.
    Raises CountDeskError if the contest is not of this election.
    """
    if contest.election_id != election.id:
        raise CountDeskError(
            f"The contest {contest.id} belongs to the election {contest.election_id}, "
            f"not {election.id}: print it with its own election."
        )
    etype = contest.type
    return VerificationSnapshot(
        contest_id=contest.id,
        election_id=election.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=contest_heading(
            etype.office_one, etype.office_many, contest.seats, contest.area, etype.area_word
        ),
        poll_date_text=date_in_words(contest.poll_date),
        printed_on_text=date_in_words(printed_on),
        officer_name=contest.officer_name.strip(),
        officer_title=contest.officer_title_or_default,
        imprint_address=contest.imprint_address.strip(),
        rows=tuple(rows),
        area_text=f"{contest.area} {etype.area_word.title()}",
    )


# --- The sums printed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """The sums of some rows, as printed: whole numbers only."""

    rows: int
    #: Ballot papers issued, over every row (counted or not).
    issued: int
    #: Ballot papers counted, over the rows counted so far.
    counted: int
    #: Ballot papers issued, over the rows counted so far.
    issued_counted: int
    #: References of the rows not yet counted, in order.
    not_counted: tuple[str, ...]
    #: References of the rows whose variance has no explanation, in order.
    unexplained: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Every row counted (and there is at least one row)."""
        return self.rows > 0 and not self.not_counted

    @property
    def variance(self) -> int:
        """Counted − issued over the rows counted so far (all rows when complete)."""
        return self.counted - self.issued_counted


def tally(rows: Iterable[VerificationRow]) -> Tally:
    """Sum the rows: issued over all, counted and variance over those counted."""
    rows = tuple(rows)
    counted = [r for r in rows if r.counted is not None]
    return Tally(
        rows=len(rows),
        issued=sum(r.issued for r in rows),
        counted=sum(r.counted for r in counted if r.counted is not None),
        issued_counted=sum(r.issued for r in counted),
        not_counted=tuple(r.reference for r in rows if r.counted is None),
        unexplained=tuple(r.reference for r in rows if r.unexplained),
    )


def format_variance(value: int | None) -> str:
    """A variance with its sign: "+2", "−1" (a true minus sign), "0"; "–" when not known."""
    if value is None:
        return DASH
    if value > 0:
        return f"+{value:,}"
    if value < 0:
        return f"{MINUS}{-value:,}"
    return "0"


def _counted_words(boxes: int, postal: int) -> str:
    """e.g. "2 boxes", "1 box and 1 postal batch"."""
    parts = []
    if boxes:
        parts.append(f"{boxes} {'box' if boxes == 1 else 'boxes'}")
    if postal:
        parts.append(f"{postal} postal {'batch' if postal == 1 else 'batches'}")
    return " and ".join(parts)


# --- The parts of the statement ----------------------------------------------------------------


def _header(snap: VerificationSnapshot) -> list[Flowable]:
    parts = header_block(
        authority=snap.authority,
        election_title=snap.election_title,
        contest_heading=snap.contest_heading,
        poll_date_text=snap.poll_date_text,
        title=TITLE,
    )
    parts.append(Spacer(0, 2.5 * mm))
    return parts


def _incomplete_notice(snap: VerificationSnapshot) -> list[Flowable]:
    boxes, postal = tally(snap.boxes), tally(snap.postal)
    if not snap.rows:
        head = "Verification not complete: no ballot boxes or postal batches have been entered"
        lines = ["There are no figures to verify yet."]
    elif boxes.not_counted or postal.not_counted:
        waiting = _counted_words(len(boxes.not_counted), len(postal.not_counted))
        head = f"Verification not complete: {waiting} not yet counted"
        lines = [
            f"Not yet counted: {', '.join(boxes.not_counted + postal.not_counted)}.",
            "The figures below are those counted so far. The total number of ballot papers "
            "verified will be stated when every box and postal batch has been counted.",
        ]
    else:
        return []
    return [notice_box(head, lines, alert=True), Spacer(0, 4 * mm)]


def _complete(snap: VerificationSnapshot) -> bool:
    return tally(snap.rows).complete


def _opening(snap: VerificationSnapshot) -> list[Flowable]:
    what = (
        "the ballot paper accounts have been verified as follows:"
        if _complete(snap)
        else "the verification of the ballot paper accounts so far is as follows:"
    )
    if snap.officer_name:
        text = (
            f"I, {snap.officer_name}, being the {snap.officer_title} at the above election, give "
            f"notice that {what}"
        )
    else:  # a statement printed before the officer's name is set still reads properly
        text = f"The {snap.officer_title} at the above election gives notice that {what}"
    return [para(text, "body"), Spacer(0, 3 * mm)]


def _rows_table(rows: tuple[VerificationRow, ...], *, kind: str) -> Table:
    """One table of boxes or of postal batches, headed on every page, with its subtotal."""
    name_head = "Polling station" if kind == BOX else "Postal batch"
    head = [
        para("Ref.", "head"),
        para(name_head, "head"),
        para("Ballot papers issued (per ballot paper account)", "head_right"),
        para("Ballot papers counted", "head_right"),
        para(f"Variance (counted {MINUS} issued)", "head_right"),
        para("Explanation", "head"),
    ]
    data: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (2, 1), (4, -1), "RIGHT"),
    ]
    for number, row in enumerate(rows, start=1):
        if row.explanation.strip():
            explanation: Any = cell(row.explanation.strip(), COL_EXPLANATION)
        elif row.counted is None:
            explanation = NOT_YET_COUNTED
            style.append(("FONTNAME", (5, number), (5, number), ITALIC))
        elif row.unexplained:
            explanation = NOT_EXPLAINED
            style.append(("FONTNAME", (5, number), (5, number), ITALIC))
        else:
            explanation = ""
        data.append(
            [
                cell(row.reference, COL_REF),
                cell(row.name, COL_NAME),
                format_figure(row.issued),
                format_figure(row.counted),
                format_variance(row.variance),
                explanation,
            ]
        )
    sums = tally(rows)
    what = "polling station boxes" if kind == BOX else "postal batches"
    last = len(data)
    data.append(
        [
            cell(f"Total, {sums.rows} {what}", COL_REF + COL_NAME, bold=True),
            "",
            format_figure(sums.issued),
            format_figure(sums.counted) if sums.complete else DASH,
            format_variance(sums.variance) if sums.complete else DASH,
            ""
            if sums.complete
            else cell(f"{len(sums.not_counted)} not yet counted", COL_EXPLANATION),
        ]
    )
    style += [
        ("SPAN", (0, last), (1, last)),
        ("BACKGROUND", (0, last), (-1, last), HEADER_FILL),
        ("FONTNAME", (0, last), (4, last), BOLD),
    ]
    if not sums.complete:
        style.append(("FONTNAME", (5, last), (5, last), ITALIC))
    table = Table(
        data,
        colWidths=[COL_REF, COL_NAME, COL_ISSUED, COL_COUNTED, COL_VARIANCE, COL_EXPLANATION],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    return table


def _section(
    rows: tuple[VerificationRow, ...], *, kind: str, heading: str, none: str
) -> list[Flowable]:
    # A heading is never left at the foot of a page without the start of its table.
    start: list[Flowable] = [CondPageBreak(SECTION_MIN_HEIGHT), para(heading, "section")]
    if not rows:
        return [*start, para(none, "body_left"), Spacer(0, SECTION_GAP)]
    return [*start, _rows_table(rows, kind=kind), Spacer(0, SECTION_GAP)]


def _totals(snap: VerificationSnapshot) -> list[Flowable]:
    sums = tally(snap.rows)
    minus = f"counted {MINUS} issued"
    # Each label with its figure as printed: the variance carries its sign.
    rows = [("Total ballot papers issued (per ballot paper accounts)", format_figure(sums.issued))]
    if sums.complete:
        rows += [
            ("Total ballot papers counted (ballot papers verified)", format_figure(sums.counted)),
            (f"Total variance ({minus})", format_variance(sums.variance)),
        ]
    else:
        done = sums.rows - len(sums.not_counted)
        rows += [
            (
                f"Ballot papers counted so far, in {done} of {sums.rows} boxes and batches",
                format_figure(sums.counted),
            ),
            (
                f"Variance so far, in the boxes and batches counted ({minus})",
                format_variance(sums.variance),
            ),
        ]
    label_width = TOTALS_WIDTH - TOTALS_FIGURE
    data = [[cell(label, label_width, bold=True), figure] for label, figure in rows]
    style = [
        *grid_style(),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("FONTNAME", (0, 0), (-1, -1), BOLD),
        ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
    ]
    table = Table(data, colWidths=[label_width, TOTALS_FIGURE], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    parts: list[Flowable] = [para("Totals for the contest", "section"), table]
    if sums.unexplained:
        count = len(sums.unexplained)
        which = "variance has" if count == 1 else "variances have"
        parts += [
            Spacer(0, 2 * mm),
            para(
                f"{count} {which} no explanation recorded: {', '.join(sums.unexplained)}.",
                "body_left",
            ),
        ]
    return [*parts, Spacer(0, 6 * mm)]


def _closing(snap: VerificationSnapshot) -> list[Flowable]:
    """The totals, the date and the officer's signature, kept together: the officer signs
    the totals, so they are never printed on a page apart from the signature."""
    return signature_block(
        dated_lines=[f"Dated {snap.printed_on_text}"],
        officer_name=snap.officer_name,
        officer_title=snap.officer_title,
        imprint_address=snap.imprint_address,
        before=_totals(snap),
    )


def story(snap: VerificationSnapshot) -> list[Flowable]:
    """The flowables of the statement: header, boxes, postal batches, totals, signature."""
    parts = _header(snap)
    parts += _incomplete_notice(snap)
    parts += _opening(snap)
    parts += _section(
        snap.boxes,
        kind=BOX,
        heading="Ballot boxes from polling stations",
        none="No polling station boxes have been entered.",
    )
    parts += _section(
        snap.postal,
        kind=POSTAL,
        heading="Postal ballot papers",
        none="No postal ballot papers have been entered.",
    )
    parts += _closing(snap)
    return parts


def render_verification(snapshot: VerificationSnapshot) -> bytes:
    """The statement of verification as A4 PDF bytes."""
    running = f"{TITLE} (continued)"
    if not _complete(snapshot):
        running += " – verification not complete"
    return build_pdf(
        story(snapshot),
        footer_left=f"Verification data ref. {snapshot.data_hash}",
        footer_centre=snapshot.contest_id,
        title=f"{TITLE}: {snapshot.contest_heading}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left=running,
        running_right=snapshot.area_text or snapshot.contest_heading,
    )


__all__ = [
    "Tally",
    "VerificationRow",
    "VerificationSnapshot",
    "build_verification_snapshot",
    "format_variance",
    "render_verification",
    "story",
    "tally",
]
