"""Services: import, contest facts, recording counts, lots, documents and exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

HEADER = (
    "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,party_id,"
    "post_label,seats_contested"
)


@pytest.fixture
def desk(db_path) -> CountDesk:
    return CountDesk.open(db_path)


def _batley(desk: CountDesk, **overrides: int) -> CountDesk:
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(
        BATLEY,
        "Supervisor",
        electorate=79373,
        ballot_papers_verified=37786,
        officer_name="A. Officer",
    )
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    for name, value in overrides.items():
        votes[desk.candidate_by_name(BATLEY, name.replace("_", " ")).id] = value
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk")
    return desk


def _snapshot(desk: CountDesk) -> list[tuple]:
    db = desk.store.db
    return [
        tuple(tuple(r.values()) for r in db.query(f"SELECT * FROM {t}"))
        for t in ("elections", "contests", "candidates", "counts", "count_votes", "lots", "audit")
    ]


def test_import_creates_elections_contests_and_candidates(desk):
    summary = desk.import_candidates(BATLEY_CSV, "Importer")
    assert summary.elections_created == ["parl.2021-07-01"]
    assert summary.contests_created == [BATLEY]
    assert summary.candidates_created == 16
    contest = desk.contest(BATLEY)
    assert (contest.area, contest.seats, contest.poll_date) == (
        "Batley and Spen",
        1,
        date(2021, 7, 1),
    )
    names = [c.display_name for c in desk.candidates(BATLEY)]
    assert names[0] == "BICKERDIKE, Paul"
    assert "HOPE, Howling Laud" in names
    assert "WATERS, Anne Marie" in names
    galloway = desk.candidate_by_name(BATLEY, "George Galloway")
    assert galloway.description == "Workers Party of Britain"
    assert desk.election_of(contest).title == "UK Parliamentary by-election"


def test_import_does_not_take_published_votes_as_a_count(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    assert desk.latest_count(BATLEY) is None
    assert desk.result(BATLEY).valid_votes == 0


def test_reimporting_the_same_file_changes_nothing(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    before = _snapshot(desk)
    summary = desk.import_candidates(BATLEY_CSV, "Importer")
    assert not summary.changed
    assert summary.candidates_unchanged == 16
    assert _snapshot(desk) == before


def test_reimport_keeps_a_corrected_surname(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    hope = desk.candidate_by_name(BATLEY, "Howling Laud Hope")
    desk.store.update_candidate(
        BATLEY, hope.id, {"surname": "Howling Laud Hope", "forenames": ""}, "Supervisor"
    )
    desk.import_candidates(BATLEY_CSV, "Importer")
    assert desk.candidate_by_name(BATLEY, "Howling Laud Hope").surname == "Howling Laud Hope"


def test_a_file_missing_a_column_is_refused_with_its_name(desk, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("person_name,election_id,ballot_paper_id,election_date,party_name\n")
    with pytest.raises(CountDeskError) as info:
        desk.import_candidates(path, "Importer")
    assert "“post_label”" in str(info.value)
    assert "“seats_contested”" in str(info.value)
    assert desk.contests() == []


@pytest.mark.parametrize(
    ("bad_row", "words"),
    [
        (",,parl.2024-07-04,parl.x.2024-07-04,2024-07-04,Lab,,X,1", "person_name is empty"),
        (",Ann Able,parl.2024-07-04,parl.x.2024-07-04,04/07/2024,Lab,,X,1", "not a date"),
        (",Ann Able,parl.2024-07-04,parl.x.2024-07-04,2024-07-04,Lab,,X,two", "seats_contested"),
        (",Ann Able,parl.2024-07-04,parl.x.2024-07-04,2024-07-04,Lab,,X,0", "seats_contested"),
        (",Ann Able,zzz.2024-07-04,zzz.x.2024-07-04,2024-07-04,Lab,,X,1", "does not support"),
        (",Ann Able,parl.2024-07-04,parl.x.2024-07-04,2024-07-04,Lab,,X,1,extra", "more fields"),
    ],
)
def test_a_malformed_row_is_refused_with_its_line_and_nothing_is_imported(
    desk, tmp_path, bad_row, words
):
    good = ",Bob Baker,parl.2024-07-04,parl.x.2024-07-04,2024-07-04,Con,,X,1"
    path = tmp_path / "c.csv"
    path.write_text(f"{HEADER}\n{good}\n{bad_row}\n{good.replace('Bob', 'Cat')}\n")
    with pytest.raises(CountDeskError) as info:
        desk.import_candidates(path, "Importer")
    assert "Line 3" in str(info.value)
    assert words in str(info.value)
    assert desk.contests() == []
    assert desk.store.audit() == []


def test_extra_columns_of_a_real_export_are_ignored(desk, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        f"{HEADER},gender,twitter_username\n"
        "7,Ann Able,parl.2024-07-04,parl.x.2024-07-04,2024-07-04,Lab,PP53,X,1,female,ann\n"
    )
    desk.import_candidates(path, "Importer")
    assert [c.person_name for c in desk.candidates("parl.x.2024-07-04")] == ["Ann Able"]


def test_a_missing_file_is_a_plain_refusal(desk, tmp_path):
    with pytest.raises(CountDeskError, match="There is no file at"):
        desk.import_candidates(tmp_path / "nope.csv", "Importer")


def test_batley_and_spen_result(desk):
    result = _batley(desk).result(BATLEY)
    assert result.errors == ()
    assert result.valid_votes == 37695
    assert result.majority == 323
    assert [result.line(i).candidate.person_name for i in result.elected] == ["Kim Leadbeater"]
    assert sum(1 for line in result.candidates if line.deposit_kept is False) == 13


def test_a_count_missing_a_candidate_is_refused_and_nothing_stored(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    del votes[desk.candidate_by_name(BATLEY, "Susan Laird").id]
    before = _snapshot(desk)
    with pytest.raises(CountDeskError) as info:
        desk.record_count(BATLEY, votes, {}, "Clerk")
    assert info.value.code == "C206"
    assert "LAIRD, Susan" in info.value.message
    assert _snapshot(desk) == before


def test_an_unknown_rejected_heading_is_refused(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    with pytest.raises(CountDeskError) as info:
        desk.record_count(BATLEY, votes, {"rejected_in_part": 3}, "Clerk")
    assert info.value.code == "F107"
    assert desk.latest_count(BATLEY) is None


def test_an_operator_is_required_for_every_write(desk):
    with pytest.raises(CountDeskError, match="operator"):
        desk.import_candidates(BATLEY_CSV, "  ")


def test_a_second_count_supersedes_the_first(desk):
    _batley(desk)
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    votes[desk.candidate_by_name(BATLEY, "Ryan Stephenson").id] = 12974
    votes[desk.candidate_by_name(BATLEY, "Andrew Smith").id] = 74
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk")
    assert desk.result(BATLEY).majority == 322
    assert [c.number for c in desk.store.counts(BATLEY)] == [1, 2]


def test_lots_are_refused_where_no_tie_needs_them(desk):
    _batley(desk)
    leadbeater = desk.candidate_by_name(BATLEY, "Kim Leadbeater").id
    with pytest.raises(CountDeskError) as info:
        desk.record_lots(BATLEY, [leadbeater], "RO")
    assert info.value.code == "L404"


def test_lots_settle_a_tie_for_the_seat(desk):
    # Move 323 of Leadbeater's votes to her last-but-one rival's bundle: a dead heat, still adding up.
    _batley(desk, Kim_Leadbeater=12973 + 0, Anne_Marie_Waters=97 + 323)
    result = desk.result(BATLEY)
    assert [f.code for f in result.errors] == ["L401"]
    assert result.elected == ()
    stephenson = desk.candidate_by_name(BATLEY, "Ryan Stephenson").id
    # Lots wait until counting is complete: the tie is first shown as the provisional result.
    with pytest.raises(CountDeskError) as info:
        desk.record_lots(BATLEY, [stephenson], "RO")
    assert info.value.code == "L407"
    assert desk.result(BATLEY).lots is None
    for stage in ("verification", "count", "provisional"):
        desk.advance(BATLEY, stage, "Supervisor")
    with pytest.raises(CountDeskError) as info:
        desk.record_lots(BATLEY, [desk.candidate_by_name(BATLEY, "George Galloway").id], "RO")
    assert info.value.code == "L405"
    result = desk.record_lots(
        BATLEY, [stephenson], "RO", method="Drawn from a box", witnesses="Agents"
    )
    assert result.errors == ()
    assert result.elected == (stephenson,)
    assert result.line(stephenson).lot_vote == 1
    assert result.majority == 0


def test_the_declaration_is_refused_while_errors_stand_but_the_provisional_sheet_prints(desk):
    _batley(desk, Jack_Thomson=152)  # one vote too many: unaccounted −1
    with pytest.raises(CountDeskError, match="C201"):
        desk.declaration_pdf(BATLEY)
    assert desk.declaration_pdf(BATLEY, provisional=True).startswith(b"%PDF")


def test_the_declaration_is_the_same_bytes_for_the_same_result(desk):
    _batley(desk)
    day = date(2021, 7, 2)
    first = desk.declaration_pdf(BATLEY, printed_on=day)
    assert first.startswith(b"%PDF")
    assert desk.declaration_pdf(BATLEY, printed_on=day) == first


def test_exports_as_csv_and_json(desk):
    _batley(desk)
    desk.import_candidates(WARD_CSV, "Importer")
    rows = list(csv.DictReader(io.StringIO(desk.export([BATLEY, WARD], "csv"))))
    assert len(rows) == 16 + 7
    leadbeater = next(r for r in rows if r["person_name"] == "Kim Leadbeater")
    assert (leadbeater["votes_cast"], leadbeater["elected"], leadbeater["deposit"]) == (
        "13296",
        "True",
        "kept",
    )
    data = json.loads(desk.export([BATLEY], "json"))
    assert data["contests"][0]["majority"] == 323
    assert data["contests"][0]["turnout_percent"] == "47.61"


def test_three_seat_ward_elects_three_with_a_margin(desk):
    desk.import_candidates(WARD_CSV, "Importer")
    desk.set_contest_facts(WARD, "Supervisor", electorate=11000, ballot_papers_verified=4000)
    figures = {
        "Ruth Alder": 2100,
        "Sam Birch": 1900,
        "Priya Cedar": 1750,
        "Tom Dogwood": 1500,
        "Llŷr Elm": 1200,
        "Łukasz Fir": 900,
        "Dara Ó Briain": 800,
    }
    votes = {desk.candidate_by_name(WARD, n).id: v for n, v in figures.items()}
    desk.record_count(WARD, votes, {"too_many_votes": 30, "rejected_in_part": 5}, "Clerk", 3970)
    data = desk.result_data(WARD)
    assert data["elected"] == ["Ruth Alder", "Sam Birch", "Priya Cedar"]
    assert data["margin"] == 250
    assert "majority" not in data
    assert data["rejected"]["rejected_in_part"] == 5
    assert all(c["deposit"] is None for c in data["candidates"])
