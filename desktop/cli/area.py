"""Local counts and the area result (Police and Crime Commissioner, combined authority mayor).

``local-totals`` shows, names and writes a voting area's local totals; ``send`` sends them (the
local count's last step, in place of ``declare``); ``area setup|add|status`` is the police area
or combined authority returning officer's side: the voting areas listed, each one's local totals
imported, and which are in and which awaited. The area result is then declared with ``declare``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from desktop.cli.declare import maybe_output
from desktop.cli.night import exit_blocked
from desktop.cli.options import db_option, json_option, open_desk, operator_option, output_option
from desktop.cli.output import echo_findings, echo_json, iso
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.model import Status
from desktop.domain.wording import when
from desktop.services.files import write_file
from desktop.services.local_totals_files import read_totals_file

if TYPE_CHECKING:
    from desktop.domain.local_totals import LocalTotals
    from desktop.services import CountDesk
    from desktop.services.area import AreaStatus


def _totals_lines(totals: LocalTotals) -> list[str]:
    lines = [f"{c.ballot_name:<32} {format_figure(c.votes):>10}" for c in totals.candidates]
    lines.append(f"{'Valid votes':<32} {format_figure(totals.valid_votes):>10}")
    lines += [f"{'Rejected: ' + key:<32} {format_figure(n):>10}" for key, n in totals.rejected]
    lines.append(f"{'Rejected, total':<32} {format_figure(totals.rejected_total):>10}")
    lines.append(
        f"{'Ballot papers verified':<32} {format_figure(totals.ballot_papers_verified):>10}"
    )
    lines.append(f"{'Electorate':<32} {format_figure(totals.electorate):>10}")
    return lines


def _file_bytes(desk: CountDesk, contest_id: str, fmt: str) -> bytes:
    if fmt == "pdf":
        return desk.local_totals.statement_pdf(contest_id, desk.today())
    return desk.local_totals.file_text(contest_id, fmt).encode("utf-8")


def _write(desk: CountDesk, contest_id: str, output: Path, fmt: str) -> None:
    data = _file_bytes(desk, contest_id, fmt)
    with maybe_output(output) as out:
        assert out is not None
        write_file(out, data)


@click.command("local-totals", short_help="A local count's local totals: show, name, write.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option("--voting-area", help="Name the local count's voting area (e.g. Kirklees).")
@operator_option()
@output_option("Write the local totals to this file (JSON, CSV or the statement's PDF).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "pdf"]),
    default="json",
    show_default=True,
    help="The file written with -o: json or csv (the figures sent), pdf (the statement).",
)
@json_option
def local_totals(
    contest_id: str,
    db_path: Path | None,
    voting_area: str | None,
    operator: str,
    output: Path | None,
    fmt: str,
    as_json: bool,
) -> None:
    """A voting area's local totals (Police and Crime Commissioner, combined authority mayor)."""
    desk = open_desk(db_path)
    if voting_area is not None:
        contest = desk.local_totals.set_voting_area(contest_id, voting_area, operator)
        click.echo(f"{contest.area}: the voting area of this local count is {contest.voting_area}.")
        if output is None:
            return
    if output is not None:
        _write(desk, contest_id, output, fmt)
        what = "statement of local totals" if fmt == "pdf" else f"local totals ({fmt.upper()})"
        click.echo(f"The {what} written to {output}.")
        return
    totals = desk.local_totals.totals(contest_id)
    sent = desk.local_totals.sent(contest_id)
    if as_json:
        echo_json(
            {
                "contest": contest_id,
                "voting_area": totals.voting_area,
                "sent_at": iso(sent.sent_at) if sent else None,
                "candidates": {c.ballot_name: c.votes for c in totals.candidates},
                "valid_votes": totals.valid_votes,
                "rejected": dict(totals.rejected),
                "rejected_total": totals.rejected_total,
                "ballot_papers_verified": totals.ballot_papers_verified,
                "electorate": totals.electorate,
            }
        )
        return
    area = totals.voting_area or "(voting area not named)"
    state = f"sent at {when(sent.sent_at)}" if sent else "not sent yet"
    click.echo(f"{totals.contest_area}: local totals of {area}, {state}")
    for line in _totals_lines(totals):
        click.echo(f"  {line}")


