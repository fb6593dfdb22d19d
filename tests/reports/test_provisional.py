"""The provisional result sheet: title, watermark, outstanding checks, figures not entered."""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.model import CountFigures, Election
from reports.declaration import render_declaration
from reports.snapshot import DeclarationSnapshot, build_snapshot
from tests.reports.sheets import (
    BATLEY,
    WANDSWORTH,
    assert_in_order,
    batley,
    batley_decided_by_lot,
    earlsfield,
    pages,
    text_of,
    ward,
)


def provisional(result: ContestResult, election: Election, **kw) -> DeclarationSnapshot:
    return build_snapshot(result, election, provisional=True, printed_on=date(2021, 7, 2), **kw)


def test_provisional_sheet_has_its_title_watermark_and_time_shown():
    snap = provisional(batley(), BATLEY, shown_at=datetime(2021, 7, 2, 1, 47))
    all_pages = pages(render_declaration(snap))
    text = " ".join(all_pages)
    assert_in_order(
        text,
        [
            "Election of a Member of Parliament for the Batley and Spen Constituency",
            "Provisional Result – not for publication",
            "Shown to candidates and agents at 01:47 on Friday 2 July 2021",
            "LEADBEATER, Kim Labour Party 13,296",
            "Total number of ballot papers rejected 91",
            "Turnout (ballot papers verified as a percentage of the electorate) 47.61%",
            "Majority 323",
        ],
    )
    assert all("PROVISIONAL" in page for page in all_pages)
    assert "Declaration of Result of Poll" not in text
    assert "duly elected" not in text
    assert "Printed and published" not in text
    assert "Dated" not in text
    assert "Outstanding checks" not in text


def test_provisional_sheet_lists_outstanding_checks():
    snap = provisional(batley(galloway=8_246), BATLEY)
    text = " ".join(pages(render_declaration(snap)))
    assert_in_order(
        text,
        [
            "Provisional Result – not for publication",
            "Outstanding checks",
            "C201 The figures do not add up: valid votes 37,677 + rejected 91 = 37,768, but "
            "ballot papers verified are 37,786; 18 ballot papers are unaccounted for.",
            "GALLOWAY, George Workers Party of Britain 8,246",
        ],
    )
    assert "Shown to candidates" not in text


def test_provisional_sheet_shows_figures_not_yet_entered_as_a_dash():
    rows = [(1, "Ann", "Adams", "", 600), (2, "Bob", "Brown", "", 400)]
    complete = ward(1, rows, papers=1_000)
    figures = CountFigures({1: 600, 2: None}, {"official_mark": 0})
    candidates = [line.candidate for line in complete.candidates]
    result = compute_result(complete.contest, candidates, figures)
    text = text_of(provisional(result, WANDSWORTH))
    assert "BROWN, Bob –" in text
    assert "C206 No votes entered for BROWN, Bob" in text
    assert "C207" in text


def test_nobody_is_elected_on_the_provisional_sheet():
    # DOMAIN.md §3: nobody is elected before the declaration; no "Elected" column.
    text = text_of(provisional(batley(), BATLEY, shown_at=datetime(2021, 7, 2, 1, 47)))
    assert_in_order(
        text,
        [
            "Name of candidate Description (if any) Number of votes BICKERDIKE, Paul",
            "LEADBEATER, Kim Labour Party 13,296 PURSER, Oliver",
            "STEPHENSON, Ryan Conservative and Unionist Party 12,973 THOMSON, Jack",
            "Majority 323",
        ],
    )
    assert "Elected" not in text
    assert "elected" not in text
    assert "I do hereby declare" not in text


def test_three_seat_provisional_sheet_marks_no_one_elected():
    text = text_of(provisional(earlsfield(), WANDSWORTH))
    assert_in_order(
        text,
        [
            "Election of Councillors for the Earlsfield Ward",
            "Provisional Result – not for publication",
            "QUINN, Peter Conservative Party Candidate 2,954 SHASTRI-HURST, Rosalind",
            "(e) Rejected in part – the good votes on these papers were counted 6",
            "Total number of ballot papers wholly rejected, (a) to (d) 26",
            "Margin (last elected over first not elected) 565",
        ],
    )
    assert "Elected" not in text
    assert "duly elected" not in text


def test_provisional_sheet_after_lots_says_how_the_tie_was_decided_but_not_who_is_elected():
    text = text_of(provisional(batley_decided_by_lot(), BATLEY))
    assert_in_order(
        text,
        [
            "Provisional Result – not for publication",
            "LEADBEATER, Kim Labour Party 12,973",
            "STEPHENSON, Ryan Conservative and Unionist Party 12,974*",
            "* Includes one additional vote allotted by lot",
            "Majority, before the vote allotted by lot 0",
            "the Acting Returning Officer decided between them by lot. The lot fell on Ryan "
            "STEPHENSON, who is treated as having received one additional vote.",
        ],
    )
    assert "Elected" not in text
    assert "duly elected" not in text
