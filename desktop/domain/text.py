"""The one check for a text a person typed or a file gave: names, descriptions, the officer,
the imprint, the authority, a box's name.

A text is refused, naming the character and where it is, if it holds a character no text may
(``desktop.domain.characters``), one the declaration cannot print (``printable``, given by the
caller who knows the documents' font), no letter at all where a letter is due, or more than
``MAX_TEXT`` characters. Otherwise it is kept as meant: runs of spaces made one, trimmed, and in
Unicode's composed form (NFC), so "e" + combining acute is stored as "é".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from desktop.domain.characters import describe_character, refused_why, visible
from desktop.domain.errors import CountDeskError

#: The longest text accepted: a name, a description, an officer's title or an address.
MAX_TEXT = 200

#: Whether the documents can print a character (from the documents' font), as the caller knows.
Printable = Callable[[str], bool]


class TextProblem(CountDeskError):
    """A text refused: ``clause`` says what is wrong in words a file's message can embed
    ("the surname “…” has U+001B ESCAPE, a control character, at character 3")."""

    def __init__(self, clause: str, todo: str) -> None:
        self.clause = clause
        super().__init__(f"{clause[0].upper()}{clause[1:]}: {todo}.")


def _shown(text: str) -> str:
    shown = visible(text, line_feeds=False)
    return shown if len(shown) <= 40 else shown[:40] + "…"


def clean_text(
    value: str | None,
    what: str,
    *,
    required: bool = False,
    letter: bool = True,
    max_length: int = MAX_TEXT,
    printable: Printable | None = None,
) -> str:
    """The text tidied, or TextProblem naming the character or the rule it breaks.

    ``what`` names the text in the message, e.g. "the surname" or "the person_name".
    ``letter``: a text that is not empty must hold at least one letter (a name of "12345" or
    "---" is a slip). ``printable``: a character it says no to is refused, as is one whose
    capital it says no to (surnames print in capitals).
    """
    raw = value or ""
    # Each distinct character is looked at once; the loop below names the first one refused.
    allowed = (raw.isascii() and raw.isprintable()) or all(
        refused_why(ch) is None for ch in set(raw)
    )
    for at, ch in enumerate("" if allowed else raw, start=1):
        why = refused_why(ch)
        if why is not None:
            raise TextProblem(
                f"{what} “{_shown(raw)}” has {describe_character(ch)}, {why}, at character {at}",
                "type it again without it, or correct the file",
            )
    text = unicodedata.normalize("NFC", " ".join(raw.split()))
    if not text:
        if required:
            raise TextProblem(f"{what} is empty", "type it")
        return ""
    if len(text) > max_length:
        raise TextProblem(
            f"{what} is {len(text)} characters long, but may be at most {max_length}",
            "shorten it",
        )
    if letter and not any(unicodedata.category(ch).startswith("L") for ch in text):
        raise TextProblem(
            f"{what} “{_shown(text)}” has no letter", "type it as it is spelt, in letters"
        )
    if printable is not None and not _all_printable(text, printable):
        for at, ch in enumerate(text, start=1):
            if not printable(ch):
                raise TextProblem(
                    f"{what} “{_shown(text)}” cannot be printed as spelt: "
                    f"{describe_character(ch)} cannot be printed on the declaration "
                    f"(character {at})",
                    "spell it with letters the declaration can print, as on the nomination paper",
                )
            for capital in ch.upper():
                if not printable(capital):
                    raise TextProblem(
                        f"{what} “{_shown(text)}” cannot be printed as spelt: "
                        f"{describe_character(ch)} (character {at}) prints in capitals as "
                        f"{describe_character(capital)}, which cannot be printed on the "
                        "declaration",
                        "spell it with letters the declaration can print, as on the nomination "
                        "paper",
                    )
    return text


def _all_printable(text: str, printable: Printable) -> bool:
    """Whether every character of ``text``, and its capital, can be printed: each distinct
    character asked once (a file of 100,000 names repeats the same few dozen)."""
    return all(printable(ch) for ch in set(text)) and all(printable(ch) for ch in set(text.upper()))
