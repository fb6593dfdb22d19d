"""The printed documents: the declaration of result (or provisional sheet) and the statement."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from desktop.cli.options import db_option, open_desk, output_option
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.wording import plural, when
from desktop.domain.workflow import status_label
from desktop.services.files import output_file, write_file

if TYPE_CHECKING:
    from desktop.services.contest_document import ContestDocument


@click.command()
@click.argument("contest_id", metavar="[ID]", required=False)
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="PDF file; with --all, the folder the documents go in (made if it does not exist).",
)
@click.option("--provisional", is_flag=True, help="Print the provisional sheet, watermarked.")
@click.option(
    "--all",
    "all_contests",
    is_flag=True,
    help="Every declared contest's declaration (kept at the declaration) into the folder -o DIR.",
)
@click.option(
    "--election", "election_id", metavar="ID", help="With --all: only this election's contests."
)
@click.option(
    "--draft",
    is_flag=True,
    help="With --all: every contest's document now (draft declarations too), not only the "
    "declared.",
)
def declaration(
    contest_id: str | None,
    db_path: Path | None,
    output: Path | None,
    provisional: bool,
    all_contests: bool,
    election_id: str | None,
    draft: bool,
) -> None:
    """Print the declaration of result (or the provisional sheet) to a PDF file; with --all,
    every contest's into a folder.

    For an uncontested contest (no poll), the notice of uncontested election: a draft until the
    candidates are declared duly elected, then the one kept.
    """
    if all_contests or election_id is not None or draft:
        folder = _batch_folder(contest_id, output, provisional, all_contests)
        print_all(db_path, folder, election_id, draft)
        return
    if contest_id is None:
        raise click.UsageError("Give the contest's ID (or --all for every contest).")
    if output is None:
        raise click.UsageError("Missing option '-o' / '--output'.")
    if provisional:
        _provisional(contest_id, db_path, output)
        return
    from desktop.services.contest_document import ErrorsStand

    with output_file(output) as out:
        desk = open_desk(db_path)
        try:
            doc = desk.batch.document(contest_id)
        except ErrorsStand as exc:
            click.echo(
                f"Error: the declaration of {exc.contest.area} cannot be printed while "
                f"{'this error stands' if len(exc.errors) == 1 else 'these errors stand'} "
                "(the provisional sheet can be printed with --provisional):",
                err=True,
            )
            for f in exc.errors:
                click.echo(f"  {f.code}  {f.message}", err=True)
            click.get_current_context().exit(1)
        write_file(out, doc.pdf)
    _said(doc, output)


def _batch_folder(
    contest_id: str | None, output: Path | None, provisional: bool, all_contests: bool
) -> Path:
    """The folder of --all; B106 for --all (or --election, --draft) with what belongs to one
    contest, or with no folder."""
    if not all_contests:
        raise CountDeskError(
            "--election and --draft go with --all (every contest's document into a folder): "
            "add --all, or give one contest's ID and -o FILE.pdf without them.",
            Code.B106,
        )
    if contest_id is not None:
        raise CountDeskError(
            f"--all prints every contest's document, so it takes no contest's ID ({contest_id}): "
            "give either the ID and -o FILE.pdf, or --all and -o DIR.",
            Code.B106,
        )
    if provisional:
        raise CountDeskError(
            "--provisional prints one contest's provisional sheet, not a batch: give the "
            "contest's ID and -o FILE.pdf, or leave out --provisional.",
            Code.B106,
        )
    if output is None:
        raise CountDeskError(
            "--all needs a folder to write the documents in: add -o DIR (a folder that exists, "
            "or a new one to make).",
            Code.B106,
        )
    return output


def _provisional(contest_id: str, db_path: Path | None, output: Path) -> None:
    """The provisional sheet, watermarked, with the time it was shown."""
    with output_file(output) as out:
        desk = open_desk(db_path)
        report = desk.status(contest_id)
        desk.refuse_if_uncontested(contest_id)
        write_file(out, desk.declaration_pdf(contest_id, provisional=True))
    shown = ""
    if report.status is Status.PROVISIONAL and report.shown_at is not None:
        who = "" if report.contest.type.referendum else " to candidates and agents"
        shown = f" (shown{who} at {when(report.shown_at)})"
    click.echo(f"Provisional result sheet{shown} written to {output}.")


def _said(doc: ContestDocument, output: Path) -> None:
    """What was written, and what it is."""
    from desktop.services.contest_document import DocumentKind

    contest = doc.contest
    if doc.kind in (DocumentKind.NOTICE, DocumentKind.DRAFT_NOTICE):
        _said_notice(doc, output)
        return
    if doc.kind in (DocumentKind.LOCAL_TOTALS, DocumentKind.DRAFT_LOCAL_TOTALS):
        # A local count is not declared: its document is the statement of local totals.
        sent = "as sent" if doc.kind.kept else "a draft, not yet sent"
        click.echo(f"Statement of local totals ({sent}) written to {output}.")
        return
    if doc.kind is DocumentKind.DECLARATION:
        click.echo(
            f"Declaration of result of {contest.area}, as declared at "
            f"{when(doc.declared_at)}, written to {output}."
        )
        return
    click.echo(f"Declaration of result written to {output}.")
    click.echo(
        f"Note: {contest.area} is not declared yet (status: {status_label(contest.status)}). "
        f"This is the sheet the declaration will print; the {contest.officer_title_or_default} "
        "declares with `countdesk-cli declare`, which locks the figures and keeps the "
        "declaration."
    )


def print_all(db_path: Path | None, folder: Path, election_id: str | None, draft: bool) -> None:
    """Every contest's document into ``folder``, with a progress bar on a terminal; Ctrl+C
    stops before the next contest (the files written are kept) and says so."""
    import signal
    import sys

    desk = open_desk(db_path)
    stop: list[bool] = []
    previous = signal.signal(signal.SIGINT, lambda *_: stop.append(True))
    try:
        stream = sys.stderr
        if stream.isatty():
            total = len(desk.batch.contests(election_id))
            with click.progressbar(
                length=total,
                label="Printing" if draft else "Printing declarations",
                file=stream,
                item_show_func=lambda contest: contest,
            ) as bar:
                outcome = desk.batch.print_all(
                    folder,
                    election_id=election_id,
                    draft=draft,
                    progress=lambda _done, _total, contest: bar.update(1, contest),
                    cancelled=lambda: bool(stop),
                )
        else:
            outcome = desk.batch.print_all(
                folder, election_id=election_id, draft=draft, cancelled=lambda: bool(stop)
            )
    finally:
        signal.signal(signal.SIGINT, previous)
    click.echo(outcome.describe())
    if outcome.cancelled:
        click.get_current_context().exit(1)


def _said_notice(doc: ContestDocument, output: Path) -> None:
    from desktop.services.contest_document import DocumentKind

    area = doc.contest.area
    if doc.kind is DocumentKind.NOTICE:
        click.echo(
            f"{area} is uncontested (no poll): the notice of uncontested election, as kept when "
            f"the candidates were declared duly elected at {when(doc.declared_at)}, written "
            f"to {output}."
        )
        return
    click.echo(
        f"{area} is uncontested (no poll): a draft of the notice of uncontested election "
        f"written to {output}."
    )
    click.echo(
        "Note: the candidates are not yet declared duly elected. The Returning Officer declares "
        f"them with `countdesk-cli declare {doc.contest.id} --officer NAME --operator NAME`, "
        "which locks the contest and keeps the notice."
    )


@click.command(short_help="Print the statement of verification (PDF).")
@click.argument("contest_id", metavar="[ID]", required=False)
@db_option
@output_option("PDF file.", required=True)
@click.option(
    "--combined",
    is_flag=True,
    help="The statement of the combined polls: each shared box as a whole, each poll's "
    "papers in it, and each poll's totals.",
)
@click.option(
    "--election",
    "election_id",
    metavar="ID",
    help="With --combined: the combined verification holding this election's contests.",
)
def statement(
    contest_id: str | None,
    db_path: Path | None,
    output: Path,
    combined: bool,
    election_id: str | None,
) -> None:
    """Print the statement of verification (each box, its variance and explanation) to a PDF.

    With --combined, the statement of the polls that share their ballot boxes (of the contest
    ID's election, or --election's, or the database's only one).
    """
    if combined:
        _combined_statement(contest_id, db_path, output, election_id)
        return
    if contest_id is None:
        raise CountDeskError(
            "Say which contest's statement to print (statement ID -o FILE.pdf), or give "
            "--combined for the statement of the polls sharing their ballot boxes."
        )
    if election_id is not None:
        raise CountDeskError(
            "--election chooses the combined verification: give it with --combined."
        )
    with output_file(output) as out:
        desk = open_desk(db_path)
        contest = desk.contest(contest_id)
        lines = desk.verification(contest_id)
        if not lines:
            raise CountDeskError(
                f"No ballot boxes are listed for {contest.area}, so there is no statement of "
                f"verification to print: import them with `countdesk-cli verification "
                f"{contest_id} --import FILE.csv`."
            )
        write_file(out, desk.verification_pdf(contest_id))
    click.echo(f"Statement of verification of {contest.area} written to {output}.")
    left = sum(1 for line in lines if line.counted is None)
    if left:
        click.echo(
            f"Note: {plural(left, 'box', 'boxes')} not yet counted; the statement shows "
            f"{'it' if left == 1 else 'them'} as not yet counted."
        )


def _combined_statement(
    contest_id: str | None, db_path: Path | None, output: Path, election_id: str | None
) -> None:
    with output_file(output) as out:
        desk = open_desk(db_path)
        if contest_id is not None:
            election_id = election_id or desk.contest(contest_id).election_id
        combined = desk.polls.verification(election_id)
        write_file(out, desk.polls.statement_pdf(election_id))
    click.echo(
        f"Statement of verification of {plural(len(combined.polls), 'poll')} sharing their "
        f"ballot boxes ({', '.join(label for _, label in combined.polls)}) written to {output}."
    )
    left = sum(1 for b in combined.boxes if b.counted is None)
    if left:
        click.echo(
            f"Note: {plural(left, 'box', 'boxes')} not yet counted for every poll; the statement "
            "shows which poll's papers are not yet counted."
        )


COMMANDS = (declaration, statement)
