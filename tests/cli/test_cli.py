"""The command line as a user or a script drives it: output, exit status, and plain errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)

    return invoke


def _enter_batley(run, **overrides: int):
    votes = {**BATLEY_VOTES, **overrides}
    args = ["enter", BATLEY, "--operator", "Clerk A"]
    for name, value in votes.items():
        args += ["--votes", f"{name}={value:,}"]
    for key, value in BATLEY_REJECTED.items():
        args += ["--rejected", f"{key}={value}"]
    return run(*args)


@pytest.fixture
def batley(run):
    assert run("import", str(BATLEY_CSV)).exit_code == 0
    facts = run(
        "contest", BATLEY, "--electorate", "79,373", "--ballot-papers", "37786",
        "--officer", "Jacqui Gedman", "--authority", "Kirklees Council",
    )  # fmt: skip
    assert facts.exit_code == 0, facts.output
    return run


def test_import_prints_what_it_created_and_is_idempotent(run):
    first = run("import", str(BATLEY_CSV))
    assert first.exit_code == 0
    assert "Created 1 election, 1 contest and 16 candidates." in first.output
    assert BATLEY in first.output
    again = run("import", str(BATLEY_CSV))
    assert again.exit_code == 0
    assert "Nothing new" in again.output


def test_contests_lists_id_area_seats_status(run):
    run("import", str(BATLEY_CSV))
    run("import", str(WARD_CSV))
    data = json.loads(run("contests", "--json").output)
    assert {
        "id": BATLEY,
        "area": "Batley and Spen",
        "seats": 1,
        "status": "setup",
        "stage": "setup",
    } in data
    ward = {"id": WARD, "area": "Earlsfield", "seats": 3, "status": "setup", "stage": "setup"}
    assert ward in data
    text = run("contests").output
    assert "Batley and Spen" in text and "Earlsfield" in text


def test_contest_shows_and_sets_facts(batley):
    shown = batley("contest", BATLEY, "--json")
    facts = json.loads(shown.output)
    assert facts["electorate"] == 79373
    assert facts["ballot_papers_verified"] == 37786
    assert facts["officer"] == "Jacqui Gedman"
    assert facts["officer_title"] == "Acting Returning Officer"
    assert facts["authority"] == "Kirklees Council"
    assert facts["candidates"][0] == "BICKERDIKE, Paul"


def test_a_figure_with_a_decimal_point_is_refused_with_a_suggestion(batley):
    result = batley("contest", BATLEY, "--electorate", "79.373")
    assert result.exit_code == 1
    assert "F102" in result.stderr
    assert "79,373" in result.stderr
    assert "Traceback" not in result.output


def test_enter_and_result_json(batley):
    entered = _enter_batley(batley)
    assert entered.exit_code == 0, entered.output
    assert "Recorded count 1" in entered.output
    data = json.loads(batley("result", BATLEY, "--json").output)
    assert data["contest"] == BATLEY
    assert data["valid_votes"] == 37695
    assert data["rejected_total"] == 91
    assert data["rejected"] == BATLEY_REJECTED
    assert data["turnout_percent"] == "47.61"
    assert data["majority"] == 323
    assert data["elected"] == ["Kim Leadbeater"]
    assert data["lots"] is None
    assert data["findings"] == []
    names = [c["name"] for c in data["candidates"]]
    assert names[:3] == ["Paul Bickerdike", "Mike Davies", "Jayda Fransen"]
    galloway = next(c for c in data["candidates"] if c["name"] == "George Galloway")
    assert galloway == {
        "id": galloway["id"],
        "name": "George Galloway",
        "surname": "Galloway",
        "forenames": "George",
        "description": "Workers Party of Britain",
        "votes": 8264,
        "lot_vote": 0,
        "share_percent": "21.92",
        "elected": False,
        "deposit": "kept",
    }
    assert sum(c["deposit"] == "forfeited" for c in data["candidates"]) == 13


def test_enter_refuses_an_unknown_name_and_stores_nothing(batley):
    result = _enter_batley(batley, **{"Kim Leadbetter": 5})
    assert result.exit_code == 1
    assert "“Kim Leadbetter” is not a candidate of Batley and Spen" in result.stderr
    assert json.loads(batley("result", BATLEY, "--json").output)["valid_votes"] == 0


def test_enter_refuses_a_missing_name(batley):
    args = ["enter", BATLEY, "--operator", "Clerk A", "--votes", "Kim Leadbeater=13296"]
    result = batley(*args)
    assert result.exit_code == 1
    assert "C206" in result.stderr
    assert "Traceback" not in result.output


def test_enter_refuses_8_264_with_its_suggestion(batley):
    result = _enter_batley(batley, **{"George Galloway": 0}).output  # a first good count
    assert "Recorded count 1" in result
    args = ["enter", BATLEY, "--operator", "Clerk A"]
    for name, value in BATLEY_VOTES.items():
        args += ["--votes", f"{name}={'8.264' if name == 'George Galloway' else value}"]
    refused = batley(*args)
    assert refused.exit_code == 1
    assert "Votes for GALLOWAY, George “8.264” has a decimal point" in refused.stderr
    assert "8,264" in refused.stderr
    assert len(json.loads(batley("contests", "--json").output)) == 1
    data = json.loads(batley("result", BATLEY, "--json").output)
    assert next(c for c in data["candidates"] if c["name"] == "George Galloway")["votes"] == 0


def test_enter_requires_an_operator(batley):
    result = batley("enter", BATLEY, "--votes", "Kim Leadbeater=1")
    assert result.exit_code == 2
    assert "--operator" in result.output


def test_a_mistyped_database_is_not_created(run, db_path):
    result = run("contests")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: There is no CountDesk database at")
    assert not db_path.exists()


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    before = other.read_bytes()
    result = CliRunner().invoke(cli, ["contests", "--db", str(other)])
    assert result.exit_code == 1
    assert "some other program" in result.stderr
    assert other.read_bytes() == before


def test_unknown_contest_is_one_plain_line(run):
    run("import", str(BATLEY_CSV))
    result = run("result", "parl.nowhere.2024-07-04", "--json")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: There is no contest with the id")
    assert "Traceback" not in result.output


def test_declaration_refuses_listing_blocking_findings(batley, tmp_path):
    _enter_batley(batley, **{"Jack Thomson": 152})
    out = tmp_path / "d.pdf"
    refused = batley("declaration", BATLEY, "-o", str(out))
    assert refused.exit_code == 1
    assert "C201" in refused.stderr
    assert not out.exists()
    provisional = batley("declaration", BATLEY, "-o", str(out), "--provisional")
    assert provisional.exit_code == 0, provisional.output
    assert out.read_bytes().startswith(b"%PDF")


def test_lots_through_the_cli(batley):
    _enter_batley(batley, **{"Kim Leadbeater": 12973, "Anne Marie Waters": 420})
    data = json.loads(batley("result", BATLEY, "--json").output)
    assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == ["L401"]
    assert data["tie"]["candidates"] == ["Kim Leadbeater", "Ryan Stephenson"]
    early = batley("lots", BATLEY, "--winner", "Kim Leadbeater")
    assert early.exit_code == 1
    assert "L407" in early.stderr and "provisional result" in early.stderr
    assert "Traceback" not in early.output
    for stage in ("verification", "count", "provisional"):
        moved = batley("advance", BATLEY, "--to", stage, "--operator", "Supervisor")
        assert moved.exit_code == 0, moved.output
    drawn = batley(
        "lots", BATLEY, "--winner", "Kim Leadbeater", "--method", "Names drawn from a box"
    )
    assert drawn.exit_code == 0, drawn.output
    data = json.loads(batley("result", BATLEY, "--json").output)
    assert data["elected"] == ["Kim Leadbeater"]
    assert data["lots"]["fell_on"] == ["Kim Leadbeater"]
    assert data["majority"] == 0
    again = batley("lots", BATLEY, "--winner", "Ryan Stephenson")
    assert again.exit_code == 1
    assert "L406" in again.stderr  # a drawing of lots is not repeated


def test_lots_refused_when_no_tie(batley):
    _enter_batley(batley)
    result = batley("lots", BATLEY, "--winner", "Kim Leadbeater")
    assert result.exit_code == 1
    assert "L404" in result.stderr


def test_export_one_or_all(batley, tmp_path):
    _enter_batley(batley)
    out = tmp_path / "all.json"
    assert batley("export", "--all", "--format", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["contests"][0]["majority"] == 323
    csv_out = tmp_path / "one.csv"
    assert batley("export", BATLEY, "--format", "csv", "-o", str(csv_out)).exit_code == 0
    assert csv_out.read_text().count("\n") == 17
    neither = batley("export", "--format", "csv", "-o", str(csv_out))
    assert neither.exit_code == 1
    assert "--all" in neither.stderr
