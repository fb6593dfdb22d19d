"""The texts of a contest as the documents will print them: the domain's one text check
(``desktop.domain.text``) with what the documents' font can print (``reports.glyphs``)."""

from __future__ import annotations

from desktop.domain.text import clean_text
from reports.glyphs import can_print


def printed_text(value: str | None, what: str, *, required: bool = False) -> str:
    """A name, description, officer, title, address or area: printed on the documents, so it
    holds a letter and only characters the declaration can print (or TextProblem)."""
    return clean_text(value, what, required=required, printable=can_print)


def printed_code(value: str | None, what: str, *, required: bool = False) -> str:
    """A reference printed on a document (a box's reference): letters not needed."""
    return clean_text(value, what, required=required, letter=False, printable=can_print)


def kept_code(value: str | None, what: str) -> str:
    """An identifier kept but never printed (a file's person_id or party_id)."""
    return clean_text(value, what, letter=False)


#: A reason or an explanation may run longer than a name.
MAX_REASON = 1000


def printed_reason(value: str | None, what: str) -> str:
    """A reason, an explanation or a method, printed on a statement or a memorandum: the same
    characters as a name (nothing that hides or reorders text, nothing the font cannot print),
    up to MAX_REASON characters."""
    return clean_text(value, what, max_length=MAX_REASON, printable=can_print)
