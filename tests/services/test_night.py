"""A whole count night through the services: verification, statuses, recounts, lots,
the declaration and its lock, and an error found after it (the declaration stands)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


class Clock:
    """A clock that moves a minute on each time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2021, 7, 2, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


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


def _verify(desk: CountDesk, explain_bs07: bool = True) -> None:
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    for line in desk.verification(BATLEY):
        counted = {"BS03": line.issued + 1, "BS07": line.issued - 1}.get(
            line.reference, line.issued
        )
        desk.set_box_counted(BATLEY, line.reference, counted, "Verifier")
    desk.set_box_explanation(
        BATLEY, "BS03", "A paper issued at BS04 was placed in BS03's box", "Supervisor"
    )
    if explain_bs07:
        desk.set_box_explanation(BATLEY, "BS07", "A voter left with the paper", "Supervisor")


def _votes(desk: CountDesk, **changes: int) -> dict[int, int]:
    figures = {**BATLEY_VOTES, **{k.replace("_", " "): v for k, v in changes.items()}}
    return {desk.candidate_by_name(BATLEY, n).id: v for n, v in figures.items()}


def _codes(error: pytest.ExceptionInfo) -> str:
    return str(error.value)


def test_verification_totals_feed_ballot_papers_verified(desk):
    _verify(desk)
    totals = desk.verification_totals(BATLEY)
    assert (totals.issued, totals.counted, totals.variance) == (37786, 37786, 0)
    assert desk.contest(BATLEY).ballot_papers_verified == 37786
    with pytest.raises(CountDeskError) as info:
        desk.set_contest_facts(BATLEY, "Clerk", ballot_papers_verified=37000)
    assert info.value.code == "S807"


def test_a_variance_without_explanation_blocks_the_count_until_acknowledged(desk):
    desk.advance(BATLEY, "verification", "Supervisor")
    _verify(desk, explain_bs07=False)
    with pytest.raises(CountDeskError) as info:
        desk.advance(BATLEY, "count", "Supervisor")
    assert info.value.code == "S804"
    assert "V501" in str(info.value) and "BS07" in str(info.value)
    desk.acknowledge_warning(
        BATLEY, "V501", "Counted twice; the account is wrong", "Supervisor", "BS07"
    )
    assert desk.advance(BATLEY, "count", "Supervisor").status is Status.COUNT


def test_boxes_not_counted_block_the_count(desk):
    desk.advance(BATLEY, "verification", "Supervisor")
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    with pytest.raises(CountDeskError) as info:
        desk.advance(BATLEY, "count", "Supervisor")
    assert info.value.code == "V502"
    assert desk.contest(BATLEY).status is Status.VERIFICATION


@pytest.mark.parametrize("to", ["provisional", "declared", "setup", "nonsense"])
def test_transitions_out_of_order_are_refused_with_a_code(desk, to):
    before = desk.store.audit(BATLEY)
    with pytest.raises(CountDeskError) as info:
        desk.advance(BATLEY, to, "Supervisor")
    assert info.value.code in {"S801", "S806"}
    assert desk.contest(BATLEY).status is Status.SETUP
    assert desk.store.audit(BATLEY) == before


