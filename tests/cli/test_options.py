"""Which database a command works on: --db after or before the command name, $COUNTDESK_DB,
the default; and the shared parameter types' refusals."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from tests.sample import BATLEY, BATLEY_CSV, WARD, WARD_CSV


@pytest.fixture
def two_databases(tmp_path):
    """Two databases told apart by their contest: Batley and Spen in one, Earlsfield in other."""
    batley, ward = tmp_path / "batley.sqlite", tmp_path / "ward.sqlite"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(BATLEY_CSV), "--db", str(batley)]).exit_code == 0
    assert runner.invoke(cli, ["import", str(WARD_CSV), "--db", str(ward)]).exit_code == 0
    return batley, ward


def _ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [c["id"] for c in json.loads(result.output)]


def test_db_after_the_command_name(two_databases):
    batley, _ = two_databases
    assert _ids(CliRunner().invoke(cli, ["contests", "--json", "--db", str(batley)])) == [BATLEY]


def test_db_before_the_command_name(two_databases):
    batley, _ = two_databases
    assert _ids(CliRunner().invoke(cli, ["--db", str(batley), "contests", "--json"])) == [BATLEY]


def test_the_environment_variable_names_the_database(two_databases, monkeypatch):
    _, ward = two_databases
    monkeypatch.setenv("COUNTDESK_DB", str(ward))
    assert _ids(CliRunner().invoke(cli, ["contests", "--json"])) == [WARD]


def test_db_wins_over_the_environment_variable_before_or_after(two_databases, monkeypatch):
    batley, ward = two_databases
    monkeypatch.setenv("COUNTDESK_DB", str(ward))
    runner = CliRunner()
    assert _ids(runner.invoke(cli, ["--db", str(batley), "contests", "--json"])) == [BATLEY]
    assert _ids(runner.invoke(cli, ["contests", "--json", "--db", str(batley)])) == [BATLEY]


def test_db_after_the_command_name_wins_over_db_before_it(two_databases):
    batley, ward = two_databases
    args = ["--db", str(ward), "contests", "--json", "--db", str(batley)]
    assert _ids(CliRunner().invoke(cli, args)) == [BATLEY]


def test_the_environment_variable_wins_over_the_default(two_databases, monkeypatch):
    _, ward = two_databases
    runner = CliRunner()
    # The default: the app's database under XDG_DATA_HOME (isolated per test), not created yet.
    default = runner.invoke(cli, ["contests", "--json"])
    assert default.exit_code == 1
    assert "There is no CountDesk database at" in default.stderr
    assert "xdg-data" in default.stderr
    monkeypatch.setenv("COUNTDESK_DB", str(ward))
    assert _ids(runner.invoke(cli, ["contests", "--json"])) == [WARD]


def test_an_import_creates_the_database_the_environment_variable_names(tmp_path, monkeypatch):
    db = tmp_path / "night.sqlite"
    monkeypatch.setenv("COUNTDESK_DB", str(db))
    assert CliRunner().invoke(cli, ["import", str(BATLEY_CSV)]).exit_code == 0
    assert db.exists()


# -- the shared types --------------------------------------------------------------------


def _refusal(*args: str) -> str:
    """Run a command refused while its options are read: exit 1, one plain line, no usage."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    return result.stderr


def test_a_figure_option_refuses_a_decimal_point_in_the_domains_words(db_path):
    stderr = _refusal("contest", BATLEY, "--electorate", "79.373", "--db", str(db_path))
    assert stderr == (
        "Error: F102: The electorate “79.373” has a decimal point, but votes and ballot papers "
        "are whole numbers: if you meant 79,373, type 79,373 or 79373.\n"
    )
    assert not db_path.exists()  # refused before the database is even opened


@pytest.mark.parametrize("typed", ["79,373", "79 373", "79373"])
def test_a_figure_option_takes_thousands_separators(db_path, typed):
    runner = CliRunner()
    runner.invoke(cli, ["import", str(BATLEY_CSV), "--db", str(db_path)])
    shown = runner.invoke(
        cli, ["contest", BATLEY, "--electorate", typed, "--json", "--db", str(db_path)]
    )
    assert json.loads(shown.output)["electorate"] == 79373


def test_a_pair_without_its_equals_sign_shows_the_form_and_an_example(db_path):
    stderr = _refusal("verification", BATLEY, "--counted", "BS01", "--db", str(db_path))
    assert "--counted “BS01” is not of the form REF=FIGURE, e.g. --counted BS01=2,510." in stderr


@pytest.mark.parametrize(
    ("option", "typed", "words"),
    [
        ("--role", "judge", "“judge” is not a role"),
        ("--decision", "maybe", "S801: “maybe” is not a decision"),
    ],
)
def test_a_choice_is_refused_in_a_plain_sentence(db_path, option, typed, words):
    args = ["recount", BATLEY, "--requested-by", "X", "--role", "agent", "--decision", "full"]
    args[args.index(option) + 1] = typed
    assert words in _refusal(*args, "--db", str(db_path))


def test_a_choice_ignores_case_and_takes_the_services_spelling(db_path):
    from desktop.cli.types import DECISION, STATUS

    assert DECISION.convert(" Bundle_Check ", None, None) == "bundle-check"
    assert STATUS.convert("Provisional", None, None) == "provisional"


@pytest.mark.parametrize(
    "args",
    [
        ["declaration", BATLEY],
        ["statement", BATLEY],
        ["export", BATLEY, "--format", "csv"],
    ],
)
def test_a_command_that_writes_a_file_asks_for_it_when_it_is_left_out(db_path, args):
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(BATLEY_CSV), "--db", str(db_path)]).exit_code == 0
    done = runner.invoke(cli, [*args, "--db", str(db_path)])
    assert done.exit_code == 2, done.output
    assert "Missing option '-o' / '--output'" in done.output
    assert "report" not in done.output
