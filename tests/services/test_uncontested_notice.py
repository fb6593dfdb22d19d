"""Declaring the candidates of an uncontested contest duly elected, and the notice kept.

No more candidates than seats: no poll, so the Returning Officer declares those nominated duly
elected and gives notice of it, with any seat left unfilled (DOMAIN.md §3, step 1)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.services import CountDesk
from tests.reports.sheets import assert_in_order, pages

AT = datetime(2026, 4, 9, 15, 5, tzinfo=UTC)


def _contest(
    desk: CountDesk,
    *,
    seats: int,
    names: list[tuple[str, str, str]],
    type_code: str = "local",
    kind: str = "",
    area: str = "Abbey",
) -> str:
    contest = desk.create_contest(
        "T",
        type_code=type_code,
        poll_date=date(2026, 5, 7),
        area=area,
        seats=seats,
        organisation="Testborough Borough Council",
    )
    for surname, forenames, description in names:
        desk.add_candidate(contest.id, "T", surname, forenames, description)
    desk.set_contest_details(
        contest.id,
        "T",
        officer_name="Jane Officer",
        imprint_address="Town Hall, High Street, Testborough TB1 1AA",
        authority="Testborough Borough Council",
        **({"kind": kind} if kind else {}),
    )
    return contest.id


@pytest.fixture
def desk() -> CountDesk:
    desk = CountDesk.open(":memory:")
    desk.store.clock = lambda: AT
    return desk


def _text(pdf: bytes) -> str:
    return " ".join(pages(pdf))


def test_one_seat_one_candidate_is_declared_duly_elected_and_the_notice_is_kept(desk):
    contest_id = _contest(desk, seats=1, names=[("Able", "Ann", "Labour Party")])
    report = desk.status(contest_id)
    assert report.uncontested and report.next is Status.DECLARED and report.blockers == ()

    pdf = desk.declare(contest_id, "Supervisor", "jane  officer")

    assert desk.contest(contest_id).status is Status.DECLARED
    assert desk.status(contest_id).declared_at == AT
    assert desk.uncontested_notice_pdf(contest_id) == pdf  # the kept one, byte for byte
    text = _text(pdf)
    assert_in_order(
        text,
        [
            "Testborough Borough Council",
            "Election of a Councillor for the Abbey Ward",
            "Thursday 7 May 2026",
            "Notice of Uncontested Election",
            "I, Jane Officer, being the Returning Officer at the above election, hereby give "
            "notice that",
            "the following person was duly elected as Councillor for the said ward:",
            "ABLE, Ann",
            "Labour Party",
            "Dated Thursday 9 April 2026",
            "Jane Officer",
            "Printed and published by the Returning Officer, Town Hall, High Street, "
            "Testborough TB1 1AA",
        ],
    )
    for absent in ("Declaration of Result of Poll", "votes", "Turnout", "Electorate", "DRAFT"):
        assert absent not in text
    assert "unfilled" not in text


def test_two_seats_one_candidate_leaves_one_seat_unfilled(desk):
    contest_id = _contest(desk, seats=2, names=[("Ó Briain", "Aoife", "Green Party")])
    desk.declare(contest_id, "Supervisor", "Jane Officer")
    text = _text(desk.uncontested_notice_pdf(contest_id))
    assert_in_order(
        text,
        [
            "Election of Councillors for the Abbey Ward",
            "the following person was duly elected as Councillor for the said ward:",
            "Ó BRIAIN, Aoife",
            "Green Party",
            "And I further give notice that 1 seat remains unfilled",
            "Dated",
        ],
    )
    assert "Turnout" not in text and "votes" not in text


def test_a_parish_ward_is_worded_as_the_parish_and_lists_everyone_in_ballot_order(desk):
    contest_id = _contest(
        desk,
        seats=3,
        kind="parish",
        area="Northfield",
        names=[("Young", "Yan", ""), ("Baker", "Bob", "Independent"), ("Cole", "Cat", "")],
    )
    desk.declare(contest_id, "Supervisor", "Jane Officer")
    text = _text(desk.uncontested_notice_pdf(contest_id))
    assert_in_order(
        text,
        [
            "Election of Parish Councillors for the Northfield Ward",
            "the following persons were duly elected as Parish Councillors for the said ward:",
            "BAKER, Bob",
            "Independent",
            "COLE, Cat",
            "YOUNG, Yan",
        ],
    )
    assert "unfilled" not in text


def test_before_declaring_the_notice_is_a_draft_listing_what_it_still_needs(desk):
    contest_id = _contest(desk, seats=1, names=[("Able", "Ann", "")])
    desk.set_contest_facts(contest_id, "T", imprint_address="")
    report = desk.status(contest_id)
    assert [f.code for f in report.blockers] == ["T304"]
    text = _text(desk.uncontested_notice_pdf(contest_id))
    assert_in_order(
        text,
        [
            "Notice of Uncontested Election",
            "Draft for checking – the candidates are not yet declared duly elected",
            "Outstanding checks",
            "T304",
            "ABLE, Ann",
        ],
    )
    with pytest.raises(CountDeskError) as info:
        desk.declare(contest_id, "Supervisor", "Jane Officer")
    assert info.value.code == "T304"
    assert desk.contest(contest_id).status is Status.SETUP


def test_the_officer_confirms_with_their_own_name_or_nothing_is_declared(desk):
    contest_id = _contest(desk, seats=1, names=[("Able", "Ann", "")])
    with pytest.raises(CountDeskError) as info:
        desk.declare(contest_id, "Supervisor", "Someone Else")
    assert info.value.code == "S806"
    assert desk.contest(contest_id).status is Status.SETUP
    assert desk.store.uncontested_notice(contest_id) is None


def test_once_declared_the_contest_is_locked_and_not_declared_again(desk):
    contest_id = _contest(desk, seats=2, names=[("Able", "Ann", "")])
    desk.declare(contest_id, "Supervisor", "Jane Officer")
    with pytest.raises(CountDeskError) as info:
        desk.declare(contest_id, "Supervisor", "Jane Officer")
    assert info.value.code == "S802"
    with pytest.raises(CountDeskError) as info:
        desk.add_candidate(contest_id, "T", "Baker", "Bob")
    assert info.value.code == "S802"
    assert [c.surname for c in desk.candidates(contest_id)] == ["Able"]
    # The database itself refuses a second notice, or changing the one kept.
    conn = desk.store.db.conn
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE uncontested_notices SET officer = 'X'")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM uncontested_notices")


def test_a_kept_notice_changed_outside_countdesk_is_not_given_out(desk):
    contest_id = _contest(desk, seats=1, names=[("Able", "Ann", "")])
    desk.declare(contest_id, "Supervisor", "Jane Officer")
    conn = desk.store.db.conn
    conn.execute("DROP TRIGGER uncontested_notices_no_update")
    conn.execute("UPDATE uncontested_notices SET pdf = x'00'")
    with pytest.raises(CountDeskError) as info:
        desk.uncontested_notice_pdf(contest_id)
    assert info.value.code == "D908"


def test_a_contested_contest_has_no_notice_and_is_declared_only_after_its_count(desk):
    contest_id = _contest(desk, seats=1, names=[("Able", "Ann", ""), ("Baker", "Bob", "")])
    assert not desk.status(contest_id).uncontested
    with pytest.raises(CountDeskError) as info:
        desk.uncontested_notice_pdf(contest_id)
    assert "contested" in str(info.value)
    with pytest.raises(CountDeskError):
        desk.declare(contest_id, "Supervisor", "Jane Officer")
    assert desk.contest(contest_id).status is Status.SETUP


def test_advancing_points_to_declaring_them_duly_elected(desk):
    contest_id = _contest(desk, seats=1, names=[("Able", "Ann", "")])
    with pytest.raises(CountDeskError) as info:
        desk.advance(contest_id, "verification", "T")
    assert info.value.code == "S813" and "declares the candidates duly elected" in str(info.value)
    with pytest.raises(CountDeskError) as info:
        desk.advance(contest_id, "declared", "T")
    assert info.value.code == "S806" and "officer's confirmation" in str(info.value)


def test_nothing_is_counted_for_an_uncontested_contest(desk):
    contest_id = _contest(desk, seats=2, names=[("Able", "Ann", "")])
    able = desk.candidates(contest_id)[0].id
    with pytest.raises(CountDeskError) as info:
        desk.record_count(contest_id, {able: 5}, {}, "Clerk")
    assert info.value.code == "S813" and "No figure was saved" in str(info.value)
    with pytest.raises(CountDeskError) as info:
        desk.set_draft_votes(contest_id, able, 5, "Clerk")
    assert info.value.code == "S813"
    assert desk.latest_count(contest_id) is None
    assert desk.live_count(contest_id).locked_reason.startswith("Abbey is uncontested")
