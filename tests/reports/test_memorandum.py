"""The memorandum of an error found after the declaration: not a declaration, in words a
reader cannot mistake, with the figures as declared beside the figures as now found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.wording import clock_time, date_in_words
from desktop.services import CountDesk
from tests.declared import declare_batley, ids
from tests.reports.sheets import assert_in_order, pages
from tests.sample import BATLEY

REASON = "Two votes for WATERS were found in a bundle of SMITH's"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2021, 7, 2, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.store.clock = Clock()
    declare_batley(desk)
    return desk


def _record(desk: CountDesk, **kw) -> None:
    by_name = ids(desk)
    desk.record_error_found(
        BATLEY, "Supervisor", found_by=kw.get("found_by", "The Deputy Returning Officer"),
        reason=REASON, votes={by_name["Andrew Smith"]: 73, by_name["Anne Marie Waters"]: 99},
        rejected=kw.get("rejected", {}),
    )  # fmt: skip


def test_it_says_first_that_it_is_not_a_declaration_and_the_declaration_stands(desk):
    _record(desk)
    declared_at = desk.kept_declarations(BATLEY)[0].declared_at
    at = f"{clock_time(declared_at)} on {date_in_words(declared_at.astimezone().date())}"
    text = " ".join(pages(desk.memorandum_pdf(BATLEY)))
    assert_in_order(
        text,
        [
            "Election of a Member of Parliament for the Batley and Spen Constituency",
            "Memorandum of an error found after the declaration",
            f"This is not a declaration of result. The declaration made at {at} stands.",
            "only by an election court, on an election petition",
            "The error found",
            "Found by The Deputy Returning Officer",
            "Recorded ",
            "by Supervisor",
            f"What was found {REASON}",
            "The figures as declared and as now found",
            "Candidate Description As declared As now found Difference",
            "BICKERDIKE, Paul Christian Peoples Alliance 102 102 0",
            "LEADBEATER, Kim Labour Party 13,296 13,296 0",
            "SMITH, Andrew Rejoin EU 75 73 \u22122",
            "WATERS, Anne Marie The For Britain Movement 97 99 +2",
            "Total valid votes 37,695 37,695 0",
            "Ballot papers rejected As declared As now found Difference",
            "(a) Want of an official mark 12 12 0",
            "Total ballot papers rejected 91 91 0",
            f"Not a declaration. The declaration made at {at} stands",
        ],
    )


def test_it_has_nothing_that_reads_as_a_declaration(desk):
    _record(desk)
    text = " ".join(pages(desk.memorandum_pdf(BATLEY)))
    for words in ("Elected", "duly elected", "Declaration of Result", "Printed and published",
                  "I do hereby declare", "Declared at", "Signed"):  # fmt: skip
        assert words not in text, words


def test_each_record_has_its_own_memorandum_and_the_same_record_the_same_bytes(desk):
    _record(desk)
    _record(
        desk,
        found_by="The agent for WATERS",
        rejected={"official_mark": 11, "unmarked_or_void": 56},
    )
    first, second = desk.errors_found(BATLEY)
    one = desk.memorandum_pdf(BATLEY, first.id)
    assert one == desk.memorandum_pdf(BATLEY, first.id)
    assert desk.memorandum_pdf(BATLEY) == desk.memorandum_pdf(BATLEY, second.id)
    latest = " ".join(pages(desk.memorandum_pdf(BATLEY)))
    assert "Found by The agent for WATERS" in latest
    assert "(a) Want of an official mark 12 11 \u22121" in latest
    assert "(d) Being unmarked or void for uncertainty 55 56 +1" in latest
    assert "Total ballot papers rejected 91 91 0" in latest
    assert "The agent for WATERS" not in " ".join(pages(one))
