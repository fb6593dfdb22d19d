"""Declaring the result (after which it is final: see ``desktop.cli.after_declaration``).

With -o the PDF's temporary file is reserved before anything is declared, so a folder that
cannot take it is refused while nothing has happened yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from desktop.cli.night import exit_blocked
from desktop.cli.options import db_option, open_desk, operator_option, output_option
from desktop.cli.output import elected_text
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.referendum import result_sentence
from desktop.domain.wording import plural, when
from desktop.services.files import OutputFile, output_file, write_file

if TYPE_CHECKING:
    from desktop.services import CountDesk


@contextmanager
def maybe_output(output: Path | None) -> Iterator[OutputFile | None]:
    """The reserved output file, or None without -o."""
    if output is None:
        yield None
        return
    with output_file(output) as out:
        yield out


def _print_again(contest_id: str) -> str:
    return f"print it again with `countdesk-cli declaration {contest_id} -o FILE.pdf`"


@click.command(short_help="Declare the result: lock it, keep the PDF.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--officer",
    required=True,
    help="The declaring officer's name exactly as set for the contest: their confirmation.",
)
@operator_option(required=True)
@output_option("Also write the declaration PDF to this file.")
def declare(
    contest_id: str, db_path: Path | None, officer: str, operator: str, output: Path | None
) -> None:
    """Declare the provisional result: stamps the time, locks the figures, keeps the PDF."""
    with maybe_output(output) as out:
        desk = open_desk(db_path)
        uncontested = desk.is_uncontested(contest_id)
        try:
            pdf = desk.declare(contest_id, operator, officer)
        except CountDeskError as exc:
            if uncontested or desk.contest(contest_id).status is Status.PROVISIONAL:
                exit_blocked(desk, contest_id, exc, Status.DECLARED)
            raise
        report = desk.status(contest_id)
        area = report.contest.area
        if uncontested:
            _declared_uncontested(desk, contest_id, out, pdf)
            return
        done = f"{area} was declared at {when(report.declared_at)}"
        declared = desk.result(contest_id)
        if declared.contest.type.referendum:
            click.echo(f"{done}. {result_sentence(declared)}")
        else:
            click.echo(f"{done}. Elected: {elected_text(declared)}.")
        click.echo("Its figures are now locked; the declaration is kept as printed.")
        if out is None:
            click.echo(f"Print it with `countdesk-cli declaration {contest_id} -o FILE.pdf`.")
            return
        write_file(out, pdf, done=done, again=_print_again(contest_id))
    click.echo(f"Declaration of result written to {output}.")


def _declared_uncontested(
    desk: CountDesk, contest_id: str, out: OutputFile | None, pdf: bytes
) -> None:
    """What declaring an uncontested contest's candidates duly elected says, and the notice."""
    report = desk.status(contest_id)
    contest = report.contest
    names = [c.display_name for c in desk.candidates(contest_id)]
    unfilled = contest.seats - len(names)
    done = (
        f"{contest.area} (uncontested, no poll): declared duly elected at "
        f"{when(report.declared_at)}"
    )
    click.echo(f"{done}: {'; '.join(names)}.")
    if unfilled:
        click.echo(
            f"{plural(unfilled, 'seat')} {'remains' if unfilled == 1 else 'remain'} unfilled."
        )
    click.echo("The contest is now locked; the notice of uncontested election is kept as printed.")
    if out is None:
        click.echo(f"Print it with `countdesk-cli declaration {contest_id} -o FILE.pdf`.")
        return
    write_file(out, pdf, done=done, again=_print_again(contest_id))
    click.echo(f"Notice of uncontested election written to {out.path}.")


COMMANDS = (declare,)
