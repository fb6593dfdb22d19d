"""Double entry in the domain: every state of a count's two entries, and the Nelson check."""

from __future__ import annotations

from desktop.domain.codes import Code
from desktop.domain.double_entry import (
    PAPERS,
    EntryMode,
    EntryStage,
    EntryState,
    KeyedEntry,
    differing_fields,
    entry_finding,
    field_label,
    fields_as_figures,
    figures_as_fields,
    sheet_order,
)
from desktop.domain.model import CountFigures
from tests.domain.builders import make_candidates, make_contest

CONTEST = make_contest()
CANDIDATES = make_candidates(3)
ORDER = sheet_order(CONTEST, CANDIDATES)
SHEET = {"votes:1": 120, "votes:2": 215, "votes:3": 40, "rejected:official_mark": 2}


def test_the_sheet_is_keyed_in_ballot_order_then_headings_then_papers():
    assert ORDER[:3] == ("votes:1", "votes:2", "votes:3")
    assert ORDER[3:] == tuple(f"rejected:{k}" for k in CONTEST.type.heading_keys)
    assert PAPERS not in ORDER
    assert sheet_order(make_contest(seats=3), CANDIDATES)[-1] == PAPERS


def test_figures_and_fields_round_trip_leaving_out_figures_not_entered():
    figures = CountFigures({1: 120, 2: None}, {"official_mark": 2}, valid_papers_counted=300)
    fields = figures_as_fields(figures)
    assert fields == {"votes:1": 120, "rejected:official_mark": 2, PAPERS: 300}
    back = fields_as_figures(fields)
    assert back.votes == {1: 120} and back.rejected == {"official_mark": 2}
    assert back.valid_papers_counted == 300


def test_no_entry_held_is_no_finding():
    state = EntryState()
    assert state.stage is EntryStage.NONE and not state.held
    assert entry_finding(state, CONTEST, CANDIDATES) is None


def test_the_first_entry_alone_awaits_the_second():
    state = EntryState(KeyedEntry(1, "Clerk 1", SHEET))
    assert state.stage is EntryStage.FIRST and state.held
    finding = entry_finding(state, CONTEST, CANDIDATES)
    assert finding is not None and finding.code is Code.P101 and finding.is_error
    assert "Clerk 1" in finding.message
    assert state.differences(ORDER) == ()


def test_nelson_two_figures_transposed_are_named_without_their_figures():
    swapped = {**SHEET, "votes:1": 215, "votes:2": 120}
    state = EntryState(KeyedEntry(1, "Clerk 1", swapped), KeyedEntry(2, "Clerk 2", SHEET))
    assert state.stage is EntryStage.DIFFER
    assert state.differences(ORDER) == ("votes:1", "votes:2")
    finding = entry_finding(state, CONTEST, CANDIDATES)
    assert finding is not None and finding.code is Code.P102
    names = [c.display_name for c in CANDIDATES]
    assert names[0] in finding.message and names[1] in finding.message
    assert names[2] not in finding.message
    assert "120" not in finding.message and "215" not in finding.message
    assert "2 figures" in finding.message


def test_a_heading_or_a_figure_missing_from_one_entry_differs():
    second = {k: v for k, v in SHEET.items() if k != "rejected:official_mark"}
    assert differing_fields(SHEET, second, ORDER) == ("rejected:official_mark",)
    assert differing_fields(SHEET, dict(SHEET), ORDER) == ()
    assert differing_fields({"odd": 1}, {}, ORDER) == ("odd",)


def test_figures_sent_back_are_listed_until_keyed_again():
    state = EntryState(
        KeyedEntry(1, "Clerk 1", SHEET),
        KeyedEntry(2, "Clerk 2", {k: v for k, v in SHEET.items() if k != "votes:2"}),
        frozenset({"votes:2"}),
    )
    assert state.stage is EntryStage.REKEY
    finding = entry_finding(state, CONTEST, CANDIDATES)
    assert finding is not None and finding.code is Code.P103
    assert CANDIDATES[1].display_name in finding.message and "215" not in finding.message


def test_fields_are_said_in_words():
    assert field_label("votes:2", CONTEST, CANDIDATES) == f"votes for {CANDIDATES[1].display_name}"
    assert field_label("rejected:official_mark", CONTEST, CANDIDATES).startswith(
        "rejected papers (a) "
    )
    assert field_label(PAPERS, CONTEST, CANDIDATES) == "valid ballot papers counted"


def test_the_modes_say_how_counts_are_keyed():
    assert "twice" in EntryMode.DOUBLE.words and "once" in EntryMode.SINGLE.words
