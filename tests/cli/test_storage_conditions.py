"""A database held by another program, a read-only one and a full disk, met by a command: one
plain sentence naming the file, a non-zero exit, no traceback, no "please report", nothing saved."""

from __future__ import annotations

import sqlite3
from functools import partial

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.services import desk as desk_module
from desktop.storage.database import Database, open_database
from tests.sample import BATLEY, BATLEY_CSV


@pytest.fixture
def db(db_path):
    result = CliRunner().invoke(cli, ["import", str(BATLEY_CSV), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return db_path


def _set_electorate(db) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["contest", BATLEY, "--electorate", "79,373", "--db", str(db)])
    return result.exit_code, result.output


def _plain(output: str, db) -> None:
    assert str(db) in output
    assert "Traceback" not in output and "report" not in output.lower()
    assert output.count("\n") == 1  # one sentence, on one line


def _electorate(db) -> int | None:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT electorate FROM contests").fetchone()[0]


def test_a_database_another_program_holds(db, monkeypatch):
    monkeypatch.setattr(desk_module, "open_database", partial(open_database, busy_timeout=0.1))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, output = _set_electorate(db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert output.startswith("Error: D901: Another program (perhaps another CountDesk window)")
    _plain(output, db)
    assert _electorate(db) is None


def test_a_read_only_database(db, monkeypatch):
    monkeypatch.setattr(desk_module, "open_database", partial(open_database, read_only=True))
    code, output = _set_electorate(db)
    assert code == 1 and output.startswith("Error: D902")
    _plain(output, db)
    assert _electorate(db) is None


def test_a_full_disk(db, monkeypatch, tmp_path):
    def full(path, **kwargs) -> Database:
        # SQLite refuses to grow the file past max_page_count with SQLITE_FULL, as on a full disk.
        opened = open_database(path, **kwargs)
        pages = opened.execute("PRAGMA page_count").fetchone()[0]
        opened.execute(f"PRAGMA max_page_count = {pages}")
        return opened

    monkeypatch.setattr(desk_module, "open_database", full)
    # More than the free space left in the file: 10 wards of 20 candidates with long names.
    header = BATLEY_CSV.read_text(encoding="utf-8").splitlines()[0]
    columns = header.split(",")
    lines = [header]
    for ward in range(10):
        for n in range(20):
            values = {
                "person_name": f"Candidate {'x' * 150} {ward} {n}",
                "election_id": "local.testshire.2026-05-07",
                "ballot_paper_id": f"local.testshire.ward-{ward}.2026-05-07",
                "election_date": "2026-05-07",
                "party_name": "Independent",
                "post_label": f"Ward {ward}",
                "seats_contested": "1",
            }
            lines.append(",".join(values.get(c, "") for c in columns))
    big = tmp_path / "big.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(big), "--db", str(db)])
    assert result.exit_code == 1 and result.output.startswith("Error: D903")
    assert "full" in result.output
    _plain(result.output, db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM contests").fetchone()[0] == 1
