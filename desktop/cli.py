"""countdesk-cli: the count from a terminal or a script, over the same services as the window.

Every command takes ``--db PATH`` (default: the app's database in the user's data directory).
Errors go to stderr as one plain sentence with a non-zero exit; never a traceback.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, format_figure, format_percent, parse_figure
from desktop.services import CountDesk
from desktop.storage.database import default_database_path

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns any refusal or unexpected failure into one plain line on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CountDeskError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as exc:
            click.echo(f"Error: {exc.strerror or exc} ({exc.filename or 'file'}).", err=True)
            ctx.exit(1)
        except Exception as exc:  # a bug: still no traceback in front of a user
            click.echo(
                f"Error: CountDesk could not finish this command ({type(exc).__name__}: {exc}). "
                "Nothing further was saved; please report this.",
                err=True,
            )
            ctx.exit(70)


def _db_option(func: F) -> F:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The CountDesk database file (default: the app's database).",
    )(func)


def _operator_option(required: bool = False) -> Callable[[F], F]:
    if required:
        return click.option(
            "--operator", required=True, help="Who is making this change, for the audit log."
        )
    return click.option(
        "--operator",
        default=getpass.getuser,
        show_default="your login name",
        help="Who is making this change, for the audit log.",
    )


def _open(db_path: Path | None) -> CountDesk:
    return CountDesk.open(db_path or default_database_path())


def _figure(text: str, what: str) -> int:
    try:
        return parse_figure(text, what=what)
    except FigureProblem as exc:
        raise CountDeskError(exc.message, exc.code) from None


def _pair(text: str, option: str) -> tuple[str, str]:
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise CountDeskError(
            f"{option} “{text}” is not of the form NAME=FIGURE, e.g. {option} "
            + ('"Kim Leadbeater=13296"' if option == "--votes" else "official_mark=12")
            + "."
        )
    return name.strip(), value


@click.group(cls=_Group)
@click.version_option(package_name="countdesk")
def cli() -> None:
    """CountDesk: enter the count, check the arithmetic, print the declaration."""


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_db_option
@_operator_option()
def import_(file: Path, db_path: Path | None, operator: str) -> None:
    """Import candidates from a Democracy Club candidates CSV."""
    desk = _open(db_path)
    summary = desk.import_candidates(file, operator)
    click.echo(summary.describe())
    for election_id in summary.elections_created:
        click.echo(f"  election  {election_id}")
    for contest_id in summary.contests_created:
        contest = desk.contest(contest_id)
        n = len(desk.candidates(contest_id))
        click.echo(
            f"  contest   {contest_id}  {contest.area}, {contest.seats} seat"
            f"{'s' if contest.seats != 1 else ''}, {n} candidates"
        )


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def contests(db_path: Path | None, as_json: bool) -> None:
    """List contests: id, area, seats, status."""
    desk = _open(db_path)
    rows = [
        {"id": c.id, "area": c.area, "seats": c.seats, "status": c.status.value}
        for c in desk.contests()
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No contests yet: import a candidates CSV with `countdesk-cli import FILE`.")
        return
    width = max(len(r["id"]) for r in rows)
    area_width = max(len(r["area"]) for r in rows)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['area']:<{area_width}}  {r['seats']:>2}  {r['status']}")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--electorate", help="Electors on the register for this contest.")
@click.option("--ballot-papers", help="Ballot papers verified.")
@click.option("--officer", help="The declaring officer's name.")
@click.option("--officer-title", help="e.g. Acting Returning Officer.")
@click.option("--address", help="Address for the imprint: Printed and published by …")
@click.option("--authority", help="The council at the head of the election's documents.")
@_operator_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def contest(
    contest_id: str,
    db_path: Path | None,
    electorate: str | None,
    ballot_papers: str | None,
    officer: str | None,
    officer_title: str | None,
    address: str | None,
    authority: str | None,
    operator: str,
    as_json: bool,
) -> None:
    """Show a contest's facts, or set them."""
    desk = _open(db_path)
    c = desk.contest(contest_id)
    electorate_n = None if electorate is None else _figure(electorate, "The electorate")
    papers_n = None if ballot_papers is None else _figure(ballot_papers, "Ballot papers verified")
    with desk.store.transaction():
        c = desk.set_contest_facts(
            contest_id,
            operator,
            electorate=electorate_n,
            ballot_papers_verified=papers_n,
            officer_name=officer,
            officer_title=officer_title,
            imprint_address=address,
        )
        if authority is not None:
            desk.set_election_authority(c.election_id, authority, operator)
    election = desk.election_of(c)
    facts = {
        "id": c.id,
        "election": c.election_id,
        "election_title": election.title,
        "authority": election.authority,
        "area": c.area,
        "seats": c.seats,
        "poll_date": c.poll_date.isoformat(),
        "status": c.status.value,
        "electorate": c.electorate,
        "ballot_papers_verified": c.ballot_papers_verified,
        "officer": c.officer_name,
        "officer_title": c.officer_title_or_default,
        "address": c.imprint_address,
        "candidates": [x.display_name for x in desk.candidates(contest_id)],
    }
    if as_json:
        click.echo(json.dumps(facts, indent=2, ensure_ascii=False))
        return
    labels = [
        ("Contest", facts["id"]),
        ("Area", facts["area"]),
        ("Election", f"{facts['election_title']} ({facts['election']})"),
        ("Authority", facts["authority"] or "–"),
        ("Poll date", facts["poll_date"]),
        ("Seats", facts["seats"]),
        ("Status", facts["status"]),
        ("Electorate", format_figure(c.electorate)),
        ("Ballot papers verified", format_figure(c.ballot_papers_verified)),
        ("Declaring officer", f"{c.officer_name or '–'}, {facts['officer_title']}"),
        ("Imprint address", c.imprint_address or "–"),
    ]
    for label, value in labels:
        click.echo(f"{label + ':':<24}{value}")
    click.echo(f"Candidates ({len(facts['candidates'])}, in ballot order):")
    for name in facts["candidates"]:
        click.echo(f"  {name}")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@_operator_option(required=True)
