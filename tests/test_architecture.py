"""The layering the architecture promises: checked on every test run, not by good intentions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed: run `uv sync`"
    return found


def test_import_contracts_hold():
    """ui → services → storage, reports → domain; only the window imports Qt (lint-imports)."""
    done = subprocess.run(
        [_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean():
    done = subprocess.run(
        [_tool("ruff"), "check", "--quiet", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean():
    """desktop/ and reports/ type-check (the settings are in pyproject.toml)."""
    done = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_everything_but_the_window_runs_with_qt_absent(tmp_path):
    """Like napari's Qt-free core: import every non-UI module and run a count with PySide6 blocked."""
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class NoQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("Qt is not available here")
                return None

        sys.meta_path.insert(0, NoQt())
        import desktop, reports
        for package in (desktop, reports):
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                if info.name.startswith(("desktop.ui", "desktop.app")):
                    continue
                importlib.import_module(info.name)

        from click.testing import CliRunner
        from desktop.cli import cli
        runner = CliRunner()
        db = sys.argv[1]
        assert runner.invoke(cli, ["import", sys.argv[2], "--db", db]).exit_code == 0
        out = runner.invoke(cli, ["contests", "--db", db])
        assert "Batley and Spen" in out.output, out.output
        assert "PySide6" not in sys.modules
        print("ok")
        """
    )
    csv = ROOT / "resources" / "demo" / "batley-and-spen-2021.csv"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "db.sqlite"), str(csv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("ok")
