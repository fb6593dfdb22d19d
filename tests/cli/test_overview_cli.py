"""countdesk-cli overview: every contest of the night in a table, or the same data as JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import CountDesk
from tests import district_night
from tests.district_night import ELECTION, OFFICER, ward_id


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    return invoke


@pytest.fixture
def night(tmp_path, db_path):
    desk = CountDesk.open(db_path)
    district_night.build(desk, tmp_path, 8)
    desk.close()


def _line(output: str, area: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(area))


def test_the_table_shows_stage_waiting_and_result(run, night, db_path):
    done = run("overview")
    assert done.exit_code == 0, done.output
    header = done.output.splitlines()[0].split()
    assert header == ["Contest", "Seats", "Stage", "Waiting", "for", "Result"]
    declared = _line(done.output, "Ward 000")
    assert "declared" in declared and "majority" in declared and "provisional" not in declared
    assert "provisional: " in _line(done.output, "Ward 001")
    assert "second entry" in _line(done.output, "Ward 003")
    assert "entries differ (1 figure)" in _line(done.output, "Ward 004")
    assert "2 boxes to verify" in _line(done.output, "Ward 005")
    desk = CountDesk.open(db_path)
    papers = sum(c.ballot_papers_verified or 0 for c in desk.contests())
    assert done.output.splitlines()[-1] == (
        f"Declared 2 of 8 contests · ballot papers verified {papers:,} · boxes verified 1 of 3"
    )


def test_json_gives_the_same_data_with_the_blocking_codes(run, night, db_path):
    done = run("overview", ELECTION, "--json")
    data = json.loads(done.output)
    rows = {r["id"]: r for r in data["contests"]}
    assert data["totals"]["contests"] == 8 and data["totals"]["declared"] == 2
    assert rows[ward_id(4)]["blocking_codes"] == ["P102"]
    assert rows[ward_id(4)]["result"] is None
    declared = rows[ward_id(0)]["result"]
    desk = CountDesk.open(db_path)
    result = desk.result(ward_id(0))
    winner = result.line(result.elected[0])
    assert declared["provisional"] is False
    assert declared["elected"] == [
        {
            "name": winner.candidate.display_name,
            "description": winner.candidate.description,
            "votes": winner.votes,
        }
    ]
    assert declared["majority"] == result.majority
    assert rows[ward_id(1)]["result"]["provisional"] is True
    assert "leading" in rows[ward_id(1)]["result"]


def test_a_declaration_made_elsewhere_shows_at_once(run, night, db_path):
    desk = CountDesk.open(db_path)
    desk.declare(ward_id(1), "Supervisor", OFFICER)
    desk.close()
    assert "provisional: " not in _line(run("overview").output, "Ward 001")


def test_an_unknown_election_is_refused_in_words(run, night):
    done = run("overview", "local.nowhere.2026-05-07")
    assert done.exit_code == 1
    assert "no election with the id" in done.output and "local.northdale.2026-05-07" in done.output


def test_an_empty_database_says_what_to_do(run, db_path):
    CountDesk.open(db_path).close()
    done = run("overview")
    assert done.exit_code == 0 and "No contests yet" in done.output


def test_the_polls_of_a_combined_night_are_listed_each_under_its_title(run, night, db_path):
    from tests.sample import BATLEY_CSV

    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.close()
    lines = run("overview").output.splitlines()
    titles = [n for n, line in enumerate(lines) if line.startswith("-- ")]
    assert len(titles) == 2
    assert "(parl.2021-07-01)" in lines[titles[0]]  # the earlier poll first
    assert lines[titles[0] + 1].startswith("Batley and Spen")
    assert "(local.northdale.2026-05-07)" in lines[titles[1]]
