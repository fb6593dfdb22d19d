"""Entering the count: record a count, record lots, show the result, export results."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from desktop.cli.options import (
    count_options,
    db_option,
    json_option,
    open_desk,
    operator_option,
    output_option,
)
from desktop.cli.output import echo_findings, echo_json, papers_line
from desktop.cli.referendum import echo_referendum_result
from desktop.domain.codes import Code
from desktop.domain.double_entry import EntryMode, EntryStage
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure, format_percent, parse_figure
from desktop.domain.wording import count_kind_words, plural
from desktop.services.files import output_file, write_file

if TYPE_CHECKING:
    from desktop.services import CountDesk


def count_figures(
    desk: CountDesk,
    contest_id: str,
    votes: Iterable[tuple[str, str]],
    rejected: Iterable[tuple[str, str]],
) -> tuple[dict[int, int], dict[str, int]]:
    """--votes "Person Name=N" and --rejected KEY=N as figures by candidate id and by key.

    The figures are parsed once the names are known, so that a refusal names the candidate as
    the ballot paper does ("Votes for GALLOWAY, George").
    """
    contest = desk.contest(contest_id)
    by_id: dict[int, int] = {}
    for name, value in votes:
        candidate = desk.candidate_by_name(contest_id, name)
        if candidate.id in by_id:
            raise CountDeskError(
                f"{candidate.person_name} is given twice: give each candidate once."
            )
        by_id[candidate.id] = parse_figure(value, what=f"Votes for {candidate.display_name}")
    by_key: dict[str, int] = {}
    for key, value in rejected:
        heading = contest.type.heading(key)
        by_key[heading.key] = parse_figure(value, what=f"Rejected papers “{heading.label.lower()}”")
    return by_id, by_key


def papers_counted(desk: CountDesk, contest_id: str, value: str | None) -> int | None:
    """--valid-papers as a whole number; refused (C220) where several seats need it."""
    contest = desk.contest(contest_id)
    if value is None and contest.seats > 1:
        raise CountDeskError(
            f"{contest.area} elects {contest.seats} members, so the count needs the valid "
            "ballot papers counted (papers in the bundles, not votes) to reconcile the papers: "
            "give them as --valid-papers FIGURE. Nothing was recorded.",
            Code.C220,
        )
    return None if value is None else parse_figure(value, what="Valid ballot papers counted")


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@operator_option(required=True)
@count_options("once per candidate")
def enter(
    contest_id: str,
    db_path: Path | None,
    operator: str,
    votes: tuple[tuple[str, str], ...],
    rejected: tuple[tuple[str, str], ...],
    valid_papers: str | None,
) -> None:
    """Key a count sheet: every candidate's votes, the rejected papers by heading and, where
    there are several seats, the valid ballot papers counted.

    Keyed twice (the default), the first operator's figures are the first entry and another
    operator's the second, keyed without seeing the first; the count stands when both agree.
    While figures are sent back, give only those.
    """
    desk = open_desk(db_path)
    contest = desk.contest(contest_id)
    by_id, by_key = count_figures(desk, contest_id, votes, rejected)
    rekey = desk.entry_state(contest_id).stage is EntryStage.REKEY
    counted = (
        None
        if valid_papers is None
        else parse_figure(valid_papers, what="Valid ballot papers counted")
    )
    if not rekey:
        counted = papers_counted(desk, contest_id, valid_papers)
    keyed = desk.enter_count(contest_id, by_id, by_key, operator, counted)
    if keyed.stage is EntryStage.FIRST:
        click.echo(
            f"First entry of the count for {contest.area} recorded, keyed by {operator}. It does "
            "not stand yet: another operator keys the count sheet again (countdesk-cli enter "
            "with their own --operator), without seeing these figures."
        )
        return
    if keyed.stage is EntryStage.DIFFER:
        click.echo(
            f"Second entry recorded, keyed by {operator}: it differs from the first entry in "
            f"{plural(len(keyed.labels), 'figure')} (P102). A supervisor compares them with the "
            "count sheet (countdesk-cli status, then resolve):",
            err=True,
        )
        for label in keyed.labels:
            click.echo(f"  {label}", err=True)
        raise SystemExit(1)
    recorded = keyed.count
    assert recorded is not None
    result = desk.result(contest_id)
    kind = count_kind_words(recorded.kind)
    counted = recorded.figures.valid_papers_counted
    papers = "" if counted is None else f", valid ballot papers counted {format_figure(counted)}"
    agreed = "" if desk.entry_mode(contest_id) is EntryMode.SINGLE else ", both entries agree"
    click.echo(
        f"Recorded count {recorded.number}{'' if recorded.kind == 'count' else f' ({kind})'} for "
        f"{contest.area}{agreed}: valid votes {format_figure(result.valid_votes)}, rejected "
        f"{format_figure(result.rejected_total)}{papers}."
    )
    echo_findings(result.findings)


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--keep",
    type=click.Choice(["first", "second"]),
    help="Keep this entry as the count, after checking the differing figures against the sheet.",
)
@click.option(
    "--rekey",
    "rekey",
    multiple=True,
    metavar="FIELD",
    help='Send a differing figure back to be keyed again from the paper: a candidate ("Person '
    'Name"), a heading key (official_mark) or valid_papers. Repeat for each.',
)
@operator_option(required=True)
def resolve(
    contest_id: str,
    db_path: Path | None,
    keep: str | None,
    rekey: tuple[str, ...],
    operator: str,
) -> None:
    """A supervisor resolves two entries that differ: keep one, or send figures back."""
    if (keep is None) == (not rekey):
        raise CountDeskError(
            "Give either --keep first|second, or --rekey for each figure to key again: one or "
            "the other.",
            Code.P105,
        )
    desk = open_desk(db_path)
    if keep is not None:
        stored = desk.keep_entry(contest_id, keep, operator)
        click.echo(
            f"Kept the {keep} entry: recorded as count {stored.number}, the count that stands."
        )
        echo_findings(desk.result(contest_id).findings)
        return
    fields = [desk.entry_field(contest_id, text) for text in rekey]
    desk.send_back(contest_id, fields, operator)
    words = dict(desk.entry_differences_sent_back(contest_id))
    click.echo(
        "Sent back to be keyed again from the paper (by an operator other than the first "
        "entry's): " + "; ".join(words.values()) + "."
    )


def entry_lines(desk: CountDesk, contest_id: str) -> tuple[dict[str, object], list[str]]:
    """Double entry for `status`: as data, and as lines naming fields, never their figures."""
    mode = desk.entry_mode(contest_id)
    state = desk.entry_state(contest_id)
    differing = [label for _, label in desk.entry_differences(contest_id)]
    sent_back = [label for _, label in desk.entry_differences_sent_back(contest_id)]
    data: dict[str, object] = {
        "mode": mode.value,
        "stage": state.stage.value,
        "first_operator": state.first.operator if state.first else None,
        "second_operator": state.second.operator if state.second else None,
        "differing": differing,
        "sent_back": sent_back,
    }
    lines = [mode.words[0].upper() + mode.words[1:] + "."]
    if state.stage is EntryStage.FIRST and state.first:
        lines.append(f"First entry in (keyed by {state.first.operator}); second entry awaited.")
    elif state.stage is EntryStage.DIFFER and state.first and state.second:
        lines.append(
            f"Entries differ: first by {state.first.operator}, second by "
            f"{state.second.operator}, in:"
        )
        lines += [f"  {label}" for label in differing]
    elif state.stage is EntryStage.REKEY:
        lines.append("Sent back to be keyed again from the paper:")
        lines += [f"  {label}" for label in sent_back]
    return data, lines


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@click.option("--winner", "winners", multiple=True, required=True, help="On whom the lot fell.")
@click.option("--method", default="", help="How the lots were drawn.")
@click.option("--witnesses", default="", help="Who witnessed the drawing.")
@operator_option()
def lots(
    contest_id: str,
    db_path: Path | None,
    winners: tuple[str, ...],
    method: str,
    witnesses: str,
    operator: str,
) -> None:
    """Record on whom the lot fell where a tie decides the result."""
    desk = open_desk(db_path)
    ids = [desk.candidate_by_name(contest_id, name).id for name in winners]
    result = desk.record_lots(contest_id, ids, operator, method, witnesses)
    names = ", ".join(result.line(i).candidate.display_name for i in ids)
    click.echo(f"Recorded: the lot fell on {names}, treated as having one additional vote.")


@click.command()
@click.argument("contest_id", metavar="ID")
@db_option
@json_option
def result(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Show the computed result of the count that stands, with every finding."""
    desk = open_desk(db_path)
    if as_json:
        echo_json(desk.result_data(contest_id))
        return
    res = desk.result(contest_id)
    c = res.contest
    held = desk.entry_state(contest_id).first
    if c.type.referendum:
        echo_referendum_result(res, None if held is None else held.operator)
        return
    click.echo(f"{c.area} ({c.id}), {plural(c.seats, 'seat')}")
    if held is not None:
        click.echo(
            f"The first entry (keyed by {held.operator}), not a count that stands: nobody is "
            "elected on it."
        )
    name_width = max((len(line.candidate.display_name) for line in res.candidates), default=10)
    pounds = c.type.deposit_pounds
    forfeited = "deposit forfeited" if pounds is None else f"deposit (£{pounds:,}) forfeited"
    for line in res.candidates:
        mark = "Elected" if line.elected else ""
        deposit = {True: "", False: forfeited, None: ""}[line.deposit_kept]
        lot = " (+1 by lot)" if line.lot_vote else ""
        click.echo(
            f"  {line.candidate.display_name:<{name_width}}  {format_figure(line.votes):>9}{lot}"
            f"  {format_percent(line.share):>6}%  {mark:<7}  {deposit}".rstrip()
        )
    click.echo(f"Valid votes: {format_figure(res.valid_votes)}")
    for heading in c.type.headings:
        click.echo(
            f"Rejected ({heading.letter}) {heading.label}: {format_figure(res.rejected[heading.key])}"
        )
    click.echo(f"Rejected total: {format_figure(res.rejected_total)}")
    click.echo(f"Ballot papers verified: {format_figure(res.ballot_papers_verified)}")
    if c.seats == 1:
        click.echo(f"Unaccounted papers: {format_figure(res.unaccounted)}")
    else:
        click.echo(papers_line(res))
    click.echo(f"Electorate: {format_figure(c.electorate)}")
    click.echo(f"Turnout (papers verified ÷ electorate): {format_percent(res.turnout)}%")
    word = "Majority" if c.seats == 1 else "Margin"
    click.echo(f"{word}: {format_figure(res.majority)} ({format_percent(res.majority_share)}%)")
    echo_findings(res.findings)


