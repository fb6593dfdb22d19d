"""The bounds of a contest that no real poll goes beyond: a value outside them is a slip.

Seats (``figures.MAX_SEATS``) and figures (``figures.MAX_FIGURE``) are checked with the figures;
the texts' length with the texts (``text.MAX_TEXT``).
"""

from __future__ import annotations

from datetime import date

from desktop.domain.errors import CountDeskError

#: The most candidates one contest may have: more than any ballot paper has carried.
MAX_CANDIDATES = 100

#: The poll dates accepted, first and last year.
FIRST_POLL_YEAR = 1900
LAST_POLL_YEAR = 2100


def poll_date_problem(poll_date: date) -> str | None:
    """Why a poll date cannot be right, as a clause, or None."""
    if FIRST_POLL_YEAR <= poll_date.year <= LAST_POLL_YEAR:
        return None
    return (
        f"the poll date {poll_date.isoformat()} is not between {FIRST_POLL_YEAR} and "
        f"{LAST_POLL_YEAR}"
    )


def check_poll_date(poll_date: date) -> date:
    """The poll date, or CountDeskError if it is outside the years accepted."""
    problem = poll_date_problem(poll_date)
    if problem:
        raise CountDeskError(f"{problem[0].upper()}{problem[1:]}: check the date of the poll.")
    return poll_date


def candidates_problem(count: int, contest: str) -> str | None:
    """Why ``count`` candidates cannot stand in one contest, as a clause, or None."""
    if count <= MAX_CANDIDATES:
        return None
    return (
        f"{contest} would have {count} candidates, more than the {MAX_CANDIDATES} a contest "
        "may have"
    )
