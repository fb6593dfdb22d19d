"""The declaration of result of poll, and the provisional result sheet (DOMAIN.md §6).

Input is a frozen DeclarationSnapshot; output is A4 PDF bytes. Nothing here reads the clock,
the database or the domain: the same snapshot always gives byte-identical output.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import cache, partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from desktop.domain.figures import format_figure
from reports.fonts import BOLD, ITALIC, REGULAR, register_fonts
from reports.snapshot import DeclarationSnapshot, join_names

# --- Geometry (points; reportlab's unit) -------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 12 * mm
#: Room below the frame for the footer.
MARGIN_BOTTOM = 18 * mm
#: Baseline of the footer text, and the rule above it.
FOOTER_BASELINE = 9 * mm
FOOTER_RULE_Y = 13 * mm
#: The running header on continuation pages takes this much from the top of the frame.
RUNNING_HEADER_HEIGHT = 9 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

# The candidate table's columns; the rejected and figures tables reuse the figure column's
# position so that every figure on the sheet lines up on one right edge.
COL_NAME = 54 * mm
COL_DESCRIPTION = 69 * mm
COL_FIGURE = 30 * mm
COL_MARK = CONTENT_WIDTH - COL_NAME - COL_DESCRIPTION - COL_FIGURE
CELL_PAD_X = 5
CELL_PAD_Y = 1.6
#: Type in the tables: small enough for 16 candidates on one page, large enough to read.
TABLE_FONT_SIZE = 9.5
TABLE_LEADING = 10.6
HEADING_FONT_SIZE = 9
SIGNATURE_WIDTH = 72 * mm
SIGNATURE_SPACE = 12 * mm
WATERMARK_SIZE = 96
OUTSTANDING_BORDER = 1.2
#: The finding-code column of the outstanding checks box.
CODE_WIDTH = 16 * mm
#: The space between the sections of the sheet.
SECTION_GAP = 3.5 * mm

# --- Colours -----------------------------------------------------------------------------------

INK = colors.black
RULE = colors.HexColor("#6b6b6b")
HEADER_FILL = colors.HexColor("#e4e4e4")
ELECTED_FILL = colors.HexColor("#f2f2f2")
MUTED = colors.HexColor("#555555")
WATERMARK = colors.HexColor("#7a7a7a")
WATERMARK_ALPHA = 0.16
ALERT = colors.HexColor("#a40000")
ALERT_FILL = colors.HexColor("#fbeeee")

ASTERISK = "*"
NBSP = "\u00a0"
#: Longer names may break across lines, or they would not fit the width of the page.
UNBROKEN_NAME_MAX = 40


@cache
def stylesheet() -> dict[str, ParagraphStyle]:
    """The one set of paragraph styles every part of the sheet uses."""
    register_fonts()
    base = ParagraphStyle(
        "base", fontName=REGULAR, fontSize=10, leading=13, textColor=INK, alignment=TA_LEFT
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "authority": style(
            "authority", fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "election": style("election", fontSize=11.5, leading=15, alignment=TA_CENTER),
        "contest": style(
            "contest", fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER, spaceBefore=5
        ),
        "poll_date": style("poll_date", fontSize=10.5, leading=14, alignment=TA_CENTER),
        "title": style(
            "title", fontName=BOLD, fontSize=18, leading=22, alignment=TA_CENTER, spaceAfter=2
        ),
        "shown_at": style("shown_at", fontName=ITALIC, fontSize=10.5, alignment=TA_CENTER),
        "body": style("body", fontSize=10.5, leading=14, alignment=TA_JUSTIFY),
        "section": style("section", fontName=BOLD, fontSize=10.5, leading=14, spaceAfter=3),
        "cell": style("cell", fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING),
        "cell_bold": style(
            "cell_bold", fontName=BOLD, fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING
        ),
        "note": style("note", fontSize=8.5, leading=11, textColor=MUTED),
        "closing": style("closing", fontName=BOLD, fontSize=11, leading=15),
        "sign": style("sign", fontSize=10, leading=13),
        "sign_name": style("sign_name", fontName=BOLD, fontSize=10, leading=13),
        "imprint": style("imprint", fontSize=8, leading=10, textColor=MUTED),
        "alert_head": style("alert_head", fontName=BOLD, fontSize=10.5, textColor=ALERT),
        "alert": style("alert", fontSize=9, leading=11.5),
        "alert_code": style("alert_code", fontName=BOLD, fontSize=9, leading=11.5),
    }


def _p(text: str, style: str) -> Paragraph:
    """A paragraph of plain text: names such as "Smith & Jones <Ltd>" print literally."""
    return Paragraph(escape(text), stylesheet()[style])


def _cell(text: str, width: float, *, bold: bool = False) -> str | Paragraph:
    """A table cell's text: a plain string where it fits on one line, else a wrapping paragraph.

    Plain strings are drawn as they are (no markup), and are much quicker to lay out.
    The table's style must set the cell's font to match ``bold``.
    """
    font = BOLD if bold else REGULAR
    if "\n" not in text and stringWidth(text, font, TABLE_FONT_SIZE) <= width - 2 * CELL_PAD_X:
        return text
    return _p(text, "cell_bold" if bold else "cell")


# --- Page furniture ---------------------------------------------------------------------------


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so that each footer can say "Page x of y"."""

    def __init__(self, *args: Any, footer_left: str = "", footer_centre: str = "", **kw: Any):
        super().__init__(*args, **kw)
        self._footer_left = footer_left
        self._footer_centre = footer_centre
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_LEFT, FOOTER_RULE_Y, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_RULE_Y)
        self.setFillColor(MUTED)
        self.setFont(REGULAR, 8)
        self.drawString(MARGIN_LEFT, FOOTER_BASELINE, self._footer_left)
        self.drawCentredString(PAGE_WIDTH / 2, FOOTER_BASELINE, self._footer_centre)
        self.drawRightString(
            PAGE_WIDTH - MARGIN_RIGHT, FOOTER_BASELINE, f"Page {number} of {total}"
        )
        self.restoreState()