@click.option(
    "--votes",
    "votes",
    multiple=True,
    required=True,
    help='"Person Name=FIGURE", once per candidate.',
)
@click.option(
    "--rejected", "rejected", multiple=True, help="HEADING=FIGURE; headings not given are 0."
)
def enter(
    contest_id: str,
    db_path: Path | None,
    operator: str,
    votes: tuple[str, ...],
    rejected: tuple[str, ...],
) -> None:
    """Record a count: every candidate's votes and the rejected papers by heading."""
    desk = _open(db_path)
    contest = desk.contest(contest_id)
    by_id: dict[int, int] = {}
    for text in votes:
        name, value = _pair(text, "--votes")
        candidate = desk.candidate_by_name(contest_id, name)
        if candidate.id in by_id:
            raise CountDeskError(
                f"{candidate.person_name} is given twice: give each candidate once."
            )
        by_id[candidate.id] = _figure(value, f"Votes for {candidate.display_name}")
    by_key: dict[str, int] = {}
    for text in rejected:
        key, value = _pair(text, "--rejected")
        heading = contest.type.heading(key)
        by_key[heading.key] = _figure(value, f"Rejected papers “{heading.label.lower()}”")
    stored = desk.record_count(contest_id, by_id, by_key, operator)
    result = desk.result(contest_id)
    click.echo(
        f"Recorded count {stored.number} for {contest.area}: valid votes "
        f"{format_figure(result.valid_votes)}, rejected {format_figure(result.rejected_total)}."
    )
    _echo_findings(result.findings)


def _echo_findings(findings: Any) -> None:
    if not findings:
        click.echo("All checks pass.")
    for f in findings:
        click.echo(f"  {f.severity.value.upper():<7} {f.code}  {f.message}")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--winner", "winners", multiple=True, required=True, help="On whom the lot fell.")
