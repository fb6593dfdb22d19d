"""Typed reads beside the plain-data ones: the same records, as frozen dataclasses."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.model import Status
from desktop.domain.records import Acknowledgement, Declaration, RecountRequest, StatusChange
from desktop.domain.workflow import RecountDecision
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES
from tests.services.test_night import Clock, _verify

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.store.clock = Clock()
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(
        BATLEY,
        "Supervisor",
        electorate=79373,
        officer_name="Jacqui Gedman",
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    return desk


def _count(desk: CountDesk) -> None:
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk")


@pytest.fixture
def provisional(desk: CountDesk) -> CountDesk:
    desk.advance(BATLEY, "verification", "S")
    _verify(desk, explain_bs07=False)
    for warning in desk.open_warnings(BATLEY):
        desk.acknowledge_warning(BATLEY, warning.code, "Checked", "S", warning.subject)
    desk.advance(BATLEY, "count", "S")
    _count(desk)
    for warning in desk.open_warnings(BATLEY):
        desk.acknowledge_warning(BATLEY, warning.code, "Checked", "S", warning.subject)
    desk.advance(BATLEY, "provisional", "S")
    return desk


def test_a_recount_request_typed_and_as_data(provisional):
    desk = provisional
    request = desk.record_recount_request(
        BATLEY, "RO", requested_by="Agent for Stephenson", role="agent", decision="full"
    )
    assert isinstance(request, RecountRequest)
    assert request.decision is RecountDecision.FULL and request.granted
    assert desk.pending_recount_request(BATLEY) == request
    assert desk.recount_requests(BATLEY) == (request,)
    data = request.as_dict()
    assert data["decision"] == "full" and type(data["decision"]) is str
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.reason = "changed"  # type: ignore[misc]


def test_declarations_status_changes_and_acknowledgements_are_typed(provisional):
    desk = provisional
    pdf = desk.declare(BATLEY, "RO", "Jacqui Gedman")
    [kept] = desk.kept_declarations(BATLEY)
    assert isinstance(kept, Declaration) and kept.pdf == pdf
    changes = desk.status_changes(BATLEY)
    assert all(isinstance(c, StatusChange) for c in changes)
    assert changes[-1].to_status is Status.DECLARED
    acks = desk.acknowledgements(BATLEY)
    assert acks and all(isinstance(a, Acknowledgement) for a in acks)
    records = desk.history(BATLEY).records
    assert records.status_changes == changes
    assert records.status_changes[-1].to_status is Status.DECLARED
    assert records.declarations == (kept,)


def test_writes_return_the_new_state(desk):
    galloway = desk.candidate_by_name(BATLEY, "George Galloway").id
    assert desk.set_draft_votes(BATLEY, galloway, 8264, "Clerk").votes[galloway] == 8264
    draft = desk.set_draft_rejected(BATLEY, "official_mark", 12, "Clerk")
    assert draft.rejected["official_mark"] == 12
    election = desk.set_election_authority("parl.2021-07-01", "Kirklees Council", "S")
    assert election.authority == "Kirklees Council"
    # A candidate holding a figure keyed is removed only once the figure is cleared.
    assert desk.set_draft_votes(BATLEY, galloway, None, "Clerk").votes[galloway] is None
    left = desk.remove_candidate(BATLEY, galloway, "S")
    assert galloway not in {c.id for c in left}


def test_the_clock_is_shared_by_every_record(desk):
    assert isinstance(desk.store.clock, Clock)
