"""The house style every printed document of the night shares.

One stylesheet, one page geometry, one footer ("data ref. · contest id · Page x of y"), one
header block and one signature block, so that the declaration, the provisional sheet and the
statement of verification read as documents of the same office. Nothing here knows about a
particular document; nothing reads the clock, the database or the domain.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
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

from reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

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
RUNNING_HEADER_SIZE = 8.5
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
CELL_PAD_X = 5
CELL_PAD_Y = 1.6
#: Type in the tables: small enough for 16 candidates on one page, large enough to read.
TABLE_FONT_SIZE = 9.5
TABLE_LEADING = 10.6
HEADING_FONT_SIZE = 9
HEADING_LEADING = 10.5
SIGNATURE_WIDTH = 72 * mm
SIGNATURE_SPACE = 12 * mm
#: The border of a boxed notice (outstanding checks, correction, incomplete verification).
NOTICE_BORDER = 1.2
#: The space between the sections of the sheet.
SECTION_GAP = 3.5 * mm

# --- Colours -----------------------------------------------------------------------------------

INK = colors.black
RULE = colors.HexColor("#6b6b6b")
HEADER_FILL = colors.HexColor("#e4e4e4")
ELECTED_FILL = colors.HexColor("#f2f2f2")
NOTICE_FILL = colors.HexColor("#f2f2f2")
MUTED = colors.HexColor("#555555")
ALERT = colors.HexColor("#a40000")
ALERT_FILL = colors.HexColor("#fbeeee")

DASH = "–"
NBSP = "\u00a0"


@cache
def stylesheet() -> dict[str, ParagraphStyle]:
    """The one set of paragraph styles every part of every document uses."""
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
        "body_left": style("body_left", fontSize=10.5, leading=14),
        "section": style("section", fontName=BOLD, fontSize=10.5, leading=14, spaceAfter=3),
        "cell": style("cell", fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING),
        "cell_bold": style(
            "cell_bold", fontName=BOLD, fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING
        ),
        "cell_italic": style(
            "cell_italic", fontName=ITALIC, fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING
        ),
        "head": style("head", fontName=BOLD, fontSize=HEADING_FONT_SIZE, leading=HEADING_LEADING),
        "head_right": style(
            "head_right",
            fontName=BOLD,
            fontSize=HEADING_FONT_SIZE,
            leading=HEADING_LEADING,
            alignment=TA_RIGHT,
        ),
        "note": style("note", fontSize=8.5, leading=11, textColor=MUTED),
        "closing": style("closing", fontName=BOLD, fontSize=11, leading=15),
        "sign": style("sign", fontSize=10, leading=13),
        "sign_name": style("sign_name", fontName=BOLD, fontSize=10, leading=13),
        "imprint": style("imprint", fontSize=8, leading=10, textColor=MUTED),
        "alert_head": style("alert_head", fontName=BOLD, fontSize=10.5, textColor=ALERT),
        "alert": style("alert", fontSize=9, leading=11.5),
        "alert_code": style("alert_code", fontName=BOLD, fontSize=9, leading=11.5),
        "notice_head": style("notice_head", fontName=BOLD, fontSize=10.5, leading=14),
        "notice": style("notice", fontSize=9.5, leading=12.5),
    }


def para(text: str, style: str) -> Paragraph:
    """A paragraph of plain text: names such as "Smith & Jones <Ltd>" print literally."""
    return Paragraph(escape(text), stylesheet()[style])


def cell(text: str, width: float, *, bold: bool = False) -> str | Paragraph:
    """A table cell's text: a plain string where it fits on one line, else a wrapping paragraph.

    Plain strings are drawn as they are (no markup), and are much quicker to lay out.
    The table's style must set the cell's font to match ``bold``.
    """
    font = BOLD if bold else REGULAR
    if "\n" not in text and stringWidth(text, font, TABLE_FONT_SIZE) <= width - 2 * CELL_PAD_X:
        return text
    return para(text, "cell_bold" if bold else "cell")


def grid_style(pad_y: float = CELL_PAD_Y) -> list[tuple[Any, ...]]:
    """The ruled grid, padding and type shared by every table of figures."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), pad_y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad_y + 0.6),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_LEADING),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
    ]


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """The text, shortened with "…" if it would be wider than ``width`` in this font."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# --- Page furniture ---------------------------------------------------------------------------


class NumberedCanvas(Canvas):
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


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


class SheetDoc(BaseDocTemplate):
    """A4 with a first-page template and a continuation template with a running header.

    ``running_left`` and ``running_right`` are printed at the top of every page after the
    first; ``on_page_end`` (if given) draws over each page's content, e.g. a watermark.
    """

    def __init__(
        self,
        buffer: io.BytesIO,
        *,
        title: str,
        author: str,
        subject: str,
        running_left: str,
        running_right: str,
        on_page_end: Callable[[Canvas], None] | None = None,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator="CountDesk",
            lang="en-GB",
            invariant=1,
        )
        self._running_left = running_left
        self._running_right = running_right
        self._page_end = on_page_end
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
        if self._page_end is not None:
            self._page_end(canvas)

    def _on_later_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, RUNNING_HEADER_SIZE)
        top = PAGE_HEIGHT - MARGIN_TOP - 8
        canvas.drawString(MARGIN_LEFT, top, self._running_left)
        room = CONTENT_WIDTH - stringWidth(self._running_left, REGULAR, RUNNING_HEADER_SIZE)
        right = fit_text(self._running_right, REGULAR, RUNNING_HEADER_SIZE, room - 8 * mm)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, top, right)
        canvas.restoreState()


def page_count(pdf: bytes) -> int:
    """How many pages a PDF made here has."""
    return len(re.findall(rb"/Type /Page\b", pdf))


def build_pdf(
    story: list[Flowable],
    *,
    footer_left: str,
    footer_centre: str,
    **doc_args: Any,
) -> bytes:
    """Lay the story out on A4 in the house style and return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SheetDoc(buffer, **doc_args)
    canvasmaker = _canvas_maker(footer_left, footer_centre)
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


