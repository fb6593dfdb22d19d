"""Output files are written whole or not at all, and a file that cannot be written is one plain
sentence naming it, never a 0-byte file, a traceback or "please report this".

A full disk is simulated at the OS boundary: os.write raises ENOSPC after part of the file.
"""

from __future__ import annotations

import errno
import json
import os

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.errors import CountDeskError
from desktop.services.files import OutputFile, output_file, write_file
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

OFFICER = "Jacqui Gedman"


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
        assert "Traceback" not in result.output
        assert "please report this" not in result.output
        return result

    return invoke


def _count_args(**changes: int) -> list[str]:
    votes = {**BATLEY_VOTES, **{k.replace("_", " "): v for k, v in changes.items()}}
    args = [a for name, n in votes.items() for a in ("--votes", f"{name}={n}")]
    return args + [a for k, n in BATLEY_REJECTED.items() for a in ("--rejected", f"{k}={n}")]


@pytest.fixture
def provisional(run):
    """Batley and Spen with its count, at the provisional result (no verification boxes)."""
    assert run("import", str(BATLEY_CSV)).exit_code == 0
    facts = ["--electorate", "79,373", "--ballot-papers", "37,786", "--officer", OFFICER]
    facts += ["--authority", "Kirklees Council", "--address", "Town Hall, Huddersfield"]
    assert run("contest", BATLEY, *facts).exit_code == 0
    for step in ("verification", "count"):
        assert run("advance", BATLEY, "--to", step, "--operator", "S").exit_code == 0
    assert run("enter", BATLEY, "--operator", "Clerk", *_count_args()).exit_code == 0
    assert run("advance", BATLEY, "--to", "provisional", "--operator", "S").exit_code == 0
    return run


@pytest.fixture
def disk_full(monkeypatch):
    """os.write to any file but stdin/stdout/stderr writes 100 bytes, then the disk is full."""
    real_write = os.write
    written: dict[int, int] = {}

    def write(fd: int, data) -> int:
        if fd <= 2:
            return real_write(fd, data)
        if written.get(fd, 0) >= 100:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real_write(fd, bytes(data[: 100 - written.get(fd, 0)]))
        written[fd] = written.get(fd, 0) + n
        return n

    monkeypatch.setattr(os, "write", write)


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# -- the writer itself -------------------------------------------------------------------


def test_a_file_is_written_whole_with_the_usual_permissions(tmp_path):
    target = tmp_path / "out.pdf"
    with output_file(target) as out:
        write_file(out, b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_a_full_disk_leaves_no_file_and_says_so(tmp_path, disk_full):
    target = tmp_path / "out.pdf"
    with pytest.raises(CountDeskError) as refused, output_file(target) as out:
        write_file(out, b"x" * 1000)
    assert not target.exists()
    assert _leftovers(tmp_path) == []
    message = str(refused.value)
    assert str(target) in message and "the disk is full" in message
    assert "free some space" in message


def test_a_full_disk_leaves_an_earlier_file_of_that_name_as_it_was(tmp_path, disk_full):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the declaration printed before")
    with pytest.raises(CountDeskError), output_file(target) as out:
        write_file(out, b"x" * 1000)
    assert target.read_bytes() == b"the declaration printed before"
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def interrupted(fd: int, data) -> int:
        raise KeyboardInterrupt

    target = tmp_path / "out.pdf"
    with pytest.raises(KeyboardInterrupt), output_file(target) as out:
        monkeypatch.setattr(os, "write", interrupted)
        out.write(b"x")
    assert not target.exists() and _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "permission denied"),
        (errno.ENOSPC, "the disk is full"),
    ],
)
def test_a_folder_that_cannot_take_the_file_is_refused_before_anything_is_done(
    tmp_path, monkeypatch, err, words
):
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(CountDeskError) as refused, output_file(tmp_path / "out.pdf"):
        pytest.fail("the block must not run")
    assert words in str(refused.value) and "nothing was done" in str(refused.value)


def test_discard_is_safe_twice(tmp_path):
    out = OutputFile(tmp_path / "x.pdf")
    out.discard()
    out.discard()
    assert _leftovers(tmp_path) == []


# -- each command that writes a file -----------------------------------------------------


def _assert_plain_failure(result, target) -> str:
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert str(target) in result.stderr and "the disk is full" in result.stderr
    assert not target.exists()
    assert _leftovers(target.parent) == []
    return result.stderr


