"""The printed declaration and provisional sheet: content and order of the extracted text."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date, datetime

import pypdf
import pytest

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.model import Candidate, Contest, CountFigures, Election, LotsDrawing
from reports.declaration import render_declaration
from reports.snapshot import DeclarationSnapshot, build_snapshot

BATLEY = Election(
    "parl.2021-07-01",
    date(2021, 7, 1),
    title="Batley and Spen by-election",
    authority="Kirklees Council",
)
WANDSWORTH = Election(
    "local.wandsworth.2014-05-22",
    date(2014, 5, 22),
    title="Wandsworth Borough Council elections",
    authority="London Borough of Wandsworth",
)

# Batley and Spen 2021 as published; the split of the 91 rejected papers is illustrative.
BATLEY_CANDIDATES = (
    (1, "Paul", "Bickerdike", "Christian Peoples Alliance", 102),
    (2, "Mike", "Davies", "Alliance for Green Socialism", 104),
    (3, "Jayda", "Fransen", "Independent", 50),
    (4, "George", "Galloway", "Workers Party of Britain", 8_264),
    (5, "Tom", "Gordon", "Liberal Democrats", 1_254),
    (6, "Thérèse", "Hirst", "English Democrats", 207),
    (7, "Howling Laud", "Hope", "The Official Monster Raving Loony Party", 107),
    (8, "Susan", "Laird", "Heritage Party", 33),
    (9, "Kim", "Leadbeater", "Labour Party", 13_296),
    (10, "Oliver", "Purser", "Social Democratic Party", 66),
    (11, "Corey", "Robinson", "Yorkshire Party", 816),
    (12, "Andrew", "Smith", "Rejoin EU", 75),
    (13, "Ryan", "Stephenson", "Conservative and Unionist Party", 12_973),
    (14, "Jack", "Thomson", "UK Independence Party (UKIP)", 151),
    (15, "Jonathan", "Tilt", "Freedom Alliance", 100),
    (16, "Anne Marie", "Waters", "The For Britain Movement", 97),
)
BATLEY_REJECTED = {
    "official_mark": 12,
    "too_many_votes": 20,
    "identifying_mark": 4,
    "unmarked_or_void": 55,
}


def batley(*, galloway: int = 8_264, shuffle: bool = False) -> ContestResult:
    contest = Contest(
        id="parl.batley-and-spen.by.2021-07-01",
        election_id=BATLEY.id,
        area="Batley and Spen",
        seats=1,
        poll_date=date(2021, 7, 1),
        electorate=79_373,
        ballot_papers_verified=37_786,
        officer_name="Alexandra Whitfield",
        imprint_address="Town Hall, Huddersfield",
    )
    rows = list(BATLEY_CANDIDATES)
    if shuffle:
        rows.reverse()
    candidates = [Candidate(i, s, f, d) for i, f, s, d, _v in rows]
    votes = {i: v for i, _f, _s, _d, v in rows}
    votes[4] = galloway
    return compute_result(contest, candidates, CountFigures(votes, dict(BATLEY_REJECTED)))


def ward(
    seats: int,
    rows: list[tuple[int, str, str, str, int]],
    *,
    papers: int,
    rejected: dict[str, int] | None = None,
    lots: LotsDrawing | None = None,
    imprint_address: str = "The Town Hall, Wandsworth High Street, London SW18 2PU",
) -> ContestResult:
    contest = Contest(
        id="local.wandsworth.earlsfield.2014-05-22",
        election_id=WANDSWORTH.id,
        area="Earlsfield",
        seats=seats,
        poll_date=date(2014, 5, 22),
        electorate=11_842,
        ballot_papers_verified=papers,
        officer_name="Paul Martin",
        imprint_address=imprint_address,
    )
    candidates = [Candidate(i, s, f, d) for i, f, s, d, _v in rows]
    votes = {i: v for i, _f, _s, _d, v in rows}
    headings = dict.fromkeys(contest.type.heading_keys, 0) | (rejected or {})
    return compute_result(contest, candidates, CountFigures(votes, headings), lots)


EARLSFIELD = [
    (1, "Llŷr", "Ap Gwilym", "Green Party", 1_021),
    (2, "Thérèse", "Brennan", "Labour Party", 2_311),
    (3, "Łukasz", "Dąbrowski", "Liberal Democrats", 688),
    (4, "Aoife", "Ó Briain", "Labour Party", 2_207),
    (5, "Peter", "Quinn", "Conservative Party Candidate", 2_954),
    (6, "Rosalind", "Shastri-Hurst", "Conservative Party Candidate", 3_102),
    (7, "Dev", "Singh", "Labour Party", 2_150),
    (8, "Marcus", "Van Dyke", "Conservative Party Candidate", 2_876),
    (9, "Hannah", "Wells & Co", "Smith & Jones <Residents>", 512),
]
EARLSFIELD_REJECTED = {
    "official_mark": 2,
    "too_many_votes": 9,
    "identifying_mark": 1,
    "unmarked_or_void": 14,
    "rejected_in_part": 6,
}


def earlsfield() -> ContestResult:
    return ward(3, EARLSFIELD, papers=6_402, rejected=EARLSFIELD_REJECTED)


def declaration(result: ContestResult, election: Election) -> DeclarationSnapshot:
    return build_snapshot(result, election, provisional=False, printed_on=date(2021, 7, 2))


def pages(pdf: bytes) -> list[str]:
    """The text of each page, with runs of whitespace (and no-break spaces) as one space."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text().replace("\xa0", " ")) for page in reader.pages]


