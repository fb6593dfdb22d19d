"""The results summary for the press: the previous election's result of a seat, and the
summary of a declared contest or of the election so far (PDF). Never the declaration."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.options import db_option, json_option, open_desk, operator_option, output_option
from desktop.cli.output import echo_json
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.services.files import output_file, write_file

if TYPE_CHECKING:
    from desktop.domain.press import PreviousResult


def _previous_data(previous: PreviousResult) -> dict[str, Any]:
    return {
        "contest": previous.contest_id,
        "election_id": previous.election_id,
        "ballot_id": previous.ballot_id,
        "poll_date": previous.poll_date.isoformat(),
        "seats": previous.seats,
        "source": previous.source,
        "valid_votes": previous.valid_votes,
        "candidates": [
            {
                "name": c.person_name,
                "party_id": c.party.party_id,
                "party_name": c.party.name,
                "votes": c.votes,
                "elected": c.elected,
            }
            for c in previous.candidates
        ],
    }


def _show(previous: PreviousResult) -> None:
    click.echo(
        f"Previous result: {previous.ballot_id} of {previous.poll_date.isoformat()} "
        f"({previous.seats} seat{'s' if previous.seats != 1 else ''}; from {previous.source}):"
    )
    width = max(len(c.person_name) for c in previous.candidates)
    for c in sorted(previous.candidates, key=lambda c: -c.votes):
        mark = "  elected" if c.elected else ""
        party = c.party.name or "(no description)"
        click.echo(f"  {c.person_name:<{width}}  {format_figure(c.votes):>9}  {party}{mark}")
    click.echo(f"  Votes: {format_figure(previous.valid_votes)}")


@click.command()
@click.argument("contest_id", metavar="ID")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--ballot",
    metavar="BALLOT_ID",
    help="The earlier ballot to take from FILE, where the seat was renamed (default: the one "
    "with the same area part of its id).",
)
@operator_option()
@json_option
def previous(
    contest_id: str,
    file: Path | None,
    db_path: Path | None,
    ballot: str | None,
    operator: str,
    as_json: bool,
) -> None:
    """Import the previous election's result for contest ID's seat from a Democracy Club
    results CSV (FILE), replacing any imported before; without FILE, show the one imported.

    It gives the results summary its change in share since the previous election; it is never
    on the declaration.
    """
    desk = open_desk(db_path)
    if file is None:
        if ballot is not None:
            raise CountDeskError("--ballot chooses a ballot of FILE: give the file too.")
        found = desk.press.previous(contest_id)
        if as_json:
            echo_json(None if found is None else _previous_data(found))
        elif found is None:
            click.echo(
                f"No previous result is imported for {desk.contest(contest_id).area}: import "
                f"one with `countdesk-cli previous {contest_id} FILE.csv`."
            )
        else:
            _show(found)
        return
    imported = desk.press.import_previous(contest_id, file, operator, ballot=ballot)
    if as_json:
        echo_json(_previous_data(imported))
        return
    _show(imported)
    click.echo(f"Imported as the previous result of {desk.contest(contest_id).area}.")


@click.command(short_help="Print the results summary for the press (PDF).")
@click.argument("contest_id", metavar="[ID]", required=False)
@db_option
@output_option("PDF file.", required=True)
@click.option(
    "--election",
    "election_id",
    metavar="ID",
    help="The election summary instead: every contest declared so far, seats won per party "
    "and gains.",
)
def summary(
    contest_id: str | None, db_path: Path | None, output: Path, election_id: str | None
) -> None:
    """Print the results summary of declared contest ID for the press to a PDF: shares, change
    since the previous election, majority, turnout, swing, gain or hold and a chart. With
    --election, the election summary. Neither is the declaration of result."""
    if (contest_id is None) == (election_id is None):
        raise CountDeskError(
            "Say which summary to print: a contest's (summary ID -o FILE.pdf) or the "
            "election's (summary --election ID -o FILE.pdf)."
        )
    with output_file(output) as out:
        desk = open_desk(db_path)
        if election_id is not None:
            overall = desk.press.election(election_id)
            write_file(out, desk.press.election_pdf(election_id))
            said = (
                f"Election summary ({overall.contests_declared} of "
                f"{overall.contests_total} contests declared)"
            )
        else:
            assert contest_id is not None
            press = desk.press.result(contest_id)
            write_file(out, desk.press.contest_pdf(contest_id))
            said = f"Results summary of {press.area}"
    click.echo(f"{said} written to {output}. It is not the declaration of result.")


COMMANDS = (previous, summary)