def test_a_whole_night(desk):
    # Setup → verification, with one variance explained and one acknowledged.
    desk.advance(BATLEY, "verification", "Supervisor")
    _verify(desk)
    desk.advance(BATLEY, "count", "Supervisor")

    # The first count: Smith's and Waters's bundles were swapped, so the majority looks small.
    first = desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    assert first.kind == "count"
    desk.advance(BATLEY, "provisional", "Supervisor")
    report = desk.status(BATLEY)
    assert report.status is Status.PROVISIONAL and report.shown_at is not None
    assert report.next is Status.DECLARED and report.blockers == ()

    # Figures cannot be changed while the provisional result is shown.
    with pytest.raises(CountDeskError) as info:
        desk.set_draft_votes(BATLEY, first.figures.votes.popitem()[0], 1, "Clerk 1")
    assert info.value.code == "S809"

    # The runner-up's agent asks for a recount; the officer grants it.
    stephenson = desk.candidate_by_name(BATLEY, "Ryan Stephenson").id
    desk.record_recount_request(
        BATLEY, "Supervisor", requested_by="Agent for Stephenson", role="agent",
        for_candidate=stephenson, decision="full",
    )  # fmt: skip
    assert desk.contest(BATLEY).status is Status.COUNT
    assert all(v is None for v in desk.draft(BATLEY).votes.values())
    with pytest.raises(CountDeskError) as info:
        desk.advance(BATLEY, "provisional", "Supervisor")
    assert info.value.code == "S808"

    # The recount finds a dead heat: 13,135 each, still adding up to 37,695 valid votes.
    tie = _votes(desk, Kim_Leadbeater=13296 - 161, Ryan_Stephenson=12973 + 162, Andrew_Smith=75 - 1)
    assert sum(tie.values()) == 37695
    second = desk.record_count(BATLEY, tie, BATLEY_REJECTED, "Clerk 2")
    assert second.kind == "recount" and second.number == 2
    result = desk.result(BATLEY)
    assert [f.code for f in result.errors] == ["L401"]
    # Rule 49: no lots while counting may go on; the tie is shown as the provisional result.
    with pytest.raises(CountDeskError) as info:
        desk.record_lots(BATLEY, [stephenson], "Returning Officer")
    assert info.value.code == "L407"
    desk.advance(BATLEY, "provisional", "Supervisor")
    assert [f.code for f in desk.status(BATLEY).blockers] == ["L401"]
    with pytest.raises(CountDeskError) as info:
        desk.declare(BATLEY, "Supervisor", "Jacqui Gedman")
    assert info.value.code == "L401"
    assert desk.contest(BATLEY).status is Status.PROVISIONAL

    # No recount is asked for: counting is complete, and the officer draws lots.
    desk.record_lots(
        BATLEY, [stephenson], "Returning Officer", "Names drawn from a ballot box", "Both agents"
    )
    result = desk.result(BATLEY)
    assert result.elected == (stephenson,)
    assert result.line(stephenson).lot_vote == 1
    assert desk.status(BATLEY).blockers == ()

    # Declaring needs the officer's confirmation.
    with pytest.raises(CountDeskError) as info:
        desk.advance(BATLEY, "declared", "Supervisor")
    assert info.value.code == "S806"
    with pytest.raises(CountDeskError) as info:
        desk.declare(BATLEY, "Supervisor", "Someone Else")
    assert info.value.code == "S806"
    pdf = desk.declare(BATLEY, "Supervisor", "jacqui gedman")
    assert pdf.startswith(b"%PDF")
    assert desk.contest(BATLEY).status is Status.DECLARED
    assert desk.declaration_pdf(BATLEY) == pdf

    # Locked: every write is refused with S802, and nothing changes.
    before = desk.store.audit(BATLEY)
    for attempt in (
        lambda: desk.set_draft_votes(BATLEY, stephenson, 1, "Clerk"),
        lambda: desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk"),
        lambda: desk.set_contest_facts(BATLEY, "Clerk", electorate=1),
        lambda: desk.update_candidate(BATLEY, stephenson, "Clerk", surname="X"),
        lambda: desk.record_lots(BATLEY, [stephenson], "RO"),
        lambda: desk.set_box_counted(BATLEY, "BS01", 1, "Clerk"),
    ):
        with pytest.raises(CountDeskError) as info:
            attempt()
        assert info.value.code == "S802"
    with pytest.raises(CountDeskError) as info:
        desk.record_recount_request(
            BATLEY, "S", requested_by="X", role="candidate", decision="full"
        )
    assert info.value.code == "S803"
    assert desk.store.audit(BATLEY) == before

    # An error found after the declaration is recorded; the declaration stands as declared.
    found = dict(tie)
    smith = desk.candidate_by_name(BATLEY, "Andrew Smith").id
    waters = desk.candidate_by_name(BATLEY, "Anne Marie Waters").id
    found[smith] -= 2
    found[waters] += 2
    with pytest.raises(CountDeskError):
        desk.record_error_found(
            BATLEY, "Supervisor", found_by="Deputy RO", reason="", votes=found,
            rejected=BATLEY_REJECTED,
        )  # fmt: skip
    error = desk.record_error_found(
        BATLEY, "Supervisor", found_by="Deputy RO", votes=found, rejected=BATLEY_REJECTED,
        reason="Two votes for WATERS were transcribed against SMITH",
    )  # fmt: skip
    assert error.found.votes[smith] == tie[smith] - 2
    kept = desk.kept_declarations(BATLEY)
    assert [d.kind for d in kept] == ["declaration"]
    assert desk.declaration_pdf(BATLEY) == pdf
    assert desk.result(BATLEY).line(smith).votes == tie[smith]
    assert desk.store.audit(BATLEY)[-1].action == "record error found"

    history = desk.history(BATLEY)
    assert [c.count.kind for c in history.counts] == ["count", "recount"]
    assert [c.stands for c in history.counts] == [False, True]
    assert history.records.errors_found == (error,)
    assert history.differs(1, stephenson)
    assert not history.differs(1, desk.candidate_by_name(BATLEY, "Paul Bickerdike").id)
    assert history.counts[1].request is not None
    assert history.counts[1].request.decision == "full"
    assert [s.to_status for s in history.records.status_changes] == [
        "verification", "count", "provisional", "count", "provisional", "declared",
    ]  # fmt: skip


