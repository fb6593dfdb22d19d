"""The statement of verification of combined polls: each shared box as a whole (DOMAIN.md §3).

Where several polls of one day share their ballot boxes, each box is opened once and each
poll's papers in it are counted against that poll's ballot paper account. This statement lists
each box, then each postal batch, with one line per poll (the account, the papers counted, the
variance and its explanation) under a line for the box as a whole, then each poll's totals:
its ballot papers verified. Each poll's own statement (``reports.verification``) still states
that poll's verification; this one shows the boxes as the count centre handled them.

A4 portrait: one column for the box and its polls, so that 30 boxes of 3 or 4 polls read down
the page like the single statement, and the explanations keep a column wide enough to read.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from reports.blocks import header_block, notice_box, signature_block
from reports.fonts import BOLD, ITALIC
from reports.page import build_pdf, footer_refs
from reports.style import (
    CONTENT_WIDTH,
    DASH,
    HEADER_FILL,
    NOTICE_FILL,
    SECTION_GAP,
    cell,
    grid_style,
    para,
)
from reports.verification import ACCEPTED, NOT_EXPLAINED, NOT_YET_COUNTED, format_variance
from reports.verification_combined_snapshot import (
    BOX,
    POSTAL,
    BoxRow,
    CombinedSnapshot,
    PollRow,
    build_combined_snapshot,
)

TITLE = "Statement of Verification: Combined Polls"

COL_WHAT = 56 * mm
COL_ISSUED = 23 * mm
COL_COUNTED = 19 * mm
COL_VARIANCE = 21 * mm
COL_EXPLANATION = CONTENT_WIDTH - COL_WHAT - COL_ISSUED - COL_COUNTED - COL_VARIANCE
#: An indent before each poll's name under its box.
INDENT = "\u2003"
SECTION_MIN_HEIGHT = 45 * mm


def _explanation(row: PollRow) -> tuple[Any, bool]:
    """The explanation cell of one poll's line, and whether it is set in italics."""
    if row.explanation.strip():
        return cell(row.explanation.strip(), COL_EXPLANATION), False
    if row.variance and row.accepted.strip():
        return cell(f"{ACCEPTED} {row.accepted.strip()}", COL_EXPLANATION), False
    if row.counted is None:
        return NOT_YET_COUNTED, True
    if row.unexplained:
        return NOT_EXPLAINED, True
    return "", False


