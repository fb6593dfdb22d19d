"""The embedded fonts: found next to the package and registered once."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from reports import fonts, glyphs


def test_font_files_and_licence_ship_with_the_package():
    for name in ("Regular", "Bold", "Italic"):
        assert (fonts.FONTS_DIR / f"LiberationSans-{name}.ttf").is_file()
    assert (fonts.FONTS_DIR / "LICENSE-LiberationSans.txt").is_file()


def test_registering_twice_is_harmless():
    fonts.register_fonts()
    first = pdfmetrics.getFont(fonts.REGULAR)
    fonts.register_fonts()
    assert pdfmetrics.getFont(fonts.REGULAR) is first
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC):
        assert name in pdfmetrics.getRegisteredFontNames()


def test_the_fonts_have_the_letters_of_british_and_irish_names():
    fonts.register_fonts()
    face = pdfmetrics.getFont(fonts.REGULAR).face
    for letter in "ŷŵÓóáéíúÉŁłąęćśżźñçøåäöü’–":
        assert ord(letter) in face.charToGlyph, letter


def test_the_characters_the_declaration_can_print_are_exactly_those_every_face_has():
    fonts.register_fonts()
    faces = [pdfmetrics.getFont(n).face for n in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC)]
    with_glyph = set.intersection(
        *({code for code, glyph in face.charToGlyph.items() if glyph} for face in faces)
    )
    assert glyphs.font_characters() == with_glyph


@pytest.mark.parametrize("letter", list("ŷŵÓóáéíúÉŁłąęćśżźñçøåäöüßЖжΩω’–-' .,"))
def test_the_letters_of_names_the_font_has_can_be_printed(letter):
    assert glyphs.can_print(letter)


@pytest.mark.parametrize(
    "char",
    [
        "\u062d",  # ARABIC LETTER HAH: no glyph
        "\u5f20",  # a CJK ideograph: no glyph
        "\U0001f600",  # an emoji: no glyph
        "\u05d0",  # HEBREW LETTER ALEF: a glyph, but written right to left, and the
        # documents lay every line out left to right, so it would print reversed
        "\x1b",
    ],
)
def test_what_would_print_as_a_box_or_out_of_order_cannot_be_printed(char):
    assert not glyphs.can_print(char)
