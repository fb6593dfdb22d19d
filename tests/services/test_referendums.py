"""Referendums through the services: created with a question and answers, counted like any
contest, declared with the votes for each answer; no seats, candidates' names, deposits or lots."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.referendum_night import KIRKSTALL, OFFICER, QUESTION, count, declared, set_up
from tests.reports.sheets import assert_in_order, pages


@pytest.fixture
def desk(tmp_path):
    desk = CountDesk.open(tmp_path / "night.sqlite")
    yield desk
    desk.close()


def test_a_referendum_is_created_with_its_question_and_yes_and_no_in_ballot_order(desk):
    contest_id = set_up(desk)
    assert contest_id == KIRKSTALL
    contest = desk.contest(contest_id)
    assert contest.question == QUESTION
    assert contest.election_id == "ref.leeds.2026-05-07"
    assert contest.officer_title_or_default == "Counting Officer"
    assert [a.display_name for a in desk.referendums.answers(contest_id)] == ["Yes", "No"]
    # The answers are in the ballot paper's order, not alphabetical ("No" would come first).
    assert [c.display_name for c in desk.candidates(contest_id)] == ["Yes", "No"]


def test_answers_are_given_in_the_ballot_papers_order_as_typed(desk):
    contest = desk.referendums.create(
        "S",
        poll_date=date(2026, 5, 7),
        name="Council tax 2026/27",
        council="Testshire",
        question="Do you want the council tax to be increased by 9.9%?",
        answers=["Yes  ", "no"],
    )
    assert [a.display_name for a in desk.referendums.answers(contest.id)] == ["Yes", "no"]


@pytest.mark.parametrize(
    ("question", "answers", "code"),
    [
        ("", ["Yes", "No"], "R101"),
        ("   ", ["Yes", "No"], "R101"),
        ("Q" * 1001, ["Yes", "No"], "R101"),
        ("Do you want it?", ["Yes"], "R102"),
        ("Do you want it?", ["Yes", "yes"], "R102"),
        ("Do you want it?", ["Yes", ""], "R102"),
    ],
)
def test_a_referendum_without_a_question_or_two_answers_is_refused_and_nothing_saved(
    desk, question, answers, code
):
    with pytest.raises(CountDeskError) as caught:
        desk.referendums.create(
            "S",
            poll_date=date(2026, 5, 7),
            name="Kirkstall Neighbourhood Plan",
            council="Leeds",
            question=question,
            answers=answers,
        )
    assert caught.value.code == code
    assert desk.contests() == [] and desk.elections() == []


def test_a_referendum_has_no_seats_kind_or_candidates_names(desk):
    contest_id = set_up(desk)
    yes = desk.referendums.answers(contest_id)[0]
    for attempt in (
        lambda: desk.set_seats(contest_id, 2, "S"),
        lambda: desk.set_contest_details(contest_id, "S", kind="parish"),
        lambda: desk.add_candidate(contest_id, "S", "Maybe"),
        lambda: desk.update_candidate(contest_id, yes.id, "S", description="Labour Party"),
    ):
        with pytest.raises(CountDeskError) as caught:
            attempt()
        assert caught.value.code == "R106"
    with pytest.raises(CountDeskError) as caught:
        desk.remove_candidate(contest_id, yes.id, "S")
    assert caught.value.code == "R102"
    assert desk.contest(contest_id).seats == 1
    assert [a.display_name for a in desk.referendums.answers(contest_id)] == ["Yes", "No"]


def test_the_question_and_answers_can_be_corrected_until_a_count_is_recorded(desk):
    contest_id = set_up(desk)
    desk.referendums.set_question(contest_id, "Do you want the plan?", "S")
    answers = desk.referendums.set_answers(contest_id, ["Yes", "No", "Abstain"], "S")
    assert [a.display_name for a in answers] == ["Yes", "No", "Abstain"]
    assert desk.contest(contest_id).question == "Do you want the plan?"
    desk.referendums.set_answers(contest_id, ["Yes", "No"], "S")
    count(desk, contest_id)
    with pytest.raises(CountDeskError) as caught:
        desk.referendums.set_question(contest_id, "Another question?", "S")
    assert caught.value.code == "S812"
    with pytest.raises(CountDeskError):
        desk.referendums.set_answers(contest_id, ["For", "Against"], "S")
    assert desk.contest(contest_id).question == "Do you want the plan?"


def test_the_result_says_which_answer_carried_and_nobody_is_elected(desk):
    contest_id = set_up(desk)
    count(desk, contest_id)
    result = desk.result(contest_id)
    assert result.errors == () and result.elected == ()
    data = desk.result_data(contest_id)
    assert data["referendum"] is True
    assert data["question"] == QUESTION
    assert [(a["answer"], a["votes"]) for a in data["answers"]] == [("Yes", 1874), ("No", 1101)]
    assert data["carried"] == "Yes" and data["more_than_half"] is True
    assert data["equal_votes"] is False
    assert data["seats"] is None and data["deposit_pounds"] is None and data["elected"] == []
    assert data["majority"] == 773


def test_equal_votes_carry_neither_answer_with_no_lots(desk):
    contest_id = set_up(desk)
    desk.set_contest_details(contest_id, "S", ballot_papers_verified=3_027)
    count(desk, contest_id, {"Yes": 1_500, "No": 1_500})
    result = desk.result(contest_id)
    assert [f.code for f in result.findings] == ["R104"]
    assert result.errors == ()  # not a tie waiting for lots (L401): nothing to decide
    data = desk.result_data(contest_id)
    assert data["carried"] is None and data["equal_votes"] is True
    assert data["tie"] is None and data["lots"] is None
    assert "neither answer carried" in data["outcome"]
    desk.advance(contest_id, "verification", "S")
    desk.advance(contest_id, "count", "S")
    desk.advance(contest_id, "provisional", "S")
    with pytest.raises(CountDeskError) as caught:
        desk.record_lots(contest_id, [desk.referendums.answers(contest_id)[0].id], "S")
    assert caught.value.code == "R103"
    text = " ".join("\n".join(pages(desk.declare(contest_id, "S", OFFICER))).split())
    assert "the number of votes cast in favour of each answer was equal" in text
    assert "neither answer received a majority of the votes cast" in text
    assert not re.search(r"\blots?\b", text, re.I)


def test_the_declaration_states_the_question_the_votes_for_each_answer_and_the_majority(tmp_path):
    desk, pdf = declared(tmp_path / "night.sqlite")
    text = "\n".join(pages(pdf))
    flat = " ".join(text.split())
    assert_in_order(
        flat,
        [
            "Leeds City Council",
            "Kirkstall Neighbourhood Plan Referendum",
            "Date of poll: Thursday 7 May 2026",
            "Declaration of Result of Referendum",
            f"I, {OFFICER}, being the Counting Officer for the above referendum",
            "votes cast in favour of each answer",
            f"Question: {QUESTION}",
            "Yes 1,874",
            "No 1,101",
            "Total number of votes cast for the answers 2,975",
            "(a) Want of an official mark 3",
            "(b) Voting for more than one answer 9",
            "(c) Writing or mark by which the voter could be identified 0",
            "(d) Being unmarked or void for uncertainty 15",
            "Total number of ballot papers rejected 27",
            "Total number of ballot papers counted 3,002",
            "Electorate 9,480",
            "Ballot papers verified 3,002",
            "31.67%",
            "And I hereby declare that more than half of those voting in the referendum voted "
            "“Yes”",
            OFFICER,
            "Counting Officer",
            "Printed and published by the Counting Officer, Civic Hall, Leeds LS1 1UR",
        ],
    )
    for word in ("elected", "seat", "deposit", "candidate", "Returning Officer", "DRAFT"):
        assert word.lower() not in flat.lower(), word
    # Kept byte for byte, and the audit chain vouches for it.
    assert desk.declaration_pdf(KIRKSTALL) == pdf
    assert desk.verify().intact
    desk.close()


def test_the_provisional_sheet_has_no_declaration_and_exports_carry_the_answers(desk):
    contest_id = set_up(desk)
    count(desk, contest_id)
    text = " ".join("\n".join(pages(desk.declaration_pdf(contest_id, provisional=True))).split())
    assert "Provisional Result of Referendum" in text
    assert "hereby declare" not in text and "Yes 1,874" in text
    exported = json.loads(desk.export([contest_id], "json"))["contests"][0]
    assert exported["carried"] == "Yes"
    csv_text = desk.export([contest_id], "csv")
    assert "Yes,,1874" in csv_text and "True" not in csv_text and "False" not in csv_text


def test_the_statement_of_verification_is_the_counting_officers_at_the_referendum(desk):
    contest_id = set_up(desk)
    text = " ".join("\n".join(pages(desk.verification_pdf(contest_id, date(2026, 5, 8)))).split())
    assert "Kirkstall Neighbourhood Plan Referendum" in text
    assert f"I, {OFFICER}, being the Counting Officer at the above referendum" in text


def test_an_error_found_after_the_declaration_is_a_memorandum_about_answers(tmp_path):
    desk, pdf = declared(tmp_path / "night.sqlite")
    yes, no = desk.referendums.answers(KIRKSTALL)
    desk.record_error_found(
        KIRKSTALL,
        "Supervisor",
        found_by="Deputy Counting Officer",
        reason="A bundle of 50 Yes papers was found among the No papers",
        votes={yes.id: 1_924, no.id: 1_051},
        rejected={},
    )
    text = " ".join("\n".join(pages(desk.memorandum_pdf(KIRKSTALL))).split())
    assert "Answer As declared As now found Difference" in text
    assert "Yes 1,874 1,924 +50" in text
    assert "elected" not in text and "Candidate" not in text and "election court" not in text
    assert desk.declaration_pdf(KIRKSTALL) == pdf  # the declaration stands
    desk.close()


def test_once_declared_a_refusal_says_a_court_not_an_election_court(tmp_path):
    desk, _pdf = declared(tmp_path / "night.sqlite")
    with pytest.raises(CountDeskError) as caught:
        desk.set_contest_details(KIRKSTALL, "S", electorate=9_481)
    assert caught.value.code == "S802"
    assert "only a court can change it" in caught.value.message
    assert "election court" not in caught.value.message
    desk.close()


def test_answers_cannot_change_while_an_entry_is_held_or_figures_are_keyed(tmp_path):
    """The figures keyed stand against the answers as they were: changing the answers then
    would give a reused row the other answer's votes (the Nelson error)."""
    from tests.referendum_night import REJECTED, VOTES

    desk = CountDesk.open(tmp_path / "ref.sqlite")
    set_up(desk)
    for stage in ("verification", "count"):
        desk.advance(KIRKSTALL, stage, "Supervisor")
    by_answer = {a.display_name: a.id for a in desk.referendums.answers(KIRKSTALL)}
    desk.enter_count(KIRKSTALL, {by_answer[a]: v for a, v in VOTES.items()}, REJECTED, "Clerk 1")
    assert desk.entry_state(KIRKSTALL).held
    with pytest.raises(CountDeskError) as refused:
        desk.referendums.correct(KIRKSTALL, desk.contest(KIRKSTALL).question, ["No", "Yes"], "S")
    assert refused.value.code == "S812"
    assert [a.display_name for a in desk.referendums.answers(KIRKSTALL)] == ["Yes", "No"]
