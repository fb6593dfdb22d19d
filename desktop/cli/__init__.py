"""countdesk-cli: the count from a terminal or a script, over the same services as the window.

Every command takes ``--db PATH``, before or after the command name (default: ``$COUNTDESK_DB``,
else the app's database in the user's data directory). Errors go to stderr as one plain
sentence with a non-zero exit; never a traceback. Where the refusal is that findings block the
next step, each blocking finding follows on its own line.

The night, in order: ``import``, ``candidate`` and ``order`` and ``contest`` (setup), ``advance`` to verification,
``verification`` (boxes imported, counted, explained) and ``acknowledge``, ``advance`` to the count,
``enter`` and ``lots``, ``advance`` to the provisional result, ``recount`` if asked, ``declare``;
afterwards ``record-error`` (an error found after the declaration: the declaration stands),
``memorandum`` and ``history``. ``backup`` copies the database into its backup folder, as
every recorded count, stage change and declaration does when a folder is chosen. ``status``
says at any point what comes next and what
stands in the way.

The commands live in one module per use case, like the services. Each imports the services
only when it runs, so that starting a command costs no more than that command needs.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import click

from desktop.cli import (
    after_declaration,
    area,
    backup,
    candidates,
    combined,
    declare,
    documents,
    entry,
    history,
    night,
    overview,
    press,
    proof,
    publish,
    referendum,
    setup,
    verification,
)
from desktop.cli.options import group_db_option
from desktop.domain.errors import CountDeskError
from desktop.services.files import why_not

__all__ = ["cli", "main"]


def _quiet_stdout() -> None:
    """Point stdout at the null device: its reader has gone, and the final flush must not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (e.g. under tests)
        pass


class _Group(click.Group):
    """Turns every refusal into one plain line on stderr; a bug too, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CountDeskError as exc:
            # Refusals, and anything storage could not do (locked, read-only or full database).
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            # The output went to a program that stopped reading (`| head`): nothing to report.
            _quiet_stdout()
            ctx.exit(1)
        except OSError as exc:
            # A file a command reads or writes that its own checks did not anticipate.
            why, todo = why_not(exc)
            where = f" with {exc.filename}" if exc.filename else ""
            click.echo(
                f"Error: CountDesk could not work{where} ({why}): {todo}, then run the command "
                "again.",
                err=True,
            )
            ctx.exit(1)
        except Exception as exc:  # a bug: still no traceback in front of a user
            click.echo(
                f"Error: CountDesk could not finish this command ({type(exc).__name__}: {exc}). "
                "Nothing further was saved; please report this.",
                err=True,
            )
            ctx.exit(70)


@click.group(cls=_Group)
@group_db_option
@click.version_option(package_name="countdesk")
def cli(db_path: Path | None) -> None:
    """CountDesk: enter the count, check the arithmetic, print the declaration."""


for _module in (
    setup,
    referendum,
    candidates,
    entry,
    verification,
    combined,
    night,
    declare,
    area,
    after_declaration,
    history,
    overview,
    documents,
    press,
    backup,
    proof,
    publish,
):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def _utf8_output() -> None:
    """Print every candidate's name whatever the system's code page ("Llŷr", "Łukasz").

    Output into a file or a pipe (e.g. on Windows, where that is cp1252) is written as UTF-8, as
    JSON for scripts should be; a terminal that cannot show a letter gets "?" for it.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        if stream.encoding.lower().replace("-", "").replace("_", "") == "utf8":
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


def main() -> None:
    """Entry point of ``countdesk-cli``."""
    _utf8_output()
    cli(prog_name="countdesk-cli")