def _draw_watermark(canvas: Canvas) -> None:
    """The diagonal PROVISIONAL, drawn over the page's content, translucent so it reads through."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFillAlpha(WATERMARK_ALPHA)
    canvas.setFont(BOLD, WATERMARK_SIZE)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
    canvas.drawCentredString(0, -WATERMARK_SIZE * 0.35, "PROVISIONAL")
    canvas.restoreState()


class _DeclarationDoc(BaseDocTemplate):
    """A4 with a first-page template and a continuation template with a running header."""

    def __init__(self, buffer: io.BytesIO, snapshot: DeclarationSnapshot) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{snapshot.document_title}: {snapshot.area_name} {snapshot.area_word}",
            author=snapshot.officer_title,
            subject=snapshot.contest_id,
            creator="CountDesk",
            lang="en-GB",
            invariant=1,
        )
        self._snapshot = snapshot
        frame_height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        first = Frame(
            MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, frame_height, id="first", **_NO_PADDING
        )
        later = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            CONTENT_WIDTH,
            frame_height - RUNNING_HEADER_HEIGHT,
            id="later",
            **_NO_PADDING,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    "first",
                    [first],
                    onPageEnd=self._on_page_end,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(
                    "later", [later], onPage=self._on_later_page, onPageEnd=self._on_page_end
                ),
            ]
        )

    def _on_page_end(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if self._snapshot.provisional:
            _draw_watermark(canvas)

    def _on_later_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        snap = self._snapshot
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8.5)
        top = PAGE_HEIGHT - MARGIN_TOP - 8
        canvas.drawString(MARGIN_LEFT, top, f"{snap.document_title} (continued)")
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_RIGHT, top, f"{snap.area_name} {snap.area_word.title()}"
        )
        canvas.restoreState()


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


# --- The parts of the sheet -------------------------------------------------------------------


def _header(snap: DeclarationSnapshot) -> list[Flowable]:
    parts: list[Flowable] = []
    if snap.authority:
        parts.append(_p(snap.authority, "authority"))
    parts.append(_p(snap.election_title, "election"))
    parts.append(_p(snap.contest_heading, "contest"))
    parts.append(_p(f"Date of poll: {snap.poll_date_text}", "poll_date"))
    parts.append(Spacer(0, 3 * mm))
    parts.append(HRFlowable(width="100%", thickness=1.2, color=INK, spaceAfter=3.5 * mm))
    parts.append(_p(snap.document_title, "title"))
    if snap.provisional and snap.shown_at_text:
        parts.append(_p(f"Shown to candidates and agents at {snap.shown_at_text}", "shown_at"))
    parts.append(Spacer(0, 2.5 * mm))
    return parts


def _outstanding_checks(snap: DeclarationSnapshot) -> list[Flowable]:
    if not snap.outstanding_checks:
        return []
    rows: list[list[Any]] = [
        [
            _p(
                "Outstanding checks – this result cannot be declared until they are resolved",
                "alert_head",
            ),
            "",
        ]
    ]
    rows += [[_p(c.code, "alert_code"), _p(c.message, "alert")] for c in snap.outstanding_checks]
    table = Table(rows, colWidths=[CODE_WIDTH, CONTENT_WIDTH - CODE_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BOX", (0, 0), (-1, -1), OUTSTANDING_BORDER, ALERT),
                ("BACKGROUND", (0, 0), (-1, -1), ALERT_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(0, 4 * mm)]


def _opening(snap: DeclarationSnapshot) -> list[Flowable]:
    if snap.provisional:
        text = (
            "These are the provisional figures of the count, shown to the candidates and their "
            "agents before the result is declared. Any candidate or election agent present may "
            "ask for a recount."
        )
    else:
        text = (
            f"I, {snap.officer_name}, being the {snap.officer_title} at the above election, give "
            "notice that the total number of votes recorded for each candidate at the said "
            "election is as follows:"
        )
    return [_p(text, "body"), Spacer(0, 3 * mm)]


def _grid_style() -> list[tuple[Any, ...]]:
    """The ruled grid, padding and type shared by every table of figures."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y + 0.6),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_LEADING),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
    ]


