"""Batch writes: a contest's facts with its authority, and a whole verification command,
each in one transaction: all of it, or nothing."""

from __future__ import annotations

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BOXES_CSV


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    return desk


def test_contest_details_and_authority_are_set_together(desk):
    contest = desk.set_contest_details(
        BATLEY,
        "Supervisor",
        electorate=79373,
        officer_name="Jacqui  Gedman",
        officer_title="Acting Returning Officer",
        imprint_address="Civic Centre, Huddersfield",
        authority="Kirklees  Council",
    )
    assert (contest.electorate, contest.officer_name) == (79373, "Jacqui Gedman")
    assert desk.election_of(contest).authority == "Kirklees Council"


def test_contest_details_refused_in_part_save_nothing(desk):
    before = desk.store.audit(BATLEY)
    with pytest.raises(CountDeskError) as caught:
        desk.set_contest_details(
            BATLEY, "Supervisor", officer_name="Jacqui Gedman", electorate=-1, authority="K"
        )
    assert caught.value.code == "F103"
    assert desk.store.audit(BATLEY) == before
    assert desk.contest(BATLEY).officer_name == ""


def test_the_authority_failing_rolls_back_the_facts(desk, monkeypatch):
    before = desk.store.audit(BATLEY)

    def refuse(*_args, **_kwargs):
        raise CountDeskError("No authority today.")

    monkeypatch.setattr(desk._setup, "set_election_authority", refuse)
    with pytest.raises(CountDeskError, match="No authority today"):
        desk.set_contest_details(BATLEY, "Supervisor", electorate=79373, authority="Kirklees")
    assert desk.contest(BATLEY).electorate is None
    assert desk.store.audit(BATLEY) == before


def test_a_whole_verification_command_is_applied_in_order(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    update = desk.apply_verification(
        BATLEY,
        "Supervisor",
        remove=["BS02"],
        issued={"BS01": 2512},
        names={"BS03": "Heckmondwike Town Hall (main)"},
        counted={"BS01": 2511, "BS03": 2897},
        explanations={"BS01": "One paper found in the wrong box"},
    )
    boxes = {line.reference: line for line in update.boxes}
    assert update.removed == ("BS02",) and update.imported == ()
    assert "BS02" not in boxes
    assert (boxes["BS01"].issued, boxes["BS01"].counted) == (2512, 2511)
    assert boxes["BS01"].explanation == "One paper found in the wrong box"
    assert boxes["BS03"].name == "Heckmondwike Town Hall (main)"
    assert desk.contest(BATLEY).ballot_papers_verified == 2511 + 2897


def test_removals_come_before_the_import_so_a_corrected_file_can_be_imported(desk, tmp_path):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    fixed = tmp_path / "fixed.csv"
    fixed.write_text("reference,name,kind,issued\nBS02,Birstall Library,box,2430\n")
    update = desk.apply_verification(BATLEY, "Supervisor", remove=["BS02"], import_file=fixed)
    assert update.imported == ("BS02",)
    assert next(b for b in update.boxes if b.reference == "BS02").name == "Birstall Library"


def test_a_verification_command_refused_anywhere_saves_nothing(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    before = desk.store.audit(BATLEY)
    boxes_before = desk.verification(BATLEY)
    with pytest.raises(CountDeskError) as caught:
        desk.apply_verification(
            BATLEY,
            "Supervisor",
            remove=["BS02"],
            counted={"BS01": 2510},
            explanations={"NOPE": "No such box"},
        )
    assert caught.value.code == "V503"
    assert desk.store.audit(BATLEY) == before
    assert desk.verification(BATLEY) == boxes_before


def test_a_bad_figure_in_a_verification_command_saves_nothing(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    before = desk.store.audit(BATLEY)
    with pytest.raises(CountDeskError) as caught:
        desk.apply_verification(BATLEY, "Supervisor", counted={"BS01": 2510, "BS02": True})
    assert caught.value.code == "F104"
    assert desk.store.audit(BATLEY) == before


def test_close_closes_the_database(db_path):
    desk = CountDesk.open(db_path)
    desk.close()
    with pytest.raises(Exception, match="closed"):
        desk.contests()
