"""Declaring the result, and correcting a declared result with its reason.

With -o the PDF's temporary file is reserved before anything is declared, so a folder that
cannot take it is refused while nothing has happened yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from desktop.cli.entry import count_figures, papers_counted
from desktop.cli.night import exit_blocked
from desktop.cli.options import count_options, db_option, open_desk, operator_option, output_option
from desktop.cli.output import elected_text
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.wording import when
from desktop.services.files import OutputFile, output_file, write_file


@contextmanager
def _maybe_output(output: Path | None) -> Iterator[OutputFile | None]:
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
    with _maybe_output(output) as out:
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


@click.command(short_help="Correct a declared result, with the reason.")
@click.argument("contest_id", metavar="ID")
@click.option(
    "--winner",
    "winners",
    multiple=True,
    help="Where the corrected figures make a new tie: on whom the lot fell.",
)
@db_option
@click.option("--reason", required=True, help="Why; printed on the corrected declaration.")
@click.option(
    "--officer",
    required=True,
    help="The declaring officer's name exactly as set for the contest: their confirmation.",
)
@operator_option(required=True)
@count_options("once per candidate: every figure, corrected or not")
@output_option("Also write the corrected declaration PDF to this file.")
def correct(
    contest_id: str,
    db_path: Path | None,
    reason: str,
    officer: str,
    operator: str,
    votes: tuple[tuple[str, str], ...],
    rejected: tuple[tuple[str, str], ...],
    valid_papers: str | None,
    output: Path | None,
    winners: tuple[str, ...],
) -> None:
    """Correct a declared result: a new, reasoned count and a corrected declaration.

    The first declaration and its count stay on record.
    """
    with _maybe_output(output) as out:
        desk = open_desk(db_path)
        by_id, by_key = count_figures(desk, contest_id, votes, rejected)
        pdf = desk.correct_declaration(
            contest_id,
            operator,
            votes=by_id,
            rejected=by_key,
            reason=reason,
            officer_confirmation=officer,
            lot_winners=[desk.candidate_by_name(contest_id, name).id for name in winners],
            valid_papers_counted=papers_counted(desk, contest_id, valid_papers),
        )
        kept = desk.kept_declarations(contest_id)
        latest = desk.latest_count(contest_id)
        area = desk.contest(contest_id).area
        done = f"The corrected declaration of {area} was made at {when(kept[-1].declared_at)}"
        click.echo(
            f"{done}: count {latest.number if latest else '?'} (correction) now stands. "
            f"Elected: {elected_text(desk.result(contest_id))}."
        )
        click.echo(
            f"The declaration made at {when(kept[0].declared_at)} and its count stay on "
            "record (see `countdesk-cli history`)."
        )
        if out is None:
            return
        write_file(out, pdf, done=done, again=_print_again(contest_id))
    click.echo(f"Corrected declaration written to {output}.")


COMMANDS = (declare, correct)
