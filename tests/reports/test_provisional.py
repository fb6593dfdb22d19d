"""The provisional result sheet: title, watermark, outstanding checks, figures not entered."""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.model import CountFigures, Election
from reports.declaration import render_declaration
from reports.snapshot import DeclarationSnapshot, build_snapshot
from tests.reports.sheets import (
    BATLEY,
    BATLEY_REJECTED,
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


def batley_tie() -> ContestResult:
    """Leadbeater and Stephenson on 12,973 each, no lots drawn; the papers still reconcile."""
    base = batley()
    candidates = [line.candidate for line in base.candidates]
    votes = {line.candidate.id: line.votes for line in base.candidates}
    votes[base.leader] = votes[base.runner_up]
    votes[candidates[0].id] += 13_296 - 12_973
    return compute_result(base.contest, candidates, CountFigures(votes, dict(BATLEY_REJECTED)))


def test_a_tie_is_shown_provisionally_with_the_lot_still_to_decide():
    result = batley_tie()
    assert [f.code for f in result.errors] == ["L401"]
    text = text_of(provisional(result, BATLEY, shown_at=datetime(2021, 7, 2, 1, 47)))
    assert_in_order(
        text,
        [
            "Provisional Result – not for publication",
            "Equality of votes",
            "Kim LEADBEATER and Ryan STEPHENSON have each received 12,973 votes",
            "the addition of one vote would entitle either of them to be elected",
            "once counting, including any recount, is complete",
            "Acting Returning Officer will decide between them by lot",
            "treated as having received one additional vote",
            "LEADBEATER, Kim Labour Party 12,973",
            "STEPHENSON, Ryan Conservative and Unionist Party 12,973",
            "Majority (equality of votes: the lot will decide) none",
        ],
    )
    # Nobody is elected, and the tie is not presented as figures that are wrong.
    assert "Elected" not in text and "elected as" not in text
    assert "Outstanding checks" not in text
    assert "lot fell" not in text


def test_a_tie_for_the_last_seat_of_a_ward_is_shown_with_its_places():
    rows = [
        (1, "Ann", "Adams", "", 500),
        (2, "Bob", "Brown", "", 400),
        (3, "Cat", "Cole", "", 400),
        (4, "Dan", "Dale", "", 400),
    ]
    result = ward(2, rows, papers=1_000)
    assert result.tie is not None and result.tie.places == 1
    text = text_of(provisional(result, WANDSWORTH))
    assert_in_order(
        text,
        [
            "Equality of votes",
            "Bob BROWN, Cat COLE and Dan DALE have each received 400 votes",
            "would entitle any of them to be elected",
            "the candidate on whom the lot falls",
        ],
    )


def test_provisional_sheet_of_papers_left_out_prints_the_papers_counted_and_the_check():
    """3 seats, 1,600 votes on 1,000 papers verified, 400 of them left out of the count."""
    rows = [(1, "Ann", "Adams", "", 700), (2, "Bob", "Brown", "", 500), (3, "Cy", "Cole", "", 400)]
    reconciled = ward(3, rows, papers=1_000)
    candidates = [line.candidate for line in reconciled.candidates]
    headings = dict.fromkeys(reconciled.contest.type.heading_keys, 0)
    figures = CountFigures({1: 700, 2: 500, 3: 400}, headings, valid_papers_counted=600)
    result = compute_result(reconciled.contest, candidates, figures)
    all_pages = pages(render_declaration(provisional(result, WANDSWORTH)))
    text = " ".join(all_pages)
    assert_in_order(
        text,
        [
            "Outstanding checks",
            "C221 The papers do not add up: valid ballot papers counted 600 + rejected 0 = 600, "
            "but ballot papers verified are 1,000; 400 ballot papers are unaccounted for",
            "Ballot papers verified 1,000",
            "Valid ballot papers counted 600",
            "Number of vacant seats 3",
        ],
    )


def test_a_single_seat_sheet_prints_no_papers_counted():
    text = " ".join(pages(render_declaration(provisional(batley(), BATLEY))))
    assert "Ballot papers verified 37,786" in text
    assert "Valid ballot papers counted" not in text