@click.command(short_help="Send a local count's local totals: lock them, keep the statement.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--officer",
    required=True,
    help="The local returning officer's name exactly as set for the contest: their confirmation.",
)
@operator_option(required=True)
@output_option("Also write the local totals to this file for the area's returning officer.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "pdf"]),
    default="json",
    show_default=True,
    help="The file written with -o.",
)
def send(
    contest_id: str,
    db_path: Path | None,
    officer: str,
    operator: str,
    output: Path | None,
    fmt: str,
) -> None:
    """Send the local totals of a local count (in place of declaring): stamps the time, locks
    the figures, keeps the statement and the figures sent."""
    # The file's folder is checked before anything is sent, as `declare -o` does.
    with maybe_output(output) as out:
        desk = open_desk(db_path)
        try:
            sent = desk.local_totals.send(contest_id, operator, officer)
        except CountDeskError as exc:
            if desk.contest(contest_id).status is Status.PROVISIONAL:
                exit_blocked(desk, contest_id, exc, Status.DECLARED)
            raise
        contest = desk.contest(contest_id)
        done = (
            f"{contest.area}: the local totals of {contest.voting_area} were sent at "
            f"{when(sent.sent_at)}"
        )
        click.echo(f"{done}. Its figures are now locked; the statement is kept as printed.")
        if out is None:
            click.echo(
                "Write them for the area's returning officer with `countdesk-cli local-totals "
                f"{contest_id} -o FILE.json`."
            )
            return
        again = f"write them again with `countdesk-cli local-totals {contest_id} -o FILE`"
        write_file(out, _file_bytes(desk, contest_id, fmt), done=done, again=again)
    click.echo(f"Local totals written to {output}.")


@click.group(short_help="The area result: voting areas' local totals imported and added up.")
@db_option
def area(db_path: Path | None) -> None:
    """The police area (or combined authority) returning officer's adding up of local totals."""


def _echo_status(status: AreaStatus, as_json: bool) -> None:
    if as_json:
        echo_json(
            {
                "contest": status.contest.id,
                "voting_areas": [
                    {
                        "name": a.name,
                        "in": a.is_in,
                        "imported_at": iso(a.imported_at),
                        "ballot_papers_verified": a.totals.ballot_papers_verified
                        if a.totals
                        else None,
                        "valid_votes": a.totals.valid_votes if a.totals else None,
                    }
                    for a in status.areas
                ],
                "awaited": list(status.awaited),
                "added_up": status.added_up,
                "findings": [f.as_dict() for f in status.findings],
            }
        )
        return
    contest = status.contest
    click.echo(f"{contest.area} ({contest.id}): {len(status.received)} of {len(status.areas)} in")
    for a in status.areas:
        if a.totals is None:
            click.echo(f"  {a.name:<24} awaited")
        else:
            click.echo(
                f"  {a.name:<24} in at {when(a.imported_at)}: valid votes "
                f"{format_figure(a.totals.valid_votes)}, ballot papers verified "
                f"{format_figure(a.totals.ballot_papers_verified)}"
            )
    if status.added_up:
        click.echo(
            "Every voting area is in: their sum is the count (see `countdesk-cli result`); "
            f"advance to the provisional result and `countdesk-cli declare {contest.id}`."
        )
    echo_findings(status.findings)


@area.command("setup", short_help="Make a contest the area result and list its voting areas.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--voting-area",
    "voting_areas",
    multiple=True,
    required=True,
    help="A voting area of the police area or combined authority (once each, in order).",
)
@operator_option(required=True)
@json_option
def area_setup(
    contest_id: str,
    db_path: Path | None,
    voting_areas: tuple[str, ...],
    operator: str,
    as_json: bool,
) -> None:
    """Make the contest the area result, listing its voting areas (before any is imported)."""
    desk = open_desk(db_path)
    _echo_status(desk.area.setup(contest_id, voting_areas, operator), as_json)


@area.command("add", short_help="Import voting areas' local totals files (JSON or CSV).")
@click.argument("contest_id", metavar="ID")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@operator_option(required=True)
@json_option
def area_add(
    contest_id: str, files: tuple[Path, ...], db_path: Path | None, operator: str, as_json: bool
) -> None:
    """Import each voting area's local totals file; once every one is in, they are added up."""
    desk = open_desk(db_path)
    status = None
    for path in files:
        status = desk.area.add(contest_id, read_totals_file(path), path.name, operator)
    assert status is not None
    _echo_status(status, as_json)


@area.command("status", short_help="Which voting areas' local totals are in and awaited.")
@click.argument("contest_id", metavar="ID")
@db_option
@json_option
def area_status(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Which voting areas' local totals are in, which are awaited."""
    _echo_status(open_desk(db_path).area.status(contest_id), as_json)


COMMANDS = (local_totals, send, area)
