"""The corrected declaration: its title, the notice with the reason, and its pages."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from desktop.domain.arithmetic import ContestResult
from desktop.domain.model import Election
from reports.declaration import render_declaration
from reports.snapshot import DeclarationSnapshot, build_snapshot
from tests.reports.sheets import (
    BATLEY,
    WANDSWORTH,
    assert_in_order,
    batley,
    batley_decided_by_lot,
    pages,
    text_of,
    ward,
)

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


def test_corrected_declaration_of_sixteen_candidates_still_fits_on_one_page():
    assert len(pages(render_declaration(corrected(batley(), BATLEY)))) == 1


def test_a_long_corrected_declaration_says_corrected_on_every_page():
    rows = [(i, "Forename", f"Surname{i:02d}", "Party", i) for i in range(1, 61)]
    result = ward(1, rows, papers=sum(range(1, 61)))
    all_pages = pages(render_declaration(corrected(result, WANDSWORTH)))
    assert len(all_pages) >= 2
    for page in all_pages[1:]:
        assert "Corrected Declaration of Result of Poll (continued)" in page


def test_the_lots_sentence_stays_with_the_closing_declaration():
    """A corrected declaration decided by lot runs over: the lots sentence goes with the close."""
    sheets = pages(render_declaration(corrected(batley_decided_by_lot(), BATLEY)))
    closing = next(i for i, text in enumerate(sheets) if "duly elected" in text)
    assert "The lot fell on" in sheets[closing]
    assert "Alexandra Whitfield" in sheets[closing]
