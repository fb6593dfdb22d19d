"""Words for times, variances, decisions and counts, written once and free of the locale.

strftime's ``%A``, ``%B``, ``%b`` and ``%p`` follow the machine's locale, so a count centre
laptop set to Welsh or French would print other day and month names: every name is written
out here. Times are shown in the machine's local time zone, on the 24-hour clock.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.workflow import RecountDecision

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: The kinds of recorded count, in words ("Recorded count 2 (full recount)").
COUNT_KIND_WORDS: dict[str, str] = {
    "count": "count",
    "recount": "full recount",
    "bundle_check": "bundle check",
    # Kept from before CountDesk stopped correcting declared results; it never stands.
    "correction": "corrected figures after the declaration (of no effect)",
}

#: A minus sign (U+2212), as a variance is shown on screen and on paper.
MINUS = "\u2212"


def _local(at: datetime) -> datetime:
    return at.astimezone()


def date_in_words(day: date) -> str:
    """A date in words, e.g. "Thursday 1 July 2021"."""
    return f"{DAYS[day.weekday()]} {day_month_year(day)}"


def day_month_year(day: date) -> str:
    """A date without its weekday, e.g. "1 July 2021"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def clock_time(at: datetime) -> str:
    """The local time on the 24-hour clock, e.g. "01:42"."""
    local = _local(at)
    return f"{local.hour:02d}:{local.minute:02d}"


def time_in_words(at: datetime) -> str:
    """A moment in words for a sentence, local time: "02:14 on Friday 2 July 2021"."""
    local = _local(at)
    return f"{clock_time(local)} on {date_in_words(local.date())}"


def when(at: datetime | None) -> str:
    """``time_in_words``, or a dash when there is no time."""
    return "–" if at is None else time_in_words(at)


def short_time(at: datetime) -> str:
    """A moment for a table column, local time: "02 Jul 02:14"."""
    local = _local(at)
    return f"{local.day:02d} {MONTHS[local.month - 1][:3]} {clock_time(local)}"


def signed(value: int | None, *, minus: str = MINUS, none: str = "") -> str:
    """A variance with its sign: "+2", "−1" (a true minus sign), "0"; ``none`` when there is none.

    The command line passes ``minus="-"`` and ``none="–"`` to keep plain-text output ASCII-signed.
    """
    if value is None:
        return none
    if value == 0:
        return "0"
    return f"{value:+,}".replace("-", minus)


def plural(n: int, word: str, many: str | None = None) -> str:
    """A count with its noun: "1 box", "2 boxes" (``many`` for an irregular plural)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def decision_label(decision: RecountDecision | str) -> str:
    """The Returning Officer's decision in words: "full recount", "bundle check", "refused"."""
    return RecountDecision(decision).label


def decision_outcome(
    decision: RecountDecision | str, reason: str = "", *, refused: str = "refused as unreasonable"
) -> str:
    """What came of a recount request: "full recount granted", "bundle check granted" or
    ``refused`` (the command line says just "refused"); the reason after a colon if given."""
    choice = RecountDecision(decision)
    words = refused if choice is RecountDecision.REFUSED else f"{choice.label} granted"
    return f"{words}: {reason}" if reason else words


def count_kind_words(kind: str) -> str:
    """A recorded count's kind in words ("full recount"); an unknown kind as it is."""
    return COUNT_KIND_WORDS.get(kind, kind)