def test_a_refused_recount_needs_a_reason_and_changes_nothing(desk):
    desk.advance(BATLEY, "verification", "Supervisor")
    _verify(desk)
    desk.advance(BATLEY, "count", "Supervisor")
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.advance(BATLEY, "provisional", "Supervisor")
    with pytest.raises(CountDeskError, match="reason"):
        desk.record_recount_request(
            BATLEY, "RO", requested_by="Paul Bickerdike", role="candidate", decision="refused"
        )
    desk.record_recount_request(
        BATLEY, "RO", requested_by="Paul Bickerdike", role="candidate", decision="refused",
        reason="A majority of 323 with every bundle checked: the request is unreasonable",
    )  # fmt: skip
    assert desk.contest(BATLEY).status is Status.PROVISIONAL
    assert len(desk.store.counts(BATLEY)) == 1


def test_a_bundle_check_with_no_change_records_the_same_figures_as_a_new_count(desk):
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=37786)
    desk.advance(BATLEY, "verification", "S")
    desk.advance(BATLEY, "count", "S")
    desk.record_recount_request(
        BATLEY, "RO", requested_by="Kim Leadbeater", role="candidate", decision="bundle_check"
    )
    assert desk.draft(BATLEY).recorded_as is None
    stored = desk.record_draft(BATLEY, "Clerk 2").count
    assert stored.kind == "bundle_check"
    assert stored.figures.votes == desk.store.counts(BATLEY)[0].figures.votes


def test_warnings_must_be_acknowledged_before_the_provisional_result(desk):
    desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=37786)
    desk.advance(BATLEY, "verification", "S")
    desk.advance(BATLEY, "count", "S")
    votes = _votes(desk, Susan_Laird=0, Andrew_Smith=75 + 33)
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 1")
    with pytest.raises(CountDeskError) as info:
        desk.advance(BATLEY, "provisional", "S")
    assert info.value.code == "S804" and "W602" in str(info.value)
    with pytest.raises(CountDeskError, match="reason"):
        desk.acknowledge_warning(BATLEY, "W602", "  ", "Supervisor")
    desk.acknowledge_warning(BATLEY, "W602", "Checked: her bundle was empty", "Supervisor")
    desk.advance(BATLEY, "provisional", "S")
    ack = [e for e in desk.store.audit(BATLEY) if e.action == "acknowledge"]
    assert ack[0].new["reason"] == "Checked: her bundle was empty"


def test_a_declaration_printed_before_the_officer_declares_is_a_watermarked_draft(desk):
    import io

    from pypdf import PdfReader

    def text(pdf: bytes) -> str:
        return " ".join(
            " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages
        )

    desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=37786)
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    draft = text(desk.declaration_pdf(BATLEY))
    assert "Draft for checking – not yet declared" in draft
    assert "DRAFT" in draft
    for status in ("verification", "count", "provisional"):
        desk.advance(BATLEY, status, "S")
    provisional = text(desk.declaration_pdf(BATLEY, provisional=True))
    assert "Shown to candidates and agents at" in provisional
    declared = text(desk.declare(BATLEY, "S", "Jacqui Gedman"))
    assert "DRAFT" not in declared and "not yet declared" not in declared
    assert "Declared at" in declared