def _candidates_table(snap: DeclarationSnapshot) -> list[Flowable]:
    head = ["Name of candidate", "Description (if any)", "Number of votes", ""]
    rows: list[list[Any]] = [head]
    style = [
        *_grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, 0), HEADING_FONT_SIZE),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("ALIGN", (3, 1), (3, -1), "CENTRE"),
        ("FONTNAME", (3, 1), (3, -1), BOLD),
    ]
    asterisk_width = stringWidth(ASTERISK, REGULAR, TABLE_FONT_SIZE)
    any_lot = any(line.lot_vote for line in snap.candidates)
    # One row per candidate: the figures are read from the same object as the name.
    for row, line in enumerate(snap.candidates, start=1):
        votes = format_figure(line.printed_votes)
        if line.lot_vote:
            votes += ASTERISK
        elif any_lot:
            # Keeps the digits of every row on one right edge despite the asterisk.
            style.append(("RIGHTPADDING", (2, row), (2, row), CELL_PAD_X + asterisk_width))
        rows.append(
            [
                _cell(line.display_name, COL_NAME, bold=line.elected),
                _cell(line.description, COL_DESCRIPTION),
                votes,
                "Elected" if line.elected else "",
            ]
        )
        if line.elected:
            style.append(("BACKGROUND", (0, row), (-1, row), ELECTED_FILL))
            style.append(("FONTNAME", (0, row), (0, row), BOLD))
            style.append(("FONTNAME", (2, row), (2, row), BOLD))
    table = Table(
        rows,
        colWidths=[COL_NAME, COL_DESCRIPTION, COL_FIGURE, COL_MARK],
        repeatRows=1,
    )
    table.setStyle(TableStyle(style))
    parts: list[Flowable] = [table]
    if snap.lots_applied:
        parts.append(Spacer(0, 1.5 * mm))
        parts.append(
            _p(
                f"{ASTERISK} Includes one additional vote allotted by lot, as explained below.",
                "note",
            )
        )
    parts.append(Spacer(0, SECTION_GAP))
    return parts


