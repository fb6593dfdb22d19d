"""Printing for people and for scripts: findings, JSON.

Times, plurals, variances and decisions are worded by ``desktop.domain.wording``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import click

from desktop.domain.figures import format_figure
from desktop.domain.result import ContestResult


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, non-ASCII letters as they are."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def iso(at: datetime | None) -> str | None:
    """A time for JSON: ISO 8601, or None."""
    return None if at is None else at.isoformat()


def echo_findings(findings: Iterable[Any]) -> None:
    """Every finding on its own line, or "All checks pass."."""
    shown = False
    for f in findings:
        click.echo(f"  {f.severity.value.upper():<7} {f.code}  {f.message}")
        shown = True
    if not shown:
        click.echo("All checks pass.")


def echo_blockers(blockers: Iterable[Any]) -> None:
    """Each blocking finding on its own line: code and message."""
    for f in blockers:
        click.echo(f"  {f.code}  {f.message}")


def elected_text(result: Any) -> str:
    """Who is elected, by display name; "(decided by lot)" where lots decided it."""
    names = [result.line(cid).candidate.display_name for cid in result.elected]
    text = "; ".join(names) or "no one"
    return text + (" (decided by lot)" if result.lots_applied else "")


def papers_line(res: ContestResult) -> str:
    """Several seats: the papers reconciliation, Q + R against P, in one line."""
    if res.recorded_before_papers_counted:
        return (
            "Valid ballot papers counted: not recorded (the count was recorded before they "
            "were asked for)"
        )
    if res.valid_papers_counted is None:
        return "Valid ballot papers counted: not entered"
    gap = res.papers_unaccounted
    tail = "" if gap is None else f"; unaccounted papers: {format_figure(gap)}"
    return (
        f"Valid ballot papers counted: {format_figure(res.valid_papers_counted)} (+ rejected "
        f"{format_figure(res.rejected_total)} = "
        f"{format_figure(res.valid_papers_counted + res.rejected_total)}{tail})"
    )
