"""The shared house style: text fitting and literal markup characters."""

from __future__ import annotations

from reports.fonts import REGULAR
from reports.style import fit_text, lead_in, para


def test_fit_text_leaves_short_text_alone_and_shortens_long_text_with_an_ellipsis():
    assert fit_text("Batley and Spen", REGULAR, 8.5, 500) == "Batley and Spen"
    short = fit_text("Election of Councillors for the Very Long Ward Name", REGULAR, 8.5, 60)
    assert short.endswith("…")
    assert len(short) < 30


def test_paragraph_helpers_print_markup_characters_literally():
    assert para("Smith & Jones <Ltd>", "body").getPlainText() == "Smith & Jones <Ltd>"
    assert lead_in("A & B.", "<C>").getPlainText() == "A & B. <C>"


def test_the_footer_references_never_overprint_each_other_or_the_page_number():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import REGULAR, register_fonts
    from reports.page import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH, footer_line

    register_fonts()
    left = "Result data ref. bc365574d4ef · Record ref. 9d90d7179b3a"
    centre = "Contest ref. local.north-east-lincolnshire.east-marsh-and-west-marsh.2026-05-07"
    line, size = footer_line(left, centre, "Page 12 of 12")
    assert line == f"{left} · {centre}"  # one line, read in order, nothing drawn over it
    room = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - stringWidth("Page 12 of 12", REGULAR, 8)
    assert stringWidth(line, REGULAR, size) < room
    assert footer_line("Result data ref. x", "Contest ref. y", "Page 1 of 1")[1] == 8