@click.option("--method", default="", help="How the lots were drawn.")
@click.option("--witnesses", default="", help="Who witnessed the drawing.")
@_operator_option()
def lots(
    contest_id: str,
    db_path: Path | None,
    winners: tuple[str, ...],
    method: str,
    witnesses: str,
    operator: str,
) -> None:
    """Record on whom the lot fell where a tie decides the result."""
    desk = _open(db_path)
    ids = [desk.candidate_by_name(contest_id, name).id for name in winners]
    result = desk.record_lots(contest_id, ids, operator, method, witnesses)
    names = ", ".join(result.line(i).candidate.display_name for i in ids)
    click.echo(f"Recorded: the lot fell on {names}, treated as having one additional vote.")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def result(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Show the computed result of the count that stands, with every finding."""
    desk = _open(db_path)
    data = desk.result_data(contest_id)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    res = desk.result(contest_id)
    c = res.contest
    click.echo(f"{c.area} ({c.id}), {c.seats} seat{'s' if c.seats != 1 else ''}")
    name_width = max((len(line.candidate.display_name) for line in res.candidates), default=10)
    for line in res.candidates:
        mark = "Elected" if line.elected else ""
        deposit = {True: "", False: "deposit forfeited", None: ""}[line.deposit_kept]
        lot = " (+1 by lot)" if line.lot_vote else ""
        click.echo(
            f"  {line.candidate.display_name:<{name_width}}  {format_figure(line.votes):>9}{lot}"
            f"  {format_percent(line.share):>6}%  {mark:<7}  {deposit}".rstrip()
        )
    click.echo(f"Valid votes: {format_figure(res.valid_votes)}")
    for heading in c.type.headings:
        click.echo(
            f"Rejected ({heading.letter}) {heading.label}: {format_figure(res.rejected[heading.key])}"
        )
    click.echo(f"Rejected total: {format_figure(res.rejected_total)}")
    click.echo(f"Ballot papers verified: {format_figure(res.ballot_papers_verified)}")
    if c.seats == 1:
        click.echo(f"Unaccounted papers: {format_figure(res.unaccounted)}")
    click.echo(f"Electorate: {format_figure(c.electorate)}")
    click.echo(f"Turnout (papers verified ÷ electorate): {format_percent(res.turnout)}%")
    word = "Majority" if c.seats == 1 else "Margin"
    click.echo(f"{word}: {format_figure(res.majority)} ({format_percent(res.majority_share)}%)")
    _echo_findings(res.findings)


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="PDF file.",
)
@click.option("--provisional", is_flag=True, help="Print the provisional sheet, watermarked.")
def declaration(contest_id: str, db_path: Path | None, output: Path, provisional: bool) -> None:
    """Print the declaration of result (or the provisional sheet) to a PDF file."""
    desk = _open(db_path)
    result = desk.result(contest_id)
    if result.errors and not provisional:
        click.echo(
            f"Error: the declaration of {result.contest.area} cannot be printed while "
            f"{'this error stands' if len(result.errors) == 1 else 'these errors stand'} "
            "(the provisional sheet can be printed with --provisional):",
            err=True,
        )
        for f in result.errors:
            click.echo(f"  {f.code}  {f.message}", err=True)
        sys.exit(1)
    pdf = desk.declaration_pdf(contest_id, provisional=provisional)
    output.write_bytes(pdf)
    kind = "Provisional result sheet" if provisional else "Declaration of result"
    click.echo(f"{kind} written to {output}.")


@cli.command()
@click.argument("contest_id", metavar="ID", required=False)
@click.option("--all", "all_contests", is_flag=True, help="Export every contest.")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File."
)
def export(
    contest_id: str | None, all_contests: bool, db_path: Path | None, fmt: str, output: Path
) -> None:
    """Export the result of one contest, or of --all, as CSV or JSON."""
    if bool(contest_id) == all_contests:
        raise CountDeskError("Give one contest ID, or --all, to say what to export.")
    desk = _open(db_path)
    ids = [c.id for c in desk.contests()] if all_contests else [desk.contest(contest_id or "").id]
    output.write_text(desk.export(ids, fmt), encoding="utf-8")
    click.echo(f"Exported {len(ids)} contest{'s' if len(ids) != 1 else ''} to {output}.")


def main() -> None:
    """Entry point of ``countdesk-cli``."""
    cli(prog_name="countdesk-cli")
