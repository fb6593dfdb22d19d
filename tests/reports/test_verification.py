"""The statement of verification: rows, signed variances, totals, incomplete notice, pages."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import pypdf
import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Election
from reports.samples import BATLEY_ELECTION, BATLEY_VERIFICATION, batley_and_spen_2021
from reports.verification import (
    VerificationRow,
    VerificationSnapshot,
    build_verification_snapshot,
    format_variance,
    render_verification,
    tally,
)
from tests.reports.sheets import assert_in_order, pages

PRINTED_ON = date(2021, 7, 1)
MINUS = "\u2212"


def statement(rows=BATLEY_VERIFICATION, **kw) -> VerificationSnapshot:
    snap = build_verification_snapshot(
        batley_and_spen_2021().contest, BATLEY_ELECTION, rows, printed_on=PRINTED_ON
    )
    return dataclasses.replace(snap, **kw) if kw else snap


def text_of(snap: VerificationSnapshot) -> str:
    return " ".join(pages(render_verification(snap)))


def with_counted(rows, **counted_by_ref: int | None):
    return tuple(
        dataclasses.replace(r, counted=counted_by_ref[r.reference])
        if r.reference in counted_by_ref
        else r
        for r in rows
    )


@pytest.fixture(scope="module")
def batley_text() -> str:
    return text_of(statement())


# --- The figures and how they are printed ------------------------------------------------------


def test_variances_are_printed_with_their_sign():
    assert format_variance(2) == "+2"
    assert format_variance(-1) == f"{MINUS}1"
    assert format_variance(0) == "0"
    assert format_variance(1_234) == "+1,234"
    assert format_variance(-1_234) == f"{MINUS}1,234"
    assert format_variance(None) == "–"


def test_tally_sums_whole_numbers_and_leaves_uncounted_rows_out_of_the_variance():
    rows = (
        VerificationRow("A", "One", "box", 1_000, 1_002),
        VerificationRow("B", "Two", "box", 500, 499, "Voter left with a paper"),
        VerificationRow("C", "Three", "box", 700, None),
    )
    sums = tally(rows)
    assert (sums.rows, sums.issued, sums.counted, sums.issued_counted) == (3, 2_200, 1_501, 1_500)
    assert sums.variance == 1
    assert sums.not_counted == ("C",)
    assert sums.unexplained == ("A",)
    assert not sums.complete
    assert tally(rows[:2]).complete
    assert not tally(()).complete


def test_the_sample_counts_up_to_the_ballot_papers_verified_on_the_declaration():
    sums = tally(BATLEY_VERIFICATION)
    assert sums.complete
    assert sums.counted == batley_and_spen_2021().ballot_papers_verified == 37_786
    assert sums.issued == 37_785
    assert sums.variance == 1


def test_a_row_must_be_a_box_or_a_postal_batch_with_whole_figures():
    with pytest.raises(CountDeskError, match='"box" or "postal"'):
        VerificationRow("X1", "Somewhere", "Box", 10, 10)
    with pytest.raises(CountDeskError, match="0 or more"):
        VerificationRow("X1", "Somewhere", "box", -1, 10)
    with pytest.raises(CountDeskError, match="0 or more"):
        VerificationRow("X1", "Somewhere", "box", 10, -3)
    with pytest.raises(CountDeskError, match="whole number"):
        VerificationRow("X1", "Somewhere", "postal", 10, 10.0)  # type: ignore[arg-type]


# --- The snapshot -------------------------------------------------------------------------------


def test_snapshot_header_is_worded_as_on_the_declaration():
    snap = statement()
    assert snap.contest_id == "parl.batley-and-spen.by.2021-07-01"
    assert snap.election_id == "parl.2021-07-01"
    assert snap.authority == "Kirklees Council"
    assert snap.election_title == "Batley and Spen by-election"
    assert snap.contest_heading == (
        "Election of a Member of Parliament for the Batley and Spen Constituency"
    )
    assert snap.poll_date_text == "Thursday 1 July 2021"
    assert snap.printed_on_text == "Thursday 1 July 2021"
    assert snap.officer_title == "Acting Returning Officer"
    assert snap.area_text == "Batley and Spen Constituency"
    assert [r.reference for r in snap.boxes][:2] == ["BS01", "BS02"]
    assert [r.reference for r in snap.postal] == ["PV1", "PV2", "PV3"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.rows = ()  # type: ignore[misc]


def test_statement_is_printed_only_with_its_own_election():
    other = Election("local.testshire.2022-05-05", date(2022, 5, 5))
    with pytest.raises(CountDeskError, match="belongs to the election"):
        build_verification_snapshot(
            batley_and_spen_2021().contest, other, BATLEY_VERIFICATION, printed_on=PRINTED_ON
        )


def test_data_hash_is_stable_and_changes_when_one_counted_figure_changes():
    base = statement()
    assert re.fullmatch(r"[0-9a-f]{12}", base.data_hash)
    assert statement().data_hash == base.data_hash
    assert statement(printed_on_text="Friday 2 July 2021").data_hash == base.data_hash
    one_more = statement(with_counted(BATLEY_VERIFICATION, BS05=2_204))
    assert one_more.data_hash != base.data_hash
    not_counted = statement(with_counted(BATLEY_VERIFICATION, BS05=None))
    assert not_counted.data_hash not in (base.data_hash, one_more.data_hash)
    explained = statement(
        tuple(
            dataclasses.replace(r, explanation="Found in the wrong box")
            if r.reference == "BS08"
            else r
            for r in BATLEY_VERIFICATION
        )
    )
    assert explained.data_hash != base.data_hash


# --- The printed statement ----------------------------------------------------------------------


def test_statement_reads_boxes_then_postal_then_totals(batley_text):
    assert_in_order(
        batley_text,
        [
            "Kirklees Council",
            "Batley and Spen by-election",
            "Election of a Member of Parliament for the Batley and Spen Constituency",
            "Date of poll: Thursday 1 July 2021",
            "Statement of Verification",
            "I, Alexandra Whitfield, being the Acting Returning Officer at the above election, "
            "give notice that the ballot paper accounts have been verified as follows:",
            "Ballot boxes from polling stations",
            "Ref. Polling station Ballot papers issued (per ballot paper account) "
            f"Ballot papers counted Variance (counted {MINUS} issued) Explanation",
            "BS01 St Paul's Church Hall, Batley 2,114 2,114 0",
            "BS02 Batley Library, Market Place 1,987 1,989 +2 Two papers issued",
            f"BS04 Heckmondwike Methodist Church 1,876 1,875 {MINUS}1 Voter left",
            "BS08 Gomersal Memorial Hall 2,058 2,059 +1 Not explained",
            f"BS11 Scholes Village Hall 1,612 1,611 {MINUS}1 Spoilt paper",
            "BS12 Birkenshaw C of E Primary School 2,398 2,398 0",
            "Total, 12 polling station boxes 23,409 23,410 +1",
            "Postal ballot papers",
            "Ref. Postal batch Ballot papers returned (per postal vote openings) "
            f"Ballot papers counted Variance (counted {MINUS} returned) Explanation",
            "PV1 Postal votes opening session 1 5,912 5,912 0",
            "PV2 Postal votes opening session 2 4,867 4,867 0",
            "Total, 3 postal batches 14,376 14,376 0",
            "Totals for the contest",
            "Ballot papers issued at polling stations (per ballot paper accounts) 23,409",
            "Postal ballot papers returned (from the postal vote openings) 14,376",
            "Total ballot papers issued and returned 37,785",
            "Total ballot papers counted (ballot papers verified) 37,786",
            f"Total variance (counted {MINUS} issued or returned) +1",
            "Boxes and batches whose count differs from the account (3 papers over, 2 under) 4",
            "1 variance has no explanation recorded: BS08.",
            "Dated Thursday 1 July 2021",
            "Alexandra Whitfield Acting Returning Officer",
            "Printed and published by the Acting Returning Officer, Kirklees Council, Town Hall, "
            "Huddersfield",
        ],
    )


def test_only_an_unexplained_variance_is_marked_not_explained(batley_text):
    assert batley_text.count("Not explained") == 1
    assert "0 Not explained" not in batley_text
    assert "Not yet counted" not in batley_text
    assert "Verification not complete" not in batley_text


def test_not_explained_is_in_italics_not_colour_alone():
    pdf = render_verification(statement())
    fonts = {
        str(font["/BaseFont"])
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("LiberationSans-Italic" in f for f in fonts), fonts


def test_footer_carries_the_data_reference_the_contest_and_page_numbers():
    snap = statement()
    all_pages = pages(render_verification(snap))
    for number, page in enumerate(all_pages, start=1):
        assert f"Verification data ref. {snap.data_hash}" in page
        assert "parl.batley-and-spen.by.2021-07-01" in page
        assert f"Page {number} of {len(all_pages)}" in page


def test_the_totals_are_printed_on_the_same_page_as_the_signature():
    last = pages(render_verification(statement()))[-1]
    assert "Totals for the contest" in last
    assert "Dated Thursday 1 July 2021" in last


def test_incomplete_verification_says_so_in_a_notice_and_prints_dashes():
    rows = with_counted(BATLEY_VERIFICATION, BS09=None, PV3=None)
    text = text_of(statement(rows))
    assert_in_order(
        text,
        [
            "Statement of Verification",
            "Verification not complete: 1 box and 1 postal batch not yet counted",
            "Not yet counted: BS09, PV3.",
            "give notice that the verification of the ballot paper accounts so far is as follows:",
            "BS09 Roberttown Community Centre 1,745 – – Not yet counted",
            "Total, 12 polling station boxes 23,409 – – 1 not yet counted",
            "PV3 Postal votes opening session 3",
            "3,597 – – Not yet counted",
            "Total, 3 postal batches 14,376 – – 1 not yet counted",
            "Total ballot papers issued and returned 37,785",
            "Ballot papers counted so far, in 13 of 15 boxes and batches 32,444",
            "Variance so far, in the boxes and batches counted "
            f"(counted {MINUS} issued or returned) +1",
        ],
    )
    assert "ballot papers verified)" not in text
    assert "have been verified as follows" not in text
    later = pages(render_verification(statement(rows)))[1:]
    assert later
    for page in later:
        assert "Statement of Verification (continued) – verification not complete" in page


def test_incomplete_notice_counts_the_boxes_not_yet_counted():
    rows = with_counted(BATLEY_VERIFICATION, BS03=None, BS07=None)
    text = text_of(statement(rows))
    assert "Verification not complete: 2 boxes not yet counted" in text
    assert "Not yet counted: BS03, BS07." in text
    # Postal batches all counted: their subtotal stands.
    assert "Total, 3 postal batches 14,376 14,376 0" in text


def test_an_empty_statement_says_nothing_has_been_entered():
    text = text_of(statement(()))
    assert "Verification not complete: no ballot boxes or postal batches have been entered" in text
    assert "No polling station boxes have been entered." in text
    assert "No postal ballot papers have been entered." in text


def test_a_statement_without_postal_batches_says_so():
    text = text_of(statement(BATLEY_VERIFICATION[:12]))
    assert_in_order(
        text,
        [
            "Total, 12 polling station boxes 23,409 23,410 +1",
            "Postal ballot papers",
            "No postal ballot papers have been entered.",
            "Total ballot papers counted (ballot papers verified) 23,410",
        ],
    )


def test_names_with_markup_characters_print_literally():
    rows = (VerificationRow("W1", "Smith & Jones <Hall>, Llŷr Road", "box", 1_200, 1_198, "A & B"),)
    text = text_of(statement(rows))
    assert f"W1 Smith & Jones <Hall>, Llŷr Road 1,200 1,198 {MINUS}2 A & B" in text
    assert "&amp;" not in text


def test_eighty_boxes_run_over_several_pages_with_the_table_heading_repeated():
    boxes = tuple(
        VerificationRow(
            f"KS{i:02d}", f"Polling station {i}, Community Centre", "box", 1_000 + i, 1_000 + i
        )
        for i in range(1, 81)
    )
    snap = statement(boxes + BATLEY_VERIFICATION[12:])
    all_pages = pages(render_verification(snap))
    total = len(all_pages)
    assert total >= 3
    for number, page in enumerate(all_pages, start=1):
        assert f"Page {number} of {total}" in page
    box_pages = [page for page in all_pages if re.search(r"\bKS\d\d\b", page)]
    assert len(box_pages) >= 2
    for page in box_pages:
        assert "Ballot papers issued (per ballot paper account)" in page
    for page in all_pages[1:]:
        assert "Statement of Verification (continued)" in page
        assert "Batley and Spen Constituency" in page
        assert "not complete" not in page
    text = " ".join(all_pages)
    for i in range(1, 81):
        assert f"KS{i:02d} Polling station {i}, Community Centre {1_000 + i:,}" in text
    assert "Total, 80 polling station boxes 83,240 83,240 0" in text
    assert "Total ballot papers counted (ballot papers verified) 97,616" in text
    assert "Dated Thursday 1 July 2021" in all_pages[-1]


def test_same_snapshot_gives_the_same_bytes():
    snap = statement()
    first = render_verification(snap)
    assert first.startswith(b"%PDF-")
    assert render_verification(snap) == first
    assert render_verification(statement()) == first


def test_a_statement_without_the_officers_name_still_reads_properly():
    from dataclasses import replace as _replace

    snap = _replace(statement(), officer_name="")
    text = text_of(snap)
    assert "I, ," not in text
    assert "The Acting Returning Officer at the above election gives notice that" in text


# --- Acknowledged variances, postal batches returned, the accounts' other figures ---------------


def test_a_variance_a_supervisor_accepted_prints_the_reason_not_not_explained():
    rows = tuple(
        dataclasses.replace(r, accepted="Counted twice; the account is wrong")
        if r.reference == "BS08"
        else r
        for r in BATLEY_VERIFICATION
    )
    text = text_of(statement(rows))
    assert (
        "BS08 Gomersal Memorial Hall 2,058 2,059 +1 Variance accepted by the supervisor: "
        "Counted twice; the account is wrong" in text
    )
    assert "Not explained" not in text
    assert "no explanation recorded" not in text
    assert statement(rows).data_hash != statement().data_hash


def test_postal_batches_are_returned_never_issued(batley_text):
    postal = batley_text[batley_text.index("Postal ballot papers") : batley_text.index("Totals")]
    assert "returned" in postal and "issued" not in postal


def test_a_statement_of_boxes_only_says_issued_only():
    boxes = tuple(r for r in BATLEY_VERIFICATION if r.kind == "box")
    text = text_of(statement(boxes))
    assert_in_order(
        text,
        [
            "Total ballot papers issued (per ballot paper accounts) 23,409",
            f"Total variance (counted {MINUS} issued) +1",
        ],
    )
    assert "returned" not in text


def test_unused_spoilt_and_tendered_papers_are_printed_where_the_account_gives_them():
    extra = {"BS01": (386, 2, 1), "BS02": (13, 0, None)}
    rows = tuple(
        dataclasses.replace(
            r,
            unused=extra[r.reference][0],
            spoilt=extra[r.reference][1],
            tendered=extra[r.reference][2],
        )
        if r.reference in extra
        else r
        for r in BATLEY_VERIFICATION
    )
    text = text_of(statement(rows))
    assert_in_order(
        text,
        [
            "Total, 12 polling station boxes",
            "Other figures of the ballot paper accounts",
            "Ref. Polling station Unused ballot papers Spoilt ballot papers Tendered ballot papers",
            "BS01 St Paul's Church Hall, Batley 386 2 1",
            "BS02 Batley Library, Market Place 13 0 –",
            "BS03 Birstall Community Centre – – –",
            "Postal ballot papers",
        ],
    )
    assert statement(rows).data_hash != statement().data_hash
    # Where no account gives them, nothing is added to the statement.
    assert "Other figures" not in text_of(statement())
    with pytest.raises(CountDeskError, match="spoilt"):
        VerificationRow("B", "Hall", "box", 10, 10, spoilt=-1)
