"""The command line for an uncontested contest: status points to declaring the candidates
duly elected, `declare` does it and keeps the notice, `declaration` prints the notice."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import CountDesk
from tests.reports.sheets import assert_in_order, pages


def _night(tmp_path, *, seats: int = 2, imprint: str = "Town Hall, Testborough") -> tuple[str, str]:
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    contest = desk.create_contest(
        "T",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area="Abbey",
        seats=seats,
        organisation="Testborough Borough Council",
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann", "Labour Party")
    desk.set_contest_details(
        contest.id,
        "T",
        officer_name="Jane Officer",
        imprint_address=imprint,
        authority="Testborough Borough Council",
    )
    desk.close()
    return contest.id, str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_status_names_the_one_step_and_the_command_that_takes_it(tmp_path):
    cid, db = _night(tmp_path)
    result = run("status", cid, "--db", db)
    assert result.exit_code == 0, result.output
    assert "declare the candidates duly elected (uncontested: no poll)" in result.output
    assert f'countdesk-cli declare {cid} --officer "NAME AS SET"' in result.output
    refused = run("advance", cid, "--db", db, "--to", "verification", "--operator", "S")
    assert refused.exit_code == 1
    assert "S813" in refused.stderr and "declares the candidates duly elected" in refused.stderr
    assert "Traceback" not in refused.output


def test_declare_declares_them_duly_elected_and_keeps_the_notice(tmp_path):
    cid, db = _night(tmp_path)
    draft = tmp_path / "draft.pdf"
    result = run("declaration", cid, "--db", db, "-o", str(draft))
    assert result.exit_code == 0, result.output
    assert "draft of the notice of uncontested election" in result.output
    assert "Draft for checking" in " ".join(pages(draft.read_bytes()))

    out = tmp_path / "notice.pdf"
    result = run(
        "declare", cid, "--db", db, "--officer", "Jane Officer", "--operator", "S", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert "declared duly elected at" in result.output and "ABLE, Ann" in result.output
    assert "1 seat remains unfilled." in result.output
    assert f"Notice of uncontested election written to {out}" in result.output
    text = " ".join(pages(out.read_bytes()))
    assert_in_order(
        text,
        ["Notice of Uncontested Election", "ABLE, Ann", "1 seat remains unfilled", "Dated"],
    )
    assert "Declaration of Result of Poll" not in text and "Turnout" not in text

    again = tmp_path / "again.pdf"
    result = run("declaration", cid, "--db", db, "-o", str(again))
    assert result.exit_code == 0, result.output
    assert "as kept when the candidates were declared duly elected" in result.output
    assert again.read_bytes() == out.read_bytes()

    status = run("status", cid, "--db", db)
    assert "declared duly elected (uncontested) at" in status.output
    twice = run("declare", cid, "--db", db, "--officer", "Jane Officer", "--operator", "S")
    assert twice.exit_code == 1 and "S802" in twice.stderr


def test_declare_refuses_in_plain_words_what_blocks_it_and_changes_nothing(tmp_path):
    cid, db = _night(tmp_path, imprint="")
    result = run("declare", cid, "--db", db, "--officer", "Jane Officer", "--operator", "S")
    assert result.exit_code == 1
    assert "T304" in result.stderr and "imprint address" in result.stderr
    assert "Traceback" not in result.output
    wrong = run("declare", cid, "--db", db, "--officer", "Someone", "--operator", "S")
    assert wrong.exit_code == 1
    desk = CountDesk.open(db)
    assert desk.contest(cid).status.value == "setup"
    desk.close()
