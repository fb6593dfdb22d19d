"""Referendums: create one with its question and answers, show it, or correct them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from desktop.cli.options import db_option, json_option, open_desk, operator_option
from desktop.cli.output import echo_findings, echo_json
from desktop.domain.arithmetic import ContestResult
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.referendum import DEFAULT_ANSWERS, result_sentence

_ANSWER_HELP = (
    "An answer, as on the ballot paper; once per answer, in the ballot paper's order "
    "(default: Yes, then No)."
)


@click.command("new-referendum")
@db_option
@click.option(
    "--council", required=True, help="The council whose Counting Officer conducts it, e.g. Leeds."
)
@click.option(
    "--date",
    "poll_date",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date of the poll, YYYY-MM-DD.",
)
@click.option("--name", required=True, help="What it is about, e.g. Kirkstall Neighbourhood Plan.")
@click.option("--question", required=True, help="The question, in full as on the ballot paper.")
@click.option("--answer", "answers", multiple=True, help=_ANSWER_HELP)
@operator_option()
@json_option
def new_referendum(
    db_path: Path | None,
    council: str,
    poll_date: Any,
    name: str,
    question: str,
    answers: tuple[str, ...],
    operator: str,
    as_json: bool,
) -> None:
    """Create a referendum: its question and answers (creates the database if there is none)."""
    desk = open_desk(db_path, create=True)
    day: date = poll_date.date()
    contest = desk.referendums.create(
        operator,
        poll_date=day,
        name=name,
        council=council,
        question=question,
        answers=answers or DEFAULT_ANSWERS,
    )
    _show(desk, contest.id, as_json)


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@click.option("--question", help="Correct the question to the ballot paper's (before the count).")
@click.option(
    "--answer",
    "answers",
    multiple=True,
    help="Give the answers again, once each, in the ballot paper's order (before the count).",
)
@operator_option()
@json_option
def referendum(
    contest_id: str,
    db_path: Path | None,
    question: str | None,
    answers: tuple[str, ...],
    operator: str,
    as_json: bool,
) -> None:
    """Show a referendum's question and answers, or correct them before the count."""
    desk = open_desk(db_path)
    if question is not None:
        desk.referendums.set_question(contest_id, question, operator)
    if answers:
        desk.referendums.set_answers(contest_id, answers, operator)
    desk.referendums.answers(contest_id)  # refuses a contest that is not a referendum (R106)
    _show(desk, contest_id, as_json)


def _show(desk: Any, contest_id: str, as_json: bool) -> None:
    contest = desk.contest(contest_id)
    answers = desk.referendums.answers(contest_id)
    if as_json:
        echo_json(
            {
                "id": contest.id,
                "election": contest.election_id,
                "name": contest.area,
                "poll_date": contest.poll_date.isoformat(),
                "status": contest.status.value,
                "question": contest.question,
                "answers": [{"id": a.id, "answer": a.display_name} for a in answers],
                "officer_title": contest.officer_title_or_default,
            }
        )
        return
    click.echo(f"Referendum:  {contest.area} ({contest.id})")
    click.echo(f"Poll date:   {contest.poll_date.isoformat()}")
    click.echo(f"Status:      {contest.status.value}")
    click.echo(f"Question:    {contest.question}")
    click.echo("Answers, in the ballot paper's order:")
    for a in answers:
        click.echo(f"  {a.display_name}")


def echo_referendum_result(res: ContestResult, first_entry_by: str | None) -> None:
    """The text of ``result`` for a referendum: the votes for each answer, which carried."""
    c = res.contest
    click.echo(f"{c.area} ({c.id}), referendum")
    click.echo(f"Question: {c.question}")
    if first_entry_by is not None:
        click.echo(
            f"The first entry (keyed by {first_entry_by}), not a count that stands: no answer "
            "has carried on it."
        )
    width = max((len(line.candidate.display_name) for line in res.candidates), default=10)
    for line in res.candidates:
        click.echo(
            f"  {line.candidate.display_name:<{width}}  {format_figure(line.votes):>9}"
            f"  {format_percent(line.share):>6}%"
        )
    click.echo(f"Votes cast for the answers: {format_figure(res.valid_votes)}")
    for heading in c.type.headings:
        click.echo(
            f"Rejected ({heading.letter}) {heading.label}: {format_figure(res.rejected[heading.key])}"
        )
    click.echo(f"Rejected total: {format_figure(res.rejected_total)}")
    click.echo(f"Ballot papers verified: {format_figure(res.ballot_papers_verified)}")
    click.echo(f"Unaccounted papers: {format_figure(res.unaccounted)}")
    click.echo(f"Electorate: {format_figure(c.electorate)}")
    click.echo(f"Turnout (papers verified ÷ electorate): {format_percent(res.turnout)}%")
    click.echo(f"Majority: {format_figure(res.majority)} ({format_percent(res.majority_share)}%)")
    sentence = result_sentence(res)
    click.echo(f"Result: {sentence}" if sentence else "Result: not yet known (figures missing).")
    echo_findings(res.findings)


COMMANDS = (new_referendum, referendum)
