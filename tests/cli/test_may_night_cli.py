"""A May night at one venue from the command line: district wards, the Police and Crime
Commissioner's local count and a parish referendum on shared boxes. The wards and the
referendum are declared; the PCC's local totals are sent, and the police area returning
officer's database adds them up and declares."""

from __future__ import annotations

import json

from click.testing import CliRunner

from desktop.cli import cli
from tests.reports.sheets import assert_in_order, pages
from tests.sample import COMBINED_BOXES_CSV, COMBINED_COUNTED, COMBINED_CSV, NORTHGATE, PCC

REFERENDUM = "ref.testborough.northgate-neighbourhood-plan.2026-05-07"
OFFICER = "Jo Officer"
FACTS = ("--officer", OFFICER, "--address", "Town Hall, Testborough")


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, f"{args}: {result.output}"
    return result


def _keyed(db: str, contest_id: str, *figures: str) -> None:
    for clerk in ("Clerk 1", "Clerk 2"):  # keyed twice, blind
        run("enter", contest_id, "--db", db, "--operator", clerk, *figures)


def _to_count(db: str, contest_id: str) -> None:
    for stage in ("verification", "count"):
        run("advance", contest_id, "--db", db, "--to", stage, "--operator", "Sup")


def test_a_may_night_with_a_pcc_local_count(tmp_path):
    db = str(tmp_path / "night.sqlite")
    run("import", str(COMBINED_CSV), "--db", db)
    run(
        "new-referendum", "--db", db, "--council", "Testborough", "--date", "2026-05-07",
        "--name", "Northgate Neighbourhood Plan", "--operator", "Sup",
        "--question", "Do you want Testborough Council to use the Neighbourhood Plan for "
        "Northgate to help it decide planning applications in the neighbourhood area?",
    )  # fmt: skip
    run("combined", "--import", str(COMBINED_BOXES_CSV), "--db", db, "--operator", "Sup")
    for contest_id in (NORTHGATE, PCC):
        counted = [f"--counted={ref}={n}" for ref, n in COMBINED_COUNTED[contest_id].items()]
        run("verification", contest_id, "--db", db, *counted)
    run("combined", "--explain-suggested", "NG2", "--db", db, "--operator", "Sup")
    for contest_id in (NORTHGATE, PCC, REFERENDUM):
        run("contest", contest_id, "--db", db, *FACTS, "--authority", "Testborough Council")
    run("contest", NORTHGATE, "--db", db, "--electorate", "9,000")
    run("contest", PCC, "--db", db, "--electorate", "20,000")
    run("contest", REFERENDUM, "--db", db, "--electorate", "2,000", "--ballot-papers", "780")
    run("local-totals", PCC, "--db", db, "--voting-area", "Testborough", "--operator", "Sup")
    for contest_id in (NORTHGATE, PCC, REFERENDUM):
        run("order", contest_id, "--db", db, "--confirm", "--operator", "Sup")
        _to_count(db, contest_id)

    # The ward: 3,888 papers verified.
    _keyed(db, NORTHGATE, "--votes", "Helen Ashworth=1,900", "--votes", "Imran Baig=1,500",
           "--votes", "Nia Pritchard=470", "--rejected", "official_mark=18")  # fmt: skip
    # The PCC's local count: 7,468 papers verified.
    _keyed(db, PCC, "--votes", "Alan Fairbrother=3,300", "--votes", "Bernadette Greaves=3,000",
           "--votes", "Colin Hartley=1,100", "--rejected", "unmarked=68")  # fmt: skip
    # The parish referendum: 780 papers verified.
    _keyed(db, REFERENDUM, "--votes", "Yes=505", "--votes", "No=270",
           "--rejected", "unmarked_or_void=5")  # fmt: skip
    for contest_id in (NORTHGATE, PCC, REFERENDUM):
        run("advance", contest_id, "--db", db, "--to", "provisional", "--operator", "Sup")
    for contest_id in (NORTHGATE, REFERENDUM):
        run("declare", contest_id, "--db", db, "--officer", OFFICER, "--operator", "Sup")
    sent = tmp_path / "testborough-pcc.json"
    run("send", PCC, "--db", db, "--officer", OFFICER, "--operator", "Sup", "-o", str(sent))

    stages = {r["id"]: r["stage"] for r in json.loads(run("contests", "--db", db, "--json").output)}
    assert stages[NORTHGATE] == "declared" and stages[REFERENDUM] == "declared"
    assert stages[PCC] == "sent"
    assert run("verify", "--db", db).output.startswith("Intact")

    # The police area returning officer's database: one voting area here, added up, declared.
    area = str(tmp_path / "area.sqlite")
    run("import", str(COMBINED_CSV), "--db", area)
    run("contest", PCC, "--db", area, "--officer", "Pat Area", "--address", "Police HQ",
        "--authority", "Testshire Police Area")  # fmt: skip
    run("order", PCC, "--db", area, "--confirm", "--operator", "Sup")
    run("area", "setup", PCC, "--db", area, "--voting-area", "Testborough", "--operator", "Sup")
    run("area", "add", PCC, str(sent), "--db", area, "--operator", "Sup")
    for stage in ("verification", "count", "provisional"):
        run("advance", PCC, "--db", area, "--to", stage, "--operator", "Sup")
    out = tmp_path / "pcc-declaration.pdf"
    run("declare", PCC, "--db", area, "--officer", "Pat Area", "--operator", "Sup", "-o", str(out))
    assert_in_order(
        " ".join(pages(out.read_bytes())),
        [
            "Declaration of Result of Poll",
            "FAIRBROTHER, Alan",
            "3,300",
            "Elected",
            "The local totals of the one voting area, which are the totals above",
            "Testborough",
            "duly elected as Police and Crime Commissioner for the said police area",
        ],
    )
