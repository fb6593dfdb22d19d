"""Printing for people and for scripts: times, plurals, findings, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import click

#: A count's kind in words.
KIND_WORDS = {
    "count": "count",
    "recount": "full recount",
    "bundle_check": "bundle check",
    "correction": "correction",
}

#: A recount decision in words.
DECISION_WORDS = {"full": "full recount", "bundle_check": "bundle check", "refused": "refused"}


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, non-ASCII letters as they are."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def when(at: datetime | None) -> str:
    """A time in words for a sentence, local time: "02:14 on Friday 2 July 2021"."""
    if at is None:
        return "–"
    local = at.astimezone()
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def short(at: datetime) -> str:
    """A time for a table, local time: "02 Jul 02:14"."""
    return f"{at.astimezone():%d %b %H:%M}"


def as_datetime(at: datetime | str) -> datetime:
    """A stored time (``request_recount`` returns its row's times as ISO text)."""
    return datetime.fromisoformat(at) if isinstance(at, str) else at


def iso(at: datetime | None) -> str | None:
    """A time for JSON: ISO 8601, or None."""
    return None if at is None else at.isoformat()


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 box", "2 boxes"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def variance(value: int | None) -> str:
    """A variance with its sign: "+1", "-1", "0", or a dash when not yet counted."""
    if value is None:
        return "–"
    return f"{value:+,}" if value else "0"


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
