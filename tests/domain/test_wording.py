"""Wording is locale-free and prints what the window and the command line print."""

from __future__ import annotations

import locale
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.wording import (
    clock_time,
    count_kind_words,
    date_in_words,
    decision_label,
    decision_outcome,
    plural,
    short_time,
    signed,
    time_in_words,
    when,
)

BST = timezone(timedelta(hours=1))
AT = datetime(2021, 7, 2, 1, 42, tzinfo=BST)


@pytest.fixture(autouse=True)
def _local_is_bst(monkeypatch):
    # Pin "local time" so the expected strings do not depend on the machine's zone.
    monkeypatch.setattr("desktop.domain.wording._local", lambda at: at.astimezone(BST))


@contextmanager
def c_locale():
    saved = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "C")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_TIME, saved)


def test_times_in_words():
    assert clock_time(AT) == "01:42"
    assert time_in_words(AT) == "01:42 on Friday 2 July 2021"
    assert when(AT) == "01:42 on Friday 2 July 2021"
    assert when(None) == "–"
    assert short_time(AT) == "02 Jul 01:42"
    assert date_in_words(date(2021, 7, 1)) == "Thursday 1 July 2021"


def test_a_utc_time_is_shown_in_local_time():
    assert clock_time(datetime(2021, 7, 2, 0, 42, tzinfo=UTC)) == "01:42"


@given(moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)))
def test_matches_strftime_in_the_c_locale(moment):
    # Under the C locale strftime gives English names: the locale-free words must agree.
    at = moment.replace(tzinfo=BST)
    with c_locale():
        assert time_in_words(at) == f"{at:%H:%M} on {at:%A} {at.day} {at:%B %Y}"
        assert short_time(at) == f"{at:%d %b %H:%M}"


def test_signed_variances():
    assert [signed(v) for v in (2, -1, 0, None, 1234, -1234)] == [
        "+2",
        "−1",
        "0",
        "",
        "+1,234",
        "−1,234",
    ]
    # The command line's plain-text form.
    assert [signed(v, minus="-", none="–") for v in (2, -1, 0, None)] == ["+2", "-1", "0", "–"]


def test_plurals_and_labels():
    assert plural(1, "box", "boxes") == "1 box"
    assert plural(2, "box", "boxes") == "2 boxes"
    assert plural(0, "count") == "0 counts"
    assert decision_label("bundle_check") == "bundle check"
    assert decision_label("full") == "full recount"
    assert count_kind_words("recount") == "full recount"
    assert count_kind_words("other") == "other"


def test_decision_outcomes_as_the_history_and_the_command_line_print_them():
    assert decision_outcome("full") == "full recount granted"
    assert decision_outcome("bundle_check", "Close result") == "bundle check granted: Close result"
    assert decision_outcome("refused", "Frivolous") == "refused as unreasonable: Frivolous"
    assert decision_outcome("refused", refused="refused") == "refused"
