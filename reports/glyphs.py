"""Which characters the documents can print: exactly those every face of their font has.

Read from the font files' own character maps (``cmap``), without reportlab, so a name can be
checked as it is typed or imported without loading the PDF machinery. A character the font has
no glyph for would print as an empty box; one written right to left (Hebrew, Arabic) would
print reversed, since every line of a document is laid out left to right. Both are refused
where the text is given (``desktop.domain.text``), naming the character.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import cache
from pathlib import Path

#: Where the font files live, next to the packages (also in the built wheel).
FONTS_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"

#: The faces every document prints in: regular, bold, italic (Liberation Sans).
FACE_FILES = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
)


def _cmap(path: Path) -> set[int]:
    """The code points a TrueType file maps to a glyph other than .notdef (its Unicode cmap)."""
    data = path.read_bytes()
    (tables,) = struct.unpack_from(">H", data, 4)
    offset = next(
        off
        for tag, off in (struct.unpack_from(">4s4xI4x", data, 12 + 16 * i) for i in range(tables))
        if tag == b"cmap"
    )
    (subtables,) = struct.unpack_from(">H", data, offset + 2)
    entries = [struct.unpack_from(">HHI", data, offset + 4 + 8 * i) for i in range(subtables)]
    # The full-repertoire table (format 12) where there is one, else the BMP table (format 4).
    chosen: tuple[int, int] | None = None
    for platform, encoding, sub in entries:
        (fmt,) = struct.unpack_from(">H", data, offset + sub)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6)) and fmt == 12:
            chosen = (fmt, offset + sub)
            break
        if (platform, encoding) in ((3, 1), (0, 3)) and fmt == 4 and chosen is None:
            chosen = (fmt, offset + sub)
    if chosen is None:
        raise ValueError(f"{path.name} has no Unicode character map.")
    fmt, at = chosen
    codes: set[int] = set()
    if fmt == 12:
        (groups,) = struct.unpack_from(">I", data, at + 12)
        for i in range(groups):
            first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
            codes.update(c for c in range(first, last + 1) if glyph + c - first)
        return codes
    (seg2,) = struct.unpack_from(">H", data, at + 6)
    ends = at + 14
    starts = ends + seg2 + 2
    deltas = starts + seg2
    range_offsets = deltas + seg2
    for i in range(seg2 // 2):
        (end,) = struct.unpack_from(">H", data, ends + 2 * i)
        (start,) = struct.unpack_from(">H", data, starts + 2 * i)
        (delta,) = struct.unpack_from(">h", data, deltas + 2 * i)
        ro_at = range_offsets + 2 * i
        (ro,) = struct.unpack_from(">H", data, ro_at)
        for c in range(start, end + 1):
            if c == 0xFFFF:
                continue
            if ro == 0:
                glyph = (c + delta) & 0xFFFF
            else:
                (glyph,) = struct.unpack_from(">H", data, ro_at + ro + 2 * (c - start))
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(c)
    return codes


@cache
def font_characters() -> frozenset[int]:
    """The code points every face of the documents' font has a glyph for (read from the files)."""
    sets = [_cmap(FONTS_DIR / filename) for filename in FACE_FILES]
    return frozenset(set.intersection(*sets))


@cache
def can_print(ch: str) -> bool:
    """Whether the documents print the character ``ch`` as it is: the font has its glyph in
    every face, and it is not written right to left (every line is laid out left to right, so
    Hebrew or Arabic would print reversed)."""
    if unicodedata.bidirectional(ch) in ("R", "AL"):
        return False
    return ord(ch) in font_characters()
