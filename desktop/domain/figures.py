"""Reading typed figures and formatting them for people.

Figures are whole numbers of ballot papers or votes. A clerk may type thousands separators
("8,264" or "8 264"); anything else that is not a plain whole number is refused with a reason,
never guessed at. "8.264" in particular is refused with the suggestion 8,264, because a
published report of Batley and Spen printed Galloway's 8,264 that way.
"""

from __future__ import annotations

import re
from fractions import Fraction

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError

#: The largest figure accepted anywhere (votes, papers, electorate, bundle size): more ballot
#: papers than any UK contest has electors (the largest UK electorate, a police area or the
#: London mayoralty, is well under 10 million), yet short of anything a slip could make plausible.
MAX_FIGURE = 99_999_999

#: The most seats one contest can fill: a parish or ward elects at most a few dozen.
MAX_SEATS = 50

#: The most seats a contest already saved may have: earlier versions accepted up to 100, and
#: a database saved then must still open (new input is held to ``MAX_SEATS``).
MAX_SAVED_SEATS = 100

_PLAIN = re.compile(r"[0-9]+")
# Groups of three after a 1-3 digit head, separated consistently by "," or by a space.
# A leading group of "0" ("0,123") is not how anyone writes a figure: refused as misplaced.
_GROUPED_COMMA = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_GROUPED_SPACE = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})+")
_DECIMAL_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
# Spaces that may stand as thousands separators: ordinary, no-break and thin spaces.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


class FigureProblem(CountDeskError):
    """Why a typed figure was refused: a stable code, one plain sentence, maybe a suggestion."""

    def __init__(self, code: Code | str, message: str, suggestion: int | None = None) -> None:
        super().__init__(message, code)
        self.suggestion = suggestion


def parse_figure(text: str | None, *, what: str = "This figure") -> int:
    """Read a typed whole number of papers or votes, or raise FigureProblem saying why not.

    ``what`` names the figure in the message, e.g. "Votes for GALLOWAY, George".
    Accepts "8264", "8,264" and "8 264". Refuses empty text, decimals ("8.264" suggests
    8,264), negatives, exponents, letters and misplaced separators. Never rounds or guesses.
    """
    raw = "" if text is None else str(text)
    s = raw.translate(_SPACES).strip()
    shown = s if len(s) <= 20 else s[:20] + "…"
    if not s:
        raise FigureProblem(Code.F101, f"{what} is empty: type the figure, or 0 if there are none.")
    if _PLAIN.fullmatch(s) or _GROUPED_COMMA.fullmatch(s) or _GROUPED_SPACE.fullmatch(s):
        digits = s.replace(",", "").replace(" ", "")
        if len(digits.lstrip("0")) > len(str(MAX_FIGURE)):
            raise FigureProblem(
                Code.F106,
                f"{what} “{shown}” is larger than any count could be: check the figure "
                "and type it again.",
            )
        value = int(digits)
    elif s.startswith(("-", "−", "–")) and re.fullmatch(r"[0-9, ]+", s[1:].strip() or "x"):
        raise FigureProblem(
            Code.F103,
            f"{what} cannot be negative (“{shown}”): type the number of papers, 0 or more.",
        )
    elif _DECIMAL_THOUSANDS.fullmatch(s):
        suggestion = int(s.replace(".", ""))
        raise FigureProblem(
            Code.F102,
            f"{what} “{shown}” has a decimal point, but votes and ballot papers are whole numbers: "
            f"if you meant {suggestion:,}, type {suggestion:,} or {suggestion}.",
            suggestion,
        )
    elif re.fullmatch(r"[0-9]*\.[0-9]+|[0-9]+\.", s):
        raise FigureProblem(
            Code.F102,
            f"{what} “{shown}” has a decimal point, but votes and ballot papers are whole numbers: "
            "type the whole number counted.",
        )
    elif re.fullmatch(r"[0-9, ]+", s):
        raise FigureProblem(
            Code.F105,
            f"{what} “{shown}” has its separators in the wrong places: "
            "type the digits alone, e.g. 8264, or group them in threes, e.g. 8,264.",
        )
    else:
        raise FigureProblem(
            Code.F104, f"{what} “{shown}” is not a whole number: type digits only, e.g. 8264."
        )
    if value > MAX_FIGURE:
        raise FigureProblem(
            Code.F106,
            f"{what} {value:,} is larger than any count could be: check the figure and type it again.",
        )
    return value


def whole_number(value: object, what: str, *, minimum: int = 0, maximum: int = MAX_FIGURE) -> int:
    """The one rule for a figure given as a number: a true ``int`` from ``minimum`` to ``maximum``.

    A bool is not a figure (``True`` is not 1 paper), nor is a float or text. Raises
    FigureProblem naming the figure: F104 not a whole number, F103 below the minimum (negative),
    F106 above the maximum. Returns the figure unchanged.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise FigureProblem(
            Code.F104,
            f"{what} must be a whole number from {minimum:,} to {maximum:,}: {value!r} is not one.",
        )
    if value < minimum:
        if minimum == 0:
            text = f"{what} cannot be negative ({value:,}): type the figure, 0 or more."
        else:
            text = f"{what} must be at least {minimum:,} ({value:,} given)."
        raise FigureProblem(Code.F103, text)
    if value > maximum:
        raise FigureProblem(
            Code.F106,
            f"{what} {value:,} is larger than {maximum:,}, more than any count could be: "
            "check the figure and type it again.",
        )
    return value


def format_figure(value: int | None) -> str:
    """Show a figure with thousands separators, e.g. 13,296; a dash when there is none."""
    return "–" if value is None else f"{value:,}"


def round_half_up(value: Fraction, places: int = 2) -> Fraction:
    """Round a non-negative or negative Fraction to ``places`` decimals, halves away from zero."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = scaled.numerator // scaled.denominator
    if (scaled - whole) * 2 >= 1:
        whole += 1
    result = Fraction(whole, scale)
    return -result if value < 0 else result


def format_percent(value: Fraction | None, places: int = 2) -> str:
    """Show a proportion as a percentage to ``places`` decimals, rounded half up: 0.47612 → "47.61"."""
    if value is None:
        return "–"
    rounded = round_half_up(value * 100, places)
    sign = "-" if rounded < 0 else ""
    rounded = abs(rounded)
    scale = 10**places
    units = rounded.numerator * scale // rounded.denominator
    whole, frac = divmod(units, scale)
    return f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}"


def bundle_total(bundles: int, bundle_size: int, part: int, *, what: str = "The votes") -> int:
    """Votes counted as full bundles plus a part-bundle: bundles × size + part.

    A part-bundle as large as a full bundle is refused (F109): it should have been bundled.
    """
    whole_number(bundles, f"{what}: the full bundles")
    whole_number(part, f"{what}: the part-bundle")
    if isinstance(bundle_size, bool) or not isinstance(bundle_size, int) or bundle_size < 1:
        raise FigureProblem(Code.F106, f"{what}: a bundle holds at least 1 ballot paper.")
    if part >= bundle_size:
        raise FigureProblem(
            Code.F109,
            f"{what}: a part-bundle of {part:,} is not less than the bundle size of "
            f"{bundle_size:,}: count it as a full bundle.",
        )
    total = bundles * bundle_size + part
    if total > MAX_FIGURE:
        raise FigureProblem(
            Code.F106,
            f"{what}: {total:,} is larger than any count could be: check the bundles.",
        )
    return total