def test_a_bundle_check_that_finds_the_same_tie_keeps_the_lot_already_drawn(desk):
    desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=37786)
    desk.advance(BATLEY, "verification", "S")
    desk.advance(BATLEY, "count", "S")
    tie = _votes(desk, Kim_Leadbeater=13296 - 161, Ryan_Stephenson=12973 + 162, Andrew_Smith=74)
    desk.record_count(BATLEY, tie, BATLEY_REJECTED, "Clerk 1")
    desk.advance(BATLEY, "provisional", "S")
    stephenson = desk.candidate_by_name(BATLEY, "Ryan Stephenson").id
    desk.record_lots(BATLEY, [stephenson], "RO", "Drawn from a box")
    with pytest.raises(CountDeskError) as info:
        desk.record_lots(BATLEY, [desk.candidate_by_name(BATLEY, "Kim Leadbeater").id], "RO")
    assert info.value.code == "L406"
    desk.record_recount_request(
        BATLEY, "RO", requested_by="Kim Leadbeater", role="candidate", decision="bundle_check"
    )
    desk.record_draft(BATLEY, "Clerk 2")
    result = desk.result(BATLEY)
    assert result.lots_applied and result.elected == (stephenson,)
    # A recount with a different tie does not inherit it.
    desk.record_recount_request(
        BATLEY, "RO", requested_by="Kim Leadbeater", role="candidate", decision="full"
    )
    other = _votes(desk, Kim_Leadbeater=13100, Ryan_Stephenson=13100, Tom_Gordon=1254 + 69)
    assert sum(other.values()) == 37695
    desk.record_count(BATLEY, other, BATLEY_REJECTED, "Clerk 3")
    assert [f.code for f in desk.result(BATLEY).errors] == ["L401"]


def test_nothing_changes_after_the_provisional_result_but_through_a_recount(desk):
    desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=37786)
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    for status in ("verification", "count", "provisional"):
        desk.advance(BATLEY, status, "S")
    leadbeater = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    for attempt, code in (
        (lambda: desk.set_contest_facts(BATLEY, "S", electorate=5000), "S809"),
        (lambda: desk.set_seats(BATLEY, 2, "S"), "S809"),
        (lambda: desk.update_candidate(BATLEY, leadbeater, "S", surname="Stephenson"), "S812"),
    ):
        with pytest.raises(CountDeskError) as info:
            attempt()
        assert info.value.code == code
    desk.set_contest_facts(BATLEY, "S", officer_title="Deputy Acting Returning Officer")


def _declared(desk):
    desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=37786)
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    for status in ("verification", "count", "provisional"):
        desk.advance(BATLEY, status, "S")
    return desk.declare(BATLEY, "S", "Jacqui Gedman")


def test_an_error_found_is_checked_like_a_count_and_refused_whole(desk):
    pdf = _declared(desk)
    votes = _votes(desk)
    audit = desk.store.audit(BATLEY)

    def record(v, rejected=BATLEY_REJECTED, found_by="Deputy RO", reason="Typing error"):
        desk.record_error_found(
            BATLEY, "S", found_by=found_by, reason=reason, votes=v, rejected=rejected
        )

    first = next(iter(votes))
    for attempt, code in (
        (lambda: record({99999: 1}), "C211"),
        (lambda: record({first: -1}), "F103"),  # negative: F103, as "-5" typed is
        (lambda: record({first: 1.5}), "F104"),
        (lambda: record(votes), "S811"),  # the figures as declared: nothing was found
        (lambda: record({first: votes[first] + 1}, found_by=" "), "S811"),
        (lambda: record({first: votes[first] + 1}, reason=""), "S811"),
        (lambda: record({}, {"bogus": 1}), "F107"),
        # One more vote and nothing else: the papers no longer add up (C201).
        (lambda: record({first: votes[first] + 1}), "C201"),
    ):
        with pytest.raises(CountDeskError) as info:
            attempt()
        assert info.value.code == code, info.value
    assert desk.errors_found(BATLEY) == ()
    assert desk.store.audit(BATLEY) == audit
    assert desk.declaration_pdf(BATLEY) == pdf


def test_an_error_found_before_the_declaration_is_refused(desk):
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    with pytest.raises(CountDeskError) as info:
        desk.record_error_found(
            BATLEY, "S", found_by="X", reason="Y", votes=_votes(desk, Andrew_Smith=1), rejected={}
        )
    assert info.value.code == "S801"
    assert "change the figures through the count" in info.value.message


