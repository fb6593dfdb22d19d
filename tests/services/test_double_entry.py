"""Double entry in the services: the blind second entry, a recount keyed twice, the audit, and
every step beyond the count refused while an entry is held."""

from __future__ import annotations

import pytest

from desktop.domain.double_entry import EntryStage
from desktop.domain.errors import CountDeskError
from desktop.services.desk import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(
        BATLEY,
        "Supervisor",
        ballot_papers_verified=37786,
        electorate=79373,
        officer_name="Jacqui Gedman",
    )
    return desk


def votes(desk: CountDesk, **changes: int) -> dict[int, int]:
    by = {n: desk.candidate_by_name(BATLEY, n).id for n in BATLEY_VOTES}
    figures = {by[n]: v for n, v in BATLEY_VOTES.items()}
    for name, v in changes.items():
        figures[by[name.replace("_", " ")]] = v
    return figures


def refused(code: str, call, *args) -> None:
    with pytest.raises(CountDeskError) as info:
        call(*args)
    assert info.value.code == code


def test_a_count_recorded_straight_is_refused_in_a_contest_keyed_twice(desk):
    refused("P106", desk.record_count, BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    assert desk.latest_count(BATLEY) is None


def test_the_second_entry_is_keyed_blind_on_the_same_screen(desk):
    by = votes(desk)
    for cid, v in by.items():
        desk.set_draft_votes(BATLEY, cid, v, "Clerk 1")
    for key, v in BATLEY_REJECTED.items():
        desk.set_draft_rejected(BATLEY, key, v, "Clerk 1")
    keyed = desk.record_draft(BATLEY, "Clerk 1")
    assert keyed.stage is EntryStage.FIRST and keyed.count is None
    draft = desk.draft(BATLEY)  # what the second operator's screen shows
    assert set(draft.votes.values()) == {None} and draft.recorded_as is None
    for cid, v in by.items():
        desk.set_draft_votes(BATLEY, cid, v, "Clerk 2")
    for key, v in BATLEY_REJECTED.items():
        desk.set_draft_rejected(BATLEY, key, v, "Clerk 2")
    keyed = desk.record_draft(BATLEY, "Clerk 2")
    assert keyed.stage is EntryStage.NONE and keyed.count is not None
    assert keyed.count.number == 1
    agreed = [r for r in desk.store.audit(BATLEY) if r.action == "entries agree"]
    assert agreed and agreed[-1].new["first"] == "Clerk 1" and agreed[-1].new["second"] == "Clerk 2"
    assert desk.draft(BATLEY).recorded_as == 1


def test_nothing_beyond_the_count_accepts_a_first_entry(desk):
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    result = desk.result(BATLEY)
    assert "P101" in [f.code for f in result.errors] and result.elected == ()
    assert result.valid_votes == sum(BATLEY_VOTES.values())
    refused("P101", desk.advance, BATLEY, "provisional", "Supervisor")
    refused("P101", desk.declare, BATLEY, "Supervisor", "Jacqui Gedman")
    leader = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    refused("P101", desk.record_lots, BATLEY, [leader], "Supervisor")
    assert "P101" in [f.code for f in desk.status(BATLEY).blockers]


def test_a_recount_is_keyed_twice_and_stands_as_the_recount(desk):
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 2")
    desk.advance(BATLEY, "provisional", "Supervisor")
    desk.record_recount_request(
        BATLEY, "Supervisor", requested_by="Agent", role="agent", decision="full"
    )
    recount = votes(desk, Kim_Leadbeater=13290, Andrew_Smith=81)
    first = desk.enter_count(BATLEY, recount, BATLEY_REJECTED, "Clerk 3")
    assert first.stage is EntryStage.FIRST and desk.latest_count(BATLEY).number == 1
    differ = desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 4")
    assert differ.stage is EntryStage.DIFFER
    assert differ.labels == ("votes for LEADBEATER, Kim", "votes for SMITH, Andrew")
    stored = desk.keep_entry(BATLEY, "first", "Supervisor")
    assert stored.kind == "recount" and stored.number == 2
    assert stored.figures.votes[desk.candidate_by_name(BATLEY, "Andrew Smith").id] == 81
    kept = [r for r in desk.store.audit(BATLEY) if r.action == "keep first entry"]
    assert kept[-1].new["differed"] == [
        f"votes:{desk.candidate_by_name(BATLEY, n).id}" for n in ("Kim Leadbeater", "Andrew Smith")
    ]
    assert not desk.verify().problems


def _provisional_text(desk: CountDesk) -> str:
    import io

    import pypdf

    pdf = desk.declaration_pdf(BATLEY, provisional=True)
    return " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_provisional_sheet_says_how_the_figures_were_keyed(desk):
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 2")
    text = _provisional_text(desk)
    assert "Every figure was keyed twice, by two operators independently" in " ".join(text.split())


def test_a_contest_keyed_once_says_so_on_its_provisional_sheet(desk):
    desk.set_entry_mode(BATLEY, "single", "Supervisor")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    text = " ".join(_provisional_text(desk).split())
    assert "The figures were keyed once (single entry)" in text
    assert "keyed twice" not in text


def test_figures_sent_back_are_keyed_again_on_the_count_screen(desk):
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    nelson = votes(desk, Kim_Leadbeater=13269, Ryan_Stephenson=12937)
    desk.enter_count(BATLEY, nelson, BATLEY_REJECTED, "Clerk 2")
    kim = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    ryan = desk.candidate_by_name(BATLEY, "Ryan Stephenson").id
    desk.send_back(BATLEY, [f"votes:{kim}", f"votes:{ryan}"], "Supervisor")
    draft = desk.draft(BATLEY)  # the screen: empty, the other figures not shown either
    assert set(draft.votes.values()) == {None}
    assert set(draft.rejected.values()) == {None}
    desk.set_draft_votes(BATLEY, kim, 13296, "Clerk 2")
    desk.set_draft_votes(BATLEY, ryan, 12973, "Clerk 2")
    keyed = desk.record_draft(BATLEY, "Clerk 2")
    assert keyed.stage is EntryStage.NONE and keyed.count is not None
    assert keyed.count.figures.votes[kim] == 13296
    assert keyed.count.figures.votes[ryan] == 12973


def test_the_first_operator_is_refused_the_second_entry_before_any_missing_figure(desk):
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    refused("P104", desk.record_draft, BATLEY, " clerk  1 ")


def test_the_outline_names_who_keyed_which_entry_and_the_fields_never_a_figure(desk):
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    outline = desk.entry_outline(BATLEY)
    assert (outline.mode.value, outline.stage, outline.switched_by) == (
        "double",
        EntryStage.NONE,
        "",
    )
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    outline = desk.entry_outline(BATLEY)
    assert (outline.stage, outline.first_operator) == (EntryStage.FIRST, "Clerk 1")
    nelson = votes(desk, Kim_Leadbeater=13269, Ryan_Stephenson=12937)
    desk.enter_count(BATLEY, nelson, BATLEY_REJECTED, "Clerk 2")
    outline = desk.entry_outline(BATLEY)
    assert outline.stage is EntryStage.DIFFER and outline.second_operator == "Clerk 2"
    assert outline.differences == ("votes for LEADBEATER, Kim", "votes for STEPHENSON, Ryan")
    assert "13" not in repr(outline)
    kim = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    desk.send_back(BATLEY, [f"votes:{kim}"], "Supervisor")
    outline = desk.entry_outline(BATLEY)
    assert outline.sent_back == ((f"votes:{kim}", "votes for LEADBEATER, Kim"),)


def test_the_outline_says_who_switched_to_single_entry(desk):
    desk.set_entry_mode(BATLEY, "single", "Deputy RO")
    outline = desk.entry_outline(BATLEY)
    assert (outline.mode.value, outline.switched_by) == ("single", "Deputy RO")


def test_no_sheet_shows_a_held_entry_to_the_operator_keying_the_other(desk):
    # The documents are one way to see figures: while an entry is held for comparison, no
    # sheet is printed or previewed, so the blind second entry stays blind.
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    for provisional in (True, False):
        with pytest.raises(CountDeskError) as info:
            desk.declaration_pdf(BATLEY, provisional=provisional)
        assert info.value.code == "P101"
        assert "13,296" not in str(info.value) and "13296" not in str(info.value)


def test_the_first_operator_cannot_key_figures_into_the_second_entry(desk):
    desk.enter_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    leadbeater = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    refused("P104", desk.set_draft_votes, BATLEY, leadbeater, 13296, " clerk  1")
    refused("P104", desk.set_draft_rejected, BATLEY, "official_mark", 12, "Clerk 1")
    assert desk.draft(BATLEY).votes[leadbeater] is None  # nothing saved into the blind entry
    desk.set_draft_votes(BATLEY, leadbeater, 13296, "Clerk 2")  # another operator keys it
    assert desk.draft(BATLEY).votes[leadbeater] == 13296
