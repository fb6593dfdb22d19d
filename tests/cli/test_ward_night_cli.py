"""A whole count night of a three-seat ward from the command line: verification, a tie for the
last seat settled by lot, the declaration naming all three councillors."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from desktop.cli import cli
from tests.sample import WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

OFFICER = "Paul Martin"
VOTES = {
    "Ruth Alder": 2100,
    "Sam Birch": 1900,
    "Priya Cedar": 1750,
    "Tom Dogwood": 1750,
    "Llŷr Elm": 1200,
    "Łukasz Fir": 900,
    "Dara Ó Briain": 800,
}


def test_a_three_seat_ward_night_from_the_command_line(db_path, tmp_path):
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.stdout if code == 0 else result.stderr

    imported = run("import", str(WARD_CSV))
    assert "Dara Ó Briain → Ó BRIAIN, Dara" in imported
    run("order", WARD, "--confirm", "--operator", "Supervisor")
    run("contest", WARD, "--electorate", "11,000", "--officer", OFFICER, "--address", "Town Hall")
    run("advance", WARD, "--to", "verification", "--operator", "Supervisor")
    boxes = tmp_path / "boxes.csv"
    boxes.write_text(
        "reference,name,kind,issued\n"
        "W01,St Mary's Hall,box,1500\nW02,Earlsfield Library,box,1700\n"
        "PV1,Postal votes,postal,800\n",
        encoding="utf-8",
    )
    run("verification", WARD, "--import", str(boxes))
    run(
        "verification",
        WARD,
        "--counted",
        "W01=1500",
        "--counted",
        "W02=1700",
        "--counted",
        "PV1=800",
    )
    run("advance", WARD, "--to", "count", "--operator", "Supervisor")

    enter = ["enter", WARD, "--operator", "Clerk"]
    for name, votes in VOTES.items():
        enter += ["--votes", f"{name}={votes:,}"]
    enter += ["--rejected", "too_many_votes=30", "--rejected", "unmarked_or_void=10"]
    enter += ["--rejected", "rejected_in_part=5"]
    refused = run(*enter, code=1)
    assert "C220" in refused and "--valid-papers" in refused
    # 4,000 papers verified, 40 wholly rejected: 3,960 valid papers in the bundles.
    enter += ["--valid-papers", "3,960"]
    assert "valid ballot papers counted 3,960" in run(*enter)
    data = json.loads(run("result", WARD, "--json"))
    assert data["valid_papers_counted"] == 3_960
    assert data["papers_unaccounted"] == 0
    assert data["rejected_total"] == 40  # papers rejected in part are not in the total
    assert data["tie"] == {"candidates": ["Priya Cedar", "Tom Dogwood"], "votes": 1750, "places": 1}
    assert data["elected"] == ["Ruth Alder", "Sam Birch"]
    assert "L407" in run("lots", WARD, "--winner", "Priya Cedar", code=1)
    run("advance", WARD, "--to", "provisional", "--operator", "Supervisor")
    assert "L401" in run("declare", WARD, "--officer", OFFICER, "--operator", "Supervisor", code=1)
    run("lots", WARD, "--winner", "Priya Cedar", "--method", "Names drawn from a box")
    data = json.loads(run("result", WARD, "--json"))
    assert data["elected"] == ["Ruth Alder", "Sam Birch", "Priya Cedar"]
    assert data["margin"] == 0
    assert "majority" not in data

    declaration = tmp_path / "declaration.pdf"
    run("declare", WARD, "--officer", OFFICER, "--operator", "Supervisor", "-o", str(declaration))
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(declaration.read_bytes())).pages
    )
    assert "Election of Councillors for the Earlsfield Ward" in text
    assert (
        "Ruth ALDER, Sam BIRCH and Priya CEDAR are duly elected as Councillors for the said ward"
        in text
    )
    assert "Rejected in part" in text
    assert "Valid ballot papers counted 3,960" in text
    assert "The lot fell on Priya CEDAR" in text
    assert "Margin" in text

    assert "S802" in run("enter", *enter[1:], code=1)
    history = json.loads(run("history", WARD, "--json"))
    assert [c["kind"] for c in history["counts"]] == ["count"]
    assert history["declarations"][0]["kind"] == "declaration"