def test_an_error_found_that_would_make_a_tie_is_recorded_and_the_declaration_stands(desk):
    pdf = _declared(desk)
    declared = desk.result(BATLEY)
    tie = _votes(desk, Kim_Leadbeater=13296 - 161, Ryan_Stephenson=12973 + 162, Andrew_Smith=74)
    error = desk.record_error_found(
        BATLEY, "S", found_by="Deputy RO", reason="Bundles misfiled", votes=tie, rejected={}
    )
    assert error.found.votes == tie
    assert dict(error.found.rejected) == BATLEY_REJECTED  # not given: as declared
    after = desk.result(BATLEY)
    assert after.elected == declared.elected and not after.lots_applied
    assert desk.declaration_pdf(BATLEY) == pdf
    assert [d.kind for d in desk.kept_declarations(BATLEY)] == ["declaration"]
    assert len(desk.history(BATLEY).counts) == 1


# -- a list of boxes imported wrongly is put right ----------------------------------------


def _box(desk: CountDesk, reference: str):
    return next(line for line in desk.verification(BATLEY) if line.reference == reference)


def test_a_box_listed_wrongly_is_corrected_with_its_audit_rows(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    desk.set_box_counted(BATLEY, "BS01", 2510, "Verifier")
    before = len(desk.store.audit(BATLEY))
    corrected = desk.correct_box(BATLEY, "BS01", "Supervisor", issued=2512)
    assert (corrected.issued, corrected.variance) == (2512, -2)
    renamed = desk.correct_box(BATLEY, "BS02", "Supervisor", name="  Birstall   Library ")
    assert renamed.name == "Birstall Library"
    assert desk.correct_box(BATLEY, "PV03", "Supervisor", kind="box").kind.value == "box"
    entries = desk.store.audit(BATLEY)[before:]
    assert [(e.action, e.entity, e.operator, e.old, e.new) for e in entries] == [
        ("update", "verification", "Supervisor", {"issued": 2510}, {"issued": 2512}),
        ("update", "verification", "Supervisor",
         {"name": "Birstall Community Centre"}, {"name": "Birstall Library"}),
        ("update", "verification", "Supervisor", {"kind": "postal"}, {"kind": "box"}),
    ]  # fmt: skip
    # Papers verified are the total counted: correcting the account leaves them as they were.
    assert desk.contest(BATLEY).ballot_papers_verified == 2510
    assert desk.verification_totals(BATLEY).variance == -2
    # A blank name is the reference, as on import; nothing given changes nothing.
    assert desk.correct_box(BATLEY, "BS02", "Supervisor", name=" ").name == "BS02"
    count = len(desk.store.audit(BATLEY))
    desk.correct_box(BATLEY, "BS02", "Supervisor")
    desk.correct_box(BATLEY, "BS01", "Supervisor", issued=2512)
    assert len(desk.store.audit(BATLEY)) == count


def test_correcting_a_box_resyncs_the_papers_verified(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    desk.set_box_counted(BATLEY, "BS01", 2510, "Verifier")
    desk.store.update_contest(BATLEY, {"ballot_papers_verified": 1}, "Elsewhere")
    desk.correct_box(BATLEY, "BS01", "Supervisor", issued=2511)
    assert desk.contest(BATLEY).ballot_papers_verified == 2510


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"issued": -1}, "F103"),
        ({"issued": 2.5}, "F104"),
        ({"issued": "2510"}, "F104"),
        ({"issued": True}, "F104"),
        ({"kind": "proxy"}, "V505"),
    ],
)
def test_a_correction_that_is_not_a_figure_or_a_kind_is_refused(desk, changes, code):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    before = desk.store.audit(BATLEY)
    with pytest.raises(CountDeskError) as info:
        desk.correct_box(BATLEY, "BS01", "Supervisor", name="Changed too", **changes)
    assert info.value.code == code
    assert "BS01" in str(info.value)
    assert desk.store.audit(BATLEY) == before
    assert _box(desk, "BS01").name == "St Paul's Church Hall, Batley"


