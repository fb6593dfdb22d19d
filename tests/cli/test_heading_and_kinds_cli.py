"""From the command line: the authority imported from the organisation's name, the declaration
refused without its heading or imprint (T304) while the draft and the provisional sheet print,
and the deposit and wording of each kind of contest (parish, combined authority mayor)."""

from __future__ import annotations

import io
import json
import re

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from desktop.cli import cli
from tests.sample import BATLEY, BATLEY_CSV, WARD, WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

HEADER = (
    "person_name,election_id,ballot_paper_id,election_date,party_name,post_label,"
    "seats_contested,organisation_name"
)


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.stdout if code == 0 else result.stderr

    return invoke


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\xa0", " "))


def in_order(text: str, parts: list[str]) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after …{text[at : at + 200]}…"
        at = found + len(part)


def _csv(tmp_path, election: str, ballot: str, area: str, seats: int, organisation: str, names):
    rows = [HEADER] + [
        f"{name},{election},{ballot},2024-05-02,Party {i},{area},{seats},{organisation}"
        for i, name in enumerate(names)
    ]
    path = tmp_path / f"{ballot}.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _to_provisional(
    run, contest: str, votes: dict[str, int], rejected: dict[str, int], valid_papers: int
) -> None:
    run("advance", contest, "--to", "verification", "--operator", "S")
    run("advance", contest, "--to", "count", "--operator", "S")
    enter = ["enter", contest, "--operator", "Clerk", "--valid-papers", str(valid_papers)]
    for name, n in votes.items():
        enter += ["--votes", f"{name}={n}"]
    for key, n in rejected.items():
        enter += ["--rejected", f"{key}={n}"]
    run(*enter)
    run("advance", contest, "--to", "provisional", "--operator", "S")


def test_the_council_is_imported_from_organisation_name_but_not_the_house_of_commons(run):
    run("import", str(WARD_CSV))
    run("import", str(BATLEY_CSV))
    assert json.loads(run("contest", WARD, "--json"))["authority"] == "Testborough Council"
    # "House of Commons" is what an MP is elected to, not the authority running the poll.
    assert json.loads(run("contest", BATLEY, "--json"))["authority"] == ""


WARD_VOTES = {
    "Ruth Alder": 2100,
    "Sam Birch": 1900,
    "Priya Cedar": 1800,
    "Tom Dogwood": 1500,
    "Llŷr Elm": 1200,
    "Łukasz Fir": 900,
    "Dara Ó Briain": 800,
}


def test_declare_is_refused_without_the_imprint_address_but_the_draft_prints(run, tmp_path):
    run("import", str(WARD_CSV))
    run("order", WARD, "--confirm", "--operator", "Supervisor")  # Ó Briain checked on the SOPN
    run("contest", WARD, "--electorate", "11,000", "--ballot-papers", "4,000", "--officer", "Pat")
    # 4,000 papers verified, 40 wholly rejected: 3,960 valid papers counted.
    _to_provisional(run, WARD, WARD_VOTES, {"unmarked_or_void": 40, "rejected_in_part": 5}, 3960)
    status = json.loads(run("status", WARD, "--json"))
    assert [b["code"] for b in status["blockers"]] == ["T304"]
    assert "imprint address is not set" in status["blockers"][0]["message"]

    stderr = run("declare", WARD, "--officer", "Pat", "--operator", "S", code=1)
    assert "T304" in stderr and "imprint address is not set" in stderr
    assert json.loads(run("contest", WARD, "--json"))["status"] == "provisional"

    # The provisional sheet: nobody elected; (e) among the heads; the total reconciles.
    sheet = tmp_path / "provisional.pdf"
    run("declaration", WARD, "--provisional", "-o", str(sheet))
    text = pdf_text(sheet)
    in_order(
        text,
        [
            "Testborough Council",
            "Provisional Result – not for publication",
            "ALDER, Ruth Labour Party 2,100 BIRCH, Sam",
            "(d) Being unmarked or wholly void for uncertainty 40",
            "(e) Rejected in part – the good votes on these papers were counted 5",
            "Total number of ballot papers wholly rejected, (a) to (d) 40",
        ],
    )
    assert "Elected" not in text and "duly elected" not in text
    assert "T304" not in text  # the provisional sheet does not need the imprint

    # The draft prints, and says what the declaration still needs.
    draft = tmp_path / "draft.pdf"
    run("declaration", WARD, "-o", str(draft))
    in_order(
        pdf_text(draft),
        ["Declaration of Result of Poll", "T304 The imprint address is not set", "Elected"],
    )

    run("contest", WARD, "--address", "Town Hall, Testborough TB1 1AA")
    final = tmp_path / "declaration.pdf"
    run("declare", WARD, "--officer", "Pat", "--operator", "S", "-o", str(final))
    text = pdf_text(final)
    in_order(
        text,
        [
            "Testborough Council",
            "Declaration of Result of Poll",
            "ALDER, Ruth Labour Party 2,100 Elected",
            "Printed and published by the Returning Officer, Town Hall, Testborough TB1 1AA",
            "Contest ref. local.testborough.earlsfield.2026-05-07",
        ],
    )
    assert "T304" not in text and "Outstanding checks" not in text


