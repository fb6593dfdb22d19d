"""CSV exports are safe to open in a spreadsheet: no text cell is run as a formula."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.arithmetic import compute_result
from desktop.domain.model import Candidate, CountFigures
from desktop.services import CountDesk
from desktop.services.exports import results_as_csv
from tests.domain.builders import make_contest, rejected_by_heading

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

#: OWASP's list: a text cell starting with any of these is read by a spreadsheet as a formula.
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]

HEADER = (
    "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,party_id,"
    "post_label,seats_contested"
)
CONTEST = "local.testshire.hyphen-ward.2026-05-07"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_a_text_cell_that_starts_a_formula_gets_a_leading_apostrophe(start):
    # Every free-text column of the export: the area, the name, the description (the ids
    # begin with the election type, so never with one of these).
    contest = replace(
        make_contest(type_code="local", papers=30, electorate=100),
        area=f'{start}HYPERLINK("http://x")',
    )
    candidates = [
        Candidate(1, "ADAMS", "Ann", f"{start}cmd|' /C calc'!A0", person_name=f"{start}1+1"),
        Candidate(2, "BROWN", "Bob", "Independent", person_name="Bob Brown"),
    ]
    figures = CountFigures(
        votes={1: 20, 2: 10}, rejected=rejected_by_heading(0, "local"), rejected_total_entered=None
    )
    (adams, brown) = _rows(results_as_csv([compute_result(contest, candidates, figures)]))
    for column in ("post_label", "person_name", "party_name"):
        assert adams[column].startswith("'" + start), column
        assert adams[column][1:].startswith(start)  # the text itself is kept whole
    assert brown["party_name"] == "Independent"
    assert brown["person_name"] == "Bob Brown"


def test_figures_are_not_prefixed_and_stay_numbers():
    contest = make_contest(type_code="local", papers=31, electorate=100)
    candidates = [
        Candidate(1, "ADAMS", "Ann", "-", person_name="Ann Adams"),
        Candidate(2, "BROWN", "Bob", "", person_name="Bob Brown"),
    ]
    figures = CountFigures(
        votes={1: 20, 2: 10}, rejected=rejected_by_heading(1, "local"), rejected_total_entered=None
    )
    (adams, brown) = _rows(results_as_csv([compute_result(contest, candidates, figures)]))
    assert adams["party_name"] == "'-"
    assert (adams["votes_cast"], brown["votes_cast"]) == ("20", "10")
    assert adams["rejected_total"] == "1"
    assert adams["ballot_papers_verified"] == "31"
    assert adams["total_electorate"] == "100"
    assert adams["seats_contested"] == "1"
    assert adams["share_percent"] == "66.67"
    assert adams["turnout_percent"] == "31.00"
    for row in (adams, brown):
        for column in (
            "votes_cast",
            "seats_contested",
            "rejected_total",
            "ballot_papers_verified",
            "total_electorate",
            "share_percent",
            "turnout_percent",
        ):
            assert not row[column].startswith("'"), column


def test_the_cli_export_of_imported_candidates_is_formula_safe(tmp_path):
    names = ["=SUM(A1:A9)", "+44 Smith", "-Independent-", "@Candidate"]
    lines = [HEADER] + [
        f'{n},"{name}",local.testshire.2026-05-07,{CONTEST},2026-05-07,"{name}",,Hyphen Ward,1'
        for n, name in enumerate(names, start=1)
    ]
    source = tmp_path / "candidates.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "night.sqlite"
    runner = CliRunner()
    imported = runner.invoke(cli, ["import", str(source), "--db", str(db)])
    assert imported.exit_code == 0, imported.output
    desk = CountDesk.open(db)
    desk.set_contest_facts(CONTEST, "Supervisor", electorate=1000, ballot_papers_verified=100)
    votes = {desk.candidate_by_name(CONTEST, name).id: 25 for name in names}
    desk.record_count(CONTEST, votes, {}, "Clerk")
    desk.close()
    out = tmp_path / "results.csv"
    done = runner.invoke(
        cli, ["export", CONTEST, "--db", str(db), "--format", "csv", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    rows = _rows(out.read_text(encoding="utf-8"))
    assert sorted(r["person_name"] for r in rows) == sorted("'" + name for name in names)
    assert sorted(r["party_name"] for r in rows) == sorted("'" + name for name in names)
    assert {r["votes_cast"] for r in rows} == {"25"}