@click.command()
@click.argument("contest_id", metavar="ID", required=False)
@click.option("--all", "all_contests", is_flag=True, help="Export every contest.")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "dc-results", "cdf"]),
    required=True,
    help="csv or json: the figures of any contest; dc-results (Democracy Club results CSV) "
    "or cdf (NIST Election Results CDF v2 JSON): declared contests only.",
)
@output_option("File.", required=True)
def export(
    contest_id: str | None, all_contests: bool, db_path: Path | None, fmt: str, output: Path
) -> None:
    """Export the result of one contest, or of --all, as CSV, JSON, dc-results or cdf."""
    if bool(contest_id) == all_contests:
        raise CountDeskError("Give one contest ID, or --all, to say what to export.")
    with output_file(output) as out:
        desk = open_desk(db_path)
        ids = None if all_contests else [desk.contest(contest_id or "").id]
        if fmt in ("dc-results", "cdf"):
            exported = desk.publishing.export(ids, fmt)
            write_file(out, exported.text.encode("utf-8"))
            click.echo(f"Exported {exported.summary()} to {output}.")
            return
        ids = ids or [c.id for c in desk.contests()]
        write_file(out, desk.export(ids, fmt).encode("utf-8"))
    click.echo(f"Exported {plural(len(ids), 'contest')} to {output}.")


COMMANDS = (enter, resolve, lots, result, export)
