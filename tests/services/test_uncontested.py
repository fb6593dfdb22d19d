"""An uncontested contest (no more candidates than seats) has no poll: no verification, no
count, and never a "Declaration of Result of Poll" with 0 votes and a turnout of 0.00%."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.services import CountDesk


@pytest.fixture
def desk() -> CountDesk:
    desk = CountDesk.open(":memory:")
    contest = desk.create_contest(
        "T",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area="Abbey",
        seats=2,
        organisation="Testborough",
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann")
    desk.set_contest_facts(contest.id, "T", electorate=4_000, officer_name="O")
    return desk


def _id(desk: CountDesk) -> str:
    return desk.contests()[0].id


def test_no_declaration_of_result_of_poll_is_printed_for_an_uncontested_contest(desk):
    contest_id = _id(desk)
    for provisional in (False, True):
        with pytest.raises(CountDeskError) as info:
            desk.declaration_pdf(contest_id, provisional=provisional)
        assert info.value.code == "S813"
        assert "uncontested" in str(info.value) and "no poll" in str(info.value)


def test_an_uncontested_contest_goes_to_no_verification_and_is_not_declared_as_a_poll(desk):
    contest_id = _id(desk)
    with pytest.raises(CountDeskError) as info:
        desk.advance(contest_id, "verification", "T")
    assert info.value.code == "S813"
    # Its one step is declaring the candidates duly elected, once the notice has its heading
    # and imprint (T304).
    report = desk.status(contest_id)
    assert report.uncontested and report.next is Status.DECLARED
    assert [f.code for f in report.blockers] == ["T304", "T304"]
    with pytest.raises(CountDeskError) as info:
        desk.declare(contest_id, "T", "O")
    assert info.value.code == "T304"
    assert desk.contest(contest_id).status is Status.SETUP


def test_a_contested_contest_is_not_affected(desk):
    contest_id = _id(desk)
    desk.add_candidate(contest_id, "T", "Baker", "Bob")
    desk.add_candidate(contest_id, "T", "Cole", "Cat")
    desk.advance(contest_id, "verification", "T")
    assert desk.contest(contest_id).status is Status.VERIFICATION


def test_the_command_line_refuses_the_provisional_sheet_in_plain_words_and_writes_nothing(
    tmp_path,
):
    from click.testing import CliRunner

    from desktop.cli import cli

    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    contest = desk.create_contest(
        "T", type_code="parl", poll_date=date(2024, 7, 4), area="Testshire"
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann")
    desk.close()
    out = tmp_path / "declaration.pdf"
    result = CliRunner().invoke(
        cli, ["declaration", contest.id, "--db", str(path), "-o", str(out), "--provisional"]
    )
    assert result.exit_code == 1
    assert "S813" in result.stderr and "uncontested" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_no_ballot_boxes_are_verified_for_an_uncontested_contest(desk, tmp_path):
    contest_id = _id(desk)
    boxes = tmp_path / "boxes.csv"
    boxes.write_text("reference,name,kind,issued\nAB1,Abbey Hall,box,900\n", encoding="utf-8")
    with pytest.raises(CountDeskError) as info:
        desk.import_verification_csv(contest_id, boxes, "T")
    assert info.value.code == "S813" and "no poll" in str(info.value)
    assert desk.verification(contest_id) == []
