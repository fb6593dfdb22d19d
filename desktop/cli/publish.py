"""Results out: the results web pages for the council's website."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.options import db_option, open_desk


@click.command()
@click.option("--election", "election_id", metavar="ID", help="The election to publish.")
@db_option
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder for the pages (created if its parent exists).",
)
def publish(election_id: str | None, db_path: Path | None, folder: Path) -> None:
    """Write the election's results web pages (index, one page per contest, the declarations)."""
    desk = open_desk(db_path)
    done = desk.publishing.publish(election_id, folder)
    awaited = done.contests - done.declared
    click.echo(
        f"Published {done.declared} declared result{'s' if done.declared != 1 else ''}"
        f"{f' and {awaited} awaited' if awaited else ''} ({done.pdfs} declaration PDF"
        f"{'s' if done.pdfs != 1 else ''}) to {done.index}."
    )


COMMANDS = (publish,)
