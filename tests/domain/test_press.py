"""The press summary's arithmetic: shares, change since the previous election, swing, gain or
hold, and the election summary (desktop.domain.press, parties, press_election)."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.arithmetic import compute_result
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, CountFigures
from desktop.domain.parties import PartyRef, normalised_name, same_party
from desktop.domain.press import (
    PartyLine,
    PreviousCandidate,
    PreviousResult,
    press_change,
    press_percent,
    press_result,
    two_party_swing,
)
from desktop.domain.press_election import election_summary
from tests.domain.builders import batley_candidates, make_candidates, run_count

ROOT = Path(__file__).resolve().parents[2]
BATLEY_2019 = ROOT / "tests" / "data" / "batley-and-spen-2019.csv"


def previous_from(path: Path, contest_id: str = "parl.batley-and-spen.by.2021-07-01"):
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return PreviousResult(
        contest_id=contest_id,
        election_id=rows[0]["election_id"],
        ballot_id=rows[0]["ballot_paper_id"],
        poll_date=date.fromisoformat(rows[0]["election_date"]),
        seats=1,
        candidates=tuple(
            PreviousCandidate(
                r["person_name"],
                PartyRef(r["party_id"], r["party_name"], r["person_name"]),
                int(r["votes_cast"]),
                r["elected"] == "True",
            )
            for r in rows
        ),
    )


def batley(previous: PreviousResult | None = None):
    candidates, votes, rows = batley_candidates()
    contest = Contest(
        "parl.batley-and-spen.by.2021-07-01",
        "parl.2021-07-01",
        "Batley and Spen",
        1,
        date(2021, 7, 1),
        electorate=79373,
        ballot_papers_verified=37786,
    )
    rejected = {
        "official_mark": 91,
        "too_many_votes": 0,
        "identifying_mark": 0,
        "unmarked_or_void": 0,
    }
    figures = CountFigures(votes, rejected)
    result = compute_result(contest, candidates, figures)
    parties = {
        c.id: PartyRef(row["party_id"], row["party_name"], row["person_name"])
        for c, row in zip(candidates, rows, strict=True)
    }
    return press_result(result, parties, previous)


def test_batley_shares_in_order_of_votes_with_the_majority_and_turnout():
    press = batley()
    assert [line.display_name for line in press.lines[:3]] == [
        "LEADBEATER, Kim",
        "STEPHENSON, Ryan",
        "GALLOWAY, George",
    ]
    assert press.lines[0].elected and not press.lines[1].elected
    assert press_percent(press.lines[0].share) == "35.3"
    assert press_percent(press.lines[2].share) == "21.9"
    assert press.majority == 323
    assert press_percent(press.majority_share) == "0.9"
    assert press_percent(press.turnout) == "47.6"
    assert sum(line.share for line in press.lines) == 1


def test_without_a_previous_result_there_is_no_change_swing_or_gain():
    press = batley()
    assert all(p.change is None and not p.new for p in press.parties)
    assert press.swing is None
    assert "No previous result" in press.no_swing_reason
    assert press.seat_changes == ()


def test_batley_change_since_2019_swing_and_hold():
    press = batley(previous_from(BATLEY_2019))
    labour = press.party("id:PP53")
    conservative = press.party("id:PP52")
    assert press_change(labour.change) == "\u22127.4"
    assert press_change(conservative.change) == "\u22121.6"
    assert press_change(press.party("id:PP90").change) == "\u22121.3"
    # Galloway's Workers Party did not stand in 2019.
    workers = next(p for p in press.parties if p.name == "Workers Party of Britain")
    assert workers.new and workers.change is None
    assert press.swing is not None
    assert (press.swing.from_party, press.swing.to_party) == (
        "Labour Party",
        "Conservative and Unionist Party",
    )
    assert press_percent(press.swing.value) == "2.9"
    assert press.outcome_words == "Labour Party hold"


def test_a_gain_names_the_party_that_held_the_seat():
    previous = previous_from(BATLEY_2019)
    swapped = replace(
        previous,
        candidates=tuple(
            replace(c, elected=c.person_name == "Ryan Stephenson") for c in previous.candidates
        ),
    )
    press = batley(swapped)
    assert press.outcome_words == "Labour Party gain from Conservative and Unionist Party"


def test_party_matching_by_id_then_by_normalised_name():
    labour = PartyRef("PP53", "Labour Party")
    coop = PartyRef("PP53", "Labour and Co-operative Party")
    assert same_party(labour, coop)
    assert not same_party(
        PartyRef("", "Labour Party"), PartyRef("", "Labour and Co-operative Party")
    )
    assert same_party(PartyRef("", "The Green Party"), PartyRef("PP63", "green  party"))
    assert not same_party(PartyRef("PP52", "Conservative"), PartyRef("PP53", "Conservative"))
    assert normalised_name("The Brexit Party") == "brexit party"


def test_independents_match_only_the_same_person():
    kim = PartyRef("ynmp-party:2", "Independent", "Kim Smith")
    assert same_party(kim, PartyRef("", "Independent", "kim  smith"))
    assert not same_party(kim, PartyRef("ynmp-party:2", "Independent", "Jo Bloggs"))
    assert not same_party(kim, PartyRef("", "Kim Smith Party", "Kim Smith"))
    assert not same_party(PartyRef("", "", "A"), PartyRef("", "", "B"))


def three_seat_ward():
    run = run_count([900, 850, 700, 650, 400, 300], seats=3, type_code="local")
    ids = [c.id for c in run.candidates]
    names = [c.person_name or c.display_name for c in run.candidates]
    parties = {
        ids[0]: PartyRef("PP53", "Labour Party", names[0]),
        ids[1]: PartyRef("PP63", "Green Party", names[1]),
        ids[2]: PartyRef("PP53", "Labour Party", names[2]),
        ids[3]: PartyRef("PP53", "Labour Party", names[3]),
        ids[4]: PartyRef("PP52", "Conservative and Unionist Party", names[4]),
        ids[5]: PartyRef("ynmp-party:2", "Independent", "Pat Doe"),
    }
    previous = PreviousResult(
        run.contest.id,
        "local.testshire.2022-05-05",
        "local.testshire.middle-ward.2022-05-05",
        date(2022, 5, 5),
        3,
        (
            PreviousCandidate("A", PartyRef("PP53", "Labour Party", "A"), 1000, True),
            PreviousCandidate("B", PartyRef("PP53", "Labour Party", "B"), 950, True),
            PreviousCandidate("C", PartyRef("PP52", "Conservative Party", "C"), 900, True),
            PreviousCandidate("D", PartyRef("PP52", "Conservative Party", "D"), 500, False),
            PreviousCandidate("Pat Doe", PartyRef("", "Independent", "Pat Doe"), 300, False),
        ),
    )
    return press_result(run.result, parties, previous)


def test_a_three_seat_ward_counts_seats_per_party_with_gains_from_the_losers():
    press = three_seat_ward()
    assert [(p.name, p.seats, p.previous_seats) for p in press.parties[:3]] == [
        ("Labour Party", 2, 2),
        ("Green Party", 1, 0),
        ("Conservative and Unionist Party", 0, 1),
    ]
    assert press.outcome_words == ("Labour Party hold 2; Green Party gain from Conservative Party")
    # The Independent is the same person as before: matched, with a change.
    independent = next(p for p in press.parties if p.independent)
    assert not independent.new and independent.change is not None
    assert press.party("id:PP63").new
    # Labour and Green lead on party votes; Green is new, so there is no swing.
    assert press.swing is None and "Green Party did not stand in 2022" in press.no_swing_reason


def test_a_referendum_shows_answers_and_no_party_or_swing():
    run = run_count([1874, 1101], type_code="ref")
    press = press_result(run.result, {})
    assert press.referendum and press.parties == () and press.swing is None
    assert press_percent(press.lines[0].share) == "63.0"
    assert "carried" in press.outcome_words


def test_nothing_is_summarised_on_part_of_the_figures():
    run = run_count([100, None])
    with pytest.raises(CountDeskError) as raised:
        press_result(run.result, {})
    assert raised.value.code is Code.E105


def test_election_summary_counts_seats_and_gains():
    gained = three_seat_ward()
    held = batley(previous_from(BATLEY_2019))
    summary = election_summary("local.testshire.2024-05-02", 5, [held, gained])
    seats = {p.name: (p.seats, p.gains, p.losses) for p in summary.parties}
    assert seats["Labour Party"] == (3, 0, 0)
    assert seats["Green Party"] == (1, 1, 0)
    assert seats["Conservative Party"] == (0, 0, 1)
    assert summary.contests_declared == 2 and summary.contests_total == 5
    assert summary.seats_declared == 4


def test_rounding_is_half_up_at_the_edge():
    assert press_percent(Fraction(1, 8)) == "12.5"
    assert press_percent(Fraction(2125, 100000)) == "2.1"
    assert press_percent(Fraction(2150, 100000)) == "2.2"
    assert press_change(Fraction(-2150, 100000)) == "\u22122.2"
    assert press_change(Fraction(0)) == "0.0"


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=2, max_size=16))
def test_shares_sum_to_one_exactly(votes):
    if sum(votes) == 0:
        votes[0] = 1
    run = run_count(votes)
    press = press_result(run.result, {})
    assert sum(line.share for line in press.lines) == 1
    assert sum(p.share for p in press.parties) == 1
    assert [line.votes for line in press.lines] == sorted(votes, reverse=True)


shares = st.fractions(min_value=0, max_value=1)


def party(name: str, now: Fraction, then: Fraction) -> PartyLine:
    return PartyLine(name, name, False, 0, now, 0, then, 0, False)


@given(shares, shares, shares, shares)
def test_swing_is_symmetric_and_never_negative(a_now, a_then, b_now, b_then):
    a, b = party("A", a_now, a_then), party("B", b_now, b_then)
    one, other = two_party_swing(a, b), two_party_swing(b, a)
    assert one is not None and other is not None
    assert one.value == other.value >= 0
    if one.value:
        assert (one.from_party, one.to_party) == (other.from_party, other.to_party)
    # Butler swing: half the difference of the two changes.
    assert one.value == abs((b_now - b_then) - (a_now - a_then)) / 2


@given(st.lists(st.integers(min_value=1, max_value=10**5), min_size=3, max_size=10))
def test_a_party_matched_by_id_has_change_equal_share_now_less_then(votes):
    candidates = make_candidates(len(votes))
    parties = {c.id: PartyRef(f"PP{c.id}", f"Party {c.id}", c.display_name) for c in candidates}
    run = run_count(votes)
    previous = PreviousResult(
        run.contest.id,
        "parl.2019-12-12",
        "parl.testshire-north.2019-12-12",
        date(2019, 12, 12),
        1,
        tuple(
            PreviousCandidate(f"P{i}", PartyRef(f"PP{c.id}", "renamed", ""), v, False)
            for i, (c, v) in enumerate(zip(candidates, reversed(votes), strict=True))
        ),
    )
    press = press_result(run.result, parties, previous)
    total_then = sum(votes)
    for p in press.parties:
        cid = int(p.key.removeprefix("id:PP"))
        then = list(reversed(votes))[cid - 1]
        assert p.change == p.share - Fraction(then, total_then)
    assert sum(p.change for p in press.parties if p.change is not None) == 0