def _canvas_maker(footer_left: str, footer_centre: str) -> Callable[..., NumberedCanvas]:
    def make(*args: Any, **kw: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, footer_left=footer_left, footer_centre=footer_centre, **kw)

    return make


# --- Blocks shared by the documents -----------------------------------------------------------


def header_block(
    *, authority: str, election_title: str, contest_heading: str, poll_date_text: str, title: str
) -> list[Flowable]:
    """Authority, election, contest and date of poll, a rule, then the document's title."""
    parts: list[Flowable] = []
    if authority:
        parts.append(para(authority, "authority"))
    parts.append(para(election_title, "election"))
    parts.append(para(contest_heading, "contest"))
    parts.append(para(f"Date of poll: {poll_date_text}", "poll_date"))
    parts.append(Spacer(0, 3 * mm))
    parts.append(HRFlowable(width="100%", thickness=1.2, color=INK, spaceAfter=3.5 * mm))
    parts.append(para(title, "title"))
    return parts


def boxed(content: list[Flowable], *, alert: bool = False) -> Table:
    """Flowables in a box the width of the page.

    ``alert`` draws it in the alert colour (the words say what is wrong; the colour only
    repeats it); otherwise it is black on light grey.
    """
    border, fill = (ALERT, ALERT_FILL) if alert else (INK, NOTICE_FILL)
    table = Table([[item] for item in content], colWidths=[CONTENT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), NOTICE_BORDER, border),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, 0), 3.5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4.5),
            ]
        )
    )
    return table


def notice_box(head: str, lines: list[str], *, alert: bool = False) -> Table:
    """A boxed notice: a bold first line, then plain lines (see ``boxed``)."""
    content = [para(head, "alert_head" if alert else "notice_head")]
    content += [para(line, "notice") for line in lines]
    return boxed(content, alert=alert)


def lead_in(lead: str, text: str, style: str = "notice") -> Paragraph:
    """One paragraph whose first words are bold: "<b>lead</b> text", both printed literally."""
    return Paragraph(f"<b>{escape(lead)}</b> {escape(text)}", stylesheet()[style])


def signature_block(
    *,
    dated_lines: list[str],
    officer_name: str,
    officer_title: str,
    imprint_address: str,
    before: list[Flowable] | None = None,
) -> list[Flowable]:
    """The date line(s), the officer's signature line, name and title, and the imprint.

    Kept together (with ``before``, e.g. the closing declaration) so that the signature is
    never left alone at the top of a page.
    """
    dated = [para(line, "sign") for line in dated_lines]
    signature = Table(
        [
            [dated, ""],
            ["", para(officer_name, "sign_name")],
            ["", para(officer_title, "sign")],
        ],
        colWidths=[CONTENT_WIDTH - SIGNATURE_WIDTH, SIGNATURE_WIDTH],
        rowHeights=[max(SIGNATURE_SPACE, 13 * len(dated_lines) + 2 * mm), None, None],
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
    imprint = f"Printed and published by the {officer_title}"
    if imprint_address:
        imprint += f", {imprint_address}"
    parts = list(before or [])
    parts += [signature, Spacer(0, 4 * mm), para(imprint, "imprint")]
    return [KeepTogether(parts)]
