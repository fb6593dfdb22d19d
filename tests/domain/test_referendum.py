"""A referendum's result in the domain: the answer with more votes carried, equal votes carry
neither, and no tie, lots, deposit or anyone elected ever arises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.election_types import election_type_for
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate
from desktop.domain.referendum import (
    carried,
    check_answers,
    check_question,
    more_than_half,
    referendum_heading,
    result_sentence,
)
from tests.domain.builders import run_count


def test_the_referendum_type_has_its_headings_and_the_counting_officer():
    ref = election_type_for("ref.leeds.kirkstall-neighbourhood-plan.2026-05-07")
    assert ref.referendum and not ref.has_deposit
    assert ref.officer_title == "Counting Officer"
    assert [(h.letter, h.label) for h in ref.headings] == [
        ("a", "Want of an official mark"),
        ("b", "Voting for more than one answer"),
        ("c", "Writing or mark by which the voter could be identified"),
        ("d", "Being unmarked or void for uncertainty"),
    ]


def test_the_answer_with_more_votes_carried_and_nobody_is_elected():
    result = run_count([1_874, 1_101], rejected=27, type_code="ref").result
    yes = result.candidates[0].candidate.id
    assert carried(result) == yes and more_than_half(result)
    assert result.elected == () and result.tie is None and result.lots is None
    assert result.majority == 773
    assert all(line.deposit_kept is None for line in result.candidates)
    assert "carried: more than half of those voting voted" in result_sentence(result)


@pytest.mark.parametrize("votes", [[500, 500], [0, 0], [400, 400, 100]])
def test_equal_votes_at_the_top_carry_neither_and_need_no_lots(votes):
    run = run_count(votes, type_code="ref")
    assert carried(run.result) is None
    assert "R104" in run.codes and "L401" not in run.codes
    assert run.result.errors == ()
    assert result_sentence(run.result) == (
        "The votes for the answers are equal: neither answer carried."
    )


def test_one_vote_more_carries():
    result = run_count([501, 500], type_code="ref").result
    assert carried(result) == result.candidates[0].candidate.id


def test_the_leader_without_more_than_half_carries_but_is_not_said_to_have_half():
    result = run_count([400, 350, 300], type_code="ref").result
    assert carried(result) is not None and not more_than_half(result)
    assert "more votes than any other answer" in result_sentence(result)


def test_nothing_has_carried_while_a_figure_is_missing():
    result = run_count([900, None], type_code="ref").result
    assert carried(result) is None and result.majority is None
    assert result_sentence(result) == "" and "R104" not in [f.code for f in result.findings]


def test_an_answer_prints_as_on_the_ballot_paper_not_as_a_surname():
    answer = Candidate(1, "Yes", "", person_name="Yes", answer=True)
    assert answer.display_name == "Yes" and answer.name_in_words == "Yes"


def test_questions_and_answers_are_checked():
    assert check_question("  Do you  want it? ") == "Do you want it?"
    assert check_answers([" Yes", "No "]) == ["Yes", "No"]
    for bad in ("", "x" * 1001):
        with pytest.raises(CountDeskError) as caught:
            check_question(bad)
        assert caught.value.code == "R101"
    for bad in (["Yes"], ["Yes", "YES"], ["Yes", " "], [str(i) for i in range(11)]):
        with pytest.raises(CountDeskError) as caught:
            check_answers(bad)
        assert caught.value.code == "R102"


def test_the_heading_names_the_referendum_once():
    assert referendum_heading("Kirkstall Neighbourhood Plan") == (
        "Kirkstall Neighbourhood Plan Referendum"
    )
    assert referendum_heading("Council Tax Referendum") == "Council Tax Referendum"


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=2, max_size=5))
def test_an_answer_carries_exactly_when_it_has_more_votes_than_every_other(votes):
    result = run_count(votes, type_code="ref").result
    top = max(votes)
    answer = carried(result)
    if votes.count(top) == 1:
        assert answer is not None and result.line(answer).votes == top
        assert more_than_half(result) == (top * 2 > sum(votes))
    else:
        assert answer is None
        assert "R104" in [f.code for f in result.findings]
    codes = {f.code for f in result.findings}
    assert not codes & {"L401", "L402", "L403", "I701"}
    assert result.elected == () and result.tie is None
