"""The count being keyed in (saved figure by figure) and setting a contest up by hand."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(
        BATLEY, "Supervisor", electorate=79373, ballot_papers_verified=37786, officer_name="Officer"
    )
    return desk


def _key_in(desk: CountDesk) -> None:
    for name, votes in BATLEY_VOTES.items():
        desk.set_draft_votes(BATLEY, desk.candidate_by_name(BATLEY, name).id, votes, "Clerk")
    for key, papers in BATLEY_REJECTED.items():
        desk.set_draft_rejected(BATLEY, key, papers, "Clerk")


def test_each_figure_is_saved_and_audited_as_it_is_accepted(desk):
    leadbeater = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    desk.set_draft_votes(BATLEY, leadbeater, 13296, "Clerk")
    assert desk.draft(BATLEY).votes[leadbeater] == 13296
    desk.set_draft_votes(BATLEY, leadbeater, 13269, "Clerk")
    last = desk.store.audit(BATLEY)[-1]
    assert (last.action, last.old, last.new) == (
        "enter",
        {f"votes:{leadbeater}": 13296},
        {f"votes:{leadbeater}": 13269},
    )
    assert desk.draft(BATLEY).votes[leadbeater] == 13269


def test_live_result_of_a_half_keyed_count_shows_running_totals(desk):
    leadbeater = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    desk.set_draft_votes(BATLEY, leadbeater, 13296, "Clerk")
    result = desk.draft_result(BATLEY)
    assert not result.complete
    assert result.unaccounted == 37786 - 13296
    assert "C206" in {f.code for f in result.errors}
    typed = desk.draft_result(BATLEY, votes={leadbeater: 13000})
    assert typed.valid_votes == 13000
    assert desk.draft(BATLEY).votes[leadbeater] == 13296


def test_recording_the_draft_makes_it_the_count_that_stands(desk):
    _key_in(desk)
    assert desk.draft(BATLEY).complete
    stored = desk.record_draft(BATLEY, "Clerk").count
    assert stored.number == 1
    assert desk.result(BATLEY).majority == 323
    assert desk.draft(BATLEY).recorded_as == 1
    with pytest.raises(CountDeskError, match="already recorded as count 1"):
        desk.record_draft(BATLEY, "Clerk")


def test_an_incomplete_draft_is_not_recorded(desk):
    desk.set_draft_votes(BATLEY, desk.candidate_by_name(BATLEY, "Kim Leadbeater").id, 1, "Clerk")
    with pytest.raises(CountDeskError) as info:
        desk.record_draft(BATLEY, "Clerk")
    assert info.value.code == "C206"
    assert desk.latest_count(BATLEY) is None


def test_changing_a_figure_after_recording_starts_from_the_recorded_count(desk):
    _key_in(desk)
    desk.record_draft(BATLEY, "Clerk")
    smith = desk.candidate_by_name(BATLEY, "Andrew Smith").id
    desk.set_draft_votes(BATLEY, smith, 76, "Clerk")
    draft = desk.draft(BATLEY)
    assert draft.recorded_as is None
    assert draft.votes[smith] == 76
    assert draft.votes[desk.candidate_by_name(BATLEY, "Kim Leadbeater").id] == 13296
    assert desk.result(BATLEY).line(smith).votes == 75  # the recorded count still stands


def test_bundles_and_part_bundle_make_the_total(desk):
    galloway = desk.candidate_by_name(BATLEY, "George Galloway").id
    assert desk.set_draft_bundles(BATLEY, galloway, 165, 14, "Clerk") == 8264
    assert desk.draft(BATLEY).votes[galloway] == 8264
    with pytest.raises(FigureProblem) as info:
        desk.set_draft_bundles(BATLEY, galloway, 165, 50, "Clerk")
    assert info.value.code == "F109"
    assert desk.draft(BATLEY).votes[galloway] == 8264


def test_candidates_can_be_added_corrected_and_removed_before_a_count(desk):
    added = desk.add_candidate(BATLEY, "Supervisor", "Shastri-Hurst", "Neil", "Independent")
    names = [c.display_name for c in desk.candidates(BATLEY)]
    assert names.index("SHASTRI-HURST, Neil") == names.index("ROBINSON, Corey") + 1
    desk.update_candidate(BATLEY, added.id, "Supervisor", common_forenames="Neil J")
    assert desk.candidates(BATLEY)[names.index("SHASTRI-HURST, Neil")].display_name == (
        "SHASTRI-HURST, Neil J"
    )
    desk.remove_candidate(BATLEY, added.id, "Supervisor")
    assert len(desk.candidates(BATLEY)) == 16
    with pytest.raises(CountDeskError, match="needs a surname"):
        desk.update_candidate(BATLEY, desk.candidates(BATLEY)[0].id, "Supervisor", surname=" ")


def test_candidates_cannot_be_added_or_removed_once_a_count_is_recorded(desk):
    _key_in(desk)
    desk.record_draft(BATLEY, "Clerk")
    with pytest.raises(CountDeskError, match="once a count is recorded"):
        desk.add_candidate(BATLEY, "Supervisor", "Late")
    with pytest.raises(CountDeskError, match="once a count is recorded"):
        desk.remove_candidate(BATLEY, desk.candidates(BATLEY)[0].id, "Supervisor")


def test_a_contest_created_by_hand_gets_democracy_club_style_ids(desk):
    contest = desk.create_contest(
        "Supervisor",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area="St Mary's & Park",
        seats=3,
        organisation="Testborough",
    )
    assert contest.id == "local.testborough.st-mary-s-park.2026-05-07"
    assert contest.election_id == "local.testborough.2026-05-07"
    assert contest.seats == 3
    with pytest.raises(CountDeskError, match="already exists"):
        desk.create_contest(
            "Supervisor",
            type_code="local",
            poll_date=date(2026, 5, 7),
            area="St Mary's & Park",
            organisation="Testborough",
        )
    with pytest.raises(CountDeskError, match="council's name"):
        desk.create_contest("S", type_code="local", poll_date=date(2026, 5, 7), area="X")


def test_no_candidate_is_added_or_removed_once_a_figure_is_keyed(tmp_path):
    """A figure keyed stands against its candidate's row: a candidate removed and another added
    could take that row's id, and its votes."""
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(BATLEY, "Supervisor", ballot_papers_verified=37786)
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    first = desk.candidates(BATLEY)[0]
    desk.set_draft_votes(BATLEY, first.id, 120, "Clerk 1")
    with pytest.raises(CountDeskError) as refused:
        desk.remove_candidate(BATLEY, first.id, "Supervisor")
    assert refused.value.code == "S812"
    with pytest.raises(CountDeskError):
        desk.add_candidate(BATLEY, "Supervisor", "Newman", "Nia", "Independent")
