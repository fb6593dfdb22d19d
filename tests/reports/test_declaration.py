"""The printed declaration: content and order of the extracted text, pages, bytes."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime

import pypdf
import pytest

from desktop.domain.model import LotsDrawing
from reports.declaration import render_declaration
from reports.snapshot import build_snapshot
from tests.reports.sheets import (
    BATLEY,
    BATLEY_CANDIDATES,
    WANDSWORTH,
    assert_in_order,
    batley,
    batley_decided_by_lot,
    declaration,
    earlsfield,
    pages,
    text_of,
    ward,
)


@pytest.fixture(scope="module")
def batley_text() -> str:
    return text_of(declaration(batley(), BATLEY))


def test_batley_declaration_reads_in_the_order_of_a_declaration(batley_text):
    assert_in_order(
        batley_text,
        [
            "Kirklees Council",
            "Batley and Spen by-election",
            "Election of a Member of Parliament for the Batley and Spen Constituency",
            "Thursday 1 July 2021",
            "Declaration of Result of Poll",
            "I, Alexandra Whitfield, being the Acting Returning Officer at the above election, "
            "give notice that the total number of votes recorded for each candidate at the said "
            "election is as follows:",
            "Name of candidate",
            "BICKERDIKE, Paul",
            "LEADBEATER, Kim Labour Party 13,296 Elected",
            "STEPHENSON, Ryan Conservative and Unionist Party 12,973",
            "WATERS, Anne Marie The For Britain Movement 97",
            "(a) Want of an official mark 12",
            "(b) Voting for more than one candidate 20",
            "(c) Writing or mark by which the voter could be identified 4",
            "(d) Being unmarked or void for uncertainty 55",
            "Total number of ballot papers rejected 91",
            "Electorate 79,373",
            "Ballot papers verified 37,786",
            "Turnout (ballot papers verified as a percentage of the electorate) 47.61%",
            "Number of vacant seats 1",
            "Majority 323",
            "And I do hereby declare that Kim LEADBEATER is duly elected as Member of Parliament "
            "for the said constituency.",
            "Dated Friday 2 July 2021",
            "Alexandra Whitfield Acting Returning Officer",
            "Printed and published by the Acting Returning Officer, Town Hall, Huddersfield",
            "Page 1 of 1",
        ],
    )


def test_each_figure_follows_its_own_candidate(batley_text):
    # Ballot order is the order of the rows, whatever order the candidates came in.
    text = text_of(declaration(batley(shuffle=True), BATLEY))
    assert text == batley_text
    names = [f"{s.upper()}, {f}" for _i, f, s, _d, _v in BATLEY_CANDIDATES]
    starts = [batley_text.index(name) for name in names]
    assert starts == sorted(starts)
    ends = [*starts[1:], batley_text.index("The number of ballot papers rejected")]
    for (_i, _f, _s, description, votes), name, start, end in zip(
        BATLEY_CANDIDATES, names, starts, ends, strict=True
    ):
        row = batley_text[start:end].strip()
        expected = f"{name} {description} {votes:,}"
        assert row in (expected, f"{expected} Elected"), row


def test_elected_is_printed_against_leadbeater_only(batley_text):
    assert batley_text.count("Elected") == 1
    assert "13,296 Elected" in batley_text
    assert "12,973 Elected" not in batley_text


def test_sixteen_candidates_fit_on_one_page():
    assert len(pages(render_declaration(declaration(batley(), BATLEY)))) == 1


def test_footer_carries_the_data_reference_and_the_contest_labelled():
    snap = declaration(batley(), BATLEY)
    text = text_of(snap)
    assert_in_order(
        text,
        [
            "Printed and published by",
            f"Result data ref. {snap.data_hash}",
            "Contest ref. parl.batley-and-spen.by.2021-07-01",
            "Page 1 of 1",
        ],
    )


def test_parliamentary_heads_have_no_wholly_and_no_rejected_in_part(batley_text):
    assert "wholly" not in batley_text
    assert "Rejected in part" not in batley_text
    assert "(e)" not in batley_text


def test_rejected_in_part_is_among_the_heads_and_the_total_reconciles():
    text = text_of(declaration(earlsfield(), WANDSWORTH))
    # (e) is listed among the heads, before the total; the total is of the papers wholly
    # rejected, so valid papers (6,402 − 26) + 26 = the 6,402 ballot papers verified.
    assert_in_order(
        text,
        [
            "The number of ballot papers rejected was as follows:",
            "(a) Want of an official mark 2",
            "(b) Voting for more candidates than the voter was entitled to 9",
            "(c) Writing or mark by which the voter could be identified 1",
            "(d) Being unmarked or wholly void for uncertainty 14",
            "(e) Rejected in part – the good votes on these papers were counted 6",
            "Total number of ballot papers wholly rejected, (a) to (d) 26",
            "Electorate 11,842",
            "Ballot papers verified 6,402",
        ],
    )
    assert "not in the total" not in text


def test_same_snapshot_gives_the_same_bytes():
    snap = declaration(batley(), BATLEY)
    first = render_declaration(snap)
    assert first.startswith(b"%PDF-")
    assert render_declaration(snap) == first
    assert render_declaration(declaration(batley(), BATLEY)) == first


def test_one_vote_changes_the_printed_reference():
    one = declaration(batley(), BATLEY)
    other = build_snapshot(
        batley(galloway=8_265), BATLEY, provisional=True, printed_on=date(2021, 7, 2)
    )
    assert one.data_hash != other.data_hash
    assert f"Result data ref. {other.data_hash}" in text_of(other)


def test_accented_names_and_markup_characters_print_literally():
    pdf = render_declaration(declaration(earlsfield(), WANDSWORTH))
    text = " ".join(pages(pdf))
    for name in (
        "AP GWILYM, Llŷr",
        "BRENNAN, Thérèse",
        "DĄBROWSKI, Łukasz",
        "Ó BRIAIN, Aoife",
        "WELLS & CO, Hannah",
        "Smith & Jones <Residents>",
    ):
        assert name in text
    assert "&amp;" not in text
    assert "&lt;" not in text
    fonts = {
        str(font["/BaseFont"])
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("LiberationSans" in f for f in fonts), fonts


def test_three_seat_ward_names_three_and_says_are():
    text = " ".join(pages(render_declaration(declaration(earlsfield(), WANDSWORTH))))
    assert_in_order(
        text,
        [
            "London Borough of Wandsworth",
            "Election of Councillors for the Earlsfield Ward",
            "Thursday 22 May 2014",
            "Declaration of Result of Poll",
            "I, Paul Martin, being the Returning Officer",
            "QUINN, Peter Conservative Party Candidate 2,954 Elected",
            "SHASTRI-HURST, Rosalind Conservative Party Candidate 3,102 Elected",
            "SINGH, Dev Labour Party 2,150",
            "VAN DYKE, Marcus Conservative Party Candidate 2,876 Elected",
            "(b) Voting for more candidates than the voter was entitled to 9",
            "(d) Being unmarked or wholly void for uncertainty 14",
            "(e) Rejected in part – the good votes on these papers were counted 6",
            "Total number of ballot papers wholly rejected, (a) to (d) 26",
            "Ballot papers verified 6,402",
            "Valid ballot papers counted 6,376",
            "Number of vacant seats 3",
            "Margin (last elected over first not elected) 565",
            "And I do hereby declare that Peter QUINN, Rosalind SHASTRI-HURST and Marcus VAN "
            "DYKE are duly elected as Councillors for the said ward.",
            "Printed and published by the Returning Officer, The Town Hall, Wandsworth High "
            "Street, London SW18 2PU",
        ],
    )
    assert text.count("Elected") == 3
    assert "Majority" not in text


def test_lots_sentence_and_the_winners_total_with_one_more_vote():
    rows = [
        (1, "Ann", "Adams", "Labour Party", 450),
        (2, "Bob", "Brown", "Conservative Party Candidate", 450),
        (3, "Cy", "Clark", "", 100),
    ]
    lots = LotsDrawing(frozenset({1, 2}), frozenset({2}))
    result = ward(1, rows, papers=1_010, rejected={"unmarked_or_void": 10}, lots=lots)
    text = text_of(declaration(result, WANDSWORTH))
    assert_in_order(
        text,
        [
            "Election of a Councillor for the Earlsfield Ward",
            "ADAMS, Ann Labour Party 450",
            "BROWN, Bob Conservative Party Candidate 451* Elected",
            "CLARK, Cy 100",
            "* Includes one additional vote allotted by lot",
            "Majority, before the vote allotted by lot 0",
            "An equality of votes having been found between Ann ADAMS and Bob BROWN, and the "
            "addition of a vote entitling either of them to be elected, I decided between them "
            "by lot. The lot fell on Bob BROWN, who is treated as having received one additional "
            "vote.",
            "And I do hereby declare that Bob BROWN is duly elected as Councillor for the said "
            "ward.",
        ],
    )
    assert "450*" not in text


def test_no_lots_no_asterisk(batley_text):
    assert "*" not in batley_text
    assert "by lot" not in batley_text
    assert "equality of votes" not in batley_text


def test_draft_without_authority_or_address_says_what_the_declaration_still_needs():
    rows = [(1, "Ann", "Adams", "", 600), (2, "Bob", "Brown", "", 400)]
    result = ward(1, rows, papers=1_000, imprint_address="")
    bare = replace(WANDSWORTH, authority="")
    snap = build_snapshot(result, bare, provisional=False, printed_on=date(2021, 7, 2), draft=True)
    text = text_of(snap)
    assert_in_order(
        text,
        [
            "Wandsworth Borough Council elections",
            "Declaration of Result of Poll",
            "Draft for checking – not yet declared by the Returning Officer",
            "Outstanding checks – this result cannot be declared until they are resolved",
            "T304 The authority is not set, so the declaration would have no heading",
            "T304 The imprint address is not set",
            "I, Paul Martin, being the Returning Officer",
            "Printed and published by the Returning Officer",
        ],
    )
    assert "Printed and published by the Returning Officer," not in text  # no dangling comma
    assert "London Borough of Wandsworth" not in text


def test_a_long_contest_runs_on_with_page_numbers_and_repeated_headings():
    rows = [
        (i, "Forename", f"Surname{i:02d}", "A Registered Party Description Long Enough To Wrap", i)
        for i in range(1, 61)
    ]
    result = ward(1, rows, papers=sum(range(1, 61)))
    all_pages = pages(render_declaration(declaration(result, WANDSWORTH)))
    assert len(all_pages) >= 2
    total = len(all_pages)
    for number, page in enumerate(all_pages, start=1):
        assert f"Page {number} of {total}" in page
    assert all("Name of candidate" in page for page in all_pages[:-1])
    assert "Declaration of Result of Poll (continued)" in all_pages[1]
    # The closing block is kept together on the last page.
    assert "duly elected" in all_pages[-1]
    assert "Printed and published" in all_pages[-1]


def test_ordinary_declaration_has_no_correction_notice(batley_text):
    assert "Declaration of Result of Poll" in batley_text
    assert "Corrected" not in batley_text
    assert "replaces" not in batley_text
    assert "Reason for the correction" not in batley_text
    assert "Declared at" not in batley_text


def test_declared_at_is_printed_and_dates_the_declaration():
    snap = build_snapshot(
        batley(),
        BATLEY,
        provisional=False,
        printed_on=date(2021, 7, 3),
        declared_at=datetime(2021, 7, 2, 3, 12),
    )
    text = text_of(snap)
    assert_in_order(
        text,
        [
            "Declaration of Result of Poll",
            "duly elected",
            "Declared at 03:12 on Friday 2 July 2021",
            "Alexandra Whitfield Acting Returning Officer",
        ],
    )
    assert "Dated" not in text  # the time of the declaration carries its date
    assert "Saturday 3 July 2021" not in text
    assert len(pages(render_declaration(snap))) == 1


def test_sixteen_candidates_decided_by_lot_stay_on_one_page():
    """Set tighter if need be, so the signature is not left alone on a second page."""
    snap = build_snapshot(
        batley_decided_by_lot(),
        BATLEY,
        provisional=False,
        printed_on=date(2021, 7, 2),
        declared_at=datetime(2021, 7, 2, 3, 12),
    )
    sheets = pages(render_declaration(snap))
    assert len(sheets) == 1
    assert "The lot fell on" in sheets[0] and "duly elected" in sheets[0]


def test_a_draft_neither_declares_nor_carries_a_place_to_sign():
    # A draft photographed or left on a table must not pass for the declaration: no declaring
    # words, no date, no signature line; it says who would be declared, as a draft.
    rows = [(1, "Ann", "Adams", "", 600), (2, "Bob", "Brown", "", 400)]
    result = ward(1, rows, papers=1_000)
    snap = build_snapshot(
        result, WANDSWORTH, provisional=False, printed_on=date(2021, 7, 2), draft=True
    )
    text = text_of(snap)
    assert "I do hereby declare" not in text
    assert "Dated" not in text
    assert_in_order(
        text,
        [
            "Draft – not a declaration.",
            "Ann ADAMS would be declared duly elected as Councillor for the said ward",
            "not signed",
            "Printed and published by the Returning Officer",
        ],
    )