def test_declaration_on_a_full_disk(provisional, tmp_path, disk_full):
    target = tmp_path / "sheet.pdf"
    result = provisional("declaration", BATLEY, "--provisional", "-o", str(target))
    _assert_plain_failure(result, target)


def test_statement_on_a_full_disk(run, tmp_path, disk_full):
    assert run("import", str(BATLEY_CSV)).exit_code == 0
    assert run("advance", BATLEY, "--to", "verification", "--operator", "S").exit_code == 0
    assert run("verification", BATLEY, "--import", str(BOXES_CSV)).exit_code == 0
    target = tmp_path / "statement.pdf"
    _assert_plain_failure(run("statement", BATLEY, "-o", str(target)), target)


def test_export_on_a_full_disk(provisional, tmp_path, disk_full):
    target = tmp_path / "results.json"
    result = provisional("export", "--all", "--format", "json", "-o", str(target))
    _assert_plain_failure(result, target)


def test_export_writes_the_whole_file(provisional, tmp_path):
    target = tmp_path / "results.json"
    assert provisional("export", "--all", "--format", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["contests"][0]["majority"] == 323


def test_declare_on_a_full_disk_declares_and_says_how_to_print_it_again(
    provisional, tmp_path, disk_full
):
    target = tmp_path / "declaration.pdf"
    result = provisional(
        "declare", BATLEY, "--officer", OFFICER, "--operator", "S", "-o", str(target)
    )
    stderr = _assert_plain_failure(result, target)
    assert "Batley and Spen was declared at" in stderr
    assert f"countdesk-cli declaration {BATLEY} -o FILE.pdf" in stderr
    status = json.loads(provisional("status", BATLEY, "--json").output)
    assert status["status"] == "declared"  # the declaration itself stands, kept in the database


def test_record_error_on_a_full_disk(provisional, tmp_path, disk_full):
    assert provisional("declare", BATLEY, "--officer", OFFICER, "--operator", "S").exit_code == 0
    target = tmp_path / "memorandum.pdf"
    result = provisional(
        "record-error", BATLEY, "--found-by", "Deputy RO", "--reason", "A transcription slip",
        "--operator", "S", "--votes", "Andrew Smith=73", "--votes", "Anne Marie Waters=99",
        "-o", str(target),
    )  # fmt: skip
    stderr = _assert_plain_failure(result, target)
    assert "Error 1 found after the declaration of Batley and Spen was recorded" in stderr
    assert f"countdesk-cli memorandum {BATLEY} --number 1 -o FILE.pdf" in stderr


def test_a_folder_that_does_not_exist_is_refused_before_declaring(provisional, tmp_path):
    target = tmp_path / "missing" / "declaration.pdf"
    result = provisional(
        "declare", BATLEY, "--officer", OFFICER, "--operator", "S", "-o", str(target)
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: There is no folder {target.parent} to write declaration.pdf in, so nothing was "
        "done: create the folder or choose one that exists.\n"
    )
    assert json.loads(provisional("status", BATLEY, "--json").output)["status"] == "provisional"


# -- the group's plain errors ------------------------------------------------------------


def test_a_storage_refusal_is_printed_as_its_sentence(run, monkeypatch):
    """Storage turns a locked, read-only or full database into a CountDeskError: one line."""
    from desktop.services import CountDesk

    def locked(*args, **kwargs):
        raise CountDeskError(
            "The database night.sqlite is in use by another program: close it and try again."
        )

    monkeypatch.setattr(CountDesk, "open", classmethod(locked))
    result = run("contests")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: The database night.sqlite is in use by another program: close it and try again.\n"
    )


def test_an_unforeseen_file_error_is_one_plain_sentence(run, monkeypatch):
    from desktop.services import CountDesk

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/count/night.sqlite")

    monkeypatch.setattr(CountDesk, "open", classmethod(denied))
    result = run("contests")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: CountDesk could not work with /srv/count/night.sqlite")
    assert "permission denied" in result.stderr and result.stderr.count("\n") == 1


def test_a_closed_pipe_ends_quietly(run, monkeypatch):
    import click

    def closed(*args, **kwargs):
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    assert run("import", str(BATLEY_CSV)).exit_code == 0
    monkeypatch.setattr(click, "echo", closed)
    result = run("contests")
    assert result.exit_code == 1
    assert result.stderr == ""
