"""The memorandum of an error found after the declaration (DOMAIN.md §3, step 5).

Once declared, a result is final: only an election court can change it. This memorandum is for
the Returning Officer and their legal adviser; it says first that it is not a declaration and
that the declaration stands, then who found the error, when and why, and every figure as
declared beside the same figure as now found. It has no "Elected" column, no "duly elected"
and no signature block: nothing on it reads as a declaration.

Input is a frozen MemorandumSnapshot; output is A4 PDF bytes, the same for the same snapshot.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from desktop.domain.wording import signed
from reports.blocks import boxed, header_block
from reports.fonts import BOLD
from reports.memorandum_snapshot import FigureLine, MemorandumSnapshot
from reports.page import build_pdf
from reports.snapshot import join_names
from reports.style import (
    CONTENT_WIDTH,
    HEADER_FILL,
    HEADING_FONT_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SECTION_GAP,
    cell,
    grid_style,
    lead_in,
    para,
)

COL_FIGURE = 25 * mm
COL_CHANGE = 22 * mm
COL_NAME = 52 * mm
COL_DESCRIPTION = CONTENT_WIDTH - COL_NAME - 2 * COL_FIGURE - COL_CHANGE
COL_LABEL = CONTENT_WIDTH - 2 * COL_FIGURE - COL_CHANGE
COL_FACT = 32 * mm

WATERMARK_TEXT = "NOT A DECLARATION"
WATERMARK = colors.HexColor("#7a7a7a")
WATERMARK_ALPHA = 0.13


def _draw_watermark(canvas: Canvas) -> None:
    """ "NOT A DECLARATION" across each page, translucent so the figures read through it."""
    diagonal = math.hypot(PAGE_WIDTH, PAGE_HEIGHT)
    size = 0.62 * diagonal * 72 / stringWidth(WATERMARK_TEXT, BOLD, 72)
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFillAlpha(WATERMARK_ALPHA)
    canvas.setFont(BOLD, size)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
    canvas.drawCentredString(0, -size * 0.35, WATERMARK_TEXT)
    canvas.restoreState()


def _court(snap: MemorandumSnapshot) -> str:
    """Who alone can change a declared result: a referendum's is questioned in a court."""
    return "by a court" if snap.referendum else "by an election court, on an election petition"


def _notice(snap: MemorandumSnapshot) -> list[Flowable]:
    """The boxed notice that this is not a declaration and the declaration stands."""
    lines = [
        para(snap.stands_sentence, "notice_head"),
        para(
            "It has not been changed, and no new declaration is made: once declared, a result "
            f"can be changed only {_court(snap)}. This "
            f"memorandum records an error found after the declaration, for the {snap.officer_title} "
            "and their legal adviser.",
            "notice",
        ),
    ]
    return [boxed(lines), Spacer(0, SECTION_GAP)]


def _facts(snap: MemorandumSnapshot) -> list[Flowable]:
    """Who found the error, when it was recorded and by whom, and the reason."""
    rows = [
        ("Found by", snap.found_by),
        ("Recorded", f"{snap.recorded_at_text}, by {snap.operator}"),
        ("What was found", snap.reason),
    ]
    data = [
        [cell(label, COL_FACT, bold=True), cell(text, CONTENT_WIDTH - COL_FACT)]
        for label, text in rows
    ]
    table = Table(data, colWidths=[COL_FACT, CONTENT_WIDTH - COL_FACT], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *grid_style(),
                ("FONTNAME", (0, 0), (0, -1), BOLD),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    heading = para("The error found", "section")
    return [KeepTogether([heading, table]), Spacer(0, SECTION_GAP)]


def _figures_style(lines: tuple[FigureLine, ...], first_figure: int) -> list[Any]:
    style: list[Any] = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, 0), HEADING_FONT_SIZE),
        ("ALIGN", (first_figure, 0), (-1, -1), "RIGHT"),
    ]
    for row, line in enumerate(lines, start=1):
        if line.total:
            style.append(("BACKGROUND", (0, row), (-1, row), HEADER_FILL))
        if line.total or line.change:
            # A figure found to differ stands out in bold, not by colour alone.
            style.append(("FONTNAME", (0, row), (-1, row), BOLD))
    return style


def _figures(snap: MemorandumSnapshot) -> list[Flowable]:
    """Every figure as declared, as now found, and the difference."""
    head = ["Candidate", "Description", "As declared", "As now found", "Difference"]
    if snap.referendum:
        head[:2] = ["Answer", ""]
    rows: list[list[Any]] = [head]
    for line in snap.candidates:
        bold = line.total or bool(line.change)
        rows.append(
            [
                cell(line.label, COL_NAME, bold=bold),
                cell(line.description, COL_DESCRIPTION),
                format_figure(line.declared),
                format_figure(line.found),
                signed(line.change),
            ]
        )
    votes = Table(
        rows,
        colWidths=[COL_NAME, COL_DESCRIPTION, COL_FIGURE, COL_FIGURE, COL_CHANGE],
        repeatRows=1,
    )
    votes.setStyle(TableStyle(_figures_style(snap.candidates, 2)))
    rejected_rows: list[list[Any]] = [
        ["Ballot papers rejected", "As declared", "As now found", "Difference"]
    ]
    for line in snap.rejected:
        rejected_rows.append(
            [
                cell(line.label, COL_LABEL, bold=line.total or bool(line.change)),
                format_figure(line.declared),
                format_figure(line.found),
                signed(line.change),
            ]
        )
    rejected = Table(rejected_rows, colWidths=[COL_LABEL, COL_FIGURE, COL_FIGURE, COL_CHANGE])
    rejected.setStyle(TableStyle(_figures_style(snap.rejected, 1)))
    parts: list[Flowable] = [
        para("The figures as declared and as now found", "section"),
        votes,
    ]
    if snap.lot_names:
        parts += [
            Spacer(0, 1.5 * mm),
            para(
                "Votes counted, without the additional vote allotted by lot before the declaration "
                f"to {join_names(list(snap.lot_names))}.",
                "note",
            ),
        ]
    parts += [Spacer(0, SECTION_GAP), KeepTogether([rejected]), Spacer(0, SECTION_GAP)]
    return parts


def _closing(snap: MemorandumSnapshot) -> list[Flowable]:
    text = (
        f"The declaration made at {snap.declared_clock} on {snap.declared_date_text} stands as "
        "it was made: nothing on this memorandum changes the figures declared or "
        f"{'the result declared' if snap.referendum else 'who was declared elected'}."
    )
    return [lead_in("Not a declaration.", text, "body_left")]


def story(snap: MemorandumSnapshot) -> list[Flowable]:
    """The flowables of the memorandum, in reading order."""
    parts = header_block(snap, snap.title)
    parts.append(Spacer(0, 2.5 * mm))
    parts += _notice(snap)
    parts += _facts(snap)
    parts += _figures(snap)
    parts += _closing(snap)
    return parts


def render_memorandum(snapshot: MemorandumSnapshot) -> bytes:
    """The memorandum as A4 PDF bytes."""
    return build_pdf(
        story(snapshot),
        footer_left=f"Memorandum ref. {snapshot.data_hash}",
        footer_centre=f"Contest ref. {snapshot.contest_id}",
        title=f"{snapshot.title}: {snapshot.contest_heading}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left="Memorandum of an error found – not a declaration (continued)",
        running_right=snapshot.contest_heading,
        on_page_end=_draw_watermark,
    )


__all__ = ["render_memorandum", "story"]