def test_a_parish_with_no_wards_elects_parish_councillors_for_the_said_parish(run, tmp_path):
    contest = "local.ashby-parish.ashby.2024-05-02"
    names = ["Ann Ash", "Bea Birch", "Cal Cedar"]
    path = _csv(
        tmp_path,
        "local.ashby-parish.2024-05-02",
        contest,
        "Ashby",
        2,
        "Ashby Parish Council",
        names,
    )
    run("import", str(path))
    facts = json.loads(run("contest", contest, "--json"))
    # A parish poll is run by the district council's Returning Officer, not by the parish
    # council the file names: the heading is left for the officer to set (T304 says so).
    assert (facts["authority"], facts["kind"]) == ("", "parish")
    # The parish has no wards: the whole parish elects.
    run("contest", contest, "--kind", "parish_unwarded", "--officer", "Pat", "--address", "Hall")
    run("contest", contest, "--authority", "North West Leicestershire District Council")
    run("contest", contest, "--electorate", "900", "--ballot-papers", "400")
    votes = {"Ann Ash": 300, "Bea Birch": 250, "Cal Cedar": 100}
    _to_provisional(run, contest, votes, {"official_mark": 2}, 398)  # 400 verified, 2 rejected
    out = tmp_path / "parish.pdf"
    run("declare", contest, "--officer", "Pat", "--operator", "S", "-o", str(out))
    in_order(
        pdf_text(out),
        [
            "North West Leicestershire District Council",
            "Parish council elections",
            "Election of Parish Councillors for the Ashby Parish",
            "And I do hereby declare that Ann ASH and Bea BIRCH are duly elected as Parish "
            "Councillors for the said parish.",
        ],
    )


def test_a_kind_the_type_does_not_have_is_refused_and_nothing_changes(run):
    run("import", str(BATLEY_CSV))
    stderr = run("contest", BATLEY, "--kind", "parish", "--officer", "X", code=1)
    assert "F108" in stderr and "not a kind of UK Parliamentary election" in stderr
    facts = json.loads(run("contest", BATLEY, "--json"))
    assert (facts["kind"], facts["officer"]) == ("", "")


@pytest.mark.parametrize(
    ("organisation", "pounds", "kind"),
    [
        ("West Midlands Combined Authority", 5000, "combined_authority"),
        ("Bristol City Council", 500, ""),
    ],
)
def test_a_mayors_deposit_follows_the_kind_of_mayor(run, tmp_path, organisation, pounds, kind):
    contest = "mayor.testarea.2024-05-02"
    names = ["Ann Ash", "Bea Birch", "Cal Cedar"]
    run("import", str(_csv(tmp_path, contest, contest, "Testarea", 1, organisation, names)))
    facts = json.loads(run("contest", contest, "--json"))
    assert (facts["kind"], facts["deposit_pounds"]) == (kind, pounds)
    assert facts["authority"] == organisation
    run("contest", contest, "--ballot-papers", "1,000", "--officer", "Pat")
    run(
        "enter", contest, "--operator", "C", "--votes", "Ann Ash=600", "--votes",
        "Bea Birch=360", "--votes", "Cal Cedar=40",
    )  # fmt: skip
    text = run("result", contest)
    assert re.search(r"ASH, Ann\s+600.*Elected", text)
    assert f"deposit (£{pounds:,}) forfeited" in text.split("CEDAR, Cal")[1].splitlines()[0]
    assert "forfeited" not in text.split("BIRCH, Bea")[1].splitlines()[0]
    assert json.loads(run("result", contest, "--json"))["deposit_pounds"] == pounds
