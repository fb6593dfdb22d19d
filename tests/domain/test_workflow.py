"""The night's status machine: every transition and its guard, as findings."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.model import Status
from desktop.domain.verification import (
    BoxKind,
    VerificationLine,
    verification_findings,
    verification_totals,
)
from desktop.domain.workflow import (
    ORDER,
    NightState,
    ack_key,
    lots_blockers,
    next_status,
    transition_blockers,
)
from tests.domain.builders import lots, run_count


def state(
    status: Status,
    *,
    votes=(60, 40),
    counted: bool = True,
    lines=(),
    acked=(),
    unrecorded: bool = False,
    candidates: int | None = None,
    authority: str = "Testshire Council",
    imprint_address: str = "Town Hall, Testshire",
    **count_args,
) -> NightState:
    run = run_count(list(votes), **count_args)
    contest = replace(run.contest, status=status, imprint_address=imprint_address)
    return NightState(
        contest=contest,
        candidates=len(votes) if candidates is None else candidates,
        verification=tuple(lines),
        result=run.result if counted else None,
        acknowledged=frozenset(acked),
        unrecorded_changes=unrecorded,
        authority=authority,
    )


def codes(found) -> list[str]:
    return [f.code for f in found]


BOX = VerificationLine("B1", "Town Hall", BoxKind.BOX, 1000, 1000)


def test_the_night_runs_in_order():
    assert ORDER == (
        Status.SETUP,
        Status.VERIFICATION,
        Status.COUNT,
        Status.PROVISIONAL,
        Status.DECLARED,
    )
    assert [next_status(s) for s in ORDER] == [*ORDER[1:], None]


def test_setup_to_verification_needs_candidates():
    assert transition_blockers(state(Status.SETUP, counted=False), Status.VERIFICATION) == ()
    blocked = transition_blockers(
        state(Status.SETUP, counted=False, candidates=0), Status.VERIFICATION
    )
    assert codes(blocked) == ["C210"]


@pytest.mark.parametrize(
    ("here", "to"),
    [
        (Status.SETUP, Status.COUNT),
        (Status.SETUP, Status.PROVISIONAL),
        (Status.SETUP, Status.DECLARED),
        (Status.VERIFICATION, Status.PROVISIONAL),
        (Status.COUNT, Status.DECLARED),
        (Status.COUNT, Status.COUNT),
    ],
)
def test_skipping_a_step_is_refused(here, to):
    assert codes(transition_blockers(state(here), to)) == ["S801"]


def test_verification_to_count_needs_every_box_counted():
    uncounted = replace(BOX, counted=None)
    blocked = transition_blockers(
        state(Status.VERIFICATION, counted=False, lines=[BOX, uncounted]), Status.COUNT
    )
    assert codes(blocked) == ["V502"]


def test_an_unexplained_variance_blocks_until_explained_or_acknowledged():
    off = replace(BOX, counted=1001)
    blocked = transition_blockers(
        state(Status.VERIFICATION, counted=False, lines=[off]), Status.COUNT
    )
    assert codes(blocked) == ["S804"]
    assert blocked[0].figures["warning"] == "V501"
    explained = replace(off, explanation="Found a spoilt paper from another box")
    assert (
        transition_blockers(
            state(Status.VERIFICATION, counted=False, lines=[explained]), Status.COUNT
        )
        == ()
    )
    acked = [ack_key("V501", "B1", verification_findings([off])[0].figures)]
    assert (
        transition_blockers(
            state(Status.VERIFICATION, counted=False, lines=[off], acked=acked), Status.COUNT
        )
        == ()
    )


def test_without_verification_lines_the_typed_papers_are_needed():
    assert transition_blockers(state(Status.VERIFICATION, counted=False), Status.COUNT) == ()
    missing = state(Status.VERIFICATION, counted=False, papers=None)
    assert codes(transition_blockers(missing, Status.COUNT)) == ["C208"]


def test_count_to_provisional_needs_a_recorded_count():
    assert codes(transition_blockers(state(Status.COUNT, counted=False), Status.PROVISIONAL)) == [
        "S805"
    ]


def test_count_to_provisional_is_blocked_by_every_error():
    wrong = state(Status.COUNT, votes=(60, 40), papers=101)
    assert codes(transition_blockers(wrong, Status.PROVISIONAL)) == ["C201"]


def test_count_to_provisional_needs_every_warning_acknowledged():
    zero = state(Status.COUNT, votes=(60, 40, 0))
    blocked = transition_blockers(zero, Status.PROVISIONAL)
    assert codes(blocked) == ["S804"]
    assert blocked[0].figures["warning"] == "W602" and blocked[0].subject == 3
    warning = next(f for f in zero.result.findings if f.code == "W602")
    acked = state(Status.COUNT, votes=(60, 40, 0), acked=[ack_key("W602", 3, warning.figures)])
    assert transition_blockers(acked, Status.PROVISIONAL) == ()


def test_an_acknowledgement_covers_only_the_figures_acknowledged():
    small = replace(BOX, counted=999)
    acked = [ack_key("V501", "B1", verification_findings([small])[0].figures)]
    assert (
        transition_blockers(
            state(Status.VERIFICATION, counted=False, lines=[small], acked=acked), Status.COUNT
        )
        == ()
    )
    large = replace(BOX, counted=600)
    blocked = transition_blockers(
        state(Status.VERIFICATION, counted=False, lines=[large], acked=acked), Status.COUNT
    )
    assert [f.code for f in blocked] == ["S804"]


def test_info_findings_need_no_acknowledgement():
    settled = state(Status.COUNT, votes=(10, 10, 5), lots=lots([1, 2], [2]))
    assert "L403" in [f.code for f in settled.result.findings]
    assert transition_blockers(settled, Status.PROVISIONAL) == ()


def test_a_tie_is_shown_as_a_provisional_result_before_any_lots():
    # Rule 49: lots are drawn only once counting, including any recount, is complete; the
    # candidates first see the tie as the provisional result, and may ask for a recount.
    assert transition_blockers(state(Status.COUNT, votes=(10, 10, 5)), Status.PROVISIONAL) == ()


def test_a_tie_with_no_lots_drawn_blocks_the_declaration():
    assert codes(
        transition_blockers(state(Status.PROVISIONAL, votes=(10, 10, 5)), Status.DECLARED)
    ) == ["L401"]
    settled = state(Status.PROVISIONAL, votes=(10, 10, 5), lots=lots([1, 2], [2]))
    assert transition_blockers(settled, Status.DECLARED) == ()


def test_a_tie_with_figures_that_do_not_reconcile_still_blocks_the_provisional_result():
    # A tie never lets other errors through: 10 + 10 + 5 votes against 30 papers verified.
    blocked = transition_blockers(
        state(Status.COUNT, votes=(10, 10, 5), papers=30), Status.PROVISIONAL
    )
    assert codes(blocked) == ["C201"]


def test_lots_may_be_drawn_only_at_the_provisional_result_with_figures_that_reconcile():
    tie = (10, 10, 5)
    assert lots_blockers(state(Status.PROVISIONAL, votes=tie)) == ()
    for status in (Status.SETUP, Status.VERIFICATION, Status.COUNT):
        assert codes(lots_blockers(state(status, votes=tie))) == ["L407"]
    unreconciled = lots_blockers(state(Status.PROVISIONAL, votes=tie, papers=30))
    assert codes(unreconciled) == ["L407", "C201"]
    assert "reconcile" in unreconciled[0].message
    assert codes(lots_blockers(state(Status.PROVISIONAL, votes=tie, unrecorded=True))) == ["L407"]
    assert codes(lots_blockers(state(Status.PROVISIONAL, votes=tie, counted=False))) == ["L407"]


def test_figures_keyed_in_but_not_recorded_block_the_provisional_result():
    blocked = transition_blockers(state(Status.COUNT, unrecorded=True), Status.PROVISIONAL)
    assert codes(blocked) == ["S808"]


def test_provisional_to_declared_is_guarded_like_the_provisional_result():
    assert transition_blockers(state(Status.PROVISIONAL), Status.DECLARED) == ()
    no_officer = state(Status.PROVISIONAL, officer="")
    assert codes(transition_blockers(no_officer, Status.DECLARED)) == ["T303"]


def test_the_declaration_needs_its_authority_and_imprint_address():
    bare = state(Status.PROVISIONAL, authority=" ", imprint_address="")
    blocked = transition_blockers(bare, Status.DECLARED)
    assert [(f.code, f.subject) for f in blocked] == [
        ("T304", "authority"),
        ("T304", "imprint_address"),
    ]
    assert all(f.is_error for f in blocked)
    assert "The authority is not set" in blocked[0].message
    assert "Printed and published by the Returning Officer" in blocked[1].message
    no_address = transition_blockers(state(Status.PROVISIONAL, imprint_address=""), Status.DECLARED)
    assert [(f.code, f.subject) for f in no_address] == [("T304", "imprint_address")]


def test_authority_and_imprint_do_not_block_the_provisional_result():
    bare = state(Status.COUNT, authority="", imprint_address="")
    assert transition_blockers(bare, Status.PROVISIONAL) == ()


def test_provisional_goes_back_to_the_count_only_through_a_recount():
    here = state(Status.PROVISIONAL)
    assert codes(transition_blockers(here, Status.COUNT)) == ["S801"]
    assert transition_blockers(here, Status.COUNT, via_recount=True) == ()


def test_going_back_before_any_count_is_allowed_and_after_one_is_not():
    assert transition_blockers(state(Status.VERIFICATION, counted=False), Status.SETUP) == ()
    assert transition_blockers(state(Status.COUNT, counted=False), Status.VERIFICATION) == ()
    assert codes(transition_blockers(state(Status.COUNT), Status.VERIFICATION)) == ["S801"]


@pytest.mark.parametrize("to", list(Status))
def test_nothing_moves_after_the_declaration(to):
    assert codes(transition_blockers(state(Status.DECLARED), to)) == ["S802"]


def test_verification_totals_and_variances():
    lines = [
        VerificationLine("B1", "Hall", BoxKind.BOX, 1000, 1002, "two papers from B2"),
        VerificationLine("B2", "School", BoxKind.BOX, 800, 798, "two papers in B1"),
        VerificationLine("P1", "Postal 1", BoxKind.POSTAL, 500, 499),
        VerificationLine("P2", "Postal 2", BoxKind.POSTAL, 300, None),
    ]
    totals = verification_totals(lines)
    assert (totals.issued, totals.counted, totals.issued_of_counted) == (2600, 2299, 2300)
    assert totals.variance == -1
    assert (totals.boxes_issued, totals.boxes_counted) == (1800, 1800)
    assert (totals.postal_issued, totals.postal_counted) == (800, 499)
    assert totals.uncounted == 1
    assert [line.variance for line in lines] == [2, -2, -1, None]
    found = verification_findings(lines)
    assert codes(found) == ["V502", "V501"]
    assert found[1].subject == "P1" and found[1].figures["variance"] == -1
    assert "−1" in found[1].message or "-1" in found[1].message
