"""The statement of verification (DOMAIN.md §3 step 2, §6).

Every ballot box is counted face up at verification and compared with its ballot paper
account; postal ballot papers are counted in batches. The statement lists each box, then each
postal batch, with the figure from the account, the figure counted, the variance
(counted − issued) and the explanation recorded, then the totals for the contest.

Input is a frozen VerificationSnapshot (``reports.verification_snapshot``) holding only the
rows as entered; the variances and totals printed are worked out, with whole numbers, by
``tally``. Nothing here reads the clock, the database or the domain's verification records:
the same snapshot always gives byte-identical output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from reports.blocks import header_block, notice_box, signature_block
from reports.fonts import BOLD, ITALIC, REGULAR
from reports.page import build_pdf, footer_refs
from reports.style import (
    CELL_PAD_X,
    CONTENT_WIDTH,
    DASH,
    HEADER_FILL,
    NBSP,
    SECTION_GAP,
    TABLE_FONT_SIZE,
    cell,
    grid_style,
    para,
)
from reports.verification_accounts import account_figures
from reports.verification_snapshot import (
    BOX,
    POSTAL,
    Tally,
    VerificationRow,
    VerificationSnapshot,
    build_verification_snapshot,
    tally,
)

MINUS = "\u2212"
NOT_EXPLAINED = "Not explained"
#: Before the reason a supervisor gave for accepting a variance with no explanation.
ACCEPTED = "Variance accepted by the supervisor:"
POSTAL_RETURNED = "returned (from the postal vote openings)"
NOT_YET_COUNTED = "Not yet counted"
TITLE = "Statement of Verification"

# --- Geometry: the columns of both tables, so that their figures line up ----------------------

COL_REF = 13 * mm
#: A reference is never broken across lines ("PV-CV05"): its column widens, to this at most,
#: taking the room from the name's column.
COL_REF_MOST = 30 * mm
#: Wide enough for most polling station names on one line; explanations are fewer and wrap.
COL_NAME = 60 * mm
COL_ISSUED = 24 * mm
COL_COUNTED = 19 * mm
COL_VARIANCE = 20 * mm
COL_EXPLANATION = CONTENT_WIDTH - COL_REF - COL_NAME - COL_ISSUED - COL_COUNTED - COL_VARIANCE
#: Room for a section's heading, the table's heading and a few rows; else a new page first.
SECTION_MIN_HEIGHT = 45 * mm
#: The totals' figures end on the right edge of the variance column.
TOTALS_WIDTH = COL_REF + COL_NAME + COL_ISSUED + COL_COUNTED + COL_VARIANCE
TOTALS_FIGURE = COL_COUNTED


# --- How the figures are printed ----------------------------------------------------------------


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
    parts = header_block(snap, TITLE)
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
            f"I, {snap.officer_name}, being the {snap.officer_title} at the above {snap.poll_word}, give "
            f"notice that {what}"
        )
    else:  # a statement printed before the officer's name is set still reads properly
        text = f"The {snap.officer_title} at the above {snap.poll_word} gives notice that {what}"
    return [para(text, "body"), Spacer(0, 3 * mm)]


def reference_width(rows: Iterable[VerificationRow]) -> float:
    """The reference column's width: the longest reference on one line, within bounds."""
    widest = max((stringWidth(r.reference, REGULAR, TABLE_FONT_SIZE) for r in rows), default=0.0)
    return min(max(COL_REF, widest + 2 * CELL_PAD_X + 1), COL_REF_MOST)


