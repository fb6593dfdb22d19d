"""The options every command shares (one --db, one --operator, one --json) and opening the desk.

The database is, in order: ``--db`` after the command name, ``--db`` before it, the
``COUNTDESK_DB`` environment variable, the app's own database in the user's data directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.types import Pair

if TYPE_CHECKING:
    from desktop.services import CountDesk
    from desktop.services.backups import BackupJob

#: The environment variable naming the database when no --db is given.
DB_ENVVAR = "COUNTDESK_DB"

_DB_HELP = f"The CountDesk database file (default: ${DB_ENVVAR}, else the app's database)."


def group_db_option[F: Callable[..., Any]](func: F) -> F:
    """--db before the command name, e.g. ``countdesk-cli --db night.sqlite status ID``."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar=DB_ENVVAR,
        show_envvar=True,
        default=None,
        help=_DB_HELP,
    )(func)


def _inherit_db(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """--db after the command name wins; else whatever the group found (--db or $COUNTDESK_DB)."""
    if value is not None or ctx.parent is None:
        return value
    inherited = ctx.parent.params.get("db_path")
    return inherited if isinstance(inherited, Path) else None


def db_option[F: Callable[..., Any]](func: F) -> F:
    """--db after the command name, e.g. ``countdesk-cli status ID --db night.sqlite``."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        callback=_inherit_db,
        help=_DB_HELP,
    )(func)


def open_desk(db_path: Path | None, *, create: bool = False, warn: bool = True) -> CountDesk:
    """The database to work on; only an import creates one (a mistyped --db is not a new file).

    Opening makes the quick check of the audit chain; anything another program wrote since is
    a warning on stderr (``warn``), and the command goes on.
    """
    # Imported here, not at the top: `--help` and a refused option need no database layer.
    from desktop.services import CountDesk
    from desktop.storage.database import default_database_path

    desk = CountDesk.open(db_path or default_database_path(), create=create)
    desk.run_backups_with(_back_up_and_report)
    if warn:
        problems = desk.opening_check()
        if problems:
            click.echo(
                f"Warning: this database was changed outside CountDesk ({problems[0]}"
                f"{f' …and {len(problems) - 1} more' if len(problems) > 1 else ''}). "
                "Run countdesk-cli verify for the whole list, and tell the Returning Officer.",
                err=True,
            )
    return desk


def _back_up_and_report(job: BackupJob) -> None:
    """An automatic backup, made before the command ends; a failure is a warning on stderr.

    The command's own change is saved whatever happens to the copy, so it still succeeds.
    """
    outcome = job.run()
    if outcome.error is not None:
        click.echo(
            f"Warning: {outcome.error} What this command recorded is saved all the same.",
            err=True,
        )


def _login_name() -> str:
    import getpass

    return getpass.getuser()


def operator_option[F: Callable[..., Any]](required: bool = False) -> Callable[[F], F]:
    """--operator: who is making the change, for the audit log (default: the login name)."""
    if required:
        return click.option(
            "--operator", required=True, help="Who is making this change, for the audit log."
        )
    return click.option(
        "--operator",
        default=_login_name,
        show_default="your login name",
        help="Who is making this change, for the audit log.",
    )


def json_option[F: Callable[..., Any]](func: F) -> F:
    """--json: print JSON for scripts instead of text for people."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(func)


def output_option[F: Callable[..., Any]](help: str, *, required: bool = False) -> Callable[[F], F]:
    """-o/--output FILE, written whole or not at all."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=required,
        help=help,
    )


VOTES = Pair("NAME=FIGURE", '"Kim Leadbeater=13296"')
REJECTED = Pair("HEADING=FIGURE", "official_mark=12")


def count_options[F: Callable[..., Any]](votes_help: str) -> Callable[[F], F]:
    """--votes, --rejected and --valid-papers, as `enter` and `correct` both take a whole count."""

    def decorate(func: F) -> F:
        func = click.option(
            "--valid-papers",
            "valid_papers",
            metavar="FIGURE",
            default=None,
            help="Valid ballot papers counted (papers in the bundles, not votes): needed, and "
            "only taken, where the contest has several seats.",
        )(func)
        func = click.option(
            "--rejected",
            "rejected",
            type=REJECTED,
            multiple=True,
            help="HEADING=FIGURE; headings not given are 0.",
        )(func)
        return click.option(
            "--votes",
            "votes",
            type=VOTES,
            multiple=True,
            required=True,
            help=f'"Person Name=FIGURE", {votes_help}.',
        )(func)

    return decorate
