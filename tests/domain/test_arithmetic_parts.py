"""The parts ``compute_result`` is built from, each at its boundaries, called on its own.

test_arithmetic.py checks the whole; these pin each seam so that a part can be read and
changed without running every check of the count.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from desktop.domain import arithmetic
from desktop.domain.codes import Code
from desktop.domain.comparison import figure_changes
from desktop.domain.completeness import MISSING_LISTED
from desktop.domain.contest_facts import ballot_box_turnout, turnout_findings
from desktop.domain.elected import find_tie, lots_deciding, ordered_ids, rank
from desktop.domain.model import LotsDrawing
from desktop.domain.plausibility import close_result_findings, rejected_share_findings
from desktop.domain.reconciliation import (
    rejected_total_findings,
    several_seats_findings,
    single_seat_findings,
)
from desktop.domain.result import CandidateResult, ContestResult, Tie
from tests.domain.builders import make_candidates


def codes(findings):
    return [f.code for f in findings]


def test_the_names_imported_from_arithmetic_are_the_parts_themselves():
    assert arithmetic.ContestResult is ContestResult
    assert arithmetic.CandidateResult is CandidateResult
    assert arithmetic.Tie is Tie
    assert arithmetic.find_tie is find_tie
    assert arithmetic.ordered_ids is ordered_ids
    assert arithmetic.figure_changes is figure_changes
    assert arithmetic.MISSING_LISTED == MISSING_LISTED
    for name in arithmetic.__all__:
        assert hasattr(arithmetic, name)


@pytest.mark.parametrize(
    ("valid", "rejected", "papers", "expected"),
    [
        (900, 100, 1000, []),
        (900, 100, 1001, [Code.C201]),
        (900, 100, 999, [Code.C201]),
    ],
)
def test_single_seat_papers_reconcile_exactly(valid, rejected, papers, expected):
    assert codes(single_seat_findings(valid, rejected, papers)) == expected


def test_single_seat_gap_says_which_way():
    assert "1 ballot paper is unaccounted for" in single_seat_findings(9, 0, 10)[0].message
    assert "2 more votes and rejected papers" in single_seat_findings(12, 0, 10)[0].message


@pytest.mark.parametrize(
    ("valid", "valid_papers", "expected"),
    [
        (299, 100, []),
        (300, 100, []),
        (301, 100, [Code.C202]),
        (100, 100, []),
        (99, 100, [Code.C214]),
        (0, 0, []),
    ],
)
def test_several_seats_valid_votes_between_papers_and_seats_times_papers(
    valid, valid_papers, expected
):
    assert codes(several_seats_findings(3, valid, valid_papers)) == expected


def test_rejected_total_entered_is_checked_only_when_entered():
    assert rejected_total_findings(12, None) == []
    assert rejected_total_findings(12, 12) == []
    assert codes(rejected_total_findings(12, 13)) == [Code.C205]


def test_ballot_box_turnout_needs_both_figures_and_an_electorate():
    assert ballot_box_turnout(37_786, 79_373) == Fraction(37_786, 79_373)
    assert ballot_box_turnout(None, 79_373) is None
    assert ballot_box_turnout(100, None) is None
    assert ballot_box_turnout(100, 0) is None


@pytest.mark.parametrize(
    ("papers", "electorate", "expected"),
    [
        (10, None, [Code.T302]),
        (None, 100, []),
        (101, 100, [Code.T301]),
        (100, 100, [Code.W603]),
        (90, 100, []),
        (91, 100, [Code.W603]),
        (10, 100, []),
        (9, 100, [Code.W603]),
    ],
)
def test_turnout_findings_at_their_boundaries(papers, electorate, expected):
    assert codes(turnout_findings(papers, electorate)) == expected


def test_lots_decide_only_the_tie_they_were_drawn_for():
    tie = Tie(frozenset({1, 2, 3}), 50, 1)
    good = LotsDrawing(frozenset({1, 2, 3}), frozenset({2}))
    assert lots_deciding(tie, good) is good
    assert lots_deciding(None, good) is None
    assert lots_deciding(tie, None) is None
    assert lots_deciding(tie, LotsDrawing(frozenset({1, 2}), frozenset({2}))) is None
    assert lots_deciding(tie, LotsDrawing(frozenset({1, 2, 3}), frozenset({2, 3}))) is None
    assert lots_deciding(tie, LotsDrawing(frozenset({1, 2, 3}), frozenset({4}))) is None


def test_rank_puts_votes_first_then_the_vote_by_lot_then_ballot_order():
    candidates = make_candidates(4)
    counted = {1: 10, 2: 20, 3: 20, 4: 5}
    assert rank(counted, dict.fromkeys(counted, 0), candidates) == [2, 3, 1, 4]
    assert rank(counted, {1: 0, 2: 0, 3: 1, 4: 0}, candidates) == [3, 2, 1, 4]


@pytest.mark.parametrize(
    ("rejected", "papers", "expected"),
    [(10, 1000, []), (11, 1000, [Code.W601]), (0, 0, []), (5, None, [])],
)
def test_rejected_share_over_one_percent(rejected, papers, expected):
    assert codes(rejected_share_findings(rejected, papers)) == expected


@pytest.mark.parametrize(
    ("majority", "valid", "expected"),
    [(49, 10_000, [Code.W604]), (50, 10_000, []), (0, 10_000, []), (None, 10_000, [])],
)
def test_close_result_under_half_a_percent(majority, valid, expected):
    assert codes(close_result_findings(1, majority, valid)) == expected
