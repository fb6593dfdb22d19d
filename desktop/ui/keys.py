"""The keys of a figure's line: a candidate's id for votes, a heading's key for rejected papers.

Lines of the count, the history and a correction hold either kind under one ``key``; these
say which the line must hold, so that a line of votes never passes a heading on (or back).
"""

from __future__ import annotations


def candidate_key(key: int | str | None) -> int:
    """The candidate id of a line of votes."""
    if not isinstance(key, int):
        raise TypeError(f"a line of votes is keyed by a candidate's id, not {key!r}")
    return key


def heading_key(key: int | str | None) -> str:
    """The heading's key of a line of rejected papers."""
    if not isinstance(key, str):
        raise TypeError(f"a line of rejected papers is keyed by its heading, not {key!r}")
    return key
