"""countdesk-cli backup, and the backup after each command that records something."""

from __future__ import annotations

from click.testing import CliRunner

from desktop.cli import cli
from desktop.services.backups import check_copy
from desktop.storage import backups as backup_files
from tests.sample import BATLEY, BATLEY_CSV


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_backup_to_a_folder_then_after_each_stage_change(tmp_path):
    db, usb = str(tmp_path / "night.sqlite"), tmp_path / "usb"
    usb.mkdir()
    assert _run("import", str(BATLEY_CSV), "--db", db).exit_code == 0
    refused = _run("backup", "--db", db)
    assert refused.exit_code == 1 and "D907" in refused.output
    made = _run("backup", "--db", db, "--to", str(usb), "--keep", "5", "--operator", "S")
    assert made.exit_code == 0, made.output
    assert "Backed up to" in made.output and "checked" in made.output
    advanced = _run("advance", BATLEY, "--db", db, "--to", "verification", "--operator", "S")
    assert advanced.exit_code == 0, advanced.output
    copies = backup_files.good_copies(usb, "night")
    assert len(copies) == 2 and all(check_copy(c.path) is None for c in copies)
    status = _run("backup", "--db", db, "--status")
    assert str(usb) in status.output and copies[-1].path.name in status.output


def test_a_pulled_stick_warns_but_the_command_succeeds(tmp_path):
    db, usb = str(tmp_path / "night.sqlite"), tmp_path / "usb"
    usb.mkdir()
    assert _run("import", str(BATLEY_CSV), "--db", db).exit_code == 0
    assert _run("backup", "--db", db, "--to", str(usb)).exit_code == 0
    for copy in usb.iterdir():
        copy.unlink()
    usb.rmdir()
    advanced = _run("advance", BATLEY, "--db", db, "--to", "verification", "--operator", "S")
    assert advanced.exit_code == 0
    assert "Warning: D904" in advanced.output and str(usb) in advanced.output
    assert "saved all the same" in advanced.output
    assert "Traceback" not in advanced.output
    shown = _run("status", BATLEY, "--db", db)
    assert "verification" in shown.output.lower()


def test_a_missing_folder_is_refused_and_not_chosen(tmp_path):
    db = str(tmp_path / "night.sqlite")
    assert _run("import", str(BATLEY_CSV), "--db", db).exit_code == 0
    refused = _run("backup", "--db", db, "--to", str(tmp_path / "no-such-stick"))
    assert refused.exit_code == 1 and "D904" in refused.output and "missing" in refused.output
    assert "No backup folder is chosen" in _run("backup", "--db", db, "--status").output
