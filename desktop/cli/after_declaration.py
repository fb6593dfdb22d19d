"""After the declaration: a declared result is final (DOMAIN.md §3, step 5).

``record-error`` records an error found after the declaration — who found it, the figures as
now found, the reason — and can print its memorandum; ``memorandum`` prints it again. Neither
makes a declaration: the declaration stands. ``correct``, which once printed a "corrected
declaration", now only refuses and says what to do instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from desktop.cli.declare import maybe_output
from desktop.cli.entry import count_figures
from desktop.cli.options import (
    REJECTED,
    VOTES,
    db_option,
    open_desk,
    operator_option,
    output_option,
)
from desktop.domain.after_declaration import ErrorFound, figure_differences
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.referendum import court_words
from desktop.domain.wording import signed, when
from desktop.services.files import output_file, write_file

if TYPE_CHECKING:
    from desktop.services import CountDesk


def _differences(desk: CountDesk, contest_id: str, error: ErrorFound) -> list[str]:
    """Each figure found to differ, in words: "SMITH, Andrew: 75 as declared, 73 as now found"."""
    contest = desk.contest(contest_id)
    names = {c.id: c.display_name for c in desk.candidates(contest_id)}
    declared = next(d for d in desk.kept_declarations(contest_id) if not d.is_legacy_correction)
    count = next(
        r.count for r in desk.history(contest_id).counts if r.count.id == declared.count_id
    )
    lines = []
    for d in figure_differences(count.figures, error.found):
        if not d.change:
            continue
        if d.kind == "votes":
            label = names.get(int(d.key), str(d.key))
        else:
            heading = contest.type.heading(str(d.key))
            label = f"Rejected ({heading.letter}) {heading.label.lower()}"
        lines.append(
            f"{label}: {d.declared:,} as declared, {d.found:,} as now found "
            f"({signed(d.change, minus='-')})"
        )
    return lines


def _again(contest_id: str, number: int) -> str:
    return f"print it with `countdesk-cli memorandum {contest_id} --number {number} -o FILE.pdf`"


@click.command("record-error", short_help="Record an error found after the declaration.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option("--found-by", required=True, help='Who found the error, e.g. "Deputy RO".')
@click.option("--reason", required=True, help="What was found, and how.")
@operator_option(required=True)
@click.option(
    "--votes",
    "votes",
    type=VOTES,
    multiple=True,
    help='"Person Name=FIGURE" as now found; a candidate not given is as declared.',
)
@click.option(
    "--rejected",
    "rejected",
    type=REJECTED,
    multiple=True,
    help="HEADING=FIGURE as now found; a heading not given is as declared.",
)
@output_option("Also write the memorandum (not a declaration) to this PDF file.")
def record_error(
    contest_id: str,
    db_path: Path | None,
    found_by: str,
    reason: str,
    operator: str,
    votes: tuple[tuple[str, str], ...],
    rejected: tuple[tuple[str, str], ...],
    output: Path | None,
) -> None:
    """Record an error found after the declaration: who found it, the figures as now found,
    the reason. The declaration stands: only an election court can change a declared result,
    and no second declaration is made."""
    with maybe_output(output) as out:
        desk = open_desk(db_path)
        by_id, by_key = count_figures(desk, contest_id, votes, rejected)
        error = desk.record_error_found(
            contest_id, operator, found_by=found_by, reason=reason, votes=by_id, rejected=by_key
        )
        number = len(desk.errors_found(contest_id))
        declared = next(d for d in desk.kept_declarations(contest_id) if not d.is_legacy_correction)
        area = desk.contest(contest_id).area
        done = f"Error {number} found after the declaration of {area} was recorded"
        click.echo(f"{done}, found by {error.found_by}:")
        for line in _differences(desk, contest_id, error):
            click.echo(f"  {line}")
        click.echo(
            f"The declaration made at {when(declared.declared_at)} stands unchanged: only "
            f"{court_words(desk.contest(contest_id))} can change a declared result."
        )
        if out is None:
            click.echo(f"To print the memorandum, {_again(contest_id, number)}.")
            return
        write_file(
            out,
            desk.memorandum_pdf(contest_id, error.id),
            done=done,
            again=_again(contest_id, number),
        )
    click.echo(f"Memorandum (not a declaration) written to {output}.")


@click.command(short_help="Print the memorandum of an error found after the declaration.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--number",
    type=click.IntRange(min=1),
    default=None,
    help="Which error recorded (1 is the first, as `history` lists them); default the latest.",
)
@output_option("PDF file.", required=True)
def memorandum(contest_id: str, db_path: Path | None, number: int | None, output: Path) -> None:
    """Print the memorandum of an error found after the declaration: it is not a declaration,
    and it says that the declaration stands."""
    with output_file(output) as out:
        desk = open_desk(db_path)
        recorded = desk.errors_found(contest_id)
        area = desk.contest(contest_id).area
        if not recorded:
            raise CountDeskError(
                f"No error found after the declaration is recorded for {area}, so there is no "
                f"memorandum to print (record one with `countdesk-cli record-error {contest_id}`)."
            )
        if number is not None and number > len(recorded):
            raise CountDeskError(
                f"{area} has {len(recorded)} error{'s' if len(recorded) != 1 else ''} recorded "
                f"after the declaration, so there is no number {number}: see "
                f"`countdesk-cli history {contest_id}`."
            )
        error = recorded[(number or len(recorded)) - 1]
        write_file(out, desk.memorandum_pdf(contest_id, error.id))
    click.echo(
        f"Memorandum of error {number or len(recorded)} found after the declaration of {area} "
        f"(not a declaration) written to {output}."
    )


@click.command(
    short_help="Refused: a declared result is final (see record-error).",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
)
@click.argument("contest_id", metavar="ID", required=False)
@click.argument("ignored", nargs=-1, type=click.UNPROCESSED)
def correct(contest_id: str | None, ignored: tuple[str, ...]) -> None:
    """No longer possible: once declared, a result is final and only an election court can
    change it. Record an error found after the declaration with `record-error` instead."""
    cid = contest_id or "ID"
    raise CountDeskError(
        "A declared result cannot be corrected: once declared it is final, and only an election "
        "court can change it, so CountDesk makes no corrected or second declaration and nothing "
        "was changed. Record what was found instead: `countdesk-cli record-error "
        f'{cid} --found-by NAME --reason "WHAT WAS FOUND" --operator NAME '
        '--votes "Person Name=FIGURE" ...`, which keeps the declaration and can print a '
        "memorandum for the Returning Officer's legal adviser.",
        Code.S802,
    )


COMMANDS = (record_error, memorandum, correct)
