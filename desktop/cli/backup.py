"""Backups: a checked copy of the database in the backup folder, now or after each change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from desktop.cli.options import db_option, open_desk, operator_option
from desktop.domain.wording import plural


def _local(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


@click.command()
@db_option
@click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The backup folder (a USB stick, a network share); it becomes this database's.",
)
@click.option("--keep", type=click.IntRange(min=1), default=None, help="Copies to keep (10).")
@click.option("--status", "show_status", is_flag=True, help="Say where backups go; copy nothing.")
@operator_option()
def backup(
    db_path: Path | None, folder: Path | None, keep: int | None, show_status: bool, operator: str
) -> None:
    """Copy the database into its backup folder, check the copy, keep the newest copies.

    The folder given with --to is kept in the database (audited): the window and every later
    command back up there too, after each recorded count, stage change and declaration.
    """
    desk = open_desk(db_path)
    if show_status:
        state = desk.backup_state()
        if state.folder is None:
            click.echo("No backup folder is chosen: give one with --to FOLDER.")
            return
        click.echo(f"Backup folder: {state.folder} (the newest {state.keep} copies are kept)")
        if state.last_good is None and state.problem is None:
            click.echo("No good copy there yet.")
        elif state.last_good is not None:
            click.echo(
                f"Last good copy: {state.last_good.path} ({_local(state.last_good.made_at)})"
            )
        if state.problem is not None:
            click.echo(f"Warning: {state.problem}", err=True)
        return
    outcome = desk.back_up_now(operator, folder, keep)
    assert outcome.copy is not None
    click.echo(
        f"Backed up to {outcome.copy.path}: checked (integrity check ok, every contest read) "
        f"in {outcome.seconds:.2f} s."
    )
    if outcome.removed:
        click.echo(f"Removed {plural(len(outcome.removed), 'older copy', 'older copies')}.")


COMMANDS = (backup,)
