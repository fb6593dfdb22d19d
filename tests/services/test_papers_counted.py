"""Several seats: the valid ballot papers counted are keyed, recorded and reconciled."""

from __future__ import annotations

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

#: 1,600 votes on 1,000 papers verified (3 seats): the measured case of papers left out.
VOTES = {
    "Ruth Alder": 400,
    "Sam Birch": 350,
    "Priya Cedar": 300,
    "Tom Dogwood": 250,
    "Llŷr Elm": 150,
    "Łukasz Fir": 100,
    "Dara Ó Briain": 50,
}


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(WARD_CSV, "Importer")
    desk.confirm_names(WARD, "Supervisor")  # Ó Briain checked on the statement of nominations
    desk.set_contest_facts(
        WARD, "Supervisor", electorate=3_000, ballot_papers_verified=1_000, officer_name="J. Ro"
    )
    return desk


def _ids(desk: CountDesk) -> dict[int, int]:
    return {desk.candidate_by_name(WARD, n).id: v for n, v in VOTES.items()}


def _key_in(desk: CountDesk) -> None:
    for cid, votes in _ids(desk).items():
        desk.set_draft_votes(WARD, cid, votes, "Clerk")
    for key in desk.contest(WARD).type.heading_keys:
        desk.set_draft_rejected(WARD, key, 0, "Clerk")


def test_a_multi_seat_count_is_not_recorded_without_the_papers_counted(desk):
    _key_in(desk)
    with pytest.raises(CountDeskError) as caught:
        desk.record_draft(WARD, "Clerk")
    assert caught.value.code == "C220"
    assert "valid ballot papers counted" in str(caught.value).lower()
    assert "not recorded" in str(caught.value)
    assert desk.latest_count(WARD) is None
    with pytest.raises(CountDeskError) as caught:
        desk.record_count(WARD, _ids(desk), {}, "Clerk")
    assert caught.value.code == "C220"
    assert desk.latest_count(WARD) is None


def test_papers_left_out_of_the_count_block_the_provisional_result(desk):
    _key_in(desk)
    draft = desk.set_draft_papers_counted(WARD, 600, "Clerk")
    assert draft.valid_papers_counted == 600
    assert "C221" in [f.code for f in desk.draft_result(WARD).errors]
    stored = desk.record_draft(WARD, "Clerk").count
    assert stored.figures.valid_papers_counted == 600
    result = desk.result(WARD)
    assert result.valid_votes == 1_600
    assert result.papers_unaccounted == 400
    assert "C221" in [f.code for f in result.errors]
    desk.advance(WARD, "verification", "Supervisor")
    desk.advance(WARD, "count", "Supervisor")
    with pytest.raises(CountDeskError) as caught:
        desk.advance(WARD, "provisional", "Supervisor")
    assert caught.value.code == "C221"
    assert "400 ballot papers are unaccounted for" in str(caught.value)


def test_the_papers_found_make_a_new_count_that_reconciles(desk):
    _key_in(desk)
    desk.set_draft_papers_counted(WARD, 600, "Clerk")
    desk.record_draft(WARD, "Clerk")
    assert desk.draft(WARD).recorded_as == 1
    assert desk.draft(WARD).valid_papers_counted == 600
    # Changing only the papers counted makes figures not yet recorded.
    draft = desk.set_draft_papers_counted(WARD, 1_000, "Clerk")
    assert draft.recorded_as is None
    assert dict(draft.votes) == _ids(desk)  # the rest carried over from count 1
    second = desk.record_draft(WARD, "Clerk").count
    assert second.number == 2
    assert desk.result(WARD).errors == ()
    assert desk.store.counts(WARD)[0].figures.valid_papers_counted == 600


def test_bad_papers_counted_are_refused_and_nothing_changes(desk):
    desk.set_draft_papers_counted(WARD, 990, "Clerk")
    for bad, code in ((-5, "F103"), (10**9, "F106")):
        with pytest.raises(CountDeskError) as caught:
            desk.set_draft_papers_counted(WARD, bad, "Clerk")
        assert caught.value.code == code
        assert "Valid ballot papers counted" in str(caught.value)
    assert desk.draft(WARD).valid_papers_counted == 990
    assert desk.set_draft_papers_counted(WARD, None, "Clerk").valid_papers_counted is None


def test_a_single_seat_has_no_papers_counted(db_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(BATLEY, "Supervisor", ballot_papers_verified=37_786)
    with pytest.raises(CountDeskError) as caught:
        desk.set_draft_papers_counted(BATLEY, 37_695, "Clerk")
    assert "one member" in str(caught.value)
    assert desk.draft(BATLEY).valid_papers_counted is None
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    with pytest.raises(CountDeskError):
        desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk", 37_695)
    assert desk.latest_count(BATLEY) is None
    assert desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk").number == 1
