"""The election overview: each contest's stage, what it waits for, its result, the totals."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.overview import result_words, totals_words
from desktop.services import CountDesk
from tests import district_night
from tests.district_night import OFFICER, ward_id


@pytest.fixture
def night(tmp_path, db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    district_night.build(desk, tmp_path, 16)
    return desk


def test_every_contest_says_its_stage_and_what_it_waits_for(night):
    rows = {r.contest_id: r for r in night.overview.election().contests}
    expected = {
        0: ("declared", ()),
        1: ("provisional result", ()),
        3: ("count", ("P101",)),
        4: ("count", ("P102",)),
        5: ("verification", ("V502",)),
        6: ("count", ("S805",)),
        7: ("setup", ()),
    }
    for n, (stage, codes) in expected.items():
        assert (rows[ward_id(n)].stage, rows[ward_id(n)].codes) == (stage, codes)
    assert rows[ward_id(1)].waiting == "ready to declare"
    assert rows[ward_id(3)].waiting == "second entry"
    assert rows[ward_id(4)].waiting == "entries differ (1 figure)"
    assert rows[ward_id(5)].waiting == "2 boxes to verify"
    assert rows[ward_id(6)].waiting == "count to key in"
    assert rows[ward_id(7)].waiting == "ready for verification"
    assert rows[ward_id(0)].waiting.startswith("declared ")


def test_what_it_waits_for_is_what_blocks_the_next_stage(night):
    """The codes are those the guard refuses the step with."""
    for row in night.overview.election().contests:
        assert row.codes == tuple(
            dict.fromkeys(f.code for f in night.status(row.contest_id).blockers)
        )


def test_a_declared_result_names_the_elected_as_on_the_declaration(night):
    row = night.overview.contest(ward_id(0))
    result = night.result(ward_id(0))
    assert row.declared and not row.provisional
    assert row.result is not None and row.result.declared
    winner = result.line(result.elected[0])
    assert [(e.name, e.votes) for e in row.result.elected] == [
        (winner.candidate.display_name, winner.votes)
    ]
    assert row.result.majority == result.majority and row.result.majority_word == "majority"
    assert row.result.turnout == result.turnout
    assert row.declared_at == night.status(ward_id(0)).declared_at


def test_a_three_seat_ward_has_three_elected_and_a_margin(tmp_path, db_path):
    desk = CountDesk.open(db_path)
    district_night.build(desk, tmp_path, 25)
    row = desk.overview.contest(ward_id(24))
    assert row.seats == 3 and row.declared
    assert row.result is not None and len(row.result.elected) == 3
    assert row.result.majority_word == "margin"


def test_provisional_figures_are_flagged_and_held_entries_show_none(night):
    shown = night.overview.contest(ward_id(1))
    assert shown.provisional and shown.shown_provisionally
    assert shown.result is not None and not shown.result.declared
    # A first entry held, or two entries that differ, are not a count that stands.
    for n in (3, 4):
        assert night.overview.contest(ward_id(n)).result is None


def test_the_venue_totals(night):
    totals = night.overview.election().totals
    assert (totals.contests, totals.declared) == (16, 4)
    assert (totals.boxes, totals.boxes_verified) == (6, 2)
    assert totals.papers_verified == sum(c.ballot_papers_verified or 0 for c in night.contests())


def test_the_overview_follows_a_declaration(night):
    night.declare(ward_id(1), "Supervisor", OFFICER)
    row = night.overview.contest(ward_id(1))
    assert row.status is Status.DECLARED and row.result is not None and row.result.declared
    assert night.overview.election().totals.declared == 5


def test_one_election_or_a_refusal_for_an_unknown_one(night):
    assert len(night.overview.election(district_night.ELECTION).contests) == 16
    with pytest.raises(CountDeskError, match="no election"):
        night.overview.election("local.nowhere.2026-05-07")


def test_data_version_changes_when_another_program_writes(night, db_path):
    before = night.overview.data_version()
    night.advance(ward_id(7), "verification", "Supervisor")
    assert night.overview.data_version() == before  # its own write: the window already knows
    other = sqlite3.connect(db_path)
    with other:
        other.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
    other.close()
    assert night.overview.data_version() != before


def test_an_uncontested_ward_declared_names_those_duly_elected(tmp_path, db_path):
    desk = CountDesk.open(db_path)
    desk.create_contest(
        "Supervisor",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area="Quiet Parish",
        seats=2,
        organisation="Northdale District Council",
    )
    cid = desk.contests()[0].id
    for surname in ("Ahmed", "Young"):
        desk.add_candidate(cid, "Supervisor", surname, "Sam", "Independent")
    assert (
        desk.overview.contest(cid).waiting == "officer's name to set; authority or imprint to set"
    )
    desk.set_contest_details(
        cid,
        "Supervisor",
        officer_name=OFFICER,
        imprint_address="Town Hall, Northdale",
        authority="Northdale District Council",
    )
    assert desk.overview.contest(cid).waiting == "ready to declare duly elected"
    desk.declare(cid, "Supervisor", OFFICER)
    row = desk.overview.contest(cid)
    assert row.uncontested and row.waiting.startswith("declared duly elected ")
    assert row.result is not None and row.result.declared
    assert [(e.name, e.votes) for e in row.result.elected] == [
        ("AHMED, Sam", None),
        ("YOUNG, Sam", None),
    ]
    assert row.election_title


def test_one_row_read_again_updates_the_totals(night):
    before = night.overview.election()
    night.declare(ward_id(1), "Supervisor", OFFICER)
    after = before.with_row(night.overview.contest(ward_id(1)))
    assert after == night.overview.election()


def test_a_referendum_shows_its_answers_and_which_carried_with_no_seats(tmp_path):
    from tests.referendum_night import KIRKSTALL, declared

    desk, _pdf = declared(tmp_path / "ref.sqlite")
    row = desk.overview.contest(KIRKSTALL)
    assert row.seats is None and row.seats_words == "–"
    assert row.result is not None and row.result.elected == ()
    assert [(a.name, a.votes) for a in row.result.answers] == [("Yes", 1874), ("No", 1101)]
    assert result_words(row.result) == "Yes 1,874, No 1,101; “Yes” carried"


def test_equal_votes_at_a_referendum_carry_neither_answer(tmp_path):
    from tests.referendum_night import KIRKSTALL, set_up

    desk = CountDesk.open(tmp_path / "ref.sqlite")
    set_up(desk)
    for stage in ("verification", "count"):
        desk.advance(KIRKSTALL, stage, "Supervisor")
    # 1,487 each and 28 rejected make the 3,002 papers verified.
    votes = {a.id: 1_487 for a in desk.referendums.answers(KIRKSTALL)}
    rejected = {"official_mark": 4, "too_many_votes": 9, "identifying_mark": 0,
                "unmarked_or_void": 15}  # fmt: skip
    for clerk in ("Clerk 1", "Clerk 2"):
        desk.enter_count(KIRKSTALL, votes, rejected, clerk)
    row = desk.overview.contest(KIRKSTALL)
    assert row.result is not None and row.result.majority is None
    assert row.result.outcome == "equal votes: neither carried"
    assert not row.result.tie_undecided  # no lots at a referendum


def test_a_local_count_sent_is_counted_as_sent_not_declared(tmp_path):
    from tests.pcc import count_locally

    desk = CountDesk.open(tmp_path / "local.sqlite")
    count_locally(desk, "Northtown")
    view = desk.overview.election()
    (row,) = view.contests
    assert row.local_count and row.stage == "sent" and row.result is None
    assert (view.totals.contests, view.totals.declared) == (0, 0)
    assert (view.totals.local_counts, view.totals.sent) == (1, 1)
    assert "local totals sent 1 of 1" in totals_words(view.totals)
