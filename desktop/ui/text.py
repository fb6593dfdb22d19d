"""Small helpers for the words the window shows."""

from __future__ import annotations

from datetime import date

from desktop.domain.wording import MONTHS


def sentence_case(text: str) -> str:
    """The text with its first letter in capitals, the rest as it is."""
    return text[:1].upper() + text[1:]


def day_month_year(day: date) -> str:
    """A date without its weekday, e.g. "1 July 2021" (the month's name free of the locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
