"""`candidate` and `order`: names, descriptions and order as on the ballot paper, from a terminal."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import CountDesk
from tests.sample import WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    return invoke


@pytest.fixture
def ward(run):
    imported = run("import", str(WARD_CSV))
    assert imported.exit_code == 0, imported.output
    return imported


def _audit(db_path):
    desk = CountDesk.open(db_path)
    try:
        return desk.store.audit(WARD)
    finally:
        desk.close()


def test_the_import_says_which_names_were_split_at_a_particle_and_how(ward):
    assert "1 name has a surname particle" in ward.stdout
    assert (
        "  Dara Ó Briain → Ó BRIAIN, Dara: surname “Ó Briain” (at the particle “Ó”), "
        "forenames “Dara”"
    ) in ward.stdout
    assert "countdesk-cli order ID --confirm" in ward.stdout


def test_candidate_corrects_names_and_description_and_is_audited(run, ward, db_path):
    result = run(
        "candidate", WARD, "Dara Ó Briain", "--surname", "Ó Briain", "--forenames", "Dara Aoife",
        "--commonly-used-forenames", "Dara", "--description", "Independent Local Voice",
        "--operator", "Supervisor",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Saved: Dara Ó Briain prints as Ó BRIAIN, Dara." in result.stdout
    assert "Independent Local Voice" in result.stdout
    shown = json.loads(run("candidate", WARD, "dara ó briain", "--json").stdout)
    assert shown["surname"] == "Ó Briain"
    assert shown["forenames"] == "Dara Aoife"
    assert shown["commonly_used_forenames"] == "Dara"
    assert shown["description"] == "Independent Local Voice"
    assert shown["split_to_confirm"] is False  # typed against the SOPN
    last = _audit(db_path)[-1]
    assert (last.operator, last.action, last.entity) == ("Supervisor", "update", "candidate")
    assert last.old["forenames"] == "Dara" and last.new["forenames"] == "Dara Aoife"


def test_order_shows_the_ballot_order_and_what_is_to_confirm(run, ward):
    shown = run("order", WARD)
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0] == "Ballot order (alphabetical by surname):"
    assert lines[7].startswith("   7  Ó BRIAIN, Dara  –  Independent  [split at a particle")
    assert any(line.startswith("N101  “Dara Ó Briain” was split") for line in lines)


def test_order_confirm_lets_the_contest_leave_setup_and_is_audited(run, ward, db_path):
    refused = run("advance", WARD, "--to", "verification", "--operator", "Supervisor")
    assert refused.exit_code == 1
    assert "N101" in refused.stderr
    confirmed = run("order", WARD, "--confirm", "--operator", "Supervisor")
    assert confirmed.exit_code == 0, confirmed.output
    assert "confirmed against the statement of persons nominated" in confirmed.stdout
    assert "N101" not in confirmed.stdout
    last = _audit(db_path)[-1]
    assert (last.operator, last.action, last.entity) == ("Supervisor", "confirm", "ballot order")
    moved = run("advance", WARD, "--to", "verification", "--operator", "Supervisor")
    assert moved.exit_code == 0, moved.output


def test_order_set_puts_the_candidates_in_the_sopns_order(run, ward, db_path):
    names = ["Dara Ó Briain", "Łukasz Fir", "Llŷr Elm", "Tom Dogwood", "Priya Cedar",
             "Sam Birch", "Ruth Alder"]  # fmt: skip
    result = run("order", WARD, "--set", *names, "--operator", "Supervisor", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["explicit"] is True
    assert [c["person_name"] for c in data["candidates"]] == names
    assert data["findings"][0]["code"] == "N101"  # setting the order does not confirm the names
    last = _audit(db_path)[-1]
    assert (last.action, last.entity) == ("set order", "ballot order")
    assert last.new["order"][0] == "Ó BRIAIN, Dara"


def test_order_refuses_names_without_set_and_an_incomplete_order(run, ward, db_path):
    before = len(_audit(db_path))
    no_set = run("order", WARD, "Ruth Alder")
    assert no_set.exit_code == 1
    assert "without --set" in no_set.stderr
    short = run("order", WARD, "--set", "Ruth Alder", "Sam Birch")
    assert short.exit_code == 1
    assert "The order leaves out CEDAR, Priya;" in short.stderr
    assert "nothing was changed" in short.stderr
    unknown = run("order", WARD, "--set", "Ruth Alder", "Nobody Atall")
    assert unknown.exit_code == 1
    assert "C211" in unknown.stderr
    assert len(_audit(db_path)) == before


def test_names_and_order_are_refused_once_a_count_is_recorded(run, ward, db_path):
    run("contest", WARD, "--ballot-papers", "4,000")
    votes = {
        "Ruth Alder": 2100, "Sam Birch": 1900, "Priya Cedar": 1750, "Tom Dogwood": 1700,
        "Llŷr Elm": 1200, "Łukasz Fir": 900, "Dara Ó Briain": 800,
    }  # fmt: skip
    args = ["enter", WARD, "--operator", "Clerk", "--valid-papers", "3,000"]
    for name, value in votes.items():
        args += ["--votes", f"{name}={value}"]
    assert run(*args).exit_code == 0
    before = len(_audit(db_path))
    renamed = run("candidate", WARD, "Dara Ó Briain", "--surname", "Briain")
    assert renamed.exit_code == 1
    assert "S812" in renamed.stderr
    reordered = run("order", WARD, "--set", *reversed(votes))
    assert reordered.exit_code == 1
    assert "S812" in reordered.stderr
    assert len(_audit(db_path)) == before
    shown = json.loads(run("candidate", WARD, "Dara Ó Briain", "--json").stdout)
    assert shown["surname"] == "Ó Briain"


def test_an_import_shows_a_bar_only_on_a_terminal_and_after_a_second(monkeypatch):
    import io
    import sys
    import time

    from desktop.cli import setup as setup_cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    clock = iter([0.0, 0.5])  # started, then half a second in; then 1.5 s in from there on
    monkeypatch.setattr(time, "monotonic", lambda: next(clock, 1.5))
    with setup_cli._import_progress() as (progress, cancelled):
        progress(10, 100)  # half a second in: no bar yet
        assert err.getvalue() == ""
        progress(60, 100)  # over a second: the bar, as far as it has got
        assert not cancelled()
    assert "Importing" in err.getvalue() and "60%" in err.getvalue()
