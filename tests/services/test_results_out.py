"""Results out for the aggregators: Democracy Club results CSV and NIST CDF v2 JSON, from
declared contests only."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.arithmetic import compute_result
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, CountFigures, Election
from desktop.services import CountDesk
from desktop.services.dc_results import dc_results_csv
from desktop.services.declared import DeclaredContest
from tests import referendum_night
from tests.declared import declare_batley
from tests.domain.builders import make_contest, rejected_by_heading
from tests.published import WARD_VOTES, count_ward
from tests.sample import BATLEY, BATLEY_VOTES, WARD

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "nist-cdf"
NOW = datetime(2021, 7, 2, 4, 0, tzinfo=UTC)


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.publishing.now = lambda: NOW
    return desk


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_dc_results_of_batley_carry_every_candidate_as_declared(desk):
    declare_batley(desk)
    exported = desk.publishing.export([BATLEY], "dc-results")
    rows = _rows(exported.text)
    assert exported.text.endswith("\r\n")
    assert list(rows[0])[:4] == ["person_id", "person_name", "election_id", "ballot_paper_id"]
    assert {r["person_name"]: int(r["votes_cast"]) for r in rows} == BATLEY_VOTES
    leadbeater = next(r for r in rows if r["person_name"] == "Kim Leadbeater")
    assert (leadbeater["elected"], leadbeater["rank"]) == ("True", "1")
    galloway = next(r for r in rows if r["person_name"] == "George Galloway")
    assert (galloway["elected"], galloway["rank"]) == ("False", "3")
    for row in rows:
        assert row["turnout_reported"] == "37786"  # ballot papers verified
        assert row["spoilt_ballots"] == "91"  # rejected papers
        assert row["total_electorate"] == "79373"
        assert row["turnout_percentage"] == "47.61"
        assert row["seats_contested"] == "1"
        assert row["results_source"].startswith("Declaration of result, Kirklees Council")


def test_dc_results_round_trip_with_the_candidates_import(desk, tmp_path):
    count_ward(desk)
    text = desk.publishing.export([WARD], "dc-results").text
    rows = _rows(text)
    assert {r["person_name"]: r["person_id"] for r in rows}["Dara Ó Briain"] == "107"
    elected = [r["person_name"] for r in rows if r["elected"] == "True"]
    assert sorted(elected) == ["Priya Cedar", "Ruth Alder", "Sam Birch"]
    assert {r["person_name"]: int(r["votes_cast"]) for r in rows} == WARD_VOTES
    assert rows[0]["spoilt_ballots"] == "30"  # wholly rejected; the 5 in part were counted
    # The results file is a candidates file too: imported afresh, the same ids come back.
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8")
    other = CountDesk.open(tmp_path / "other.sqlite")
    other.import_candidates(path, "Importer")
    again = other.contest(WARD)
    assert (again.area, again.seats) == ("Earlsfield", 3)
    keys = other.store.candidate_sources(WARD)
    first = {c.person_name: keys[c.id] for c in other.candidates(WARD)}
    original = desk.store.candidate_sources(WARD)
    assert first == {c.person_name: original[c.id] for c in desk.candidates(WARD)}
    assert {c.description for c in other.candidates(WARD)} == {r["party_name"] for r in rows}


def test_a_contest_not_declared_is_not_exported_as_a_result(desk):
    count_ward(desk, declare=False)
    with pytest.raises(CountDeskError) as refused:
        desk.publishing.export([WARD], "dc-results")
    assert refused.value.code is Code.H101
    declare_batley(desk)
    exported = desk.publishing.export(None, "dc-results")
    assert (exported.contests, exported.not_declared) == (1, 1)
    assert {r["ballot_paper_id"] for r in _rows(exported.text)} == {BATLEY}
    assert "1 not yet declared" in exported.summary()


def test_nothing_declared_is_refused(desk):
    count_ward(desk, declare=False)
    with pytest.raises(CountDeskError) as refused:
        desk.publishing.export(None, "cdf")
    assert refused.value.code is Code.H102


def test_a_referendum_is_not_a_democracy_club_ballot(tmp_path):
    desk, _pdf = referendum_night.declared(tmp_path / "ref.sqlite")
    with pytest.raises(CountDeskError) as refused:
        desk.publishing.export(None, "dc-results")
    assert refused.value.code is Code.H103


def test_dc_results_are_formula_safe():
    contest = replace(
        make_contest(type_code="local", papers=30, electorate=100), area="=HYPERLINK(1)"
    )
    candidates = [
        Candidate(1, "ADAMS", "Ann", "-Independent-", person_name="+Ann Adams"),
        Candidate(2, "BROWN", "Bob", "@Party", person_name="Bob Brown"),
    ]
    figures = CountFigures(votes={1: 20, 2: 10}, rejected=rejected_by_heading(0, "local"))
    declared = DeclaredContest(
        election=Election("local.testshire.2026-05-07", date(2026, 5, 7), authority="=cmd"),
        result=compute_result(contest, candidates, figures),
        declared_at=NOW,
        uncontested=False,
        sources={1: ("person:=1+1", "-PP1")},
    )
    rows = _rows(dc_results_csv([declared]))
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
    assert rows[0]["person_name"] == "'+Ann Adams"
    assert rows[0]["votes_cast"] == "20"


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMA / "NIST_V2_election_results_reporting.json").read_text())
    return jsonschema.Draft4Validator(schema)


def _errors(report: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(report)]


def test_cdf_of_batley_validates_and_carries_the_declared_figures(desk):
    declare_batley(desk)
    report = json.loads(desk.publishing.export([BATLEY], "cdf").text)
    assert _errors(report) == []
    assert report["Status"] == "certified"
    assert report["Format"] == "summary-contest"
    assert report["Issuer"] == "Kirklees Council"
    assert report["VendorApplicationId"].startswith("CountDesk")
    assert report["GeneratedDate"] == "2021-07-02T04:00:00Z"
    (election,) = report["Election"]
    assert election["Type"] == "special"  # a by-election
    (contest,) = election["Contest"]
    assert contest["@type"] == "ElectionResults.CandidateContest"
    assert (contest["VotesAllowed"], contest["NumberElected"]) == (1, 1)
    names = {c["@id"]: c for c in election["Candidate"]}
    result = desk.result(BATLEY)
    votes = {}
    for selection in contest["ContestSelection"]:
        (count,) = selection["VoteCounts"]
        assert count["Type"] == "total" and count["GpUnitId"] == contest["ElectionDistrictId"]
        (candidate_id,) = selection["CandidateIds"]
        votes[candidate_id] = count["Count"]
    assert sorted(votes.values()) == sorted(line.votes for line in result.candidates)
    winners = [c for c in names.values() if c["PostElectionStatus"] == "winner"]
    assert [w["BallotName"]["Text"][0]["Content"] for w in winners] == ["Kim LEADBEATER"]
    (ballots,) = election["BallotCounts"]
    assert (ballots["BallotsCast"], ballots["BallotsRejected"]) == (37786, 91)
    unit = next(u for u in report["GpUnit"] if u["@id"] == contest["ElectionDistrictId"])
    assert (unit["VotersRegistered"], unit["VotersParticipated"]) == (79373, 37786)
    ids = [u["@id"] for u in report["GpUnit"]]
    assert election["ElectionScopeId"] in ids
    assert len(set(ids)) == len(ids)


def test_cdf_of_a_ward_and_a_referendum_validates(tmp_path):
    desk, _pdf = referendum_night.declared(tmp_path / "night.sqlite")
    desk.publishing.now = lambda: NOW
    count_ward(desk)
    report = json.loads(desk.publishing.export(None, "cdf").text)
    assert _errors(report) == []
    contests = {c["Name"]: c for e in report["Election"] for c in e["Contest"]}
    ward = contests["Earlsfield"]
    assert (ward["VotesAllowed"], ward["NumberElected"]) == (3, 3)
    measure = next(c for c in contests.values() if c["@type"].endswith("BallotMeasureContest"))
    assert measure["Type"] == "referendum"
    assert measure["FullText"]["Text"][0]["Content"] == referendum_night.QUESTION
    answers = {
        s["Selection"]["Text"][0]["Content"]: s["VoteCounts"][0]["Count"]
        for s in measure["ContestSelection"]
    }
    assert answers == referendum_night.VOTES
    parties = {p["Name"]["Text"][0]["Content"] for p in report["Party"]}
    assert "Labour Party" in parties and "Independent" not in parties


def test_the_cli_exports_both_formats(db_path, tmp_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    desk.close()
    runner = CliRunner()
    out = tmp_path / "results.csv"
    done = runner.invoke(
        cli,
        ["export", "--all", "--format", "dc-results", "-o", str(out), "--db", str(db_path)],
    )
    assert done.exit_code == 0, done.output
    assert "1 declared contest" in done.output
    assert len(_rows(out.read_text(encoding="utf-8"))) == 16
    cdf = tmp_path / "results.json"
    done = runner.invoke(
        cli, ["export", BATLEY, "--format", "cdf", "-o", str(cdf), "--db", str(db_path)]
    )
    assert done.exit_code == 0, done.output
    assert _errors(json.loads(cdf.read_text(encoding="utf-8"))) == []


def test_cdf_ids_stay_apart_where_a_ballot_has_its_elections_id(tmp_path):
    """Democracy Club gives a poll of one ballot the same id for its election and its ballot
    (mayor.testtown.2026-05-07): the area unit and the election's scope are still two units."""
    from tests.published import declare_single

    one = "mayor.testtown.2026-05-07"
    csv_path = tmp_path / "mayor.csv"
    csv_path.write_text(
        "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,post_label,"
        f"seats_contested\n1,Ann Able,{one},{one},2026-05-07,Labour Party,Testtown,1\n"
        f"2,Bob Baker,{one},{one},2026-05-07,Green Party,Testtown,1\n",
        encoding="utf-8",
    )
    desk = CountDesk.open(tmp_path / "mayor.sqlite")
    desk.import_candidates(csv_path, "Importer")
    declare_single(desk, one, {"Ann Able": 600, "Bob Baker": 400})
    report = json.loads(desk.publishing.export([one], "cdf").text)
    assert _errors(report) == []
    ids = [u["@id"] for u in report["GpUnit"]]
    assert len(set(ids)) == len(ids) == 2
