"""The house style every printed document of the night shares: geometry, colours, type.

One page geometry, one set of colours and one stylesheet, with the helpers that set text in
them (paragraphs, table cells, the ruled grid), so that the declaration, the provisional sheet
and the statement of verification read as documents of the same office. Nothing here knows
about a particular document; nothing reads the clock, the database or the domain.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

# --- Geometry (points; reportlab's unit) -------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 12 * mm
#: Room below the frame for the footer.
MARGIN_BOTTOM = 18 * mm
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


def lead_in(lead: str, text: str, style: str = "notice") -> Paragraph:
    """One paragraph whose first words are bold: "<b>lead</b> text", both printed literally."""
    return Paragraph(f"<b>{escape(lead)}</b> {escape(text)}", stylesheet()[style])


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
