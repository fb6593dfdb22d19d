"""Declaring the result (after which it is final: see ``desktop.cli.after_declaration``).

With -o the PDF's temporary file is reserved before anything is declared, so a folder that
cannot take it is refused while nothing has happened yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from desktop.cli.night import exit_blocked
from desktop.cli.options import db_option, open_desk, operator_option, output_option
from desktop.cli.output import elected_text
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.wording import when
from desktop.services.files import OutputFile, output_file, write_file


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
        try:
            pdf = desk.declare(contest_id, operator, officer)
        except CountDeskError as exc:
            if desk.contest(contest_id).status is Status.PROVISIONAL:
                exit_blocked(desk, contest_id, exc, Status.DECLARED)
            raise
        report = desk.status(contest_id)
        area = report.contest.area
        done = f"{area} was declared at {when(report.declared_at)}"
        click.echo(f"{done}. Elected: {elected_text(desk.result(contest_id))}.")
        click.echo("Its figures are now locked; the declaration is kept as printed.")
        if out is None:
            click.echo(f"Print it with `countdesk-cli declaration {contest_id} -o FILE.pdf`.")
            return
        write_file(out, pdf, done=done, again=_print_again(contest_id))
    click.echo(f"Declaration of result written to {output}.")


COMMANDS = (declare,)
