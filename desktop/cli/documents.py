"""The printed documents: the declaration of result (or provisional sheet) and the statement."""

from __future__ import annotations

from pathlib import Path

import click

from desktop.cli.options import db_option, open_desk, output_option
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.wording import plural, when
from desktop.services.files import output_file, write_file
from desktop.services.night import StatusReport


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@output_option("PDF file.", required=True)
@click.option("--provisional", is_flag=True, help="Print the provisional sheet, watermarked.")
def declaration(contest_id: str, db_path: Path | None, output: Path, provisional: bool) -> None:
    """Print the declaration of result (or the provisional sheet) to a PDF file.

    For an uncontested contest (no poll), the notice of uncontested election: a draft until the
    candidates are declared duly elected, then the one kept.
    """
    with output_file(output) as out:
        desk = open_desk(db_path)
        report = desk.status(contest_id)
        if report.uncontested and not provisional:
            write_file(out, desk.uncontested_notice_pdf(contest_id))
            _said_notice(report, output)
            return
        if report.contest.is_local_count and not provisional:
            # A local count is not declared: its document is the statement of local totals.
            write_file(out, desk.declaration_pdf(contest_id))
            sent = "as sent" if report.status is Status.DECLARED else "a draft, not yet sent"
            click.echo(f"Statement of local totals ({sent}) written to {output}.")
            return
        if report.status is Status.DECLARED and not provisional:
            # The declaration kept when it was made: it stands, whatever was found afterwards.
            kept = next(d for d in desk.kept_declarations(contest_id) if not d.is_legacy_correction)
            write_file(out, desk.declaration_pdf(contest_id))
            click.echo(
                f"Declaration of result of {report.contest.area}, as declared at "
                f"{when(kept.declared_at)}, written to {output}."
            )
            return
        desk.refuse_if_uncontested(contest_id)
        result = desk.result(contest_id)
        if result.errors and not provisional:
            click.echo(
                f"Error: the declaration of {result.contest.area} cannot be printed while "
                f"{'this error stands' if len(result.errors) == 1 else 'these errors stand'} "
                "(the provisional sheet can be printed with --provisional):",
                err=True,
            )
            for f in result.errors:
                click.echo(f"  {f.code}  {f.message}", err=True)
            click.get_current_context().exit(1)
        write_file(out, desk.declaration_pdf(contest_id, provisional=provisional))
    if provisional:
        shown = ""
        if report.status is Status.PROVISIONAL and report.shown_at is not None:
            who = "" if report.contest.type.referendum else " to candidates and agents"
            shown = f" (shown{who} at {when(report.shown_at)})"
        click.echo(f"Provisional result sheet{shown} written to {output}.")
        return
    click.echo(f"Declaration of result written to {output}.")
    if report.status is not Status.DECLARED:
        click.echo(
            f"Note: {report.contest.area} is not declared yet (status: {report.label}). This is "
            f"the sheet the declaration will print; the {report.contest.officer_title_or_default} "
            "declares with `countdesk-cli declare`, which locks the figures and keeps the "
            "declaration."
        )


def _said_notice(report: StatusReport, output: Path) -> None:
    area = report.contest.area
    if report.status is Status.DECLARED:
        click.echo(
            f"{area} is uncontested (no poll): the notice of uncontested election, as kept when "
            f"the candidates were declared duly elected at {when(report.declared_at)}, written "
            f"to {output}."
        )
        return
    click.echo(
        f"{area} is uncontested (no poll): a draft of the notice of uncontested election "
        f"written to {output}."
    )
    click.echo(
        "Note: the candidates are not yet declared duly elected. The Returning Officer declares "
        f"them with `countdesk-cli declare {report.contest.id} --officer NAME --operator NAME`, "
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
