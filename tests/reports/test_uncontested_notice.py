"""The notice of uncontested election, read as text in reading order (DOMAIN.md §3, step 1)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate, Contest
from reports.uncontested import render_uncontested
from reports.uncontested_snapshot import build_uncontested_snapshot
from tests.reports.sheets import BATLEY, WANDSWORTH, assert_in_order, pages

IMPRINT = "The Town Hall, Wandsworth High Street, London SW18 2PU"


def _ward(seats: int, **facts: object) -> Contest:
    return Contest(
        id="local.wandsworth.earlsfield.2014-05-22",
        election_id=WANDSWORTH.id,
        area="Earlsfield",
        seats=seats,
        poll_date=date(2014, 5, 22),
        electorate=11_842,
        officer_name="Paul Martin",
        **{"imprint_address": IMPRINT, **facts},  # type: ignore[arg-type]
    )


def _text(contest: Contest, candidates: list[Candidate], **kw: object) -> str:
    election = BATLEY if contest.election_id == BATLEY.id else WANDSWORTH
    snapshot = build_uncontested_snapshot(
        contest,
        candidates,
        election,
        printed_on=date(2014, 4, 25),
        **kw,  # type: ignore[arg-type]
    )
    return " ".join(pages(render_uncontested(snapshot)))


def test_two_persons_for_three_seats_are_elected_and_one_seat_remains_unfilled():
    text = _text(
        _ward(3),
        [
            Candidate(2, "Van Dyke", "Marcus", "Conservative Party Candidate"),
            Candidate(1, "Ap Gwilym", "Llŷr", "Green Party"),
        ],
        declared_at=datetime(2014, 4, 25, 16, 5),
    )
    assert_in_order(
        text,
        [
            "London Borough of Wandsworth",
            "Wandsworth Borough Council elections",
            "Election of Councillors for the Earlsfield Ward",
            "Day of election (uncontested: no poll taken): Thursday 22 May 2014",
            "Notice of Uncontested Election",
            "I, Paul Martin, being the Returning Officer at the above election, hereby give "
            "notice that no poll is to be taken",
            "the following persons were duly elected as Councillors for the said ward:",
            "Name of candidate",
            "AP GWILYM, Llŷr",
            "Green Party",
            "VAN DYKE, Marcus",
            "Conservative Party Candidate",
            "And I further give notice that 1 seat remains unfilled",
            "Dated Friday 25 April 2014",
            "Declared duly elected at 16:05 on Friday 25 April 2014",
            "Paul Martin",
            "Returning Officer",
            f"Printed and published by the Returning Officer, {IMPRINT}",
            "Notice data ref.",
            "Contest ref. local.wandsworth.earlsfield.2014-05-22",  # in the footer's one line
        ],
    )
    for absent in (
        "Declaration of Result of Poll",
        "Number of votes",
        "votes",
        "Turnout",
        "Electorate",
        "11,842",
        "Ballot papers",
        "Majority",
        "DRAFT",
        "Draft",
    ):
        assert absent not in text


def test_a_member_of_parliament_returned_unopposed():
    contest = Contest(
        id="parl.batley-and-spen.by.2021-07-01",
        election_id=BATLEY.id,
        area="Batley and Spen",
        seats=1,
        poll_date=date(2021, 7, 1),
        officer_name="Alexandra Whitfield",
        imprint_address="Town Hall, Huddersfield",
    )
    text = _text(contest, [Candidate(1, "Leadbeater", "Kim", "Labour Party")])
    assert_in_order(
        text,
        [
            "Kirklees Council",
            "Election of a Member of Parliament for the Batley and Spen Constituency",
            "Notice of Uncontested Election",
            "Alexandra Whitfield, being the Acting Returning Officer",
            "the following person was duly elected as Member of Parliament for the said "
            "constituency:",
            "LEADBEATER, Kim",
            "Labour Party",
        ],
    )
    assert "unfilled" not in text


def test_the_draft_is_watermarked_and_lists_what_the_notice_still_needs():
    contest = _ward(1, kind="parish_unwarded")
    needed = [Finding(Code.T303, "The declaring officer's name is not set.")]
    text = _text(contest, [Candidate(1, "Able", "Ann", "")], draft=True, needed=needed)
    assert_in_order(
        text,
        [
            "Election of a Parish Councillor for the Earlsfield Parish",
            "Notice of Uncontested Election",
            "Draft for checking – the candidates are not yet declared duly elected",
            "Outstanding checks – this notice cannot be given until they are resolved",
            "T303",
            "duly elected as Parish Councillor for the said parish:",
            "ABLE, Ann",
        ],
    )
    assert "DRAFT" in text


def test_a_final_notice_needs_its_heading_and_imprint():
    contest = _ward(1, imprint_address="")
    with pytest.raises(CountDeskError) as info:
        _text(contest, [Candidate(1, "Able", "Ann", "")])
    assert info.value.code == "T304"


def test_a_contested_contest_gets_no_notice():
    with pytest.raises(CountDeskError) as info:
        _text(_ward(1), [Candidate(1, "Able", "Ann", ""), Candidate(2, "Baker", "Bob", "")])
    assert "contested" in str(info.value)
