"""Reading typed figures and formatting them (DOMAIN.md §4, §7).

A clerk types figures from count sheets at speed. Every accepted form must read as the number
the clerk meant, and every doubtful form must be refused with a code and a plain sentence,
never guessed at: "8.264" is the printed form of Galloway's 8,264 in a published report of
Batley and Spen, and must never become 8 or 8264 silently.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import (
    MAX_FIGURE,
    MAX_SAVED_SEATS,
    MAX_SEATS,
    FigureProblem,
    bundle_total,
    format_figure,
    format_percent,
    parse_figure,
    round_half_up,
    whole_number,
)

# ---------------------------------------------------------------------------------------------
# Accepted forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8264", 8264),
        ("8,264", 8264),
        ("8 264", 8264),
        ("1,234,567", 1_234_567),
        ("1 234 567", 1_234_567),
        (" 42 ", 42),
        ("\t42\n", 42),
        ("0", 0),
        ("13,296", 13_296),
        ("8\u00a0264", 8264),  # no-break space, as pasted from a spreadsheet
        ("8\u202f264", 8264),  # narrow no-break space
        ("8\u2009264", 8264),  # thin space
        ("99,999,999", MAX_FIGURE),
        (str(MAX_FIGURE), MAX_FIGURE),
    ],
)
def test_parse_figure_accepts_whole_numbers_with_thousands_separators(text, expected):
    assert parse_figure(text) == expected


def test_parse_figure_returns_a_plain_int():
    value = parse_figure("8,264")
    assert type(value) is int


# ---------------------------------------------------------------------------------------------
# Refused forms, each with its own code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "F101"),
        ("   ", "F101"),
        ("\u00a0", "F101"),
        (None, "F101"),
        ("8.264", "F102"),
        ("0.5", "F102"),
        ("8.", "F102"),
        (".5", "F102"),
        ("1.234.567", "F102"),
        ("-5", "F103"),
        ("-8,264", "F103"),
        ("\u22125", "F103"),  # a typographic minus sign
        ("\u20135", "F103"),  # an en dash, as word processors turn a hyphen
        ("- 5", "F103"),
        ("1e3", "F104"),
        ("12a", "F104"),
        ("+5", "F104"),
        ("\u0663", "F104"),  # ARABIC-INDIC DIGIT THREE: a digit to str.isdigit, not to us
        ("\uff18\uff12\uff16\uff14", "F104"),  # full-width 8264
        ("eight", "F104"),
        ("0x10", "F104"),
        ("8_264", "F104"),
        ("8,26", "F105"),
        ("82,64", "F105"),
        ("1,2345", "F105"),
        ("8 26", "F105"),
        ("1,234 567", "F105"),  # separators mixed
        ("8,,264", "F105"),
        (",264", "F105"),
        ("8264,", "F105"),
        ("100,000,000", "F106"),
        ("100000000", "F106"),
        ("100 000 000", "F106"),
    ],
)
def test_parse_figure_refuses_with_the_right_code(text, code):
    with pytest.raises(FigureProblem) as caught:
        parse_figure(text)
    assert caught.value.code == code


def test_decimal_point_in_thousands_position_suggests_the_whole_number():
    """The Batley and Spen misprint: "8.264" is refused and 8,264 is offered, never taken."""
    with pytest.raises(FigureProblem) as caught:
        parse_figure("8.264", what="Votes for GALLOWAY, George")
    problem = caught.value
    assert problem.code == "F102"
    assert problem.suggestion == 8264
    assert "8,264" in problem.message
    assert problem.message.startswith("Votes for GALLOWAY, George")


def test_decimal_that_cannot_be_thousands_has_no_suggestion():
    with pytest.raises(FigureProblem) as caught:
        parse_figure("0.5")
    assert caught.value.code == "F102"
    assert caught.value.suggestion is None


def test_decimal_thousands_suggestion_for_millions():
    with pytest.raises(FigureProblem) as caught:
        parse_figure("1.234.567")
    assert caught.value.suggestion == 1_234_567
    assert "1,234,567" in caught.value.message


@pytest.mark.parametrize(
    "text",
    ["", "8.264", "0.5", "-5", "1e3", "12a", "8,26", "100,000,000"],
)
def test_messages_are_plain_sentences_naming_the_figure(text):
    what = "Votes for LEADBEATER, Kim"
    with pytest.raises(FigureProblem) as caught:
        parse_figure(text, what=what)
    problem = caught.value
    assert problem.message.startswith(what)
    assert problem.message.endswith(".")
    assert "\n" not in problem.message
    assert "Traceback" not in problem.message
    assert "Error" not in problem.message  # no exception class names for a clerk
    # The code is shown alongside the sentence, the same on screen, CLI and audit log.
    assert str(problem) == f"{problem.code}: {problem.message}"


def test_default_name_for_the_figure():
    with pytest.raises(FigureProblem) as caught:
        parse_figure("")
    assert caught.value.message.startswith("This figure")


def test_message_quotes_what_was_typed():
    with pytest.raises(FigureProblem) as caught:
        parse_figure("12a", what="Rejected papers")
    assert "12a" in caught.value.message


def test_long_text_is_shortened_in_the_message():
    text = "x" * 500
    with pytest.raises(FigureProblem) as caught:
        parse_figure(text)
    assert len(caught.value.message) < 200
    assert "…" in caught.value.message


def test_figure_problem_is_a_count_desk_error():
    """Callers catch CountDeskError everywhere; a figure problem must be one."""
    with pytest.raises(CountDeskError):
        parse_figure("8.264")


def test_very_long_digit_string_is_refused_as_too_large_not_crashing():
    with pytest.raises(FigureProblem) as caught:
        parse_figure("9" * 5000)
    assert caught.value.code == "F106"


# ---------------------------------------------------------------------------------------------
# Properties

figures = st.integers(min_value=0, max_value=MAX_FIGURE)


@given(figures)
def test_plain_digits_round_trip(n):
    assert parse_figure(str(n)) == n


@given(figures)
def test_comma_grouped_round_trip(n):
    assert parse_figure(f"{n:,}") == n


@given(figures)
def test_space_grouped_round_trip(n):
    assert parse_figure(f"{n:,}".replace(",", " ")) == n


@given(figures)
def test_format_figure_is_read_back_by_parse_figure(n):
    assert parse_figure(format_figure(n)) == n


@given(st.integers(min_value=MAX_FIGURE + 1, max_value=10**30))
def test_anything_over_the_maximum_is_refused(n):
    for text in (str(n), f"{n:,}", f"{n:,}".replace(",", " ")):
        with pytest.raises(FigureProblem) as caught:
            parse_figure(text)
        assert caught.value.code == "F106"


@given(st.integers(min_value=1, max_value=MAX_FIGURE))
def test_negative_figures_are_refused_as_negative(n):
    for text in (f"-{n}", f"-{n:,}", f"\u2212{n}"):
        with pytest.raises(FigureProblem) as caught:
            parse_figure(text)
        assert caught.value.code == "F103"


@given(st.integers(min_value=1000, max_value=MAX_FIGURE))
def test_dot_as_thousands_separator_is_refused_with_suggestion(n):
    text = f"{n:,}".replace(",", ".")
    with pytest.raises(FigureProblem) as caught:
        parse_figure(text)
    assert caught.value.code == "F102"
    assert caught.value.suggestion == n
    assert f"{n:,}" in caught.value.message


@given(st.text())
def test_any_text_is_a_figure_in_range_or_a_figure_problem(text):
    try:
        value = parse_figure(text)
    except FigureProblem as problem:
        assert problem.code in {"F101", "F102", "F103", "F104", "F105", "F106"}
        assert problem.message
    else:
        assert type(value) is int
        assert 0 <= value <= MAX_FIGURE


@given(st.text(alphabet="0123456789,. -\u00a0", max_size=20))
def test_figure_like_text_is_a_figure_in_range_or_a_figure_problem(text):
    try:
        value = parse_figure(text)
    except FigureProblem:
        return
    assert 0 <= value <= MAX_FIGURE


@given(st.text(max_size=10), st.text(max_size=10))
def test_text_with_a_dot_is_never_accepted(before, after):
    with pytest.raises(FigureProblem):
        parse_figure(before + "." + after)


@given(
    st.text(alphabet="0123456789", min_size=1, max_size=8),
    st.text(alphabet="0123456789", max_size=8),
)
def test_digits_with_a_dot_are_never_accepted(before, after):
    with pytest.raises(FigureProblem):
        parse_figure(before + "." + after)


@given(figures, st.sampled_from(["", " ", "  ", "\t"]), st.sampled_from(["", " ", "\n"]))
def test_surrounding_whitespace_is_ignored(n, lead, trail):
    assert parse_figure(f"{lead}{n:,}{trail}") == n


@given(st.integers(min_value=10_000, max_value=MAX_FIGURE), st.data())
def test_a_misplaced_comma_is_refused_not_guessed(n, data):
    """Moving one comma of "12,345" (e.g. to "1,2345") must be refused, never read."""
    digits = str(n)
    position = data.draw(st.integers(min_value=1, max_value=len(digits) - 1))
    assume((len(digits) - position) % 3 != 0)
    text = digits[:position] + "," + digits[position:]
    with pytest.raises(FigureProblem) as caught:
        parse_figure(text)
    assert caught.value.code == "F105"


# ---------------------------------------------------------------------------------------------
# Votes counted as bundles plus a part-bundle


@pytest.mark.parametrize(
    ("bundles", "size", "part", "expected"),
    [(0, 50, 0, 0), (0, 50, 49, 49), (265, 50, 46, 13_296), (330, 25, 14, 8_264), (1, 1, 0, 1)],
)
def test_bundle_total_is_bundles_times_size_plus_part(bundles, size, part, expected):
    assert bundle_total(bundles, size, part) == expected


@pytest.mark.parametrize(("size", "part"), [(50, 50), (50, 51), (25, 25), (1, 1)])
def test_part_bundle_as_large_as_a_bundle_is_refused(size, part):
    with pytest.raises(FigureProblem) as caught:
        bundle_total(3, size, part, what="Votes for GALLOWAY, George")
    problem = caught.value
    assert problem.code == "F109"
    assert problem.message.startswith("Votes for GALLOWAY, George")
    assert problem.message.endswith(".")
    assert f"{size:,}" in problem.message


def test_bundle_total_over_the_maximum_is_refused():
    assert bundle_total(1_999_999, 50, 49) == MAX_FIGURE
    with pytest.raises(FigureProblem) as caught:
        bundle_total(2_000_000, 50, 0)
    assert caught.value.code == "F106"


@given(
    st.integers(min_value=0, max_value=100_000),
    st.integers(min_value=1, max_value=500),
    st.data(),
)
def test_bundle_total_property(bundles, size, data):
    part = data.draw(st.integers(min_value=0, max_value=size - 1))
    total = bundle_total(bundles, size, part)
    assert divmod(total, size) == (bundles, part)


@pytest.mark.parametrize(("bundles", "part"), [(-1, 10), (3, -1)])
def test_bundle_total_refuses_negative_bundles_or_part(bundles, part):
    with pytest.raises(FigureProblem) as caught:
        bundle_total(bundles, 50, part)
    assert caught.value.code == "F103"


# ---------------------------------------------------------------------------------------------
# Formatting


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (999, "999"), (8264, "8,264"), (13_296, "13,296"), (1_234_567, "1,234,567")],
)
def test_format_figure_groups_thousands(value, expected):
    assert format_figure(value) == expected


def test_format_figure_shows_a_dash_for_no_figure():
    assert format_figure(None) == "–"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        # Batley and Spen 2021: ballot papers verified / electorate, as printed.
        (Fraction(37_786, 79_373), 2, "47.61"),
        # 4.7615% is below the half: down.
        (Fraction(47_615, 1_000_000), 2, "4.76"),
        # 4.765% is exactly half: up (float rounding gives 4.76 here).
        (Fraction(4_765, 100_000), 2, "4.77"),
        # just under the half: down.
        (Fraction(4_764_999, 100_000_000), 2, "4.76"),
        # 0.125% is exactly half: up, not to even (banker's rounding would give 0.12).
        (Fraction(1, 800), 2, "0.13"),
        # 0.0625%: 6.25 hundredths rounds to 6.
        (Fraction(1, 1600), 2, "0.06"),
        # 0.1875%: 18.75 hundredths rounds to 19.
        (Fraction(3, 1600), 2, "0.19"),
        (Fraction(1, 8), 2, "12.50"),
        (Fraction(1, 8), 1, "12.5"),
        (Fraction(1, 8), 0, "13"),
        # 2.5% to whole percent: up to 3 (round-half-even would give 2).
        (Fraction(1, 40), 0, "3"),
        (Fraction(1, 3), 2, "33.33"),
        (Fraction(2, 3), 2, "66.67"),
        (Fraction(0), 2, "0.00"),
        (Fraction(1), 2, "100.00"),
        (Fraction(101, 100), 2, "101.00"),
        (Fraction(9_995, 1_000_000), 2, "1.00"),  # 0.9995% carries into the units
        (Fraction(99_995, 100_000), 2, "100.00"),  # 99.995% carries to 100.00
    ],
)
def test_format_percent_rounds_half_up(value, places, expected):
    assert format_percent(value, places) == expected


def test_format_percent_shows_a_dash_for_no_value():
    assert format_percent(None) == "–"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(-1, 800), "-0.13"), (Fraction(-1, 3), "-33.33"), (Fraction(-1, 10**9), "0.00")],
)
def test_format_percent_negative_rounds_halves_away_from_zero(value, expected):
    """Changes since the previous election can be negative; no "-0.00" is ever shown."""
    assert format_percent(value) == expected


def test_round_half_up_returns_exact_fractions():
    assert round_half_up(Fraction(5, 1000)) == Fraction(1, 100)
    assert round_half_up(Fraction(-5, 1000)) == Fraction(-1, 100)
    assert round_half_up(Fraction(4, 1000)) == 0
    assert isinstance(round_half_up(Fraction(1, 3)), Fraction)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=10**9),
)
def test_format_percent_matches_integer_half_up_rounding(numerator, denominator):
    """Oracle: hundredths of a percent = floor(x + 1/2) with x = 10,000 n / d, in integers."""
    hundredths = (2 * 10_000 * numerator + denominator) // (2 * denominator)
    expected = f"{hundredths // 100}.{hundredths % 100:02d}"
    assert format_percent(Fraction(numerator, denominator)) == expected


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=4),
)
def test_format_percent_has_the_requested_places(numerator, denominator, places):
    text = format_percent(Fraction(numerator, denominator), places)
    if places == 0:
        assert "." not in text
    else:
        assert len(text.split(".")[1]) == places
    # and reading it back is within half a unit of the last place
    shown = Fraction(text)
    exact = Fraction(numerator, denominator) * 100
    assert abs(shown - exact) <= Fraction(1, 2 * 10**places)


# -- the one whole-number rule for figures given as numbers ------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (True, "F104"),
        (False, "F104"),
        (1.0, "F104"),
        ("12", "F104"),
        (None, "F104"),
        (-1, "F103"),
        (MAX_FIGURE + 1, "F106"),
        (10**12, "F106"),
    ],
)
def test_whole_number_refuses_what_is_not_a_figure(value, code):
    with pytest.raises(FigureProblem) as caught:
        whole_number(value, "The electorate")
    assert caught.value.code == code
    assert caught.value.message.startswith("The electorate")


@pytest.mark.parametrize("value", [0, 1, 8264, MAX_FIGURE])
def test_whole_number_accepts_every_figure_in_range(value):
    assert whole_number(value, "Votes") == value


def test_whole_number_has_a_stated_minimum_and_maximum():
    with pytest.raises(FigureProblem, match="at least 1") as caught:
        whole_number(0, "The number of seats", minimum=1, maximum=MAX_SEATS)
    assert caught.value.code == "F103"
    with pytest.raises(FigureProblem) as caught:
        whole_number(MAX_SEATS + 1, "The number of seats", minimum=1, maximum=MAX_SEATS)
    assert caught.value.code == "F106"


@pytest.mark.parametrize(("bundles", "part"), [(True, 1), (2, False), (2.0, 1)])
def test_bundle_total_takes_whole_numbers_only(bundles, part):
    with pytest.raises(FigureProblem) as caught:
        bundle_total(bundles, 50, part)
    assert caught.value.code == "F104"


@pytest.mark.parametrize(
    ("seats", "code"), [(True, "F104"), (0, "F103"), (MAX_SAVED_SEATS + 1, "F106")]
)
def test_a_contest_holds_its_seats_to_the_rule(seats, code):
    """A contest as saved (input is held to MAX_SEATS where it is given)."""
    from datetime import date

    from desktop.domain.model import Contest

    with pytest.raises(FigureProblem) as caught:
        Contest("parl.x.2024-07-04", "parl.2024-07-04", "X", seats, date(2024, 7, 4))
    assert caught.value.code == code
