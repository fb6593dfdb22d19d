"""Combined polls from the command line: the combined boxes file, each box as a whole, the
cross-poll suggestion recorded in one step, and the combined statement."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from tests.reports.sheets import pages
from tests.sample import (
    BOXES_CSV,
    COMBINED_BOXES_CSV,
    COMBINED_COUNTED,
    COMBINED_CSV,
    NORTHGATE,
    PCC,
)

pytestmark = pytest.mark.keyed_once


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)

    assert invoke("import", str(COMBINED_CSV)).exit_code == 0
    return invoke


def _count(run, contest_id: str) -> None:
    args = ["verification", contest_id, "--operator", "Clerk"]
    for ref, papers in COMBINED_COUNTED[contest_id].items():
        args += ["--counted", f"{ref}={papers:,}"]
    assert run(*args).exit_code == 0


def test_import_shows_each_box_as_a_whole_with_each_polls_papers(run):
    result = run("combined", "--import", str(COMBINED_BOXES_CSV), "--operator", "Supervisor")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(
        "Imported 7 ballot boxes and postal batches of 4 polls (16 lines) from combined-boxes.csv."
    )
    assert "NG3  Northgate Village Hall             1,947" in out
    assert "  Northgate Village (parish)              640         –         –" in out
    assert "Testshire PCC: 7,465 issued and returned, 0 counted; 7 boxes not yet counted." in out


def test_the_cross_poll_variance_is_suggested_and_recorded_in_one_step(run, tmp_path):
    run("combined", "--import", str(COMBINED_BOXES_CSV), "--operator", "Supervisor")
    _count(run, NORTHGATE)
    _count(run, PCC)
    # A contest's own verification says which boxes are shared, and suggests the explanation.
    own = run("verification", NORTHGATE).output
    assert "Boxes shared with other polls: NG1 (also: Testshire PCC 809); NG2 (also:" in own
    assert "NG3 (also: Testshire PCC 652, Northgate Village (parish) 640)" in own
    assert "WARNING V506  Box NG2 (St Aidan's School): 3 more Testshire PCC papers" in own
    shown = run("combined").output
    assert (
        "  Northgate                             1,104     1,101        -3  (not explained)"
        in shown
    )
    assert "To record it: countdesk-cli combined --explain-suggested NG2" in shown
    done = run("combined", "--explain-suggested", "NG2", "--operator", "Supervisor")
    assert done.exit_code == 0
    assert done.output.startswith(
        "Recorded for box NG2, as the explanation of Testshire PCC and Northgate: 3 Northgate "
        "papers put in the Testshire PCC box"
    )
    data = json.loads(run("combined", "--json").output)
    assert data["polls"][2] == {
        "contest": PCC,
        "poll": "Testshire PCC",
        "issued": 7465,
        "counted": 7468,
        "not_yet_counted": 0,
    }
    ng2 = next(b for b in data["boxes"] if b["reference"] == "NG2")
    assert (ng2["issued"], ng2["counted"], ng2["variance"]) == (2205, 2205, 0)
    assert [p["variance"] for p in ng2["polls"]] == [-3, 3]
    assert all(p["explanation"].startswith("3 Northgate papers") for p in ng2["polls"])
    assert data["findings"] == []
    # Each poll's variance is explained on its own line now: no V501 left on either.
    for contest_id in (NORTHGATE, PCC):
        findings = json.loads(run("verification", contest_id, "--json").output)["findings"]
        assert [f["code"] for f in findings if f["code"] == "V501"] == []


def test_a_suggestion_that_is_not_there_is_refused_and_saves_nothing(run):
    run("combined", "--import", str(COMBINED_BOXES_CSV), "--operator", "Supervisor")
    _count(run, NORTHGATE)
    _count(run, PCC)
    result = run(
        "combined", "--explain-suggested", "NG2", "--explain-suggested", "NG1", "--operator", "S"
    )
    assert result.exit_code == 1
    assert "Error: V503: Box NG1 has no papers of one poll over" in result.output
    assert "nothing was saved" in result.output
    lines = json.loads(run("verification", NORTHGATE, "--json").output)["lines"]
    assert next(x for x in lines if x["reference"] == "NG2")["explanation"] == ""


def test_the_combined_statement_is_printed(run, tmp_path):
    run("combined", "--import", str(COMBINED_BOXES_CSV), "--operator", "Supervisor")
    out = tmp_path / "combined.pdf"
    result = run("statement", "--combined", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Statement of verification of 4 polls sharing their ballot boxes (Northgate, "
        "Southfield, Testshire PCC, Northgate Village (parish)) written to"
    )
    assert "Note: 7 boxes not yet counted for every poll" in result.output
    text = " ".join(pages(out.read_bytes()))
    assert "Statement of Verification: Combined Polls" in text
    by_election = tmp_path / "pcc.pdf"
    assert run("statement", "--combined", "--election", "pcc.2026-05-07", "-o", str(by_election))
    assert pages(by_election.read_bytes()) == pages(out.read_bytes())
    # A contest's own statement is still printed as before.
    own = tmp_path / "own.pdf"
    assert run("statement", PCC, "-o", str(own)).exit_code == 0
    assert "Statement of Verification" in " ".join(pages(own.read_bytes()))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("statement", "-o", "x.pdf"), "Say which contest's statement to print"),
        (("statement", PCC, "--election", "pcc.2026-05-07", "-o", "x.pdf"), "with --combined"),
        (("statement", "--combined", "-o", "x.pdf"), "No polls in this database share"),
        (("combined",), "No polls in this database share their ballot boxes yet"),
    ],
)
def test_what_cannot_be_printed_or_shown_is_said_plainly(run, tmp_path, args, words):
    args = tuple(str(tmp_path / a) if a == "x.pdf" else a for a in args)
    result = run(*args)
    assert result.exit_code == 1
    assert words in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_bad_files_import_nothing(run, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "reference,name,kind,poll,issued\n"
        f"NG1,Hall,box,{NORTHGATE},812\n"
        "NG1,Hall,box,local.testborough.2026-05-07,809\n",
        encoding="utf-8",
    )
    result = run("combined", "--import", str(bad), "--operator", "S")
    assert result.exit_code == 1
    assert "Error: V507: Line 3 of bad.csv: poll “local.testborough.2026-05-07” is an " in (
        result.output
    )
    no_poll = run("combined", "--import", str(BOXES_CSV), "--operator", "S")
    assert no_poll.exit_code == 1
    assert "has no “poll” column" in no_poll.output
    # The combined file given to one contest's import is refused too.
    one = run("verification", NORTHGATE, "--import", str(COMBINED_BOXES_CSV))
    assert one.exit_code == 1 and "it is a combined boxes list" in one.output
    assert json.loads(run("verification", NORTHGATE, "--json").output)["lines"] == []
