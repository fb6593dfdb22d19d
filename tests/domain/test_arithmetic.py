"""The arithmetic of the count (DOMAIN.md §4) and the findings it raises (§7), at the boundaries.

Every figure here is a decision someone relies on at a count: who is elected, whether the
papers reconcile, whether lots must be drawn, who keeps a deposit. Each boundary is tested on
both sides: the figure that is fine and the one more (or less) that is not.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.arithmetic import compute_result, find_tie
from desktop.domain.election_types import ELECTION_TYPES
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_percent
from desktop.domain.findings import CATALOGUE, Severity
from desktop.domain.model import Contest, CountFigures
from tests.domain.builders import (
    BATLEY_REJECTED_ILLUSTRATIVE,
    batley_candidates,
    lots,
    make_candidates,
    make_contest,
    papers_that_fit,
    rejected_by_heading,
    run_count,
    wholly_rejected_total,
)

# ---------------------------------------------------------------------------------------------
# Batley and Spen by-election, 1 July 2021, as published


def batley(votes_override: dict[str, int] | None = None, rejected=None):
    """Compute Batley and Spen from the published CSV, with an illustrative rejected split."""
    candidates, votes, rows = batley_candidates()
    if votes_override:
        for c in candidates:
            if c.surname in votes_override:
                votes[c.id] = votes_override[c.surname]
    first = rows[0]
    contest = Contest(
        id=first["ballot_paper_id"],
        election_id=first["election_id"],
        area=first["post_label"],
        seats=int(first["seats_contested"]),
        poll_date=date.fromisoformat(first["election_date"]),
        electorate=int(first["total_electorate"]),
        ballot_papers_verified=int(first["turnout_reported"]),
        officer_name="A. N. Officer",
    )
    figures = CountFigures(
        votes=votes,
        rejected=dict(BATLEY_REJECTED_ILLUSTRATIVE if rejected is None else rejected),
    )
    result = compute_result(contest, candidates, figures)
    by_surname = {c.surname: c.id for c in candidates}
    return result, by_surname, rows


def test_batley_inputs_are_as_published():
    _, _, rows = batley()
    assert len(rows) == 16
    assert {row["total_electorate"] for row in rows} == {"79373"}
    assert {row["turnout_reported"] for row in rows} == {"37786"}
    assert sum(BATLEY_REJECTED_ILLUSTRATIVE.values()) == 91


def test_batley_and_spen_2021_result():
    result, ids, _rows = batley()
    assert result.complete
    assert result.valid_votes == 37_695
    assert result.rejected_total == 91
    assert result.ballot_papers_verified == 37_786
    assert result.unaccounted == 0
    assert result.valid_papers == 37_695
    assert result.elected == (ids["Leadbeater"],)
    assert result.leader == ids["Leadbeater"]
    assert result.runner_up == ids["Stephenson"]
    assert result.majority == 323
    assert result.tie is None
    assert result.lots is None
    assert result.turnout == Fraction(37_786, 79_373)
    assert format_percent(result.turnout) == "47.61"
    assert result.errors == ()
    # Nothing at all to acknowledge: no warnings either.
    assert result.findings == ()


def test_batley_elected_flags_agree_with_the_published_csv():
    result, _, rows = batley()
    published = {row["person_name"]: row["elected"] == "True" for row in rows}
    assert {line.candidate.person_name: line.elected for line in result.candidates} == published


def test_batley_deposits_thirteen_forfeited():
    result, ids, _ = batley()
    kept = {line.candidate.id for line in result.candidates if line.deposit_kept is True}
    lost = [line for line in result.candidates if line.deposit_kept is False]
    assert kept == {ids["Leadbeater"], ids["Stephenson"], ids["Galloway"]}
    assert len(lost) == 13
    assert all(line.deposit_kept is not None for line in result.candidates)


def test_batley_shares_are_exact_fractions():
    result, ids, _ = batley()
    assert result.line(ids["Leadbeater"]).share == Fraction(13_296, 37_695)
    assert format_percent(result.line(ids["Leadbeater"]).share) == "35.27"
    assert format_percent(result.line(ids["Galloway"]).share) == "21.92"
    assert sum(line.share for line in result.candidates) == 1
    assert format_percent(result.majority_share) == "0.86"


def test_batley_lines_are_in_ballot_order_whatever_the_input_order():
    candidates, votes, rows = batley_candidates()
    result, _, _ = batley()
    shuffled = list(candidates)
    random.Random(7).shuffle(shuffled)
    again = compute_result(
        result.contest,
        shuffled,
        CountFigures(votes=votes, rejected=dict(BATLEY_REJECTED_ILLUSTRATIVE)),
    )
    assert again == result
    assert [line.candidate.person_name for line in again.candidates] == [
        row["person_name"] for row in rows
    ]


def test_batley_galloway_misread_as_8_is_caught_as_unaccounted_papers():
    """If "8.264" had been read as 8, the papers would not reconcile by 8,256."""
    result, _, _ = batley({"Galloway": 8})
    assert [f.code for f in result.errors] == ["C201"]
    c201 = result.errors[0]
    assert c201.figures["unaccounted"] == 8_256
    assert "8,256" in c201.message


def test_batley_transposed_top_two_still_reconciles_but_elects_the_other():
    """The Nelson 2019 failure: the arithmetic cannot see a transposition, only the figures
    against their candidate ids decide. Swapping the two figures must swap the winner."""
    result, ids, _ = batley({"Leadbeater": 12_973, "Stephenson": 13_296})
    assert result.errors == ()
    assert result.elected == (ids["Stephenson"],)
    assert result.majority == 323


def test_batley_rejected_total_typed_separately_must_agree():
    candidates, votes, _ = batley_candidates()
    result, _, _ = batley()
    for entered, expect_c205 in ((91, False), (90, True), (92, True)):
        again = compute_result(
            result.contest,
            candidates,
            CountFigures(
                votes=votes,
                rejected=dict(BATLEY_REJECTED_ILLUSTRATIVE),
                rejected_total_entered=entered,
            ),
        )
        assert ("C205" in [f.code for f in again.findings]) is expect_c205


# ---------------------------------------------------------------------------------------------
# Deposits: kept only with MORE than one twentieth of valid votes


def test_deposit_at_exactly_five_percent_is_forfeited():
    run = run_count([950, 50])
    assert run.result.valid_votes == 1000
    assert run.result.line(2).deposit_kept is False
    assert run.result.line(1).deposit_kept is True


def test_deposit_one_vote_over_five_percent_is_kept():
    run = run_count([950, 51])  # 51 × 20 = 1,020 > 1,001
    assert run.result.line(2).deposit_kept is True


def test_deposit_just_under_five_percent_is_forfeited():
    run = run_count([951, 50])  # 50 × 20 = 1,000 < 1,001
    assert run.result.line(2).deposit_kept is False


@pytest.mark.parametrize(("votes", "kept"), [([2, 38], False), ([3, 57], False), ([3, 56], True)])
def test_deposit_boundary_small_numbers(votes, kept):
    """3 of 59 is 5.08% (kept); 3 of 60 is exactly 5% (lost); 2 of 40 is exactly 5% (lost)."""
    assert run_count(votes).result.line(1).deposit_kept is kept


def test_local_elections_have_no_deposit():
    run = run_count([950, 50, 0], type_code="local")
    assert [line.deposit_kept for line in run.result.candidates] == [None, None, None]


def test_pcc_deposit_uses_the_same_five_percent_rule():
    run = run_count([950, 50], type_code="pcc")
    assert run.result.line(2).deposit_kept is False
    assert run_count([950, 51], type_code="pcc").result.line(2).deposit_kept is True


def test_no_deposit_decision_while_the_count_is_incomplete():
    run = run_count([950, None], papers=1000)
    assert [line.deposit_kept for line in run.result.candidates] == [None, None]


# ---------------------------------------------------------------------------------------------
# Reconciliation of papers (single seat): S + R == P exactly


def test_one_paper_unaccounted_for():
    run = run_count([600, 399], rejected=1, papers=1001)
    (c201,) = run.findings("C201")
    assert c201.is_error
    assert c201.figures == {
        "valid_votes": 999,
        "rejected_total": 1,
        "ballot_papers_verified": 1001,
        "unaccounted": 1,
    }
    assert "1 ballot paper is unaccounted for" in c201.message
    assert run.result.unaccounted == 1


def test_one_vote_too_many():
    run = run_count([600, 399], rejected=1, papers=999)
    (c201,) = run.findings("C201")
    assert c201.figures == {
        "valid_votes": 999,
        "rejected_total": 1,
        "ballot_papers_verified": 999,
        "unaccounted": -1,
    }
    assert "1 more vote" in c201.message
    assert run.result.unaccounted == -1


def test_papers_that_reconcile_exactly_raise_nothing():
    run = run_count([600, 399], rejected=1, papers=1000)
    assert run.result.unaccounted == 0
    assert "C201" not in run.codes
    assert run.result.errors == ()


def test_unaccounted_message_uses_thousands_separators():
    run = run_count([6000, 3999], rejected=1, papers=12_345)
    (c201,) = run.findings("C201")
    assert "2,345 ballot papers are unaccounted for" in c201.message
    assert "9,999" in c201.message
    assert "12,345" in c201.message


@pytest.mark.parametrize("papers", [900, 1000, 1001, 2999])
def test_multi_seat_contest_never_gives_c201(papers):
    """Each paper carries up to N votes, so S + R ≠ P is normal when N > 1."""
    run = run_count([500, 400, 300, 250, 100], seats=3, rejected=1, papers=papers)
    assert "C201" not in run.codes
    assert run.result.unaccounted is None


def test_rejected_over_papers_verified():
    run = run_count([0, 0], rejected=11, papers=10)
    (c204,) = run.findings("C204")
    assert c204.figures == {"rejected_total": 11, "ballot_papers_verified": 10}
    assert run.result.valid_papers == -1
    assert "C203" not in run.codes


def test_rejected_in_part_papers_are_valid_papers_not_rejected():
    """DOMAIN.md §5: a paper rejected in part still carries good votes, so it is one of the
    valid papers (P − R) and not part of the rejected total R."""
    rejected = {
        "official_mark": 2,
        "too_many_votes": 3,
        "identifying_mark": 0,
        "unmarked_or_void": 5,
        "rejected_in_part": 40,
    }
    run = run_count(
        [500, 400, 300, 250, 100], seats=3, rejected=rejected, papers=1000, type_code="local"
    )
    result = run.result
    assert result.rejected_total == 10
    assert result.rejected["rejected_in_part"] == 40  # still shown under its heading
    assert result.valid_papers == 990
    assert "W601" not in run.codes  # 10 of 1,000 is 1%; with the 40 it would be 5%
    assert result.errors == ()


def test_rejected_in_part_does_not_count_towards_the_multi_seat_maximum():
    # 100 papers, 4 wholly rejected, 30 rejected in part: 96 valid papers × 2 = 192.
    rejected = {**rejected_by_heading(4, "local"), "rejected_in_part": 30}
    fits = run_count(
        [96, 96, 0], seats=2, rejected=rejected, papers=100, type_code="local", papers_counted=None
    )
    assert "C202" not in fits.codes
    over = run_count(
        [96, 96, 1], seats=2, rejected=rejected, papers=100, type_code="local", papers_counted=None
    )
    assert over.findings("C202")[0].figures == {"valid_votes": 193, "maximum": 192}


def test_rejected_total_typed_separately_is_checked_against_wholly_rejected_papers():
    rejected = {**rejected_by_heading(4, "local"), "rejected_in_part": 30}
    agree = run_count(
        [96, 96, 0],
        seats=2,
        rejected=rejected,
        papers=100,
        type_code="local",
        rejected_total_entered=4,
    )
    assert "C205" not in agree.codes
    disagree = run_count(
        [96, 96, 0],
        seats=2,
        rejected=rejected,
        papers=100,
        type_code="local",
        rejected_total_entered=34,
    )
    assert disagree.findings("C205")[0].figures == {"headings": 4, "entered": 34}


# ---------------------------------------------------------------------------------------------
# N seats: margin, the most votes the papers allow, and Highworth


def test_multi_seat_elected_and_margin():
    run = run_count([250, 500, 100, 300, 400], seats=3)
    assert run.result.elected == (2, 5, 4)  # in order of votes
    assert run.result.majority == 50  # 3rd elected (300) − first not elected (250)
    assert run.result.leader == 2
    assert run.result.runner_up == 5


def test_multi_seat_votes_at_the_maximum_are_fine():
    # 100 papers, 4 rejected: 96 valid papers × 3 seats = 288 votes at most.
    run = run_count([96, 96, 90, 6], seats=3, rejected=4, papers=100)
    assert run.result.valid_papers == 96
    assert run.result.valid_votes == 288
    assert "C202" not in run.codes
    assert run.result.errors == ()


def test_multi_seat_one_vote_over_the_maximum():
    run = run_count([96, 96, 90, 7], seats=3, rejected=4, papers=100, papers_counted=None)
    (c202,) = run.findings("C202")
    assert c202.is_error
    assert c202.figures == {"valid_votes": 289, "maximum": 288}
    assert "288" in c202.message
    assert "C203" not in run.codes


def test_candidate_with_as_many_votes_as_valid_papers_is_fine():
    run = run_count([96, 10, 10, 10], seats=3, rejected=4, papers=100)
    assert "C203" not in run.codes


def test_candidate_one_vote_over_valid_papers():
    run = run_count([97, 10, 10, 10], seats=3, rejected=4, papers=100)
    (c203,) = run.findings("C203")
    assert c203.is_error
    assert c203.subject == 1
    assert c203.figures == {"votes": 97, "valid_papers": 96}


def test_candidate_over_valid_papers_in_a_single_seat_contest():
    run = run_count([97, 10], rejected=4, papers=100)
    assert [f.subject for f in run.findings("C203")] == [1]


def test_highworth_2019_votes_from_more_papers_than_there_were():
    """Highworth 2019: 41,939 votes were credited from 2,477 ballot papers (illustrative
    figures for the other candidates and the rejected papers)."""
    run = run_count(
        [41_939, 1_200, 1_100, 900, 700],
        seats=3,
        rejected=12,
        papers=2_477,
        type_code="local",
    )
    (c203,) = run.findings("C203")
    assert c203.subject == 1
    assert c203.figures == {"votes": 41_939, "valid_papers": 2_465}
    assert "41,939" in c203.message
    assert "2,465" in c203.message
    assert "2,477" in c203.message
    assert "ADAMS" in c203.message
    assert "C222" in run.codes  # and the total is over 3 × 2,465 papers counted too


# ---------------------------------------------------------------------------------------------
# Equality of votes


def test_two_way_tie_for_a_single_seat_needs_lots():
    run = run_count([10, 10, 5])
    tie = run.result.tie
    assert tie is not None
    assert tie.candidates == {1, 2}
    assert tie.votes == 10
    assert tie.places == 1
    (l401,) = run.findings("L401")
    assert l401.is_error
    assert l401.figures == {"votes": 10, "places": 1}
    assert "ADAMS" in l401.message and "BROWN" in l401.message
    assert run.result.elected == ()
    assert run.result.majority == 0
    assert not any(line.elected for line in run.result.candidates)


def test_three_seats_third_and_fourth_tied_needs_lots():
    run = run_count([30, 20, 10, 10, 5], seats=3)
    assert run.result.tie is not None
    assert run.result.tie.candidates == {3, 4}
    assert run.result.tie.places == 1
    assert "L401" in run.codes
    assert run.result.elected == (1, 2)
    assert "the last seat" in run.findings("L401")[0].message


def test_three_seats_three_tied_for_the_last_two_places():
    run = run_count([30, 10, 10, 10, 5], seats=3)
    tie = run.result.tie
    assert tie is not None
    assert tie.candidates == {2, 3, 4}
    assert tie.places == 2
    (l401,) = run.findings("L401")
    assert l401.figures == {"votes": 10, "places": 2}
    assert run.result.elected == (1,)


def test_tie_for_a_lower_place_needs_no_lots():
    """A tie for 5th in a single-seat contest decides nothing."""
    run = run_count([50, 40, 30, 20, 10, 10])
    assert run.result.tie is None
    assert "L401" not in run.codes
    assert run.result.elected == (1,)


@pytest.mark.parametrize("votes", [[30, 30, 20, 10], [30, 20, 20, 10], [20, 20, 20, 10]])
def test_tie_among_candidates_who_are_all_elected_needs_no_lots(votes):
    run = run_count(votes, seats=3)
    assert run.result.tie is None
    assert "L401" not in run.codes
    assert set(run.result.elected) == {1, 2, 3}


def test_tie_among_candidates_who_are_all_not_elected_needs_no_lots():
    run = run_count([30, 20, 10, 5, 5], seats=2)
    assert run.result.tie is None
    assert run.result.elected == (1, 2)


def test_lots_resolve_a_single_seat_tie():
    drawing = lots(tied=[1, 2], winners=[2])
    run = run_count([10, 10, 5], lots=drawing)
    result = run.result
    assert result.lots == drawing
    assert result.lots_applied
    assert "L401" not in run.codes
    (l403,) = run.findings("L403")
    assert l403.severity is Severity.INFO
    assert "BROWN" in l403.message
    assert result.elected == (2,)
    assert result.line(2).elected and not result.line(1).elected
    assert result.line(2).lot_vote == 1
    assert result.line(1).lot_vote == 0
    assert result.line(2).votes == 10  # the counted figure is never changed
    assert result.line(2).votes_with_lot == 11
    assert result.majority == 0
    assert result.errors == ()


def test_lots_resolve_three_tied_for_two_places():
    run = run_count([30, 10, 10, 10, 5], seats=3, lots=lots(tied=[2, 3, 4], winners=[2, 4]))
    result = run.result
    assert set(result.elected) == {1, 2, 4}
    assert [line.lot_vote for line in result.candidates] == [0, 1, 0, 1, 0]
    assert result.majority == 0
    assert run.codes.count("L403") == 1
    assert result.errors == ()


def test_lot_vote_does_not_count_towards_deposit_or_share():
    run = run_count([10, 10, 180], seats=2, lots=lots(tied=[1, 2], winners=[1]))
    assert run.result.elected == (3, 1)
    assert run.result.line(1).share == Fraction(10, 200)
    assert run.result.line(1).deposit_kept is False  # 10 × 20 = 200, exactly 5%
    assert run.result.valid_votes == 200


def test_lots_that_no_longer_match_the_figures_are_not_applied():
    """Lots drawn at 10–10; a recount then gives 11–10: no tie, the lots must not count."""
    run = run_count([11, 10, 5], lots=lots(tied=[1, 2], winners=[2]))
    result = run.result
    assert "L402" in run.codes
    assert run.findings("L402")[0].severity is Severity.WARNING
    assert result.lots is None
    assert not result.lots_applied
    assert [line.lot_vote for line in result.candidates] == [0, 0, 0]
    assert result.elected == (1,)
    assert result.majority == 1


def test_lots_for_a_different_tied_set_are_not_applied():
    run = run_count([10, 10, 10, 5], lots=lots(tied=[1, 2], winners=[1]))
    assert {"L401", "L402"} <= set(run.codes)
    assert run.result.lots is None
    assert run.result.elected == ()


def test_lots_with_the_wrong_number_of_winners_are_not_applied():
    run = run_count([30, 10, 10, 10, 5], seats=3, lots=lots(tied=[2, 3, 4], winners=[2]))
    assert {"L401", "L402"} <= set(run.codes)
    assert run.result.elected == (1,)


def test_lots_falling_outside_the_tie_are_not_applied():
    run = run_count([10, 10, 5], lots=lots(tied=[1, 2], winners=[3]))
    assert {"L401", "L402"} <= set(run.codes)
    assert run.result.elected == ()
    assert run.result.line(3).lot_vote == 0


def test_lots_where_no_tie_decides_anything_are_not_applied():
    run = run_count([30, 30, 20, 10], seats=3, lots=lots(tied=[1, 2], winners=[1]))
    assert "L402" in run.codes
    assert run.result.lots is None
    assert [line.lot_vote for line in run.result.candidates] == [0, 0, 0, 0]


def test_lots_are_held_back_quietly_while_figures_are_still_being_typed():
    run = run_count([10, None, 5], papers=25, lots=lots(tied=[1, 2], winners=[2]))
    assert run.result.lots is None
    assert "L402" not in run.codes
    assert "L401" not in run.codes
    assert run.result.tie is None


def test_margin_after_lots_is_between_the_tied_candidates():
    """The lot's extra vote decides only among the tied: the margin is 0, not 11 − 10.

    Two seats: BROWN 11 is elected; ADAMS and CLARK tie on 10 for the second seat, and the
    lot falls on ADAMS, who is first in ballot order (so a rank by votes-plus-lot, then
    ballot position, would put ADAMS above BROWN)."""
    run = run_count([10, 11, 10], seats=2, lots=lots(tied=[1, 3], winners=[1]))
    assert set(run.result.elected) == {1, 2}
    assert run.result.majority == 0


def test_order_after_lots_keeps_the_counted_votes_first():
    """BROWN (11) leads; ADAMS (10, plus the lot) comes second, not first."""
    run = run_count([10, 11, 10], seats=2, lots=lots(tied=[1, 3], winners=[1]))
    assert run.result.leader == 2
    assert run.result.elected == (2, 1)


def test_find_tie_directly():
    assert find_tie({1: 10, 2: 10}, 1).places == 1
    assert find_tie({1: 10, 2: 9}, 1) is None
    assert find_tie({1: 10, 2: 10}, 2) is None  # both elected, no contest
    assert find_tie({1: 0, 2: 0, 3: 0}, 1).candidates == {1, 2, 3}
    tie = find_tie({1: 9, 2: 5, 3: 5, 4: 5, 5: 5}, 3)
    assert tie.candidates == {2, 3, 4, 5}
    assert tie.places == 2


# ---------------------------------------------------------------------------------------------
# Plausibility warnings and missing figures


def test_rejected_at_exactly_one_percent_does_not_warn():
    run = run_count([500, 490], rejected=10, papers=1000)
    assert "W601" not in run.codes


def test_rejected_one_over_one_percent_warns():
    run = run_count([500, 489], rejected=11, papers=1000)
    (w601,) = run.findings("W601")
    assert w601.severity is Severity.WARNING
    assert w601.figures == {"rejected_total": 11, "ballot_papers_verified": 1000}
    assert "1.10%" in w601.message


@pytest.mark.parametrize(
    ("papers", "warns"),
    [(99, True), (100, False), (500, False), (900, False), (901, True), (1000, True)],
)
def test_turnout_outside_ten_to_ninety_percent_warns(papers, warns):
    votes = [papers * 3 // 4, papers - papers * 3 // 4]
    run = run_count(votes, papers=papers, electorate=1000)
    assert ("W603" in run.codes) is warns
    assert "T301" not in run.codes


def test_turnout_over_one_hundred_percent_is_an_error():
    run = run_count([700, 301], papers=1001, electorate=1000)
    (t301,) = run.findings("T301")
    assert t301.is_error
    assert t301.figures == {"ballot_papers_verified": 1001, "electorate": 1000}
    assert "W603" not in run.codes
    assert run.result.turnout == Fraction(1001, 1000)


def test_turnout_of_exactly_one_hundred_percent_is_not_an_error():
    run = run_count([700, 300], papers=1000, electorate=1000)
    assert "T301" not in run.codes
    assert "W603" in run.codes


def test_electorate_of_zero_with_papers_is_turnout_over_one_hundred_percent():
    run = run_count([60, 40], papers=100, electorate=0)
    assert "T301" in run.codes
    assert "W603" not in run.codes
    assert run.result.turnout is None  # never a division by zero


def test_electorate_and_papers_both_zero_raise_no_turnout_finding():
    run = run_count([0, 0], papers=0, electorate=0)
    assert not {"T301", "W603"} & set(run.codes)
    assert run.result.turnout is None


def test_electorate_not_entered():
    run = run_count([60, 40], papers=100, electorate=None)
    assert "T302" in run.codes
    assert run.findings("T302")[0].severity is Severity.WARNING
    assert run.result.turnout is None


def test_turnout_is_papers_over_electorate_as_a_fraction():
    run = run_count([60, 40], papers=100, electorate=300)
    assert run.result.turnout == Fraction(1, 3)
    assert format_percent(run.result.turnout) == "33.33"


def test_candidate_with_no_votes_warns():
    run = run_count([100, 0, 50])
    (w602,) = run.findings("W602")
    assert w602.subject == 2
    assert "BROWN" in w602.message
    assert w602.severity is Severity.WARNING


def test_every_candidate_with_no_votes_warns():
    run = run_count([100, 0, 50, 0])
    assert sorted(f.subject for f in run.findings("W602")) == [2, 4]


def test_small_majority_warns_below_half_a_percent():
    run = run_count([101, 100])  # 1 × 200 = 200 < 201
    (w604,) = run.findings("W604")
    assert w604.figures == {"majority": 1, "valid_votes": 201}
    assert "majority" in w604.message


def test_majority_of_exactly_half_a_percent_does_not_warn():
    run = run_count([100, 99, 1])  # 1 × 200 = 200 == 200
    assert "W604" not in run.codes


@pytest.mark.parametrize(("votes", "warns"), [([10_050, 9_950], False), ([10_049, 9_950, 1], True)])
def test_small_majority_boundary_in_thousands(votes, warns):
    assert ("W604" in run_count(votes).codes) is warns


def test_small_margin_in_a_multi_seat_contest_says_margin():
    run = run_count([1000, 900, 801, 800], seats=3)
    (w604,) = run.findings("W604")
    assert "margin" in w604.message
    assert w604.figures == {"majority": 1, "valid_votes": 3501}


def test_tie_does_not_also_warn_of_a_small_majority():
    assert "W604" not in run_count([10, 10, 5]).codes


def test_missing_candidate_votes():
    run = run_count([100, None, 50], papers=1000)
    result = run.result
    (c206,) = run.findings("C206")
    assert c206.subject == 2
    assert "BROWN" in c206.message
    assert not result.complete
    assert "C201" not in run.codes  # 150 of 1,000 is not "unaccounted" while typing
    assert result.valid_votes == 150  # running total still shown
    assert result.line(2).votes is None


def test_candidate_missing_from_the_figures_entirely_counts_as_not_entered():
    candidates = make_candidates(2)
    contest = make_contest(papers=100, electorate=200)
    figures = CountFigures(votes={1: 100}, rejected=rejected_by_heading(0))
    result = compute_result(contest, candidates, figures)
    assert [f.subject for f in result.findings if f.code == "C206"] == [2]
    assert not result.complete


def test_missing_rejected_heading():
    rejected = {**rejected_by_heading(0), "too_many_votes": None}
    run = run_count([60, 40], rejected=rejected, papers=200)
    (c207,) = run.findings("C207")
    assert c207.subject == "too_many_votes"
    assert not run.result.complete
    assert "C201" not in run.codes


def test_rejected_heading_left_out_of_the_figures_counts_as_not_entered():
    rejected = rejected_by_heading(0)
    del rejected["unmarked_or_void"]
    run = run_count([60, 40], rejected=rejected, papers=100)
    assert [f.subject for f in run.findings("C207")] == ["unmarked_or_void"]
    assert not run.result.complete


def test_missing_papers_verified():
    run = run_count([60, 40], papers=None, electorate=1000)
    result = run.result
    assert "C208" in run.codes
    assert not result.complete
    assert "C201" not in run.codes
    assert result.unaccounted is None
    assert result.valid_papers is None
    assert result.turnout is None


def test_incomplete_count_makes_no_plausibility_or_tie_findings():
    run = run_count([0, 0, None], rejected=50, papers=60)
    for code in ("C201", "L401", "W601", "W602", "W604"):
        assert code not in run.codes
    assert all(line.deposit_kept is None for line in run.result.candidates)


def test_rejected_headings_that_do_not_add_up_to_the_total_entered():
    rejected = {
        "official_mark": 4,
        "too_many_votes": 29,
        "identifying_mark": 2,
        "unmarked_or_void": 56,
    }
    run = run_count([600, 400], rejected=rejected, rejected_total_entered=92)
    (c205,) = run.findings("C205")
    assert c205.is_error
    assert c205.figures == {"headings": 91, "entered": 92}
    assert "91" in c205.message and "92" in c205.message


def test_rejected_total_entered_that_agrees_raises_nothing():
    run = run_count([600, 400], rejected=91, rejected_total_entered=91)
    assert "C205" not in run.codes


@pytest.mark.parametrize("officer", ["", "   "])
def test_declaring_officer_name_missing(officer):
    run = run_count([60, 40], officer=officer)
    assert "T303" in run.codes
    assert run.findings("T303")[0].is_error


def test_declaring_officer_name_set():
    assert "T303" not in run_count([60, 40], officer="Jacqui Officer").codes


@pytest.mark.parametrize(("votes", "seats"), [([120], 1), ([60, 40], 2), ([5, 5, 5], 3), ([9], 2)])
def test_no_more_candidates_than_seats(votes, seats):
    run = run_count(votes, seats=seats)
    assert "I701" in run.codes
    assert run.findings("I701")[0].severity is Severity.INFO
    assert set(run.result.elected) == set(range(1, len(votes) + 1))
    assert run.result.majority is None
    assert run.result.tie is None
    assert "L401" not in run.codes


def test_one_more_candidate_than_seats_is_a_contest():
    run = run_count([60, 40, 10], seats=2)
    assert "I701" not in run.codes
    assert run.result.elected == (1, 2)


@pytest.mark.parametrize("seats", [0, -1])
def test_contest_with_no_seats_is_refused(seats):
    """DOMAIN.md §2: a contest elects N ≥ 1 members; 0 seats would give a negative majority."""
    with pytest.raises(CountDeskError):
        run_count([10, 5], seats=seats, papers=15)


def test_no_candidates():
    run = run_count([], papers=0)
    assert "C210" in run.codes
    assert not run.result.complete
    assert run.result.elected == ()
    assert run.result.leader is None


# ---------------------------------------------------------------------------------------------
# Properties over random counts

ALLOWED_LEAVES = (bool, int, str, Fraction, date, type(None))


def assert_no_floats(value, path="result"):
    """Every figure in a result is an int, a Fraction, a str, a bool or None (and the poll date)."""
    if isinstance(value, float):
        pytest.fail(f"{path} is a float: {value!r}")
    if isinstance(value, ALLOWED_LEAVES):
        return
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            assert_no_floats(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            assert_no_floats(key, f"{path}[key {key!r}]")
            assert_no_floats(item, f"{path}[{key!r}]")
    elif isinstance(value, tuple | list | frozenset | set):
        for i, item in enumerate(value):
            assert_no_floats(item, f"{path}[{i}]")
    else:
        pytest.fail(f"{path} is a {type(value).__name__}: {value!r}")


def test_no_float_walker_catches_a_float():
    with pytest.raises(pytest.fail.Exception):
        assert_no_floats({"turnout": 0.47})


@st.composite
def counts(draw, *, seats=None, balanced=None, complete=True):
    """A random count: type, seats, votes (small ranges, so ties are common), rejected papers,
    papers verified that reconcile (or not), electorate."""
    type_code = draw(st.sampled_from(["parl", "local", "pcc"]))
    seats = draw(st.integers(min_value=1, max_value=4)) if seats is None else seats
    n = draw(st.integers(min_value=1, max_value=9))
    ceiling = draw(st.sampled_from([3, 20, 5_000, 60_000]))
    votes = draw(st.lists(st.integers(min_value=0, max_value=ceiling), min_size=n, max_size=n))
    keys = ELECTION_TYPES[type_code].heading_keys
    rejected = {key: draw(st.integers(min_value=0, max_value=40)) for key in keys}
    if not complete:
        blank = draw(st.integers(min_value=0, max_value=n))
        if blank < n:
            votes[blank] = None
        else:
            rejected[keys[0]] = None
    fit = papers_that_fit(votes, seats, wholly_rejected_total(rejected, type_code))
    if balanced is None:
        balanced = draw(st.booleans())
    papers = fit if balanced else fit + draw(st.integers(min_value=-3, max_value=50))
    papers = max(papers, 0)
    electorate = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=3 * papers + 10)))
    return dict(
        votes=votes,
        seats=seats,
        rejected=rejected,
        papers=papers,
        electorate=electorate,
        type_code=type_code,
    )


def _sorted_votes(result):
    return sorted((line.votes for line in result.candidates), reverse=True)


@given(counts(seats=1, balanced=True))
def test_single_seat_counts_that_reconcile_have_no_unaccounted_papers(spec):
    result = run_count(**spec).result
    codes = {f.code for f in result.findings}
    assert result.unaccounted == 0
    assert not codes & {"C201", "C202", "C203", "C204"}


@given(counts())
def test_totals_are_the_sums_of_the_figures(spec):
    result = run_count(**spec).result
    assert result.valid_votes == sum(spec["votes"])
    assert result.rejected_total == wholly_rejected_total(spec["rejected"], spec["type_code"])
    assert result.rejected == spec["rejected"]
    assert result.valid_papers == spec["papers"] - result.rejected_total
    if spec["seats"] == 1:
        assert result.unaccounted == spec["papers"] - result.valid_votes - result.rejected_total
        assert ("C201" in {f.code for f in result.findings}) is (result.unaccounted != 0)
    else:
        assert result.unaccounted is None


@given(counts())
def test_exactly_n_elected_unless_an_undecided_tie(spec):
    result = run_count(**spec).result
    n, seats = len(spec["votes"]), spec["seats"]
    codes = [f.code for f in result.findings]
    if n <= seats:
        assert len(result.elected) == n
        assert "I701" in codes
    elif result.tie is not None:
        assert len(result.elected) == seats - result.tie.places
        assert 1 <= result.tie.places <= len(result.tie.candidates) - 1
        assert "L401" in codes
    else:
        assert len(result.elected) == seats
        assert "L401" not in codes
    assert len(set(result.elected)) == len(result.elected)
    assert {line.candidate.id for line in result.candidates if line.elected} == set(result.elected)


@given(counts())
def test_tie_is_found_exactly_when_one_vote_would_decide_a_seat(spec):
    result = run_count(**spec).result
    votes, seats = spec["votes"], spec["seats"]
    ranked = sorted(votes, reverse=True)
    needs_lots = len(votes) > seats and ranked[seats - 1] == ranked[seats]
    assert (result.tie is not None) is needs_lots
    if needs_lots:
        boundary = ranked[seats - 1]
        assert result.tie.votes == boundary
        assert result.tie.candidates == {i + 1 for i, v in enumerate(votes) if v == boundary}
        assert result.tie.places == seats - sum(1 for v in votes if v > boundary)


@given(counts(), st.data())
def test_result_contains_no_floats(spec, data):
    run = run_count(**spec)
    assert_no_floats(run.result)
    if run.result.tie is not None:
        tied = sorted(run.result.tie.candidates)
        winners = data.draw(st.permutations(tied))[: run.result.tie.places]
        assert_no_floats(run_count(**spec, lots=lots(tied, winners)).result)
    assert isinstance(run.result.majority_share, Fraction | None)


@given(counts())
def test_elected_have_at_least_as_many_votes_as_everyone_not_elected(spec):
    result = run_count(**spec).result
    elected = [line.votes for line in result.candidates if line.elected]
    others = [line.votes for line in result.candidates if not line.elected]
    if elected and others:
        assert min(elected) >= max(others)
    if result.tie is None and others and len(spec["votes"]) > spec["seats"]:
        assert min(elected) > max(others)


@given(counts())
def test_majority_is_nth_minus_next_and_never_negative(spec):
    result = run_count(**spec).result
    seats, ranked = spec["seats"], _sorted_votes(result)
    if len(ranked) <= seats:
        assert result.majority is None
    else:
        assert result.majority == ranked[seats - 1] - ranked[seats]
        assert result.majority >= 0
    if result.leader is not None:
        assert result.line(result.leader).votes == ranked[0]


@given(counts(), st.data())
def test_recorded_lots_always_decide_the_tie(spec, data):
    first = run_count(**spec).result
    if first.tie is None:
        return
    tied = sorted(first.tie.candidates)
    winners = data.draw(st.permutations(tied))[: first.tie.places]
    run = run_count(**spec, lots=lots(tied, winners))
    result = run.result
    assert result.lots_applied
    assert "L401" not in run.codes and "L402" not in run.codes
    assert run.codes.count("L403") == 1
    assert len(result.elected) == spec["seats"]
    assert set(winners) <= set(result.elected)
    assert not (set(tied) - set(winners)) & set(result.elected)
    assert sum(line.lot_vote for line in result.candidates) == first.tie.places
    assert [line.votes for line in result.candidates] == spec["votes"]
    assert result.majority >= 0


@given(counts(), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_the_order_candidates_are_given(spec, rng):
    run = run_count(**spec)
    shuffled = list(run.candidates)
    rng.shuffle(shuffled)
    assert compute_result(run.contest, shuffled, run.figures) == run.result
    assert compute_result(run.contest, run.candidates, run.figures) == run.result


@given(counts())
def test_deposit_is_kept_only_over_one_twentieth(spec):
    result = run_count(**spec).result
    for line in result.candidates:
        if spec["type_code"] == "local":
            assert line.deposit_kept is None
        else:
            assert line.deposit_kept is (line.votes * 20 > result.valid_votes)


@given(counts())
def test_shares_add_up_to_one(spec):
    result = run_count(**spec).result
    if result.valid_votes:
        assert sum(line.share for line in result.candidates) == 1
    else:
        assert all(line.share is None for line in result.candidates)


@given(counts())
def test_warnings_follow_their_thresholds_exactly(spec):
    result = run_count(**spec).result
    codes = [f.code for f in result.findings]
    papers, electorate = spec["papers"], spec["electorate"]
    rejected_total, valid = result.rejected_total, result.valid_votes
    assert ("W601" in codes) is (papers > 0 and rejected_total * 100 > papers)
    assert codes.count("W602") == spec["votes"].count(0)
    small = result.majority is not None and result.majority > 0 and result.majority * 200 < valid
    assert ("W604" in codes) is small
    assert ("T302" in codes) is (electorate is None)
    if electorate is not None:
        assert ("T301" in codes) is (papers > electorate)
        outside = not (electorate <= 10 * papers <= 9 * electorate)
        assert ("W603" in codes) is (papers <= electorate and outside)
        assert result.turnout == Fraction(papers, electorate)


@given(counts(complete=False))
def test_incomplete_counts_decide_nothing(spec):
    run = run_count(**spec)
    result = run.result
    assert not result.complete
    assert {"C206", "C207"} & set(run.codes)
    assert not {"C201", "C202", "L401", "L403", "W601", "W602", "W604"} & set(run.codes)
    assert result.tie is None
    assert all(line.deposit_kept is None for line in result.candidates)
    # Nor a majority (or margin), nor its share: a missing figure could change either.
    assert result.majority is None and result.majority_share is None


@given(counts())
@settings(max_examples=50)
def test_findings_are_sorted_errors_first_and_in_the_catalogue(spec):
    result = run_count(**spec).result
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    order = list(CATALOGUE)
    keys = [(rank[f.severity], order.index(f.code)) for f in result.findings]
    assert keys == sorted(keys)
    assert result.errors == tuple(f for f in result.findings if f.is_error)


@given(counts())
def test_result_is_deterministic(spec):
    assert run_count(**spec).result == run_count(**spec).result


def test_figure_changes_between_two_counts_name_only_what_moved():
    from desktop.domain.arithmetic import figure_changes

    first = run_count([60, 40], rejected=2).result
    second = run_count([58, 42], rejected=2).result
    assert figure_changes(first, second) == {
        ("votes", 1): -2,
        ("votes", 2): 2,
        ("majority", None): -4,
    }
    assert figure_changes(first, first) == {}


def test_the_votes_the_papers_allow_and_the_deposits_lost_are_read_off_the_result():
    ward = run_count([60, 40, 30], seats=2, rejected=4, papers=100).result
    assert ward.max_valid_votes == 2 * (100 - 4)
    batley = run_count([1000, 60, 49, 1], rejected=0).result  # 5% of 1,110 is 55.5
    assert batley.deposits_forfeited == 2
    assert run_count([60, None]).result.deposits_forfeited is None
    assert run_count([60, 40], type_code="local").result.deposits_forfeited is None
