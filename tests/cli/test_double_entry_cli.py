"""Double entry from the command line: a night with two operators, and Nelson caught.

Nelson town council, May 2023: two figures were transposed between the count sheet and the
declaration. Here the first operator keys Leadbeater's and Stephenson's votes the wrong way
round; the second, keying blind, keys them right: the entries differ (P102), `status` names the
two candidates without their figures, and nothing beyond the count accepts the count until a
supervisor resolves it.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

SWAPPED = {**BATLEY_VOTES, "Kim Leadbeater": 12973, "Ryan Stephenson": 13296}


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    invoke("import", str(BATLEY_CSV))
    invoke("contest", BATLEY, "--ballot-papers", "37,786", "--officer", "Jacqui Gedman")
    return invoke


def sheet(votes: dict[str, int]) -> list[str]:
    args: list[str] = []
    for name, n in votes.items():
        args += ["--votes", f"{name}={n}"]
    for key, n in BATLEY_REJECTED.items():
        args += ["--rejected", f"{key}={n}"]
    return args


def enter(run, operator: str, votes: dict[str, int]):
    return run("enter", BATLEY, "--operator", operator, *sheet(votes))


def test_agreeing_entries_by_two_operators_make_the_count_stand(run):
    first = enter(run, "Clerk 1", BATLEY_VOTES)
    assert first.exit_code == 0, first.output
    assert "First entry" in first.output and "does not stand yet" in first.output
    result = run("result", BATLEY)
    assert "first entry (keyed by Clerk 1)" in result.output
    assert "P101" in result.output and "Elected" not in result.output
    refusal = run("advance", BATLEY, "--to", "provisional", "--operator", "Supervisor")
    assert refusal.exit_code == 1 and "P101: " in refusal.stderr
    second = enter(run, "Clerk 2", BATLEY_VOTES)
    assert second.exit_code == 0, second.output
    assert "Recorded count 1" in second.output and "both entries agree" in second.output
    data = json.loads(run("status", BATLEY, "--json").output)
    assert data["entry"]["mode"] == "double" and data["entry"]["stage"] == "none"
    assert "Elected" in run("result", BATLEY).output


def test_the_same_operator_cannot_key_the_second_entry(run):
    enter(run, "Clerk 1", BATLEY_VOTES)
    again = enter(run, " clerk  1", BATLEY_VOTES)
    assert again.exit_code == 1
    assert again.stderr.startswith("Error: P104: ")
    assert "P101" in run("result", BATLEY).output  # still only the first entry


def test_nelson_transposed_figures_are_caught_and_named_without_their_values(run):
    enter(run, "Clerk 1", SWAPPED)
    second = enter(run, "Clerk 2", BATLEY_VOTES)
    assert second.exit_code == 1
    assert "P102" in second.stderr
    assert "votes for LEADBEATER, Kim" in second.stderr
    assert "votes for STEPHENSON, Ryan" in second.stderr
    for figure in ("12,973", "12973", "13,296", "13296"):
        assert figure not in second.stderr  # the second operator is not shown the first entry
    status = run("status", BATLEY).output
    assert "Entries differ: first by Clerk 1, second by Clerk 2, in:" in status
    assert "votes for LEADBEATER, Kim" in status and "13,296" not in status
    assert "GALLOWAY" not in status  # only the differing fields
    data = json.loads(run("status", BATLEY, "--json").output)
    assert data["entry"]["differing"] == ["votes for LEADBEATER, Kim", "votes for STEPHENSON, Ryan"]
    for step in (
        ("advance", BATLEY, "--to", "provisional", "--operator", "Supervisor"),
        ("enter", BATLEY, "--operator", "Clerk 3", *sheet(BATLEY_VOTES)),
    ):
        refusal = run(*step)
        assert refusal.exit_code == 1 and "P102: " in refusal.stderr
    assert run("history", BATLEY).output.count("No count is recorded yet") == 1


def test_a_supervisor_keeps_the_entry_that_matches_the_sheet(run):
    enter(run, "Clerk 1", SWAPPED)
    enter(run, "Clerk 2", BATLEY_VOTES)
    kept = run("resolve", BATLEY, "--keep", "second", "--operator", "Supervisor")
    assert kept.exit_code == 0, kept.output
    assert "Kept the second entry: recorded as count 1" in kept.output
    data = json.loads(run("result", BATLEY, "--json").output)
    votes = {c["name"]: c["votes"] for c in data["candidates"]}
    assert votes["Kim Leadbeater"] == 13296 and votes["Ryan Stephenson"] == 12973
    nothing = run("resolve", BATLEY, "--keep", "first", "--operator", "Supervisor")
    assert nothing.exit_code == 1 and "P105: " in nothing.stderr


def test_figures_sent_back_are_keyed_again_and_then_agree(run):
    enter(run, "Clerk 1", BATLEY_VOTES)
    enter(run, "Clerk 2", SWAPPED)
    not_differing = run("resolve", BATLEY, "--rekey", "George Galloway", "--operator", "Supervisor")
    assert not_differing.exit_code == 1 and "P105: " in not_differing.stderr
    sent = run(
        "resolve",
        BATLEY,
        "--rekey",
        "Kim Leadbeater",
        "--rekey",
        "Ryan Stephenson",
        "--operator",
        "Supervisor",
    )
    assert sent.exit_code == 0, sent.output
    status = run("status", BATLEY).output
    assert "Sent back to be keyed again from the paper:" in status
    missing = run("enter", BATLEY, "--operator", "Clerk 2", "--votes", "Kim Leadbeater=13296")
    assert missing.exit_code == 1 and "P103: " in missing.stderr
    assert "STEPHENSON, Ryan" in missing.stderr
    other = run(
        "enter",
        BATLEY,
        "--operator",
        "Clerk 2",
        "--votes",
        "Kim Leadbeater=13296",
        "--votes",
        "Ryan Stephenson=12973",
        "--votes",
        "George Galloway=8000",
    )
    assert other.exit_code == 1 and "P103: " in other.stderr
    rekeyed = run(
        "enter",
        BATLEY,
        "--operator",
        "Clerk 2",
        "--votes",
        "Kim Leadbeater=13296",
        "--votes",
        "Ryan Stephenson=12973",
    )
    assert rekeyed.exit_code == 0, rekeyed.output + rekeyed.stderr
    assert "Recorded count 1" in rekeyed.output


def test_a_small_count_switched_to_single_entry_stands_at_once(run):
    switched = run("contest", BATLEY, "--entry", "single", "--operator", "Supervisor")
    assert switched.exit_code == 0 and "keyed once (single entry)" in switched.output
    first = enter(run, "Clerk 1", BATLEY_VOTES)
    assert "Recorded count 1" in first.output and "both entries agree" not in first.output
    assert json.loads(run("contest", BATLEY, "--json").output)["entry"] == "single"


def test_the_entry_mode_cannot_change_while_an_entry_is_held(run):
    enter(run, "Clerk 1", BATLEY_VOTES)
    refusal = run("contest", BATLEY, "--entry", "single", "--operator", "Supervisor")
    assert refusal.exit_code == 1 and refusal.stderr.startswith("Error: P106: ")
