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
