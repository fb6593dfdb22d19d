"""The documentation cannot drift from the code: the findings table and the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.findings import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]


def test_findings_table_matches_the_catalogue():
    text = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| (error|warning|info) \| ([^|]+) \|", text, re.M)
    documented = {code: (severity, title.strip()) for code, severity, title in rows}
    expected = {e.code: (e.severity.value, e.title) for e in CATALOGUE.values()}
    assert documented == expected


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"countdesk-cli {name}" in readme, f"the README does not show `countdesk-cli {name}`"


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "uv run countdesk\nuv run pytest" in readme


def test_cli_help_runs():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output
