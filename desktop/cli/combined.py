"""Combined polls: the boxes list of several polls sharing their boxes, and each box as a whole."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.options import db_option, json_option, open_desk, operator_option
from desktop.cli.output import echo_json
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.wording import date_in_words, plural, signed

if TYPE_CHECKING:
    from desktop.services.combined import CombinedVerification


def _poll_totals(combined: CombinedVerification, contest_id: str) -> dict[str, int]:
    """One poll's papers issued (and returned), counted so far, and lines not yet counted."""
    lines = [p.line for b in combined.boxes for p in b.polls if p.contest_id == contest_id]
    return {
        "issued": sum(x.issued for x in lines),
        "counted": sum(x.counted or 0 for x in lines),
        "not_yet_counted": sum(1 for x in lines if x.counted is None),
    }


def _data(combined: CombinedVerification) -> dict[str, Any]:
    """The combined verification as `combined --json` prints it."""
    return {
        "poll_date": combined.poll_date.isoformat(),
        "polls": [
            {"contest": c.id, "poll": label, **_poll_totals(combined, c.id)}
            for c, label in combined.polls
        ],
        "boxes": [
            {
                "reference": b.reference,
                "name": b.name,
                "kind": b.kind.value,
                "issued": b.issued,
                "counted": b.counted,
                "variance": b.variance,
                "polls": [
                    {
                        "contest": p.contest_id,
                        "poll": p.poll,
                        "issued": p.line.issued,
                        "counted": p.line.counted,
                        "variance": p.line.variance,
                        "explanation": p.line.explanation,
                        "accepted": p.accepted or None,
                    }
                    for p in b.polls
                ],
            }
            for b in combined.boxes
        ],
        "suggestions": [
            {
                "reference": s.reference,
                "over": s.over.contest_id,
                "under": s.under.contest_id,
                "papers": s.papers,
                "explanation": s.explanation,
                "open": s.open,
            }
            for s in combined.suggestions
        ],
        "findings": [{**f.as_dict(), "subject": f.subject} for f in combined.findings],
    }


def _echo(combined: CombinedVerification) -> None:
    """Each box as a whole, then each poll's papers in it; each poll's totals; the findings."""
    polls = combined.polls
    click.echo(
        f"Combined verification of {plural(len(polls), 'poll')} on "
        f"{date_in_words(combined.poll_date)}:"
    )
    for contest, label in polls:
        click.echo(f"  {label}  ({contest.id})")
    width = max(
        [len(f"{b.reference}  {b.name}") for b in combined.boxes]
        + [len(label) + 2 for _, label in polls]
        + [len("Box and poll")]
    )
    click.echo(
        f"{'Box and poll':<{width}}  {'Issued':>8}  {'Counted':>8}  {'Variance':>8}  Explanation"
    )
    for b in combined.boxes:
        word = "box" if b.kind.value == "box" else "postal batch"
        click.echo(
            f"{f'{b.reference}  {b.name}':<{width}}  {format_figure(b.issued):>8}  "
            f"{format_figure(b.counted):>8}  {signed(b.variance, minus='-', none='–'):>8}  "
            f"(whole {word}, {plural(len(b.polls), 'poll')})"
        )
        for p in b.polls:
            line = p.line
            explanation = line.explanation
            if line.variance and not explanation:
                explanation = (
                    f"(variance accepted by the supervisor: {p.accepted})"
                    if p.accepted
                    else "(not explained)"
                )
            click.echo(
                f"{f'  {p.poll}':<{width}}  {format_figure(line.issued):>8}  "
                f"{format_figure(line.counted):>8}  "
                f"{signed(line.variance, minus='-', none='–'):>8}  {explanation}".rstrip()
            )
    click.echo("Totals for each poll (ballot papers verified):")
    for contest, label in polls:
        t = _poll_totals(combined, contest.id)
        left = t["not_yet_counted"]
        tail = f"; {plural(left, 'box', 'boxes')} not yet counted" if left else ""
        click.echo(
            f"  {label}: {format_figure(t['issued'])} issued and returned, "
            f"{format_figure(t['counted'])} counted{tail}."
        )
    if not combined.findings:
        click.echo("No papers of one poll appear to be in another poll's box.")
    for f in combined.findings:
        click.echo(f"  {f.severity.upper():<7} {f.code}  {f.message}")
        click.echo(
            f"          To record it: countdesk-cli combined --explain-suggested {f.subject}"
        )


@click.command(short_help="Show or import the combined verification of polls sharing boxes.")
@db_option
@click.option(
    "--import",
    "import_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add a combined boxes CSV: reference, name, kind (box or postal), poll (a contest id, "
    "or an election id with one contest), issued; optionally unused, spoilt, tendered.",
)
@click.option(
    "--election",
    "election_id",
    metavar="ID",
    help="Which combined verification: the one holding this election's contests (needed only "
    "where the database has more than one).",
)
@click.option(
    "--explain-suggested",
    "explain",
    multiple=True,
    metavar="REF",
    help="Record a box's cross-poll suggestion (V506) as the explanation of both polls' "
    "variances (repeat for more).",
)
@operator_option()
@json_option
def combined(
    db_path: Path | None,
    import_file: Path | None,
    election_id: str | None,
    explain: tuple[str, ...],
    operator: str,
    as_json: bool,
) -> None:
    """Show each shared ballot box as a whole, with each poll's papers in it, or import them.

    A combined boxes CSV lists, per box and per poll, the papers issued per that poll's ballot
    paper account; each row goes to its poll's verification, all or nothing. The papers counted
    are recorded per poll with `verification ID --counted`.
    """
    refs: list[str] = []
    for text in explain:
        ref = text.strip()
        if not ref:
            raise CountDeskError("--explain-suggested needs a box's reference, e.g. NG2.")
        if ref in refs:
            raise CountDeskError(f"Box {ref} is given twice in --explain-suggested: give it once.")
        refs.append(ref)
    desk = open_desk(db_path)
    messages: list[str] = []
    if import_file is not None or refs:
        done, used = desk.polls.apply(
            operator, import_file=import_file, explain=refs, election_id=election_id
        )
        if done is not None and import_file is not None:
            messages.append(
                f"Imported {plural(done.boxes, 'ballot box or postal batch', 'ballot boxes and postal batches')} "
                f"of {plural(len(done.polls), 'poll')} ({plural(done.lines, 'line')}) from "
                f"{import_file.name}."
            )
        for s in used:
            messages.append(
                f"Recorded for box {s.reference}, as the explanation of {s.over.poll} and "
                f"{s.under.poll}: {s.explanation}"
            )
    data = desk.polls.verification(election_id)
    if as_json:
        echo_json(_data(data))
        return
    for message in messages:
        click.echo(message)
    _echo(data)


COMMANDS = (combined,)