def test_an_unknown_box_is_refused_and_an_operator_is_needed(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    for attempt in (
        lambda: desk.correct_box(BATLEY, "BS99", "S", issued=1),
        lambda: desk.remove_box(BATLEY, "BS99", "S"),
    ):
        with pytest.raises(CountDeskError) as info:
            attempt()
        assert info.value.code == "V503"
    with pytest.raises(CountDeskError, match="operator"):
        desk.remove_box(BATLEY, "BS01", " ")


def test_a_box_listed_by_mistake_is_removed_and_can_be_imported_again(desk, tmp_path):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    desk.set_box_counted(BATLEY, "BS10", 2004, "Verifier")
    desk.set_box_counted(BATLEY, "BS09", 2583, "Verifier")
    desk.set_box_explanation(BATLEY, "BS10", "One paper short", "Verifier")
    assert desk.contest(BATLEY).ballot_papers_verified == 2004 + 2583
    removed = desk.remove_box(BATLEY, "BS10", "Supervisor")
    assert removed.reference == "BS10" and removed.counted == 2004
    assert "BS10" not in [line.reference for line in desk.verification(BATLEY)]
    assert desk.contest(BATLEY).ballot_papers_verified == 2583
    delete, papers = desk.store.audit(BATLEY)[-2:]
    assert (delete.action, delete.entity, delete.operator) == (
        "delete",
        "verification",
        "Supervisor",
    )
    assert delete.old["reference"] == "BS10" and delete.old["counted"] == 2004
    assert delete.old["explanation"] == "One paper short" and delete.new is None
    assert (papers.old, papers.new) == (
        {"ballot_papers_verified": 2004 + 2583},
        {"ballot_papers_verified": 2583},
    )
    # Imported again, right this time: no longer "already listed".
    fixed = tmp_path / "bs10.csv"
    fixed.write_text("reference,name,kind,issued\nBS10,Roberttown Community Centre,box,2004\n")
    assert desk.import_verification_csv(BATLEY, fixed, "Supervisor") == 1
    assert _box(desk, "BS10").issued == 2004 and _box(desk, "BS10").counted is None


def test_removing_the_last_box_leaves_the_papers_verified_not_entered(desk, tmp_path):
    one = tmp_path / "one.csv"
    one.write_text("reference,name,kind,issued\nB1,Hall,box,60\n")
    desk.import_verification_csv(BATLEY, one, "Supervisor")
    desk.set_box_counted(BATLEY, "B1", 60, "Verifier")
    desk.remove_box(BATLEY, "B1", "Supervisor")
    assert desk.verification(BATLEY) == []
    assert desk.contest(BATLEY).ballot_papers_verified is None
    assert not desk.papers_from_verification(BATLEY)
    desk.set_contest_facts(BATLEY, "Supervisor", ballot_papers_verified=37786)  # typed again


def test_no_box_is_removed_once_a_count_is_recorded(desk):
    desk.advance(BATLEY, "verification", "Supervisor")
    _verify(desk)
    desk.advance(BATLEY, "count", "Supervisor")
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    before = desk.store.audit(BATLEY)
    with pytest.raises(CountDeskError) as info:
        desk.remove_box(BATLEY, "BS10", "Supervisor")
    assert info.value.code == "V504"
    assert "once a count is recorded" in str(info.value)
    assert desk.store.audit(BATLEY) == before
    assert len(desk.verification(BATLEY)) == 13
    # Its account can still be corrected: the papers verified do not change.
    desk.correct_box(BATLEY, "BS07", "Supervisor", issued=2118)
    assert desk.contest(BATLEY).ballot_papers_verified == 37786


@pytest.mark.parametrize("stage", ["provisional", "declared"])
def test_boxes_are_not_corrected_or_removed_once_the_result_is_shown(desk, stage):
    desk.advance(BATLEY, "verification", "Supervisor")
    _verify(desk)
    desk.advance(BATLEY, "count", "Supervisor")
    desk.record_count(BATLEY, _votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.advance(BATLEY, "provisional", "Supervisor")
    if stage == "declared":
        desk.declare(BATLEY, "Supervisor", "Jacqui Gedman")
    code = {"provisional": "S809", "declared": "S802"}[stage]
    before = desk.store.audit(BATLEY)
    for attempt in (
        lambda: desk.correct_box(BATLEY, "BS01", "S", issued=1),
        lambda: desk.correct_box(BATLEY, "BS01", "S", name="Elsewhere"),
        lambda: desk.correct_box(BATLEY, "BS01", "S", kind="postal"),
        lambda: desk.remove_box(BATLEY, "BS01", "S"),
    ):
        with pytest.raises(CountDeskError) as info:
            attempt()
        assert info.value.code == code
    assert desk.store.audit(BATLEY) == before
    if stage == "declared":
        # The database holds the lock too: a removal that slipped past the services is refused.
        with pytest.raises(CountDeskError) as info:
            desk.store.remove_verification_line(BATLEY, "BS01", "Elsewhere")
        assert info.value.code == "S802"
        assert len(desk.verification(BATLEY)) == 13
