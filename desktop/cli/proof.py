"""Proof: ``verify`` checks that the database is as CountDesk wrote it."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.options import db_option, open_desk


@click.command("verify")
@db_option
@click.option(
    "--ref",
    default="",
    metavar="REF",
    help='The "Record ref." printed in a document\'s footer: say whether the database still '
    "has the record that document was printed from.",
)
def verify(db_path: Path | None, ref: str) -> None:
    """Check the whole database against its audit chain; exit 1 with a list of what is wrong.

    Every audit row is checked against the one before it, and every data row against what the
    audit rows say CountDesk wrote: a figure, a name, a status, a kept PDF changed, added or
    removed by another program is named here, with its contest and row.
    """
    desk = open_desk(db_path, warn=False)
    try:
        verdict = desk.verify(ref)
    finally:
        desk.close()
    if ref and verdict.ref_row is not None:
        since = f"; {verdict.later} later audit rows since" if verdict.later else ""
        click.echo(
            f"Record ref. {ref} is the record as it stood at audit row {verdict.ref_row} "
            f"({verdict.ref_at}){since}."
        )
    if verdict.intact:
        click.echo(
            f"Intact: {verdict.audit_rows} audit rows and {verdict.data_rows} data rows are as "
            f"CountDesk wrote them. Record ref. {verdict.head[:12]}."
        )
        if ref:
            click.echo(f"The database still has the record behind Record ref. {ref}.")
        return
    click.echo(
        f"This database was changed outside CountDesk: {len(verdict.problems)} "
        f"thing{'s' if len(verdict.problems) != 1 else ''} found.",
        err=True,
    )
    for problem in verdict.problems:
        click.echo(f"- {problem}", err=True)
    click.echo(
        "Tell the Returning Officer: nothing that depends on these rows can be vouched for. "
        "CountDesk will not declare from this database.",
        err=True,
    )
    raise SystemExit(1)


COMMANDS = [verify]
