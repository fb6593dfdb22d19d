"""Batley and Spen 2021 end to end, as a count would run it from the command line."""

from __future__ import annotations

import io
import json
import re

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from desktop.cli import cli
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


def test_batley_and_spen_from_import_to_declaration(db_path, tmp_path):
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("import", str(BATLEY_CSV))
    run(
        "contest", BATLEY, "--electorate", "79,373", "--ballot-papers", "37,786",
        "--officer", "Jacqui Gedman", "--officer-title", "Acting Returning Officer",
        "--authority", "Kirklees Council", "--address", "Civic Centre, Huddersfield",
    )  # fmt: skip
    enter = ["enter", BATLEY, "--operator", "Count clerk"]
    for name, votes in BATLEY_VOTES.items():
        enter += ["--votes", f"{name}={votes:,}"]
    for key, papers in BATLEY_REJECTED.items():
        enter += ["--rejected", f"{key}={papers}"]
    assert "All checks pass." in run(*enter)

    data = json.loads(run("result", BATLEY, "--json"))
    assert data["valid_votes"] == 37695
    assert data["majority"] == 323
    assert data["elected"] == ["Kim Leadbeater"]
    assert sum(c["deposit"] == "forfeited" for c in data["candidates"]) == 13
    assert data["turnout_percent"] == "47.61"

    pdf = tmp_path / "declaration.pdf"
    run("declaration", BATLEY, "-o", str(pdf))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    flat = " ".join(text.split())
    assert "Declaration of Result of Poll" in flat
    assert "Jacqui Gedman" in flat
    # Each figure is printed right after its own candidate, in ballot order.
    order = [
        ("BICKERDIKE, Paul", "102"),
        ("GALLOWAY, George", "8,264"),
        ("HIRST, Thérèse", "207"),
        ("LEADBEATER, Kim", "13,296"),
        ("STEPHENSON, Ryan", "12,973"),
        ("WATERS, Anne Marie", "97"),
    ]
    positions = []
    for name, votes in order:
        match = re.search(re.escape(name) + r"[^0-9]*?" + re.escape(votes) + r"\b", flat)
        assert match, f"{name} is not followed by {votes}"
        positions.append(match.start())
    assert positions == sorted(positions)
    assert re.search(r"LEADBEATER, Kim[^0-9]*13,296\s*Elected", flat)
    assert flat.count("Elected") == 1
    for figure in ("79,373", "37,786", "47.61%", "91", "323"):
        assert figure in flat
    assert "Kim LEADBEATER" in flat and "duly elected" in flat