def _boxes_table(boxes: tuple[BoxRow, ...], *, kind: str) -> Table:
    """Each box's line (the box as a whole, shaded) then each poll's papers in it."""
    account = (
        "Ballot papers issued (per ballot paper accounts)"
        if kind == BOX
        else "Ballot papers returned (per postal vote openings)"
    )
    head = [
        para("Box and poll" if kind == BOX else "Postal batch and poll", "head"),
        para(account, "head_right"),
        para("Ballot papers counted", "head_right"),
        para(
            "Variance (counted \u2212 issued)"
            if kind == BOX
            else "Variance (counted \u2212\u00a0returned)",
            "head_right",
        ),
        para("Explanation", "head"),
    ]
    data: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (1, 1), (3, -1), "RIGHT"),
    ]
    for b in boxes:
        at = len(data)
        counted = b.counted
        data.append(
            [
                cell(f"{b.reference}  {b.name}", COL_WHAT, bold=True),
                format_figure(b.issued),
                format_figure(counted),
                format_variance(b.variance),
                cell(
                    f"Whole {'box' if kind == BOX else 'batch'}, {len(b.polls)} "
                    f"poll{'s' if len(b.polls) != 1 else ''}",
                    COL_EXPLANATION,
                ),
            ]
        )
        style += [
            ("BACKGROUND", (0, at), (-1, at), NOTICE_FILL),
            ("FONTNAME", (0, at), (3, at), BOLD),
            ("FONTNAME", (4, at), (4, at), ITALIC),
            ("LINEABOVE", (0, at), (-1, at), 1.0, "black"),
        ]
        for p in b.polls:
            explanation, italic = _explanation(p)
            row = len(data)
            data.append(
                [
                    cell(f"{INDENT}{p.poll}", COL_WHAT),
                    format_figure(p.issued),
                    format_figure(p.counted),
                    format_variance(p.variance),
                    explanation,
                ]
            )
            if italic:
                style.append(("FONTNAME", (4, row), (4, row), ITALIC))
    table = Table(
        data,
        colWidths=[COL_WHAT, COL_ISSUED, COL_COUNTED, COL_VARIANCE, COL_EXPLANATION],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    return table


def _section(snap: CombinedSnapshot, kind: str) -> list[Flowable]:
    boxes = snap.ballot_boxes if kind == BOX else snap.postal
    heading = "Ballot boxes from polling stations" if kind == BOX else "Postal ballot papers"
    start: list[Flowable] = [CondPageBreak(SECTION_MIN_HEIGHT), para(heading, "section")]
    if not boxes:
        none = (
            "No polling station boxes are listed."
            if kind == BOX
            else "No postal batches are listed."
        )
        return [*start, para(none, "body_left"), Spacer(0, SECTION_GAP)]
    return [*start, _boxes_table(boxes, kind=kind), Spacer(0, SECTION_GAP)]


def _poll_totals(snap: CombinedSnapshot) -> list[Flowable]:
    """Each poll's totals: its ballot papers verified, and what is left to explain."""
    head = [
        para("Poll", "head"),
        para("Ballot papers issued and returned", "head_right"),
        para("Ballot papers counted (verified)", "head_right"),
        para("Variance", "head_right"),
        para("Not yet counted; variances not explained", "head"),
    ]
    data: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (1, 1), (3, -1), "RIGHT"),
    ]
    all_rows = snap.rows
    for poll in snap.polls:
        rows = snap.rows_of(poll.contest_id)
        data.append(_totals_line(poll.poll, rows))
    data.append(_totals_line("All polls", all_rows, bold=True))
    last = len(data) - 1
    style += [
        ("BACKGROUND", (0, last), (-1, last), HEADER_FILL),
        ("FONTNAME", (0, last), (3, last), BOLD),
    ]
    table = Table(
        data,
        colWidths=[COL_WHAT, COL_ISSUED, COL_COUNTED, COL_VARIANCE, COL_EXPLANATION],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    return [CondPageBreak(SECTION_MIN_HEIGHT), para("Totals for each poll", "section"), table]


def _totals_line(label: str, rows: tuple[PollRow, ...], *, bold: bool = False) -> list[Any]:
    issued = sum(r.issued for r in rows)
    done = [r for r in rows if r.counted is not None]
    counted = sum(r.counted or 0 for r in done)
    left = len(rows) - len(done)
    unexplained = sum(1 for r in rows if r.unexplained)
    notes = []
    if left:
        notes.append(f"{left} not yet counted (figures so far)")
    if unexplained:
        notes.append(f"{unexplained} not explained")
    return [
        cell(label, COL_WHAT, bold=bold),
        format_figure(issued),
        format_figure(counted),
        format_variance(counted - sum(r.issued for r in done)) if done else DASH,
        cell("; ".join(notes), COL_EXPLANATION),
    ]


def _incomplete(snap: CombinedSnapshot) -> list[Flowable]:
    waiting = [
        f"{b.reference} ({p.poll})" for b in snap.boxes for p in b.polls if p.counted is None
    ]
    if not waiting:
        return []
    shown = ", ".join(waiting[:12]) + (
        f" and {len(waiting) - 12} more" if len(waiting) > 12 else ""
    )
    return [
        notice_box(
            f"Verification not complete: {len(waiting)} of {len(snap.rows)} polls' papers in the "
            "boxes not yet counted",
            [f"Not yet counted: {shown}.", "The figures below are those counted so far."],
            alert=True,
        ),
        Spacer(0, 4 * mm),
    ]


def _opening(snap: CombinedSnapshot) -> list[Flowable]:
    who = (
        f"I, {snap.officer_name}, being the {snap.officer_title},"
        if snap.officer_name
        else f"The {snap.officer_title}"
    )
    verb = "give" if snap.officer_name else "gives"
    text = (
        f"{who} {verb} notice that the ballot boxes of the {len(snap.polls)} polls listed "
        "under “Totals for each poll”, taken together, were opened and each poll's ballot "
        "papers in them verified against that poll's ballot paper accounts as follows:"
    )
    return [para(text, "body"), Spacer(0, 3 * mm)]


def _notes(snap: CombinedSnapshot) -> list[Flowable]:
    parts: list[Flowable] = []
    unexplained = [
        f"{b.reference} ({p.poll})" for b in snap.boxes for p in b.polls if p.unexplained
    ]
    if unexplained:
        parts += [
            Spacer(0, 2 * mm),
            para(
                f"{len(unexplained)} {'variance has' if len(unexplained) == 1 else 'variances have'} "
                f"no explanation recorded: {', '.join(unexplained)}.",
                "body_left",
            ),
        ]
    for sentence in snap.cross_poll:
        parts += [Spacer(0, 1.5 * mm), para(sentence, "body_left")]
    return [*parts, Spacer(0, 6 * mm)]


def story(snap: CombinedSnapshot) -> list[Flowable]:
    """Header, opening, boxes, postal batches, each poll's totals, signature."""
    parts = [*header_block(snap, TITLE), Spacer(0, 2.5 * mm)]
    parts += _incomplete(snap)
    parts += _opening(snap)
    parts += _section(snap, BOX)
    parts += _section(snap, POSTAL)
    parts += _poll_totals(snap)
    parts += signature_block(
        dated_lines=[f"Dated {snap.printed_on_text}"],
        officer_name=snap.officer_name,
        officer_title=snap.officer_title,
        imprint_address=snap.imprint_address,
        before=_notes(snap),
    )
    return parts


def render_combined_verification(snapshot: CombinedSnapshot) -> bytes:
    """The combined statement of verification as A4 PDF bytes."""
    return build_pdf(
        story(snapshot),
        footer_left=footer_refs("Combined verification", snapshot.data_hash, snapshot.record_ref),
        footer_centre=f"Polls of {snapshot.poll_date_text}",
        title=f"{TITLE}: {snapshot.poll_date_text}",
        author=snapshot.officer_title,
        subject=", ".join(p.contest_id for p in snapshot.polls),
        running_left=f"{TITLE} (continued)",
        running_right=snapshot.poll_date_text,
    )


__all__ = ["CombinedSnapshot", "build_combined_snapshot", "render_combined_verification", "story"]
