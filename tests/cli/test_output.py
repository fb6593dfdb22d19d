"""What the command line prints reaches a file or a pipe whatever the system's code page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from desktop.cli import cli
from tests.sample import WARD, WARD_CSV

ROOT = Path(__file__).resolve().parents[2]


def test_names_outside_the_code_page_reach_a_redirected_file_as_utf8(db_path):
    """As on Windows, where output into a file or pipe is cp1252, which has no ŷ and no Ł."""
    assert CliRunner().invoke(cli, ["import", str(WARD_CSV), "--db", str(db_path)]).exit_code == 0
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "contest", WARD, "--json", "--db", str(db_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    candidates = json.loads(done.stdout.decode("utf-8"))["candidates"]
    assert "ELM, Llŷr" in candidates and "FIR, Łukasz" in candidates
