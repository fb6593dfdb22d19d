"""`countdesk-cli declaration --all -o DIR`: every declared contest's declaration in one command,
with a summary line; refused plainly where it is asked for wrongly."""

from __future__ import annotations

from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import CountDesk
from desktop.services.batch import INDEX_NAME, file_name
from desktop.services.contest_document import DocumentKind
from tests.declared import declare_batley
from tests.sample import BATLEY, WARD_CSV


def _night(tmp_path) -> str:
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    declare_batley(desk)
    desk.import_candidates(WARD_CSV, "Importer")
    desk.close()
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_all_writes_every_declaration_and_says_what_it_left_out(tmp_path):
    db = _night(tmp_path)
    out = tmp_path / "declarations"
    result = run("declaration", "--all", "--db", db, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Wrote 1 declaration to {out}; 1 contest not declared (B102): Earlsfield. "
        "Each contest is listed in countdesk-index.csv.\n"
    )
    # Not a terminal: no progress bar, nothing on stderr.
    assert result.stderr == ""
    desk = CountDesk.open(db)
    kept = desk.kept_declarations(BATLEY)[0].pdf
    desk.close()
    assert (out / file_name(BATLEY, DocumentKind.DECLARATION)).read_bytes() == kept
    assert (out / INDEX_NAME).is_file()


def test_all_with_draft_and_election(tmp_path):
    db = _night(tmp_path)
    out = tmp_path / "drafts"
    result = run(
        "declaration",
        "--all",
        "--draft",
        "--election",
        "parl.2021-07-01",
        "--db",
        db,
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote 1 document to {out}.")


def test_all_without_a_folder_is_refused_plainly(tmp_path):
    db = _night(tmp_path)
    result = run("declaration", "--all", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: B106: --all needs a folder to write the documents in")
    assert "Traceback" not in result.output


def test_all_with_a_contest_is_refused_plainly(tmp_path):
    db = _night(tmp_path)
    result = run("declaration", BATLEY, "--all", "--db", db, "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "B106" in result.stderr and "takes no contest's ID" in result.stderr
    assert not (tmp_path / "out").exists()


def test_draft_without_all_is_refused_plainly(tmp_path):
    db = _night(tmp_path)
    result = run("declaration", BATLEY, "--draft", "--db", db, "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1
    assert "B106" in result.stderr and "go with --all" in result.stderr


def test_a_folder_that_cannot_be_made_is_named(tmp_path):
    db = _night(tmp_path)
    out = tmp_path / "missing" / "out"
    result = run("declaration", "--all", "--db", db, "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: B101: There is no folder {out.parent} to make out in, so nothing was written: "
        "create the folder or choose one that exists.\n"
    )


def test_an_unknown_election_is_refused_plainly(tmp_path):
    db = _night(tmp_path)
    result = run("declaration", "--all", "--election", "x.2020-01-01", "--db", db, "-o", "o")
    assert result.exit_code == 1
    assert "B103" in result.stderr and "x.2020-01-01" in result.stderr


def test_one_contest_still_needs_its_file(tmp_path):
    db = _night(tmp_path)
    result = run("declaration", BATLEY, "--db", db)
    assert result.exit_code == 2
    assert "Missing option '-o' / '--output'" in result.output
