"""A whole count night through the command line only, and each night command's plain refusals.

The same night as tests/services/test_night.py::test_a_whole_night: verification with one
variance explained and one acknowledged, a first count, the provisional result, a recount that
ends in a tie, lots, the declaration and its lock, and an error found after it (recorded; the
declaration stands).
"""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from desktop.cli import cli
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

OFFICER = "Jacqui Gedman"
#: Papers counted at verification where they differ from the ballot paper account.
COUNTED = {"BS03": +1, "BS07": -1}
#: The recount: a dead heat, still adding up to 37,695 valid votes.
TIE = {"Kim Leadbeater": 13135, "Ryan Stephenson": 13135, "Andrew Smith": 74}


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert "Traceback" not in result.output
        assert "could not finish this command" not in result.output  # the group's bug catch-all
        return result

    return invoke


#: The authority heading the declaration and the address of its imprint.
HEADING = ("--authority", "Kirklees Council", "--address", "Town Hall, Huddersfield")


def ok(run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output


def refused(run, *args: str, code: str | None = None) -> str:
    """Run a command that must be refused: exit 1, a plain error on stderr, nothing on stdout."""
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    if code is not None:
        assert f"{code}: " in result.stderr.splitlines()[0]
    return result.stderr


def count_args(**changes: int) -> list[str]:
    votes = {**BATLEY_VOTES, **{k.replace("_", " "): v for k, v in changes.items()}}
    args = [arg for name, n in votes.items() for arg in ("--votes", f"{name}={n:,}")]
    return args + [arg for k, n in BATLEY_REJECTED.items() for arg in ("--rejected", f"{k}={n}")]


def status(run) -> dict:
    return json.loads(ok(run, "status", BATLEY, "--json"))


def pdf_text(path) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    return " ".join(text.split())


@pytest.fixture
def setup(run):
    ok(run, "import", str(BATLEY_CSV))
    ok(run, "contest", BATLEY, "--electorate", "79,373", "--officer", OFFICER, *HEADING)
    return run


def verify(run, explain_bs03: bool = True) -> None:
    ok(run, "verification", BATLEY, "--import", str(BOXES_CSV), "--operator", "Supervisor")
    lines = json.loads(ok(run, "verification", BATLEY, "--json"))["lines"]
    counted = [
        arg
        for line in lines
        for arg in ("--counted", f"{line['reference']}={line['issued'] + COUNTED.get(line['reference'], 0):,}")
    ]  # fmt: skip
    ok(run, "verification", BATLEY, *counted, "--operator", "Verifier")
    if explain_bs03:
        ok(run, "verification", BATLEY, "--explain", "BS03=A paper issued at BS04 was placed in BS03's box")  # fmt: skip


@pytest.fixture
def counted(setup):
    """A contest with its verification done and a first count recorded, at the count."""
    run = setup
    ok(run, "advance", BATLEY, "--to", "verification", "--operator", "Supervisor")
    verify(run)
    ok(run, "acknowledge", BATLEY, "--code", "V501", "--subject", "BS07", "--reason", "Counted twice", "--operator", "Supervisor")  # fmt: skip
    ok(run, "advance", BATLEY, "--to", "count", "--operator", "Supervisor")
    ok(run, "enter", BATLEY, "--operator", "Clerk 1", *count_args())
    return run


@pytest.fixture
def provisional(counted):
    ok(counted, "advance", BATLEY, "--to", "provisional", "--operator", "Supervisor")
    return counted


@pytest.fixture
def declared(provisional):
    ok(provisional, "declare", BATLEY, "--officer", OFFICER, "--operator", "Supervisor")
    return provisional


def test_a_whole_night_from_the_command_line(setup, tmp_path):
    run = setup
    report = status(run)
    assert (report["status"], report["next"], report["blockers"]) == ("setup", "verification", [])

    # Setup → verification; boxes imported and counted; one variance explained, one acknowledged.
    shown = ok(run, "advance", BATLEY, "--to", "verification", "--operator", "Supervisor")
    assert "Batley and Spen: setup → verification." in shown
    verify(run)
    table = ok(run, "verification", BATLEY)
    assert "BS03" in table and "+1" in table and "A paper issued at BS04" in table
    assert "-1  (not explained)" in table
    assert "V501" in table and "BS07" in table
    data = json.loads(ok(run, "verification", BATLEY, "--json"))
    assert (data["totals"]["issued"], data["totals"]["counted"]) == (37786, 37786)
    assert data["ballot_papers_verified"] == 37786
    blocked = refused(run, "advance", BATLEY, "--to", "count", "--operator", "Supervisor", code="S804")  # fmt: skip
    assert "V501" in blocked and "BS07" in blocked
    report = status(run)
    assert [w["code"] for w in report["open_warnings"]] == ["V501"]
    assert report["open_warnings"][0]["subject"] == "BS07"
    acknowledged = ok(
        run, "acknowledge", BATLEY, "--code", "V501", "--subject", "BS07",
        "--reason", "Counted twice; the account is wrong", "--operator", "Supervisor",
    )  # fmt: skip
    assert "Acknowledged V501 (BS07)" in acknowledged and "No open warnings left." in acknowledged
    table = ok(run, "verification", BATLEY)
    assert "(variance accepted by the supervisor: Counted twice; the account is wrong)" in table
    data = json.loads(ok(run, "verification", BATLEY, "--json"))
    bs07 = next(line for line in data["lines"] if line["reference"] == "BS07")
    assert bs07["accepted"] == "Counted twice; the account is wrong"
    assert (bs07["unused"], bs07["spoilt"], bs07["tendered"]) == (None, None, None)
    ok(run, "advance", BATLEY, "--to", "count", "--operator", "Supervisor")

    # The first count, then the provisional result with its documents.
    entered = ok(run, "enter", BATLEY, "--operator", "Clerk 1", *count_args())
    assert "Recorded count 1 for Batley and Spen" in entered
    ok(run, "advance", BATLEY, "--to", "provisional", "--operator", "Supervisor")
    report = status(run)
    assert report["status"] == "provisional" and report["next"] == "declared"
    assert report["provisional_shown_at"] is not None and report["declared_at"] is None
    statement = tmp_path / "statement.pdf"
    ok(run, "statement", BATLEY, "-o", str(statement))
    assert "Statement of Verification" in pdf_text(statement)
    assert "Variance accepted by the supervisor: Counted twice; the account is wrong" in (
        pdf_text(statement)
    )
    sheet = tmp_path / "provisional.pdf"
    written = ok(run, "declaration", BATLEY, "--provisional", "-o", str(sheet))
    assert "shown to candidates and agents at" in written
    assert "Shown to candidates and agents at" in pdf_text(sheet)

    # The runner-up's agent asks for a recount; the officer grants it.
    granted = ok(
        run, "recount", BATLEY, "--requested-by", "Agent for Stephenson", "--role", "agent",
        "--for", "Ryan Stephenson", "--decision", "full", "--operator", "Returning Officer",
    )  # fmt: skip
    assert "Full recount granted" in granted and "count 2" in granted
    report = status(run)
    assert report["status"] == "count"
    assert report["pending_recount"]["decision"] == "full"
    assert report["pending_recount"]["for"] == "Ryan Stephenson"

    # The recount: a tie that lots must decide.
    entered = ok(run, "enter", BATLEY, "--operator", "Clerk 2", *count_args(**TIE))
    assert "Recorded count 2 (full recount)" in entered
    assert "L401" in entered
    result = json.loads(ok(run, "result", BATLEY, "--json"))
    assert [f["code"] for f in result["findings"] if f["severity"] == "error"] == ["L401"]
    # Rule 49: lots wait until counting, including any recount, is complete.
    early = refused(run, "lots", BATLEY, "--winner", "Ryan Stephenson", code="L407")
    assert "provisional result" in early
    shown = ok(run, "advance", BATLEY, "--to", "provisional", "--operator", "Supervisor")
    assert "blocked by this finding:\n  L401  " in shown
    tie_sheet = tmp_path / "tie.pdf"
    ok(run, "declaration", BATLEY, "--provisional", "-o", str(tie_sheet))
    assert "Equality of votes" in pdf_text(tie_sheet) and "by lot" in pdf_text(tie_sheet)
    blocked = refused(
        run, "declare", BATLEY, "--officer", OFFICER, "--operator", "Supervisor", code="L401"
    )
    assert "\n  L401  " in blocked
    ok(run, "lots", BATLEY, "--winner", "Ryan Stephenson", "--method", "Names drawn from a ballot box")  # fmt: skip

    # The declaration needs the officer's confirmation.
    refused(run, "advance", BATLEY, "--to", "declared", "--operator", "Supervisor", code="S806")
    declaration = tmp_path / "declaration.pdf"
    refused(
        run, "declare", BATLEY, "--officer", "Someone Else", "--operator", "Supervisor",
        "-o", str(declaration), code="S806",
    )  # fmt: skip
    assert not declaration.exists()
    declared = ok(
        run, "declare", BATLEY, "--officer", OFFICER, "--operator", "Supervisor",
        "-o", str(declaration),
    )  # fmt: skip
    assert "Batley and Spen was declared at " in declared
    assert "Elected: STEPHENSON, Ryan (decided by lot)" in declared
    assert declaration.read_bytes().startswith(b"%PDF")
    assert status(run)["declared_at"] is not None

    # Locked: no count, no lots, no facts, no verification, no recount.
    stderr = refused(run, "enter", BATLEY, "--operator", "Clerk 1", *count_args(), code="S802")
    assert stderr.count("\n") == 1  # one plain line
    refused(run, "lots", BATLEY, "--winner", "Ryan Stephenson", code="S802")
    refused(run, "contest", BATLEY, "--electorate", "1", code="S802")
    refused(run, "verification", BATLEY, "--counted", "BS01=1", code="S802")
    refused(
        run, "recount", BATLEY, "--requested-by", "Kim Leadbeater", "--role", "candidate",
        "--decision", "full", code="S803",
    )  # fmt: skip
    assert "Batley and Spen" in ok(run, "contest", BATLEY)  # showing is not changing
    again = tmp_path / "again.pdf"
    ok(run, "declaration", BATLEY, "-o", str(again))
    assert again.read_bytes() == declaration.read_bytes()

    # An error found after the declaration: two votes for WATERS were counted for SMITH.
    reason = "Two votes for WATERS were found in a bundle of SMITH's"
    found = ["--votes", "Andrew Smith=72", "--votes", "Anne Marie Waters=99"]
    stderr = refused(
        run, "record-error", BATLEY, "--found-by", "Deputy RO", "--reason", " ",
        "--operator", "Supervisor", *found, code="S811",
    )  # fmt: skip
    assert "the reason" in stderr
    memo = tmp_path / "memo.pdf"
    out = ok(
        run, "record-error", BATLEY, "--found-by", "Deputy RO", "--reason", reason,
        "--operator", "Supervisor", *found, "-o", str(memo),
    )  # fmt: skip
    lines = out.splitlines()
    assert lines[0] == (
        "Error 1 found after the declaration of Batley and Spen was recorded, found by Deputy RO:"
    )
    assert lines[1:3] == [
        "  SMITH, Andrew: 74 as declared, 72 as now found (-2)",
        "  WATERS, Anne Marie: 97 as declared, 99 as now found (+2)",
    ]
    assert "stands unchanged: only an election court can change a declared result" in lines[3]
    assert lines[4] == f"Memorandum (not a declaration) written to {memo}."
    memo_text = pdf_text(memo)
    assert memo_text.index("This is not a declaration of result.") < memo_text.index(reason)
    assert "Elected" not in memo_text and "duly elected" not in memo_text
    # The declaration printed is still the one declared, byte for byte.
    ok(run, "declaration", BATLEY, "-o", str(again))
    assert again.read_bytes() == declaration.read_bytes()
    again_memo = tmp_path / "memo-again.pdf"
    out = ok(run, "memorandum", BATLEY, "--number", "1", "-o", str(again_memo))
    assert "(not a declaration) written to" in out
    assert again_memo.read_bytes() == memo.read_bytes()
    refused(run, "memorandum", BATLEY, "--number", "2", "-o", str(again_memo))

    # `correct` is refused, says why and what to do instead, and changes nothing.
    stderr = refused(
        run, "correct", BATLEY, "--reason", "x", "--officer", OFFICER, "--operator", "S",
        *count_args(), code="S802",
    )  # fmt: skip
    assert "only an election court can change it" in stderr
    assert f"countdesk-cli record-error {BATLEY}" in stderr

    # The history: every count, the one that stands, the request, the declaration, the error.
    history = json.loads(ok(run, "history", BATLEY, "--json"))
    assert [c["kind"] for c in history["counts"]] == ["count", "recount"]
    assert [c["stands"] for c in history["counts"]] == [False, True]
    assert history["stands"] == 2
    by_name = [{c["name"]: c for c in count["candidates"]} for count in history["counts"]]
    assert by_name[1]["Ryan Stephenson"]["differs"] and by_name[1]["Ryan Stephenson"]["lot_vote"]
    assert not by_name[1]["Paul Bickerdike"]["differs"]
    assert history["counts"][1]["elected"] == ["Ryan Stephenson"]
    (request,) = history["recount_requests"]
    assert (request["decision"], request["about_count"], request["new_count"]) == ("full", 1, 2)
    assert [(d["kind"], d["count"], d["stands"]) for d in history["declarations"]] == [
        ("declaration", 2, True)
    ]
    (error,) = history["errors_found"]
    assert (error["number"], error["found_by"], error["reason"]) == (1, "Deputy RO", reason)
    assert error["differences"] == [
        {"candidate": "Andrew Smith", "declared": 74, "found": 72},
        {"candidate": "Anne Marie Waters", "declared": 97, "found": 99},
    ]
    assert [s["to"] for s in history["status_changes"]] == [
        "verification", "count", "provisional", "count", "provisional", "declared",
    ]  # fmt: skip
    text = ok(run, "history", BATLEY)
    assert "*13,135 +1 lot" in text
    assert "* differs from the count before it." in text
    assert "Count 2 (full recount) stands" in text
    assert "Agent for Stephenson (agent, for STEPHENSON, Ryan), about count 1" in text
    assert "Declaration, of count 2" in text
    assert "Errors found after the declaration (the declaration stands):" in text
    assert "1. " in text and f"found by Deputy RO (recorded by Supervisor): {reason}." in text
    assert "SMITH, Andrew 74 as declared, 72 as now found" in text


# -- status and advance ------------------------------------------------------------------


def test_status_text_names_the_next_step_and_its_blockers(setup):
    ok(setup, "advance", BATLEY, "--to", "verification", "--operator", "Supervisor")
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    text = ok(setup, "status", BATLEY)
    assert "Status:     verification" in text
    assert "Next step:  count, blocked by this finding:" in text
    assert "\n  V502  13 boxes are not yet counted" in text


def test_advance_refuses_a_status_that_does_not_exist(setup):
    stderr = refused(setup, "advance", BATLEY, "--to", "counted", "--operator", "S", code="S801")
    assert "setup, verification, count, provisional, declared" in stderr


def test_advance_out_of_order_is_one_plain_line(setup):
    stderr = refused(setup, "advance", BATLEY, "--to", "count", "--operator", "S", code="S801")
    assert stderr == (
        "Error: S801: Batley and Spen cannot go from setup to count: the night goes setup → "
        "verification → count → provisional result → declared, one step at a time.\n"
    )


def test_advance_lists_every_blocking_finding_on_its_own_line(setup):
    ok(setup, "advance", BATLEY, "--to", "verification", "--operator", "S")
    verify(setup, explain_bs03=False)
    stderr = refused(setup, "advance", BATLEY, "--to", "count", "--operator", "S", code="S804")
    assert stderr.splitlines()[0].endswith("cannot move to count yet; these 2 findings block it:")
    assert [line.split()[0] for line in stderr.splitlines()[1:]] == ["S804", "S804"]
    assert status(setup)["status"] == "verification"


def test_advance_needs_an_operator(setup):
    result = setup("advance", BATLEY, "--to", "verification")
    assert result.exit_code == 2
    assert "--operator" in result.output


# -- verification ------------------------------------------------------------------------


def test_verification_refuses_an_unknown_box_and_saves_nothing_of_that_command(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    stderr = refused(setup, "verification", BATLEY, "--counted", "BS01=2,510", "--counted", "BS99=5")  # fmt: skip
    assert "There is no box “BS99”" in stderr
    lines = json.loads(ok(setup, "verification", BATLEY, "--json"))["lines"]
    assert lines[0]["reference"] == "BS01" and lines[0]["counted"] is None


def test_verification_refuses_a_figure_that_is_not_whole(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    stderr = refused(setup, "verification", BATLEY, "--counted", "BS01=2.510", code="F102")
    assert "2,510" in stderr


def test_verification_explain_needs_a_reference(setup):
    stderr = refused(setup, "verification", BATLEY, "--explain", "no reference given")
    assert "REF=TEXT" in stderr


def test_verification_import_refuses_a_file_without_its_columns(setup, tmp_path):
    bad = tmp_path / "boxes.csv"
    bad.write_text("reference,name,issued\nBS01,Hall,10\n", encoding="utf-8")
    stderr = refused(setup, "verification", BATLEY, "--import", str(bad))
    assert "“kind”" in stderr
    assert json.loads(ok(setup, "verification", BATLEY, "--json"))["lines"] == []


def test_verification_shows_each_variance_with_its_sign(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    out = ok(setup, "verification", BATLEY, "--counted", "BS03=2,898", "--counted", "BS07=2,118")
    assert "Recorded papers counted for 2 boxes." in out
    assert [line.split()[0] for line in out.splitlines()[2:4]] == ["BS03", "BS07"]
    data = json.loads(ok(setup, "verification", BATLEY, "--json"))
    variances = {line["reference"]: line["variance"] for line in data["lines"]}
    assert (variances["BS03"], variances["BS07"], variances["BS01"]) == (1, -1, None)
    assert {f["code"] for f in data["findings"]} == {"V501", "V502"}


def _lines(run) -> dict[str, dict]:
    data = json.loads(ok(run, "verification", BATLEY, "--json"))
    return {line["reference"]: line for line in data["lines"]}


def test_verification_issued_corrects_a_boxs_account(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    ok(setup, "verification", BATLEY, "--counted", "BS01=2,510")
    out = ok(setup, "verification", BATLEY, "--issued", "BS01=2,512", "--issued", "BS02=2,430")
    assert "Corrected papers issued for 2 boxes." in out
    assert [line.split()[0] for line in out.splitlines()[2:4]] == ["BS01", "BS02"]
    lines = _lines(setup)
    assert (lines["BS01"]["issued"], lines["BS01"]["variance"]) == (2512, -2)
    assert lines["BS02"]["issued"] == 2430
    data = json.loads(ok(setup, "verification", BATLEY, "--json"))
    assert data["ballot_papers_verified"] == 2510  # the total counted, as before


def test_verification_issued_refuses_a_figure_that_is_not_whole(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    stderr = refused(setup, "verification", BATLEY, "--issued", "BS01=2.512", code="F102")
    assert "Ballot papers issued for BS01" in stderr and "2,512" in stderr
    stderr = refused(setup, "verification", BATLEY, "--issued", "BS01")
    assert "REF=FIGURE" in stderr
    assert _lines(setup)["BS01"]["issued"] == 2510


def test_verification_rename_corrects_a_boxs_name(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    out = ok(setup, "verification", BATLEY, "--rename", "BS02=Birstall Library = Hall")
    assert "Renamed 1 box." in out and "Birstall Library = Hall" in out
    assert _lines(setup)["BS02"]["name"] == "Birstall Library = Hall"
    stderr = refused(setup, "verification", BATLEY, "--rename", "Birstall Library")
    assert "REF=NAME" in stderr


def test_verification_remove_takes_off_a_box_and_it_can_be_imported_again(setup, tmp_path):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    ok(setup, "verification", BATLEY, "--counted", "BS10=2,004")
    out = ok(setup, "verification", BATLEY, "--remove", "BS10", "--remove", "PV03")
    assert "Removed 2 boxes: BS10, PV03." in out
    assert "Verification of Batley and Spen" in out  # the whole list, as it now stands
    assert set(_lines(setup)) == {f"BS{i:02}" for i in range(1, 10)} | {"PV01", "PV02"}
    data = json.loads(ok(setup, "verification", BATLEY, "--json"))
    assert data["ballot_papers_verified"] == 0
    # A box listed wrongly is removed and imported again, right this time, in one command.
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(
        "reference,name,kind,issued\n"
        "BS09,Spen Valley Sports Centre,box,2584\n"
        "BS10,Roberttown Community Centre,box,2005\n"
    )
    stderr = refused(setup, "verification", BATLEY, "--import", str(fixed))
    assert "box BS09 is already listed" in stderr
    out = ok(setup, "verification", BATLEY, "--remove", "BS09", "--import", str(fixed))
    assert "Removed 1 box: BS09." in out and "Imported 2 ballot boxes and postal batches" in out
    lines = _lines(setup)
    assert (lines["BS09"]["issued"], lines["BS10"]["issued"]) == (2584, 2005)


def test_verification_corrections_are_all_or_nothing(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    before = _lines(setup)
    stderr = refused(
        setup, "verification", BATLEY, "--issued", "BS01=2,600", "--rename", "BS02=Library",
        "--remove", "BS03", "--counted", "BS04=2,640", "--remove", "BS99", code="V503",
    )  # fmt: skip
    assert "There is no box “BS99”" in stderr
    assert _lines(setup) == before
    refused(setup, "verification", BATLEY, "--remove", "BS03", "--issued", "BS03=1", code="V503")
    assert _lines(setup) == before
    stderr = refused(setup, "verification", BATLEY, "--remove", "BS03", "--remove", "BS03")
    assert "given twice in --remove" in stderr
    assert _lines(setup) == before


def test_verification_remove_is_refused_once_a_count_is_recorded(counted):
    stderr = refused(counted, "verification", BATLEY, "--remove", "BS10", code="V504")
    assert "once a count is recorded" in stderr
    assert "BS10" in _lines(counted)


@pytest.mark.parametrize(
    "option", [("--issued", "BS01=1"), ("--rename", "BS01=Hall"), ("--remove", "BS01")]
)
def test_verification_corrections_are_refused_once_the_result_is_shown(provisional, option):
    refused(provisional, "verification", BATLEY, *option, code="S809")
    ok(provisional, "declare", BATLEY, "--officer", OFFICER, "--operator", "Supervisor")
    refused(provisional, "verification", BATLEY, *option, code="S802")
    assert _lines(provisional)["BS01"]["issued"] == 2510


def test_statement_refused_without_boxes(setup, tmp_path):
    out = tmp_path / "s.pdf"
    refused(setup, "statement", BATLEY, "-o", str(out))
    assert not out.exists()


# -- acknowledge -------------------------------------------------------------------------


def test_acknowledging_a_warning_that_is_not_open_is_refused(counted):
    stderr = refused(counted, "acknowledge", BATLEY, "--code", "W602", "--reason", "x", "--operator", "S", code="S804")  # fmt: skip
    assert "no open warning W602" in stderr


def test_acknowledging_the_wrong_subject_names_the_right_one(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    ok(setup, "verification", BATLEY, "--counted", "BS07=2,118")
    stderr = refused(
        setup, "acknowledge", BATLEY, "--code", "V501", "--subject", "BS09", "--reason", "x",
        "--operator", "S", code="S804",
    )  # fmt: skip
    assert "open for BS07, not for “BS09”" in stderr


def test_acknowledging_needs_a_reason(setup):
    ok(setup, "verification", BATLEY, "--import", str(BOXES_CSV))
    ok(setup, "verification", BATLEY, "--counted", "BS07=2,118")
    refused(setup, "acknowledge", BATLEY, "--code", "V501", "--reason", " ", "--operator", "S", code="S804")  # fmt: skip


def test_a_warning_about_a_candidate_is_acknowledged_by_name(setup):
    ok(setup, "contest", BATLEY, "--ballot-papers", "37,786")
    ok(setup, "advance", BATLEY, "--to", "verification", "--operator", "S")
    ok(setup, "advance", BATLEY, "--to", "count", "--operator", "S")
    ok(setup, "enter", BATLEY, "--operator", "Clerk", *count_args(Susan_Laird=0, Andrew_Smith=108))
    warnings = status(setup)["open_warnings"]
    assert [(w["code"], w["subject"]) for w in warnings] == [("W602", "Susan Laird")]
    out = ok(
        setup, "acknowledge", BATLEY, "--code", "w602", "--subject", "susan laird",
        "--reason", "Checked: her bundle was empty", "--operator", "Supervisor",
    )  # fmt: skip
    assert "Acknowledged W602 (Susan Laird)" in out
    ok(setup, "advance", BATLEY, "--to", "provisional", "--operator", "S")


# -- recount -----------------------------------------------------------------------------


def test_recount_with_a_bad_decision_is_refused(provisional):
    stderr = refused(
        provisional, "recount", BATLEY, "--requested-by", "X", "--role", "agent",
        "--decision", "maybe", code="S801",
    )  # fmt: skip
    assert "full, bundle-check or refused" in stderr
    assert status(provisional)["status"] == "provisional"


def test_recount_with_a_bad_role_or_candidate_is_refused(provisional):
    refused(provisional, "recount", BATLEY, "--requested-by", "X", "--role", "judge", "--decision", "full")  # fmt: skip
    refused(
        provisional, "recount", BATLEY, "--requested-by", "X", "--role", "agent",
        "--for", "Nobody Here", "--decision", "full", code="C211",
    )  # fmt: skip
    assert status(provisional)["status"] == "provisional"


def test_a_refusal_needs_its_reason_and_leaves_the_provisional_result(provisional):
    args = ["recount", BATLEY, "--requested-by", "Paul Bickerdike", "--role", "candidate"]
    stderr = refused(provisional, *args, "--decision", "refused")
    assert "reason" in stderr
    out = ok(provisional, *args, "--decision", "refused", "--reason", "A majority of 323, every bundle checked")  # fmt: skip
    assert "Recount refused" in out and "provisional result of Batley and Spen stands" in out
    assert status(provisional)["status"] == "provisional"


def test_a_bundle_check_is_recorded_as_one(provisional):
    ok(
        provisional, "recount", BATLEY, "--requested-by", "Kim Leadbeater", "--role", "candidate",
        "--decision", "bundle-check",
    )  # fmt: skip
    out = ok(provisional, "enter", BATLEY, "--operator", "Clerk 2", *count_args())
    assert "Recorded count 2 (bundle check)" in out
    history = json.loads(ok(provisional, "history", BATLEY, "--json"))
    assert [c["kind"] for c in history["counts"]] == ["count", "bundle_check"]


def test_no_recount_before_a_count(setup):
    refused(setup, "recount", BATLEY, "--requested-by", "X", "--role", "agent", "--decision", "full", code="S805")  # fmt: skip


# -- declare, and after the declaration ---------------------------------------------------


def test_declare_is_refused_before_the_provisional_result(counted):
    refused(counted, "declare", BATLEY, "--officer", OFFICER, "--operator", "S", code="S801")
    assert status(counted)["status"] == "count"


def test_declare_refuses_a_folder_that_does_not_exist_before_declaring(provisional, tmp_path):
    out = tmp_path / "missing" / "d.pdf"
    refused(provisional, "declare", BATLEY, "--officer", OFFICER, "--operator", "S", "-o", str(out))  # fmt: skip
    assert status(provisional)["status"] == "provisional"


def test_declare_twice_is_refused(declared):
    refused(declared, "declare", BATLEY, "--officer", OFFICER, "--operator", "S", code="S802")


def test_record_error_refuses_a_contest_not_declared_and_figures_as_declared(provisional):
    args = ["--found-by", "X", "--reason", "r", "--operator", "S"]
    refused(provisional, "record-error", BATLEY, *args, "--votes", "Andrew Smith=1", code="S801")
    ok(provisional, "declare", BATLEY, "--officer", OFFICER, "--operator", "S")
    stderr = refused(provisional, "record-error", BATLEY, *args, code="S811")
    assert "These are the figures as declared" in stderr
    stderr = refused(provisional, "record-error", BATLEY, *args, "--votes", "Nobody=1")
    assert "C211" in stderr
    stderr = refused(provisional, "record-error", BATLEY, *args, "--votes", "Andrew Smith=8.264")
    assert "F102" in stderr
    refused(provisional, "memorandum", BATLEY, "-o", "memo.pdf")
    assert json.loads(ok(provisional, "history", BATLEY, "--json"))["errors_found"] == []


def test_correct_is_refused_whatever_it_is_given(provisional):
    for args in ([], [BATLEY], [BATLEY, "--officer", OFFICER, "--whatever", "x"]):
        stderr = refused(provisional, "correct", *args, code="S802")
        assert "record-error" in stderr
    assert status(provisional)["status"] == "provisional"


def test_history_before_any_count(setup):
    assert "No count is recorded yet." in ok(setup, "history", BATLEY)
    data = json.loads(ok(setup, "history", BATLEY, "--json"))
    assert (data["counts"], data["stands"], data["declarations"]) == ([], None, [])


def test_the_officers_name_is_needed_before_the_provisional_result(run):
    ok(run, "import", str(BATLEY_CSV))
    ok(run, "contest", BATLEY, "--electorate", "79,373", "--ballot-papers", "37,786")
    ok(run, "advance", BATLEY, "--to", "verification", "--operator", "S")
    ok(run, "advance", BATLEY, "--to", "count", "--operator", "S")
    ok(run, "enter", BATLEY, "--operator", "Clerk", *count_args())
    stderr = refused(run, "advance", BATLEY, "--to", "provisional", "--operator", "S", code="T303")
    assert "\n  T303  The declaring officer's name is not set" in stderr
    assert "T303" in ok(run, "status", BATLEY)
    ok(run, "contest", BATLEY, "--officer", OFFICER)
    ok(run, "advance", BATLEY, "--to", "provisional", "--operator", "S")
