"""The candidates as on the ballot paper: correct a name, set the order, confirm them.

``candidate`` shows or corrects one candidate's names and description; ``order`` shows the
ballot order, sets it from the statement of persons nominated (``--set``) and confirms the
names and order (``--confirm``). Every change is audited; names and order are fixed once a
count is recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.options import db_option, json_option, open_desk, operator_option
from desktop.cli.output import echo_json
from desktop.domain.errors import CountDeskError

if TYPE_CHECKING:
    from desktop.domain.model import Candidate
    from desktop.services import CountDesk


def _facts(c: Candidate, position: int) -> dict[str, Any]:
    return {
        "id": c.id,
        "person_name": c.person_name,
        "position": position,
        "printed_as": c.display_name,
        "surname": c.surname,
        "forenames": c.forenames,
        "commonly_used_surname": c.common_surname,
        "commonly_used_forenames": c.common_forenames,
        "description": c.description,
        "split_to_confirm": c.split_to_confirm,
    }


def _echo_order(desk: CountDesk, contest_id: str) -> None:
    """The ballot order as it prints, and what is still to confirm."""
    candidates = desk.candidates(contest_id)
    explicit = any(c.ballot_position is not None for c in candidates)
    how = (
        "as set from the statement of persons nominated" if explicit else "alphabetical by surname"
    )
    click.echo(f"Ballot order ({how}):")
    for position, c in enumerate(candidates, 1):
        mark = "  [split at a particle: to confirm]" if c.split_to_confirm else ""
        click.echo(
            f"  {position:>2}  {c.display_name}  –  {c.description or '(no description)'}{mark}"
        )
    for finding in desk.names_to_confirm(contest_id):
        click.echo(f"{finding.code}  {finding.message}")


@click.command()
@click.argument("contest_id", metavar="ID")
@click.argument("person_name", metavar='"PERSON NAME"')
@db_option
@click.option("--surname", help="The surname as on the statement of persons nominated.")
@click.option("--forenames", help="The forenames as on the statement of persons nominated.")
@click.option(
    "--commonly-used-surname", help="A commonly used surname, printed instead ('' clears it)."
)
@click.option(
    "--commonly-used-forenames", help="Commonly used forenames, printed instead ('' clears them)."
)
@click.option("--description", help="The description as on the ballot paper ('' for none).")
@operator_option()
@json_option
def candidate(
    contest_id: str,
    person_name: str,
    db_path: Path | None,
    surname: str | None,
    forenames: str | None,
    commonly_used_surname: str | None,
    commonly_used_forenames: str | None,
    description: str | None,
    operator: str,
    as_json: bool,
) -> None:
    """Show a candidate's names and description, or correct them to the ballot paper's.

    The candidate is named as imported ("Dara Ó Briain"); the change is audited, and refused
    once a count is recorded (S812).
    """
    desk = open_desk(db_path)
    found = desk.candidate_by_name(contest_id, person_name)
    changes = {
        key: value
        for key, value in (
            ("surname", surname),
            ("forenames", forenames),
            ("common_surname", commonly_used_surname),
            ("common_forenames", commonly_used_forenames),
            ("description", description),
        )
        if value is not None
    }
    if changes:
        found = desk.update_candidate(contest_id, found.id, operator, **changes)
    ids = [c.id for c in desk.candidates(contest_id)]
    facts = _facts(found, ids.index(found.id) + 1)
    if as_json:
        echo_json(facts)
        return
    if changes:
        click.echo(f"Saved: {found.person_name} prints as {found.display_name}.")
    labels = [
        ("Name as imported", facts["person_name"]),
        ("Printed as", f"{facts['printed_as']} (ballot position {facts['position']})"),
        ("Surname", found.surname),
        ("Forenames", found.forenames or "–"),
        ("Commonly used surname", found.common_surname or "–"),
        ("Commonly used forenames", found.common_forenames or "–"),
        ("Description", found.description or "(none: printed blank)"),
    ]
    for label, value in labels:
        click.echo(f"{label + ':':<26}{value}")
    if found.split_to_confirm:
        click.echo(
            "The surname was taken with its particle at import: check it against the statement "
            f"of persons nominated, then run `countdesk-cli order {contest_id} --confirm`."
        )


@click.command()
@click.argument("contest_id", metavar="ID")
@click.argument("names", nargs=-1, metavar='["PERSON NAME" ...]')
@db_option
@click.option(
    "--set",
    "set_order",
    is_flag=True,
    help="Set the order to the names given, first on the ballot paper first, every candidate once.",
)
@click.option(
    "--confirm",
    is_flag=True,
    help="Confirm the names, descriptions and order against the statement of persons nominated.",
)
@operator_option()
@json_option
def order(
    contest_id: str,
    names: tuple[str, ...],
    db_path: Path | None,
    set_order: bool,
    confirm: bool,
    operator: str,
    as_json: bool,
) -> None:
    """Show the ballot order; set it from the statement of persons nominated; confirm it.

    `order ID --set "Name" "Name" …` gives every candidate once, in the SOPN's order (refused
    once a count is recorded, S812). `order ID --confirm` records that the names and order
    were checked against the SOPN, which a name split at a surname particle needs (N101)
    before the contest leaves setup. Both are audited.
    """
    if names and not set_order:
        raise CountDeskError(
            "Names were given without --set: to set the ballot order, give --set and then "
            'every candidate once, e.g. --set "Ruth Alder" "Sam Birch" ….'
        )
    if set_order and not names:
        raise CountDeskError(
            "--set needs the candidates' names, every candidate once, in the order of the "
            "statement of persons nominated."
        )
    desk = open_desk(db_path)
    desk.contest(contest_id)
    if set_order:
        ids = [desk.candidate_by_name(contest_id, name).id for name in names]
        desk.set_ballot_order(contest_id, ids, operator, confirm=confirm)
    elif confirm:
        desk.confirm_names(contest_id, operator)
    candidates = desk.candidates(contest_id)
    if as_json:
        echo_json(
            {
                "contest": contest_id,
                "explicit": any(c.ballot_position is not None for c in candidates),
                "candidates": [_facts(c, i) for i, c in enumerate(candidates, 1)],
                "findings": [f.as_dict() for f in desk.names_to_confirm(contest_id)],
            }
        )
        return
    if set_order:
        click.echo("Ballot order set from the statement of persons nominated.")
    if confirm:
        click.echo(
            "Names, descriptions and order confirmed against the statement of persons nominated."
        )
    _echo_order(desk, contest_id)


COMMANDS = (candidate, order)