def _figures_table(rows: Sequence[tuple[str, str, bool]]) -> Table:
    """Label and figure rows (bold where flagged) whose figures line up with the votes above."""
    label_width = CONTENT_WIDTH - COL_FIGURE - COL_MARK
    data = [[_cell(label, label_width, bold=bold), figure] for label, figure, bold in rows]
    style = [*_grid_style(), ("ALIGN", (1, 0), (1, -1), "RIGHT")]
    for row, (_label, _figure_text, bold) in enumerate(rows):
        if bold:
            style.append(("FONTNAME", (0, row), (1, row), BOLD))
            style.append(("BACKGROUND", (0, row), (-1, row), HEADER_FILL))
    table = Table(data, colWidths=[label_width, COL_FIGURE], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _rejected(snap: DeclarationSnapshot) -> list[Flowable]:
    rows = [
        (f"({r.letter})  {r.label}", format_figure(r.count), False)
        for r in snap.rejected
        if r.in_total
    ]
    rows.append(
        ("Total number of ballot papers rejected", format_figure(snap.rejected_total), True)
    )
    rows += [
        (
            f"({r.letter})  {r.label} (not in the total: the valid votes on these papers "
            "were counted)",
            format_figure(r.count),
            False,
        )
        for r in snap.rejected
        if not r.in_total
    ]
    heading = _p("The number of ballot papers rejected was as follows:", "section")
    return [KeepTogether([heading, _figures_table(rows)]), Spacer(0, SECTION_GAP)]


def _facts(snap: DeclarationSnapshot) -> list[Flowable]:
    turnout = "–" if snap.turnout_percent is None else f"{snap.turnout_percent}%"
    rows = [
        ("Electorate", format_figure(snap.electorate), False),
        ("Ballot papers verified", format_figure(snap.ballot_papers_verified), False),
        ("Turnout (ballot papers verified as a percentage of the electorate)", turnout, False),
        ("Number of vacant seats", format_figure(snap.seats), False),
    ]
    if snap.majority is not None:
        label = snap.majority_label
        if snap.lots_applied:
            label += ", before the vote allotted by lot"
        rows.append((label, format_figure(snap.majority), False))
    return [KeepTogether([_figures_table(rows)]), Spacer(0, SECTION_GAP)]


def _unbroken(names: tuple[str, ...]) -> list[str]:
    """Names that a line break may not split: "Marcus VAN DYKE" stays on one line."""
    return [name.replace(" ", NBSP) if len(name) <= UNBROKEN_NAME_MAX else name for name in names]


def _lots(snap: DeclarationSnapshot) -> list[Flowable]:
    if not snap.lots_applied:
        return []
    # In the words of the rules: the officer decides between them by lot and proceeds as if
    # the candidate on whom the lot falls had received an additional vote.
    decider = f"the {snap.officer_title}" if snap.provisional else "I"
    whom = "who is" if len(snap.lots_winners) == 1 else "who are each"
    either = "either" if len(snap.lots_tied) == 2 else "any"
    text = (
        f"An equality of votes having been found between {join_names(_unbroken(snap.lots_tied))}, "
        f"and the addition of a vote entitling {either} of them to be elected, {decider} decided "
        f"between them by lot. The lot fell on {join_names(_unbroken(snap.lots_winners))}, "
        f"{whom} treated as having received one additional vote."
    )
    return [_p(text, "body"), Spacer(0, SECTION_GAP)]


def _closing(snap: DeclarationSnapshot) -> list[Flowable]:
    names = join_names(_unbroken(snap.elected_names))
    verb = "is" if len(snap.elected_names) == 1 else "are"
    declaration = f"And I do hereby declare that {names} {verb} duly elected as {snap.elected_as}."
    signature = Table(
        [
            [_p(f"Dated {snap.printed_on_text}", "sign"), ""],
            ["", _p(snap.officer_name, "sign_name")],
            ["", _p(snap.officer_title, "sign")],
        ],
        colWidths=[CONTENT_WIDTH - SIGNATURE_WIDTH, SIGNATURE_WIDTH],
        rowHeights=[SIGNATURE_SPACE, None, None],
    )
    signature.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
                ("TOPPADDING", (1, 1), (1, 1), 2),
            ]
        )
    )
    imprint = f"Printed and published by the {snap.officer_title}"
    if snap.imprint_address:
        imprint += f", {snap.imprint_address}"
    return [
        KeepTogether(
            [
                _p(declaration, "closing"),
                Spacer(0, 3 * mm),
                signature,
                Spacer(0, 4 * mm),
                _p(imprint, "imprint"),
            ]
        )
    ]


def story(snap: DeclarationSnapshot) -> list[Flowable]:
    """The flowables of the sheet, in the order DOMAIN.md §6 prints them."""
    parts = _header(snap)
    if snap.provisional:
        parts += _outstanding_checks(snap)
    parts += _opening(snap)
    parts += _candidates_table(snap)
    parts += _rejected(snap)
    parts += _facts(snap)
    parts += _lots(snap)
    if not snap.provisional:
        parts += _closing(snap)
    return parts


def render_declaration(snapshot: DeclarationSnapshot) -> bytes:
    """The declaration of result of poll as A4 PDF bytes; the provisional sheet if provisional."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _DeclarationDoc(buffer, snapshot)
    canvasmaker = partial(
        _NumberedCanvas,
        footer_left=f"Result data ref. {snapshot.data_hash}",
        footer_centre=snapshot.contest_id,
    )
    doc.build(story(snapshot), canvasmaker=canvasmaker)
    return buffer.getvalue()


__all__ = ["render_declaration", "story", "stylesheet"]
