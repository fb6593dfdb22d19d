"""countdesk-cli previous and summary: the previous result imported, shown and refused
plainly; the results summary and the election summary written, or refused before the
declaration."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import CountDesk
from tests.declared import declare_batley
from tests.press_night import BATLEY_2019
from tests.reports.sheets import pages
from tests.sample import BATLEY, BATLEY_CSV


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    return invoke


@pytest.fixture
def declared(db_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    desk.close()


def test_previous_imports_shows_and_replaces(run, declared):
    none = run("previous", BATLEY)
    assert none.exit_code == 0 and "No previous result is imported" in none.output
    done = run("previous", BATLEY, str(BATLEY_2019), "--operator", "Supervisor")
    assert done.exit_code == 0, done.output
    assert "Tracy Brabin" in done.output and "22,594" in done.output and "elected" in done.output
    assert "Imported as the previous result of Batley and Spen." in done.output
    shown = run("previous", BATLEY, "--json")
    data = json.loads(shown.output)
    assert data["ballot_id"] == "parl.batley-and-spen.2019-12-12"
    assert data["valid_votes"] == 52927


def test_a_bad_previous_file_is_refused_in_a_sentence_with_its_code(run, declared, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(BATLEY_2019.read_text().replace("22594", "22.594"), encoding="utf-8")
    refused = run("previous", BATLEY, str(bad))
    assert refused.exit_code == 1
    assert "E103" in refused.output and "Line 2 of bad.csv" in refused.output
    assert run("previous", BATLEY, "--json").output.strip() == "null"


def test_summary_of_a_contest_and_of_the_election(run, declared, tmp_path):
    run("previous", BATLEY, str(BATLEY_2019))
    out = tmp_path / "summary.pdf"
    done = run("summary", BATLEY, "-o", str(out))
    assert done.exit_code == 0, done.output
    assert "It is not the declaration of result." in done.output
    assert "Change since 2019" in pages(out.read_bytes())[0]
    election = tmp_path / "election.pdf"
    done = run("summary", "--election", "parl.2021-07-01", "-o", str(election))
    assert done.exit_code == 0 and "1 of 1 contests declared" in done.output
    assert "Election summary" in pages(election.read_bytes())[0]


def test_summary_is_refused_before_the_declaration(run, db_path, tmp_path):
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.close()
    out = tmp_path / "summary.pdf"
    refused = run("summary", BATLEY, "-o", str(out))
    assert refused.exit_code == 1 and "E105" in refused.output
    assert not out.exists()
    refused = run("summary", "-o", str(out))
    assert refused.exit_code == 1 and "Say which summary" in refused.output
