"""The snapshot a declaration is printed from: wording, figures, the data reference, refusals."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime

import pytest

from desktop.domain.arithmetic import compute_result
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, Contest, CountFigures, Election, LotsDrawing
from desktop.domain.wording import date_in_words
from reports.samples import BATLEY_ELECTION, BATLEY_REJECTED, batley_and_spen_2021
from reports.snapshot import (
    CandidateLine,
    DeclarationSnapshot,
    OutstandingCheck,
    RejectedLine,
    build_snapshot,
    join_names,
)

PRINTED_ON = date(2021, 7, 2)
WARD = Election("local.testshire.2022-05-05", date(2022, 5, 5), authority="Testshire Council")


def _declaration(result, election=BATLEY_ELECTION, **kw) -> DeclarationSnapshot:
    kw.setdefault("printed_on", PRINTED_ON)
    return build_snapshot(result, election, provisional=False, **kw)


def _batley_with(votes_change: dict[int, int], rejected_change: dict[str, int]):
    """Batley and Spen with some figures moved, keeping the papers reconciled."""
    base = batley_and_spen_2021()
    votes = {line.candidate.id: line.votes for line in base.candidates}
    for cid, delta in votes_change.items():
        votes[cid] += delta
    rejected = dict(BATLEY_REJECTED)
    for key, delta in rejected_change.items():
        rejected[key] += delta
    candidates = [line.candidate for line in base.candidates]
    return compute_result(base.contest, candidates, CountFigures(votes, rejected))


def _ward(seats: int, votes: dict[int, int], lots: LotsDrawing | None = None):
    """A small ward whose papers reconcile: exactly for one seat, within N × papers for more."""
    total = sum(votes.values())
    papers = total if seats == 1 else max(max(votes.values()), -(-total // seats)) + 100
    contest = Contest(
        id="local.testshire.hill.2022-05-05",
        election_id=WARD.id,
        area="Hill",
        seats=seats,
        poll_date=date(2022, 5, 5),
        electorate=4_000,
        ballot_papers_verified=papers,
        officer_name="Pat Jones",
        imprint_address="Town Hall, Testshire",
    )
    names = ["Adams", "Brown", "Clark", "Davis", "Evans"]
    candidates = [Candidate(i, s, "Alex") for i, s in enumerate(names[: len(votes)], start=1)]
    rejected = dict.fromkeys(contest.type.heading_keys, 0)
    counted = None if seats == 1 else papers  # no paper rejected: all were counted
    figures = CountFigures(votes, rejected, valid_papers_counted=counted)
    return compute_result(contest, candidates, figures, lots)


def test_dates_are_written_out_in_english_whatever_the_locale():
    assert date_in_words(date(2021, 7, 1)) == "Thursday 1 July 2021"
    assert date_in_words(date(2014, 5, 22)) == "Thursday 22 May 2014"


def test_names_are_joined_with_commas_and_a_final_and():
    assert join_names([]) == ""
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(("A", "B", "C")) == "A, B and C"


def test_batley_snapshot_holds_the_published_figures():
    snap = _declaration(batley_and_spen_2021())
    by_name = {c.display_name: c for c in snap.candidates}
    assert by_name["LEADBEATER, Kim"].votes == 13_296
    assert by_name["LEADBEATER, Kim"].elected
    assert by_name["STEPHENSON, Ryan"].votes == 12_973
    assert by_name["GALLOWAY, George"].votes == 8_264
    assert [c.display_name for c in snap.candidates if c.elected] == ["LEADBEATER, Kim"]
    assert snap.majority == 323
    assert snap.electorate == 79_373
    assert snap.ballot_papers_verified == 37_786
    assert snap.turnout_percent == "47.61"
    assert snap.valid_votes == 37_695
    assert snap.rejected_total == 91
    assert [r.count for r in snap.rejected] == [12, 20, 4, 55]
    assert snap.elected_names == ("Kim LEADBEATER",)
    assert snap.elected_as == "Member of Parliament for the said constituency"


def test_candidates_keep_ballot_order():
    snap = _declaration(batley_and_spen_2021())
    surnames = [c.display_name.split(",")[0] for c in snap.candidates]
    assert surnames[0] == "BICKERDIKE"
    assert surnames[-1] == "WATERS"
    assert surnames == sorted(surnames)


def test_heading_and_titles_for_a_parliamentary_by_election():
    snap = _declaration(batley_and_spen_2021())
    assert snap.authority == "Kirklees Council"
    assert snap.election_title == "Batley and Spen by-election"
    assert snap.contest_heading == (
        "Election of a Member of Parliament for the Batley and Spen Constituency"
    )
    assert snap.poll_date_text == "Thursday 1 July 2021"
    assert snap.printed_on_text == "Friday 2 July 2021"
    assert snap.officer_title == "Acting Returning Officer"
    assert snap.document_title == "Declaration of Result of Poll"
    assert snap.majority_label == "Majority"


def test_heading_for_one_and_for_several_councillors():
    one = _declaration(_ward(1, {1: 900, 2: 800, 3: 300}), WARD)
    three = _declaration(_ward(3, {1: 900, 2: 800, 3: 700, 4: 600}), WARD)
    assert one.contest_heading == "Election of a Councillor for the Hill Ward"
    assert three.contest_heading == "Election of Councillors for the Hill Ward"
    assert one.elected_as == "Councillor for the said ward"
    assert three.elected_as == "Councillors for the said ward"
    assert three.elected_names == ("Alex ADAMS", "Alex BROWN", "Alex CLARK")
    assert three.majority == 100
    assert three.majority_label == "Margin (last elected over first not elected)"


def test_election_title_falls_back_to_the_type_name():
    snap = _declaration(_ward(1, {1: 900, 2: 800, 3: 300}), WARD)
    assert snap.election_title == "Local council election"
    parl = dataclasses.replace(BATLEY_ELECTION, title="", authority="")
    snap = _declaration(batley_and_spen_2021(), parl, draft=True)
    assert snap.election_title == "UK Parliamentary election"
    assert snap.authority == ""


@pytest.mark.parametrize(
    ("authority", "address", "missing"),
    [
        ("", "Town Hall", ["authority"]),
        ("Kirklees Council", " ", ["imprint address"]),
        ("", "", ["authority", "imprint address"]),
    ],
)
def test_a_final_declaration_needs_its_authority_and_imprint_address(authority, address, missing):
    result = batley_and_spen_2021()
    result = dataclasses.replace(
        result, contest=dataclasses.replace(result.contest, imprint_address=address)
    )
    election = dataclasses.replace(BATLEY_ELECTION, authority=authority)
    with pytest.raises(CountDeskError) as caught:
        _declaration(result, election)
    assert caught.value.code == "T304"
    for what in missing:
        assert f"The {what} is not set" in caught.value.message
    # The draft is printed, listing what is still needed; the provisional sheet needs neither.
    draft = _declaration(result, election, draft=True)
    assert [c.code for c in draft.outstanding_checks] == ["T304"] * len(missing)
    sheet = build_snapshot(result, election, provisional=True, printed_on=PRINTED_ON)
    assert sheet.outstanding_checks == ()


def test_snapshot_is_frozen_and_holds_only_plain_values():
    snap = _declaration(batley_and_spen_2021())
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.majority = 1  # type: ignore[misc]

    plain = (str, int, type(None))
    parts = (CandidateLine, RejectedLine, OutstandingCheck)

    def check(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                check(item)
        elif isinstance(value, parts):
            for f in dataclasses.fields(value):
                assert isinstance(getattr(value, f.name), plain), f.name
        else:
            assert isinstance(value, plain), value

    for f in dataclasses.fields(snap):
        check(getattr(snap, f.name))


def test_data_hash_is_twelve_hex_digits_and_stable():
    first = _declaration(batley_and_spen_2021()).data_hash
    again = _declaration(batley_and_spen_2021(), printed_on=date(2021, 7, 3)).data_hash
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert first == again


def test_data_hash_changes_when_one_vote_changes():
    base = _declaration(batley_and_spen_2021()).data_hash
    # One vote moved from the rejected papers to GALLOWAY (id 4): still reconciled.
    moved = _declaration(_batley_with({4: +1}, {"unmarked_or_void": -1}))
    assert moved.data_hash != base
    # One vote moved between two candidates: same totals, different data.
    swapped = _declaration(_batley_with({4: +1, 5: -1}, {}))
    assert swapped.data_hash != base


def test_data_hash_changes_with_the_officer_and_is_shared_by_the_provisional_sheet():
    result = batley_and_spen_2021()
    declaration = _declaration(result)
    provisional = build_snapshot(result, BATLEY_ELECTION, provisional=True, printed_on=PRINTED_ON)
    assert provisional.data_hash == declaration.data_hash
    other = _declaration(batley_and_spen_2021(officer_name="Someone Else"))
    assert other.data_hash != declaration.data_hash


def test_declaration_is_refused_while_the_result_has_errors():
    result = _batley_with({4: -18}, {})  # 18 papers unaccounted for
    with pytest.raises(CountDeskError) as refused:
        _declaration(result)
    assert refused.value.code == "C201"
    assert "provisional sheet" in refused.value.message
    snap = build_snapshot(result, BATLEY_ELECTION, provisional=True, printed_on=PRINTED_ON)
    assert [c.code for c in snap.outstanding_checks] == ["C201"]
    assert "unaccounted" in snap.outstanding_checks[0].message


def test_a_contest_is_printed_only_with_its_own_election():
    with pytest.raises(CountDeskError, match="belongs to the election"):
        _declaration(batley_and_spen_2021(), WARD)


def test_shown_at_is_written_out_for_the_provisional_sheet():
    snap = build_snapshot(
        batley_and_spen_2021(),
        BATLEY_ELECTION,
        provisional=True,
        printed_on=PRINTED_ON,
        shown_at=datetime(2021, 7, 2, 1, 47),
    )
    assert snap.shown_at_text == "01:47 on Friday 2 July 2021"
    assert snap.document_title == "Provisional Result – not for publication"
    assert _declaration(batley_and_spen_2021()).shown_at_text == ""


def test_lots_give_the_winner_one_more_printed_vote():
    result = _ward(1, {1: 450, 2: 450, 3: 100}, LotsDrawing(frozenset({1, 2}), frozenset({2})))
    snap = _declaration(result, WARD)
    assert snap.lots_applied
    assert snap.lots_tied == ("Alex ADAMS", "Alex BROWN")
    assert snap.lots_winners == ("Alex BROWN",)
    brown = snap.candidates[1]
    assert (brown.votes, brown.lot_vote, brown.printed_votes, brown.elected) == (450, 1, 451, True)
    assert snap.candidates[0].printed_votes == 450
    assert snap.elected_names == ("Alex BROWN",)


def test_declared_at_is_written_out_and_dates_the_declaration():
    snap = _declaration(batley_and_spen_2021(), declared_at=datetime(2021, 7, 2, 3, 12))
    assert snap.declared_at_text == "03:12 on Friday 2 July 2021"
    assert snap.dated_text == "Friday 2 July 2021"
    late = _declaration(
        batley_and_spen_2021(),
        printed_on=date(2021, 7, 5),
        declared_at=datetime(2021, 7, 2, 3, 12),
    )
    assert late.printed_on_text == "Monday 5 July 2021"
    assert late.dated_text == "Friday 2 July 2021"
    plain = _declaration(batley_and_spen_2021())
    assert (plain.declared_at_text, plain.dated_text) == ("", "Friday 2 July 2021")


def test_the_provisional_sheet_carries_no_declaration_time():
    with pytest.raises(CountDeskError, match="provisional sheet"):
        build_snapshot(
            batley_and_spen_2021(),
            BATLEY_ELECTION,
            provisional=True,
            printed_on=PRINTED_ON,
            declared_at=datetime(2021, 7, 2, 3, 12),
        )
