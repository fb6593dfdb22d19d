"""Several seats from the command line: the valid ballot papers counted are entered with the
count, shown by `result` and `status`, and papers left out of the count are caught."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from tests.sample import WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

#: 1,600 votes on 1,000 papers verified, 400 of them left out of the count (3 seats).
VOTES = {
    "Ruth Alder": 400,
    "Sam Birch": 350,
    "Priya Cedar": 300,
    "Tom Dogwood": 250,
    "Llŷr Elm": 150,
    "Łukasz Fir": 100,
    "Dara Ó Briain": 50,
}


def test_papers_left_out_of_the_count_are_caught_from_the_command_line(db_path, tmp_path):
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, [*args, "--db", str(db_path)])
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.stdout if code == 0 else result.stderr

    run("import", str(WARD_CSV))
    run("order", WARD, "--confirm", "--operator", "Supervisor")  # Ó Briain checked
    run("contest", WARD, "--electorate", "3,000", "--ballot-papers", "1,000", "--officer", "J. Ro")
    enter = ["enter", WARD, "--operator", "Clerk"]
    for name, votes in VOTES.items():
        enter += ["--votes", f"{name}={votes}"]
    refused = run(*enter, "--valid-papers", "6.00", code=1)
    assert "F102" in refused and "Valid ballot papers counted" in refused
    out = run(*enter, "--valid-papers", "600")
    assert "valid ballot papers counted 600" in out
    assert "C221" in out and "400 ballot papers are unaccounted for" in out

    text = run("result", WARD)
    assert "Valid ballot papers counted: 600 (+ rejected 0 = 600; unaccounted papers: 400)" in text
    data = json.loads(run("result", WARD, "--json"))
    assert data["valid_papers_counted"] == 600
    assert data["papers_unaccounted"] == 400
    assert "C221" in [f["code"] for f in data["findings"]]

    for stage in ("verification", "count"):
        run("advance", WARD, "--to", stage, "--operator", "Supervisor")
    assert "C221" in run("advance", WARD, "--to", "provisional", "--operator", "S", code=1)
    status = json.loads(run("status", WARD, "--json"))
    assert status["valid_papers_counted"] == 600
    assert "C221" in [f["code"] for f in status["blockers"]]
    assert "Papers:" in run("status", WARD)

    run("enter", *enter[1:], "--valid-papers", "1,000")
    data = json.loads(run("result", WARD, "--json"))
    assert data["papers_unaccounted"] == 0
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    out_csv = tmp_path / "results.csv"
    run("export", WARD, "--format", "csv", "-o", str(out_csv))
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert {row["valid_papers_counted"] for row in rows} == {"1000"}
    out_json = tmp_path / "results.json"
    run("export", WARD, "--format", "json", "-o", str(out_json))
    (contest,) = json.loads(out_json.read_text(encoding="utf-8"))["contests"]
    assert contest["valid_papers_counted"] == 1_000


def test_one_seat_takes_no_papers_counted(db_path):
    from tests.sample import BATLEY, BATLEY_CSV, BATLEY_VOTES

    runner = CliRunner()
    runner.invoke(cli, ["import", str(BATLEY_CSV), "--db", str(db_path)])
    enter = ["enter", BATLEY, "--operator", "Clerk", "--valid-papers", "5", "--db", str(db_path)]
    for name, votes in BATLEY_VOTES.items():
        enter += ["--votes", f"{name}={votes}"]
    result = runner.invoke(cli, enter)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "one member" in result.stderr