def _rows_table(rows: tuple[VerificationRow, ...], *, kind: str, col_ref: float) -> Table:
    """One table of boxes or of postal batches, headed on every page, with its subtotal."""
    col_name = COL_REF + COL_NAME - col_ref
    name_head = "Polling station" if kind == BOX else "Postal batch"
    # A polling station issues its papers; postal papers are returned, counted at the openings.
    account_head = (
        "Ballot papers issued (per ballot paper account)"
        if kind == BOX
        else "Ballot papers returned (per postal vote openings)"
    )
    # "− returned)" kept on one line of the narrow column.
    variance_head = (
        f"Variance (counted {MINUS} issued)"
        if kind == BOX
        else f"Variance (counted {MINUS}{NBSP}returned)"
    )
    head = [
        para("Ref.", "head"),
        para(name_head, "head"),
        para(account_head, "head_right"),
        para("Ballot papers counted", "head_right"),
        para(variance_head, "head_right"),
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
        elif row.variance and row.accepted.strip():
            explanation = cell(f"{ACCEPTED} {row.accepted.strip()}", COL_EXPLANATION)
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
                cell(row.reference, col_ref),
                cell(row.name, col_name),
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
        colWidths=[col_ref, col_name, COL_ISSUED, COL_COUNTED, COL_VARIANCE, COL_EXPLANATION],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    return table


def _section(
    rows: tuple[VerificationRow, ...], *, kind: str, heading: str, none: str, col_ref: float
) -> list[Flowable]:
    # A heading is never left at the foot of a page without the start of its table.
    start: list[Flowable] = [CondPageBreak(SECTION_MIN_HEIGHT), para(heading, "section")]
    if not rows:
        return [*start, para(none, "body_left"), Spacer(0, SECTION_GAP)]
    return [*start, _rows_table(rows, kind=kind, col_ref=col_ref), Spacer(0, SECTION_GAP)]


def _totals(snap: VerificationSnapshot) -> list[Flowable]:
    sums = tally(snap.rows)
    # Each label with its figure as printed: the variance carries its sign.
    if snap.postal:
        minus = f"counted {MINUS} issued or returned"
        rows = [
            (
                "Ballot papers issued at polling stations (per ballot paper accounts)",
                format_figure(tally(snap.boxes).issued),
            ),
            (
                f"Postal ballot papers {POSTAL_RETURNED}",
                format_figure(tally(snap.postal).issued),
            ),
            ("Total ballot papers issued and returned", format_figure(sums.issued)),
        ]
    else:
        minus = f"counted {MINUS} issued"
        rows = [
            ("Total ballot papers issued (per ballot paper accounts)", format_figure(sums.issued))
        ]
    if sums.complete:
        rows += [
            ("Total ballot papers counted (ballot papers verified)", format_figure(sums.counted)),
            (f"Total variance ({minus})", format_variance(sums.variance)),
        ]
        # The net total can hide differences that cancel out (+1 here, −1 there): say both.
        differing = [row.variance for row in snap.rows if row.variance]
        if differing:
            over = sum(v for v in differing if v > 0)
            under = -sum(v for v in differing if v < 0)
            papers = f"{over} paper{'s' if over != 1 else ''} over, {under} under"
            rows.append(
                (
                    f"Boxes and batches whose count differs from the account ({papers})",
                    format_figure(len(differing)),
                )
            )
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
    # One reference column for both tables, so that their figures line up.
    col_ref = reference_width((*snap.boxes, *snap.postal))
    parts += _section(
        snap.boxes,
        kind=BOX,
        heading="Ballot boxes from polling stations",
        none="No polling station boxes have been entered.",
        col_ref=col_ref,
    )
    parts += account_figures(
        snap.boxes,
        col_ref=col_ref,
        col_name=COL_REF + COL_NAME - col_ref,
        min_height=SECTION_MIN_HEIGHT,
    )
    parts += _section(
        snap.postal,
        kind=POSTAL,
        heading="Postal ballot papers",
        none="No postal ballot papers have been entered.",
        col_ref=col_ref,
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
        footer_left=footer_refs("Verification", snapshot.data_hash, snapshot.record_ref),
        footer_centre=f"Contest ref. {snapshot.contest_id}",
        title=f"{TITLE}: {snapshot.contest_heading}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left=running,
        running_right=snapshot.area_text or snapshot.contest_heading,
    )


# The snapshot's names are exported here too, so that a caller prints the statement from one
# module: build the snapshot, render it.
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
