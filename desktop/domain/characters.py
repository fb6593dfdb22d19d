"""Which characters a name or any other text may never hold, and how to name one for a person.

Control characters (C0, C1, NUL, ESC: an ESC in a name clears the terminal it is printed on),
bidirectional controls (which show text in another order than it is stored: U+202A–U+202E,
U+2066–U+2069 and the marks), zero-width characters, the byte order mark and other invisible
format characters, line and paragraph separators, surrogates (left by bytes that were not
UTF-8), private-use and unassigned code points: none of them is a letter anyone can read, and
each can make a name look like another. ``visible`` shows them as ``[U+001B]`` wherever text
from the input is echoed in a message.
"""

from __future__ import annotations

import unicodedata

#: The names of the C0 controls and DEL, which the Unicode database leaves unnamed.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x09: "TAB",
    0x0A: "LINE FEED",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}

_BIDI_CONTROLS = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_ZERO_WIDTH = frozenset([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])


def refused_why(ch: str) -> str | None:
    """Why the character ``ch`` is never accepted in a text, in words; None if it may be."""
    code = ord(ch)
    category = unicodedata.category(ch)
    if category == "Cc":
        return "a control character"
    if code in _BIDI_CONTROLS:
        return "a bidirectional control, which makes text show in another order than it is typed"
    if code in _ZERO_WIDTH:
        return "an invisible zero-width character"
    if category == "Cf":
        return "an invisible formatting character"
    if category in ("Zl", "Zp"):
        return "a line break"
    if category == "Cs":
        return "not a character (a part of text that was not UTF-8)"
    if category == "Co":
        return "a private-use character, with no agreed meaning"
    if category == "Cn":
        return "not an assigned character"
    return None


def describe_character(ch: str) -> str:
    """The character's code point and name, e.g. ``U+001B ESCAPE``, ``U+062D ARABIC LETTER HAH``."""
    code = ord(ch)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(ch, "")
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


def visible(text: str, *, line_feeds: bool = True) -> str:
    """``text`` with every refused character shown as ``[U+XXXX]``; line feeds are kept unless
    ``line_feeds`` is False (for a value quoted within a sentence)."""
    if text.isprintable() and text.isascii():
        return text
    kept = "\n" if line_feeds else ""
    return "".join(
        ch if ch in kept or refused_why(ch) is None else f"[U+{ord(ch):04X}]" for ch in text
    )
