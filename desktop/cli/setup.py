"""Setting up: import candidates, list the contests, show or set a contest's facts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from desktop.cli.options import db_option, json_option, open_desk, operator_option
from desktop.cli.output import echo_json
from desktop.cli.types import Figure
from desktop.domain.figures import format_figure
from desktop.domain.wording import plural
from desktop.domain.workflow import stage_label


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@operator_option()
def import_(file: Path, db_path: Path | None, operator: str) -> None:
    """Import candidates from a Democracy Club candidates CSV.

    On a terminal, an import that takes more than a second shows its progress; Ctrl+C cancels
    it and nothing of the file is imported.
    """
    desk = open_desk(db_path, create=True)
    with _import_progress() as (progress, cancelled):
        summary = desk.import_candidates(file, operator, progress=progress, cancelled=cancelled)
    click.echo(summary.describe())
    for election_id in summary.elections_created:
        click.echo(f"  election  {election_id}")
    created = set(summary.contests_created)
    by_id = {c.id: c for c in desk.contests() if c.id in created}
    for contest_id in summary.contests_created:
        contest = by_id[contest_id]
        n = summary.contest_candidates.get(contest_id, 0)
        click.echo(
            f"  contest   {contest_id}  {contest.area}, {plural(contest.seats, 'seat')}, "
            f"{n} candidates"
        )
    splits = summary.describe_splits()
    if splits:
        click.echo(splits[0])
        for line in splits[1:]:
            click.echo(f"  {line}")


@contextmanager
def _import_progress() -> Iterator[tuple[Callable[[int, int], None], Callable[[], bool]]]:
    """(progress, cancelled) for an import: a bar on stderr once it has taken a second, if
    stderr is a terminal; Ctrl+C heard as Cancel, so the import rolls back and says so."""
    import signal
    import sys
    import time

    stop: list[bool] = []
    started = time.monotonic()
    bars: list[Any] = []

    def progress(done: int, total: int) -> None:
        if not bars:
            if not sys.stderr.isatty() or time.monotonic() - started < 1.0:
                return
            bar = click.progressbar(length=total, label="Importing", file=sys.stderr)
            bars.append(bar.__enter__())
        bars[0].update(done - bars[0].pos)

    previous = signal.signal(signal.SIGINT, lambda *_: stop.append(True))
    try:
        yield progress, lambda: bool(stop)
    finally:
        signal.signal(signal.SIGINT, previous)
        if bars:
            bars[0].__exit__(None, None, None)


@click.command()
@db_option
@json_option
def contests(db_path: Path | None, as_json: bool) -> None:
    """List contests: id, area, seats, status."""
    desk = open_desk(db_path)
    rows: list[dict[str, Any]] = [
        {
            "id": c.id,
            "area": c.area,
            # A referendum has no seats: none is said (the store keeps one, a vote a paper).
            "seats": None if c.type.referendum else c.seats,
            "status": c.status.value,
            "stage": stage_label(c),
        }
        for c in desk.contests()
    ]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("No contests yet: import a candidates CSV with `countdesk-cli import FILE`.")
        return
    width = max(len(r["id"]) for r in rows)
    area_width = max(len(r["area"]) for r in rows)
    for r in rows:
        seats = "–" if r["seats"] is None else r["seats"]
        click.echo(f"{r['id']:<{width}}  {r['area']:<{area_width}}  {seats:>2}  {r['stage']}")


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--electorate",
    type=Figure("The electorate"),
    metavar="N",
    help="Electors on the register for this contest.",
)
@click.option(
    "--ballot-papers",
    type=Figure("Ballot papers verified"),
    metavar="N",
    help="Ballot papers verified.",
)
@click.option("--officer", help="The declaring officer's name.")
@click.option("--officer-title", help="e.g. Acting Returning Officer.")
@click.option("--address", help="Address for the imprint: Printed and published by …")
@click.option("--authority", help="The council at the head of the election's documents.")
@click.option(
    "--kind",
    help="Where deposit or wording differ within the type: parish, parish_unwarded (a parish "
    "with no wards), combined_authority or london (mayors); an empty value for the type itself.",
)
@click.option(
    "--entry",
    type=click.Choice(["double", "single"]),
    help="How counts are keyed: double (twice, by two operators: the default) or single (once, "
    "for a small count). Audited, and shown on the provisional sheet.",
)
@operator_option()
@json_option
def contest(
    contest_id: str,
    db_path: Path | None,
    electorate: int | None,
    ballot_papers: int | None,
    officer: str | None,
    officer_title: str | None,
    address: str | None,
    authority: str | None,
    kind: str | None,
    entry: str | None,
    operator: str,
    as_json: bool,
) -> None:
    """Show a contest's facts, or set them."""
    desk = open_desk(db_path)
    c = desk.contest(contest_id)
    if entry is not None:
        desk.set_entry_mode(contest_id, entry, operator)
    changes = (electorate, ballot_papers, officer, officer_title, address, authority, kind)
    if any(value is not None for value in changes):
        c = desk.set_contest_details(
            contest_id,
            operator,
            electorate=electorate,
            ballot_papers_verified=ballot_papers,
            officer_name=officer,
            officer_title=officer_title,
            imprint_address=address,
            authority=authority,
            kind=kind,
        )
    election = desk.election_of(c)
    etype = c.type
    facts: dict[str, Any] = {
        "id": c.id,
        "election": c.election_id,
        "election_title": election.title,
        "authority": election.authority,
        "area": c.area,
        "seats": c.seats,
        "kind": c.kind,
        "type": etype.name,
        "deposit_pounds": etype.deposit_pounds,
        "poll_date": c.poll_date.isoformat(),
        "status": c.status.value,
        "stage": stage_label(c),
        "role": c.role if c.type.counted_locally else None,
        "voting_area": c.voting_area or None,
        "entry": desk.entry_mode(contest_id).value,
        "electorate": c.electorate,
        "ballot_papers_verified": c.ballot_papers_verified,
        "officer": c.officer_name,
        "officer_title": c.officer_title_or_default,
        "address": c.imprint_address,
        "candidates": [x.display_name for x in desk.candidates(contest_id)],
    }
    if etype.referendum:
        # No seats, deposit or candidates: the question and its answers.
        for key in ("seats", "deposit_pounds", "candidates"):
            facts.pop(key)
        facts["question"] = c.question
        facts["answers"] = [x.display_name for x in desk.candidates(contest_id)]
    if as_json:
        echo_json(facts)
        return
    labels = [
        ("Contest", facts["id"]),
        ("Area", facts["area"]),
        ("Election", f"{facts['election_title']} ({facts['election']})"),
        ("Authority", facts["authority"] or "–"),
        ("Type", f"{etype.name}{f' ({c.kind})' if c.kind else ''}"),
        ("Deposit", "none" if etype.deposit_pounds is None else f"£{etype.deposit_pounds:,}"),
        ("Poll date", facts["poll_date"]),
        ("Seats", c.seats),
        ("Status", facts["status"]),
        ("Entry", desk.entry_mode(contest_id).words),
        ("Electorate", format_figure(c.electorate)),
        ("Ballot papers verified", format_figure(c.ballot_papers_verified)),
        ("Declaring officer", f"{c.officer_name or '–'}, {facts['officer_title']}"),
        ("Imprint address", c.imprint_address or "–"),
    ]
    if etype.referendum:
        labels = [(k, v) for k, v in labels if k not in ("Seats", "Deposit")]
        labels.insert(2, ("Question", c.question))
    for label, value in labels:
        click.echo(f"{label + ':':<24}{value}")
    if etype.referendum:
        click.echo("Answers, in the ballot paper's order:")
        for answer in facts["answers"]:
            click.echo(f"  {answer}")
        return
    click.echo(f"Candidates ({len(facts['candidates'])}, in ballot order):")
    for name in facts["candidates"]:
        click.echo(f"  {name}")


COMMANDS = (import_, contests, contest)
