"""The embedded fonts: found next to the package and registered once."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from reports import fonts


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
