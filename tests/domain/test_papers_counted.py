"""Several seats are reconciled on papers: Q + R = P and Q ≤ S ≤ N × Q (DOMAIN.md §4).

Q is the valid ballot papers counted into bundles. Without it, papers left out of the count and
votes over-credited within the limits of P − R went unnoticed: the two measured cases below
passed every check CountDesk made before it asked for Q.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.model import Status
from desktop.domain.workflow import NightState, transition_blockers
from tests.domain.builders import run_count

#: (a) 15 seats, 17,872 votes over-credited: 1,200 papers verified, 8 rejected, 1,190 valid
#: papers counted. 15 × (1,200 − 8) = 17,880 allows the votes; 15 × 1,190 = 17,850 does not.
OVER_CREDIT = {
    "votes": [1_000 - i for i in range(12)] + [746, 745, 744, 743, 742, 741, 740, 737],
    "seats": 15,
    "rejected": 8,
    "papers": 1_200,
    "type_code": "local",
}
#: (b) 3 seats, 1,600 votes on 1,000 papers verified, of which 400 were left out of the count.
LEFT_OUT = {"votes": [700, 500, 300, 100], "seats": 3, "rejected": 0, "papers": 1_000}


def test_the_over_credit_passed_every_check_without_the_papers_counted():
    before = run_count(**OVER_CREDIT, papers_counted=None, before_papers_counted=True)
    assert before.result.valid_votes == 17_872
    assert [f.code for f in before.result.errors] == []


def test_the_over_credit_is_caught_by_the_papers_counted():
    run = run_count(**OVER_CREDIT, papers_counted=1_190)
    (c222,) = run.findings("C222")
    assert c222.is_error
    assert c222.figures == {"valid_votes": 17_872, "valid_papers_counted": 1_190, "maximum": 17_850}
    assert "17,872" in c222.message and "17,850" in c222.message and "15 seats" in c222.message
    (c221,) = run.findings("C221")
    assert c221.figures["unaccounted"] == 2
    assert run.result.papers_unaccounted == 2


def test_papers_left_out_passed_every_check_without_the_papers_counted():
    before = run_count(**LEFT_OUT, papers_counted=None, before_papers_counted=True)
    assert before.result.valid_votes == 1_600
    assert [f.code for f in before.result.errors] == []


def test_papers_left_out_of_the_count_are_caught():
    run = run_count(**LEFT_OUT, papers_counted=600)
    (c221,) = run.findings("C221")
    assert c221.is_error
    assert c221.figures == {
        "valid_papers_counted": 600,
        "rejected_total": 0,
        "ballot_papers_verified": 1_000,
        "unaccounted": 400,
    }
    assert "400 ballot papers are unaccounted for" in c221.message
    assert "600" in c221.message and "1,000" in c221.message
    # 1,600 votes on 600 papers is within 3 × 600: only the papers are wrong.
    assert "C222" not in run.codes
    assert run.result.papers_unaccounted == 400


def test_papers_counted_twice():
    run = run_count(**LEFT_OUT, papers_counted=1_003)
    (c221,) = run.findings("C221")
    assert c221.figures["unaccounted"] == -3
    assert "3 more papers are counted and rejected than were verified" in c221.message


def test_papers_that_reconcile_give_no_error():
    run = run_count(**LEFT_OUT, papers_counted=1_000)
    assert run.result.errors == ()
    assert run.result.valid_papers_counted == 1_000
    assert run.result.papers_unaccounted == 0
    assert run.result.elected == (1, 2, 3)


def test_papers_rejected_in_part_are_valid_papers_counted():
    rejected = {
        "official_mark": 2,
        "too_many_votes": 0,
        "identifying_mark": 0,
        "unmarked_or_void": 0,
        "rejected_in_part": 5,
    }
    run = run_count(
        [90, 60, 40], seats=2, rejected=rejected, papers=100, type_code="local", papers_counted=98
    )
    assert run.result.errors == ()


def test_fewer_votes_than_papers_counted():
    run = run_count([300, 200, 99], seats=3, papers=600, papers_counted=600)
    (c222,) = run.findings("C222")
    assert c222.figures["valid_votes"] == 599
    assert "fewer than the 600 valid papers counted" in c222.message
    # The older check on P − R says the same thing and is not repeated.
    assert "C214" not in run.codes and "C202" not in run.codes


def test_votes_at_the_edges_of_the_papers_counted_are_fine():
    assert run_count([100, 100, 100], seats=3, papers=100, papers_counted=100).result.errors == ()
    assert run_count([100, 0, 0], seats=3, papers=100, papers_counted=100).codes.count("C222") == 0


def test_several_seats_need_the_papers_counted():
    run = run_count(**LEFT_OUT, papers_counted=None)
    (c220,) = run.findings("C220")
    assert c220.is_error
    assert "papers counted" in c220.message
    assert not run.result.complete
    assert run.result.elected == ()
    # The figures already typed are still checked against P − R while Q is missing.
    over = run_count([1_000, 1_000, 1_000, 1], seats=3, papers=1_000, papers_counted=None)
    assert "C202" in over.codes


def test_a_single_seat_does_not_use_the_papers_counted():
    run = run_count([600, 400], papers_counted=None)
    assert "C220" not in run.codes and run.result.errors == ()
    given = run_count([600, 400], papers_counted=3)
    assert given.result.valid_papers_counted is None
    assert "C221" not in given.codes and given.result.errors == ()


def test_a_count_from_before_the_papers_counted_were_asked_for_is_read_with_a_warning():
    run = run_count(**LEFT_OUT, papers_counted=None, before_papers_counted=True)
    (w605,) = run.findings("W605")
    assert not w605.is_error
    assert "before CountDesk asked for the valid ballot papers counted" in w605.message
    assert run.result.complete
    assert run.result.elected == (1, 2, 3)
    assert run.result.recorded_before_papers_counted
    # Its figures are still checked as they always were.
    over = run_count(
        [1_000, 1_000, 1_000, 1],
        seats=3,
        papers=1_000,
        papers_counted=None,
        before_papers_counted=True,
    )
    assert "C202" in over.codes


def test_papers_left_out_block_the_provisional_result():
    run = run_count(**LEFT_OUT, papers_counted=600)
    state = NightState(
        contest=replace(run.contest, status=Status.COUNT),
        candidates=4,
        verification=(),
        result=run.result,
    )
    assert "C221" in [f.code for f in transition_blockers(state, Status.PROVISIONAL)]
    fixed = run_count(**LEFT_OUT, papers_counted=1_000)
    state = replace(state, result=fixed.result)
    assert [f.code for f in transition_blockers(state, Status.PROVISIONAL)] == []
