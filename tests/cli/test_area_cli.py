"""The command line for a local count (`local-totals`, `send`) and the area result (`area setup`,
`area add`, `area status`, then `declare`): a police area of three voting areas."""

from __future__ import annotations

import json

from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import CountDesk
from tests.pcc import AREA_OFFICER, AREAS, LOCAL_OFFICER, PCC, count_locally, set_up
from tests.reports.sheets import assert_in_order, pages


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _local(tmp_path, area: str) -> str:
    """A voting area's local count at the provisional result, not yet sent; its database."""
    path = tmp_path / f"{area}.sqlite"
    desk = CountDesk.open(path)
    count_locally(desk, area, send=False)
    desk.close()
    return str(path)


def test_a_local_count_is_sent_from_the_command_line(tmp_path):
    db = _local(tmp_path, "Northtown")
    status = run("status", PCC, "--db", db)
    assert "countdesk-cli send" in status.output
    refused = run("declare", PCC, "--db", db, "--officer", LOCAL_OFFICER, "--operator", "S")
    assert refused.exit_code == 1 and "A102" in refused.output
    out = tmp_path / "Northtown.json"
    sent = run(
        "send", PCC, "--db", db, "--officer", LOCAL_OFFICER, "--operator", "S", "-o", str(out)
    )
    assert sent.exit_code == 0, sent.output
    assert json.loads(out.read_text(encoding="utf-8"))["voting_area"] == "Northtown"
    status = run("status", PCC, "--db", db, "--json")
    assert json.loads(status.output)["stage"] == "sent"
    assert "Status:     sent" in run("status", PCC, "--db", db).output
    assert run("contests", "--db", db).output.split()[-1] == "sent"
    history = run("history", PCC, "--db", db).output
    assert "provisional result → sent" in history
    assert "Local totals: sent at" in history and "of count 1, officer Lee Local" in history
    pdf = tmp_path / "statement.pdf"
    written = run("local-totals", PCC, "--db", db, "-o", str(pdf), "--format", "pdf")
    assert written.exit_code == 0, written.output
    assert_in_order(" ".join(pages(pdf.read_bytes())), ["Statement of Local Totals", "Northtown"])
    printed = run("declaration", PCC, "--db", db, "-o", str(tmp_path / "d.pdf"))
    assert printed.exit_code == 0 and "Statement of local totals (as sent)" in printed.output
    assert (tmp_path / "d.pdf").read_bytes() == pdf.read_bytes()
    shown = run("local-totals", PCC, "--db", db, "--json")
    assert json.loads(shown.output)["ballot_papers_verified"] == 23200


def test_three_voting_areas_imported_added_up_and_declared(tmp_path):
    files = []
    for area in AREAS:
        db = _local(tmp_path, area)
        out = tmp_path / f"{area}.csv"
        run("send", PCC, "--db", db, "--officer", LOCAL_OFFICER, "--operator", "S")
        assert (
            run("local-totals", PCC, "--db", db, "-o", str(out), "--format", "csv").exit_code == 0
        )
        files.append(str(out))
    area_db = tmp_path / "area.sqlite"
    desk = CountDesk.open(area_db)
    set_up(desk, AREA_OFFICER, "Westshire Police Area")
    desk.close()
    db = str(area_db)
    areas = [a for name in AREAS for a in ("--voting-area", name)]
    assert run("--db", db, "area", "setup", PCC, *areas, "--operator", "S").exit_code == 0
    first = run("area", "add", PCC, files[0], "--db", db, "--operator", "S")
    assert first.exit_code == 0, first.output
    assert "A109" in first.output and "Eastvale                 awaited" in first.output
    rest = run("area", "add", PCC, *files[1:], "--db", db, "--operator", "S")
    assert rest.exit_code == 0, rest.output
    status = json.loads(run("area", "status", PCC, "--db", db, "--json").output)
    assert status["awaited"] == [] and status["added_up"] is True
    again = run(
        "area", "add", PCC, str(tmp_path / "Northtown.sqlite"), "--db", db, "--operator", "S"
    )
    assert again.exit_code == 1 and "A104" in again.output
    for stage in ("verification", "count", "provisional"):
        assert run("advance", PCC, "--db", db, "--to", stage, "--operator", "S").exit_code == 0
    out = tmp_path / "declaration.pdf"
    done = run(
        "declare", PCC, "--db", db, "--officer", AREA_OFFICER, "--operator", "S", "-o", str(out)
    )
    assert done.exit_code == 0, done.output
    assert "COLE, Brian" in done.output
    assert_in_order(
        " ".join(pages(out.read_bytes())),
        ["Declaration of Result of Poll", "18,700", "Northtown", "Southbury", "Westshire total"],
    )
    assert run("verify", "--db", db).exit_code == 0


def test_send_to_a_folder_that_is_not_there_sends_nothing(tmp_path):
    db = _local(tmp_path, "Eastvale")
    missing = tmp_path / "no-such-stick" / "Eastvale.json"
    refused = run(
        "send", PCC, "--db", db, "--officer", LOCAL_OFFICER, "--operator", "S", "-o", str(missing)
    )
    assert refused.exit_code == 1
    assert "Traceback" not in refused.output
    assert json.loads(run("status", PCC, "--db", db, "--json").output)["stage"] == (
        "provisional result"
    )
