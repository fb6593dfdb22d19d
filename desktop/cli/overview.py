"""The whole election at a glance: every contest's stage, what it waits for, its result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.options import db_option, json_option, open_desk
from desktop.cli.output import echo_json, iso

if TYPE_CHECKING:
    from desktop.domain.overview import ContestOverview, ElectionOverview

#: The table's columns, with the widest each may take (the result, last, takes what it needs).
_WIDTHS = {"Contest": 34, "Seats": 5, "Stage": 18, "Waiting for": 34}


def _row_data(row: ContestOverview) -> dict[str, Any]:
    """One contest for scripts: the same facts the table shows, figures as numbers."""
    from desktop.domain.figures import format_percent

    result = row.result
    data: dict[str, Any] = {
        "id": row.contest_id,
        "election": row.election_id,
        "election_title": row.election_title,
        "area": row.area,
        "seats": row.seats,
        "status": row.status.value,
        "stage": row.stage,
        "waiting_for": row.waiting,
        "blocking_codes": list(row.codes),
        "boxes": row.boxes,
        "boxes_verified": row.boxes_verified,
        "ballot_papers_verified": row.papers_verified,
        "provisional_shown_at": iso(row.shown_at),
        "declared_at": iso(row.declared_at),
        "uncontested": row.uncontested,
        "result": None
        if result is None
        else {
            "provisional": not result.declared,
            "elected" if result.declared else "leading": [
                {"name": e.name, "description": e.description, "votes": e.votes}
                for e in result.elected
            ],
            "majority" if result.majority_word == "majority" else "margin": result.majority,
            "tie_to_be_decided_by_lot": result.tie_undecided,
            "decided_by_lot": result.by_lot,
            "valid_votes": result.valid_votes,
            "rejected": result.rejected,
            "turnout_percent": None if result.turnout is None else format_percent(result.turnout),
        },
    }
    if result is not None and result.referendum:
        # A referendum: each answer's votes and which carried; nobody is elected or leads.
        data["result"] = {
            "provisional": not result.declared,
            "answers": [{"answer": a.name, "votes": a.votes} for a in result.answers],
            "outcome": result.outcome,
            "majority": result.majority,
            "valid_votes": result.valid_votes,
            "rejected": result.rejected,
            "turnout_percent": None if result.turnout is None else format_percent(result.turnout),
        }
    return data


def _data(view: ElectionOverview) -> dict[str, Any]:
    t = view.totals
    return {
        "contests": [_row_data(r) for r in view.contests],
        "totals": {
            "contests": t.contests,
            "declared": t.declared,
            "ballot_papers_verified": t.papers_verified,
            "boxes": t.boxes,
            "boxes_verified": t.boxes_verified,
            "local_counts": t.local_counts,
            "local_totals_sent": t.sent,
        },
    }


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _echo_table(view: ElectionOverview) -> None:
    from desktop.domain.overview import result_words, totals_words

    rows = []
    for r in view.contests:
        if r.result is None:
            result = ""
        else:
            result = ("" if r.result.declared else "provisional: ") + result_words(r.result)
        rows.append([r.area, r.seats_words, r.stage, r.waiting, result])
    names = [*_WIDTHS, "Result"]
    widths = [
        min(cap, max([len(name), *(len(row[i]) for row in rows)]))
        for i, (name, cap) in enumerate(_WIDTHS.items())
    ]

    def line(cells: list[str]) -> str:
        fixed = [
            _cut(c, w).rjust(w) if i == 1 else _cut(c, w).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ]
        return "  ".join([*fixed, cells[-1]]).rstrip()

    click.echo(line(names))
    several = len({r.election_id for r in view.contests}) > 1
    shown = ""
    for contest, row in zip(view.contests, rows, strict=True):
        if several and contest.election_id != shown:
            # The polls of a combined night, each under its own title.
            shown = contest.election_id
            click.echo(f"-- {contest.election_title} ({contest.election_id})")
        click.echo(line(row))
    click.echo(totals_words(view.totals))


@click.command(short_help="Every contest of the election: stage, what it waits for, result.")
@click.argument("election_id", required=False, default=None)
@db_option
@json_option
def overview(election_id: str | None, db_path: Path | None, as_json: bool) -> None:
    """Every contest of ELECTION (every election in the database if none is given): its
    seats, its stage of the night, what it waits for (with the blocking codes in --json) and,
    once counted, the result: who is elected, their votes and the majority or margin. A result
    not yet declared is marked provisional. Then the venue's totals."""
    desk = open_desk(db_path)
    view = desk.overview.election(election_id)
    if as_json:
        echo_json(_data(view))
        return
    if not view.contests:
        click.echo("No contests yet: import the candidates (countdesk-cli import FILE).")
        return
    _echo_table(view)


COMMANDS = [overview]
