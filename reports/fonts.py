"""The embedded TrueType fonts every document prints in.

The standard PDF fonts cannot print "Llŷr" or "Łukasz", so every document embeds Liberation
Sans (SIL Open Font License, see resources/fonts/LICENSE-LiberationSans.txt). Which
characters it can print is ``reports.glyphs``'s to say. Registration is done once per process
and is safe to call from any number of renderers.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reports.glyphs import FACE_FILES, FONTS_DIR

#: The family name used in paragraph markup and stylesheets.
FAMILY = "LiberationSans"
REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"

_FILES = dict(zip((REGULAR, BOLD, ITALIC), FACE_FILES, strict=True))

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register Liberation Sans (regular, bold, italic) with reportlab; later calls do nothing.

    Raises FileNotFoundError naming the missing file if the fonts were not installed.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name in known:
                continue
            path = FONTS_DIR / filename
            if not path.is_file():
                raise FileNotFoundError(f"The font file {path} is missing: reinstall CountDesk.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> and <i> in paragraph markup pick the right face; there is no bold italic file,
        # so bold italic falls back to bold.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True