def text_of(snapshot: DeclarationSnapshot) -> str:
    return " ".join(pages(render_declaration(snapshot)))


def assert_in_order(text: str, parts: list[str]) -> None:
    """Each part occurs in the text, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at}: …{text[at : at + 200]}…"
        at = found + len(part)


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
            "(d) Being unmarked or wholly void for uncertainty 55",
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


def test_footer_carries_the_data_reference():
    snap = declaration(batley(), BATLEY)
    text = text_of(snap)
    assert f"Result data ref. {snap.data_hash}" in text
    assert "parl.batley-and-spen.by.2021-07-01" in text


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
            "Total number of ballot papers rejected 26",
            "(e) Rejected in part (not in the total: the valid votes on these papers were "
            "counted) 6",
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


def test_imprint_without_an_address_has_no_trailing_comma():
    rows = [(1, "Ann", "Adams", "", 600), (2, "Bob", "Brown", "", 400)]
    result = ward(1, rows, papers=1_000, imprint_address="")
    text = text_of(declaration(result, WANDSWORTH))
    assert "Printed and published by the Returning Officer Result data ref." in text


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


# --- Corrected declaration and the time of declaring --------------------------------------------

CORRECTION_OF = "the declaration made at 03:12 on Friday 2 July 2021"
REASON = (
    "the votes for Thérèse HIRST and Howling Laud HOPE were transposed on the first declaration"
)


def corrected(result: ContestResult, election: Election, **kw) -> DeclarationSnapshot:
    kw.setdefault("declared_at", datetime(2021, 7, 2, 4, 41))
    return build_snapshot(
        result,
        election,
        provisional=False,
        printed_on=date(2021, 7, 2),
        correction_of=CORRECTION_OF,
        correction_reason=REASON,
        **kw,
    )


def test_corrected_declaration_has_its_title_and_a_notice_with_the_reason():
    text = text_of(corrected(batley(), BATLEY))
    assert_in_order(
        text,
        [
            "Election of a Member of Parliament for the Batley and Spen Constituency",
            "Corrected Declaration of Result of Poll",
            f"This corrected declaration replaces {CORRECTION_OF}.",
            f"Reason for the correction: {REASON}.",
            "I, Alexandra Whitfield, being the Acting Returning Officer",
            "LEADBEATER, Kim Labour Party 13,296 Elected",
            "And I do hereby declare that Kim LEADBEATER is duly elected",
            "Declared at 04:41 on Friday 2 July 2021",
        ],
    )
    assert text.count("Declaration of Result of Poll") == 1


def test_a_reason_that_ends_a_sentence_is_not_given_a_second_full_stop():
    snap = dataclasses.replace(corrected(batley(), BATLEY), correction_reason="A typing error.")
    text = text_of(snap)
    assert "Reason for the correction: A typing error." in text
    assert "error.." not in text


def test_ordinary_declaration_has_no_correction_notice(batley_text):
    assert "Declaration of Result of Poll" in batley_text
    assert "Corrected" not in batley_text
    assert "replaces" not in batley_text
    assert "Reason for the correction" not in batley_text
    assert "Declared at" not in batley_text


def test_corrected_declaration_of_sixteen_candidates_still_fits_on_one_page():
    assert len(pages(render_declaration(corrected(batley(), BATLEY)))) == 1


def test_a_long_corrected_declaration_says_corrected_on_every_page():
    rows = [(i, "Forename", f"Surname{i:02d}", "Party", i) for i in range(1, 61)]
    result = ward(1, rows, papers=sum(range(1, 61)))
    all_pages = pages(render_declaration(corrected(result, WANDSWORTH)))
    assert len(all_pages) >= 2
    for page in all_pages[1:]:
        assert "Corrected Declaration of Result of Poll (continued)" in page


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


def _batley_decided_by_lot() -> ContestResult:
    base = batley()
    candidates = [line.candidate for line in base.candidates]
    votes = {line.candidate.id: line.votes for line in base.candidates}
    leader, runner = base.leader, base.runner_up
    votes[leader] = votes[runner]  # a dead heat for the seat, decided by lot
    votes[candidates[0].id] += base.line(leader).votes - votes[runner]  # still adds up
    tie = compute_result(
        base.contest,
        candidates,
        CountFigures(votes, dict(BATLEY_REJECTED)),
        LotsDrawing(frozenset({leader, runner}), frozenset({runner})),
    )
    assert tie.lots_applied and not tie.errors
    return tie


def test_sixteen_candidates_decided_by_lot_stay_on_one_page():
    """Set tighter if need be, so the signature is not left alone on a second page."""
    snap = build_snapshot(
        _batley_decided_by_lot(),
        BATLEY,
        provisional=False,
        printed_on=date(2021, 7, 2),
        declared_at=datetime(2021, 7, 2, 3, 12),
    )
    sheets = pages(render_declaration(snap))
    assert len(sheets) == 1
    assert "The lot fell on" in sheets[0] and "duly elected" in sheets[0]


def test_the_lots_sentence_stays_with_the_closing_declaration():
    """A corrected declaration decided by lot runs over: the lots sentence goes with the close."""
    sheets = pages(render_declaration(corrected(_batley_decided_by_lot(), BATLEY)))
    closing = next(i for i, text in enumerate(sheets) if "duly elected" in text)
    assert "The lot fell on" in sheets[closing]
    assert "Alexandra Whitfield" in sheets[closing]
