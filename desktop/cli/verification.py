"""Verification: each box's papers issued and counted, the variances and their explanations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.options import db_option, json_option, open_desk, operator_option
from desktop.cli.output import echo_json
from desktop.cli.types import Pair
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.findings import Severity
from desktop.domain.verification import verification_findings
from desktop.domain.wording import plural, signed

if TYPE_CHECKING:
    from desktop.services import CountDesk

COUNTED = Pair("REF=FIGURE", "BS01=2,510", figure="Papers counted for {ref}")
EXPLAIN = Pair("REF=TEXT", '"BS03=A paper from BS04 was found in this box"', first=True)
ISSUED = Pair("REF=FIGURE", "BS01=2,512", figure="Ballot papers issued for {ref}")
RENAME = Pair("REF=NAME", '"BS02=Birstall Community Centre"', first=True)


def _verification_data(desk: CountDesk, contest_id: str) -> dict[str, Any]:
    """The verification as `verification --json` prints it."""
    lines = desk.verification(contest_id)
    totals = desk.verification_totals(contest_id)
    open_keys = {(w.code, str(w.subject)) for w in desk.open_warnings(contest_id)}
    accepted = desk.accepted_variances(contest_id)
    findings = []
    for f in verification_findings(lines):
        acknowledged = f.severity is Severity.WARNING and (f.code, str(f.subject)) not in open_keys
        findings.append({**f.as_dict(), "subject": f.subject, "acknowledged": acknowledged})
    return {
        "contest": contest_id,
        "lines": [
            {
                "reference": line.reference,
                "name": line.name,
                "kind": line.kind.value,
                "issued": line.issued,
                "counted": line.counted,
                "variance": line.variance,
                "explanation": line.explanation,
                # The reason a supervisor gave for accepting a variance not explained.
                "accepted": accepted.get(line.reference),
                "unused": line.unused,
                "spoilt": line.spoilt,
                "tendered": line.tendered,
            }
            for line in lines
        ],
        "totals": {
            "issued": totals.issued,
            "counted": totals.counted,
            "variance": totals.variance,
            "not_yet_counted": totals.uncounted,
            "boxes_issued": totals.boxes_issued,
            "boxes_counted": totals.boxes_counted,
            "postal_issued": totals.postal_issued,
            "postal_counted": totals.postal_counted,
        },
        "ballot_papers_verified": desk.contest(contest_id).ballot_papers_verified,
        "findings": findings,
    }


def _echo_verification(desk: CountDesk, contest_id: str, only: set[str] | None = None) -> None:
    """The verification table for people (only the boxes in ``only``, if given)."""
    data = _verification_data(desk, contest_id)
    contest = desk.contest(contest_id)
    lines = data["lines"]
    if not lines:
        click.echo(
            f"No ballot boxes are listed for {contest.area} yet: import them with "
            f"`countdesk-cli verification {contest_id} --import FILE.csv` (columns reference, "
            "name, kind (box or postal), issued)."
        )
        return
    shown = [line for line in lines if only is None or line["reference"] in only]
    acknowledged = {
        f["subject"] for f in data["findings"] if f["acknowledged"] and f.get("subject")
    }
    ref_w = max(len("Ref"), *(len(line["reference"]) for line in lines))
    name_w = max(len("Name"), *(len(line["name"]) for line in lines))
    head = (
        f"{'Ref':<{ref_w}}  {'Name':<{name_w}}  {'Kind':<6}  {'Issued':>8}  {'Counted':>8}  "
        f"{'Variance':>8}  Explanation"
    )
    if only is None:
        click.echo(f"Verification of {contest.area} ({contest_id})")
    click.echo(head)
    for line in shown:
        explanation = line["explanation"]
        if line["variance"] and not explanation:
            explanation = (
                f"(variance accepted by the supervisor: {line['accepted']})"
                if line["accepted"]
                else "(not explained; acknowledged by a supervisor)"
                if line["reference"] in acknowledged
                else "(not explained)"
            )
        click.echo(
            f"{line['reference']:<{ref_w}}  {line['name']:<{name_w}}  {line['kind']:<6}  "
            f"{format_figure(line['issued']):>8}  {format_figure(line['counted']):>8}  "
            f"{signed(line['variance'], minus='-', none='–'):>8}  {explanation}".rstrip()
        )
    t = data["totals"]
    label_w = ref_w + 2 + name_w + 2 + 6 + 2
    for label, issued, counted in (
        ("Ballot boxes", t["boxes_issued"], t["boxes_counted"]),
        ("Postal ballot papers (returned)", t["postal_issued"], t["postal_counted"]),
    ):
        click.echo(f"{label:<{label_w}}{format_figure(issued):>8}  {format_figure(counted):>8}")
    total = signed(t["variance"], minus="-", none="–") if t["not_yet_counted"] < len(lines) else "–"
    click.echo(
        f"{'Total':<{label_w}}{format_figure(t['issued']):>8}  {format_figure(t['counted']):>8}  "
        f"{total:>8}"
    )
    left = t["not_yet_counted"]
    click.echo(
        f"Ballot papers verified{' so far' if left else ''}: "
        f"{format_figure(data['ballot_papers_verified'])} (the total counted, which the count is "
        "checked against)" + (f"; {plural(left, 'box', 'boxes')} not yet counted." if left else ".")
    )
    if not data["findings"]:
        click.echo("All verification checks pass.")
    for f in data["findings"]:
        ack = "  (acknowledged by a supervisor)" if f["acknowledged"] else ""
        click.echo(f"  {f['severity'].upper():<7} {f['code']}  {f['message']}{ack}")
    _echo_shared(desk, contest_id, {line["reference"] for line in shown})


def _echo_shared(desk: CountDesk, contest_id: str, shown: set[str]) -> None:
    """Which of the boxes shown hold other polls' papers too, and any cross-poll suggestion."""
    shared = desk.polls.shared_with(contest_id)
    also = [
        f"{ref} (also: "
        + ", ".join(
            f"{p.poll} {format_figure(p.line.issued)}"
            for p in b.polls
            if p.contest_id != contest_id
        )
        + ")"
        for ref, b in shared.items()
        if ref in shown
    ]
    if also:
        click.echo(f"Boxes shared with other polls: {'; '.join(also)}.")
    for s in desk.polls.suggestions_for(contest_id):
        if s.open and s.reference in shown:
            f = s.finding()
            click.echo(f"  {f.severity.upper():<7} {f.code}  {f.message}")
            click.echo(
                f"          To record it: countdesk-cli combined --explain-suggested {s.reference}"
            )


def _by_box[T](given: tuple[tuple[str, T], ...], option: str) -> dict[str, T]:
    """REF=VALUE pairs by box reference; a box given twice in one option is refused."""
    found: dict[str, T] = {}
    for ref, value in given:
        if ref in found:
            raise CountDeskError(f"Box {ref} is given twice in {option}: give each box once.")
        found[ref] = value
    return found


@click.command(short_help="Show or record the verification of the boxes.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--import",
    "import_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add the boxes and postal batches of a CSV: reference, name, kind (box or postal), "
    "issued (for a postal batch, the papers returned); optionally unused, spoilt, tendered.",
)
@click.option(
    "--counted",
    type=COUNTED,
    multiple=True,
    metavar="REF=N",
    help="Papers counted at verification for one box, e.g. BS01=2,510 (repeat for more).",
)
@click.option(
    "--explain",
    type=EXPLAIN,
    multiple=True,
    metavar='REF="TEXT"',
    help="Why a box's count differs from its ballot paper account (repeat for more).",
)
@click.option(
    "--issued",
    type=ISSUED,
    multiple=True,
    metavar="REF=N",
    help="Correct the papers issued per a box's ballot paper account, e.g. BS01=2,512 "
    "(repeat for more).",
)
@click.option(
    "--rename",
    type=RENAME,
    multiple=True,
    metavar='REF="NAME"',
    help="Correct the name of a box's polling station or postal batch (repeat for more).",
)
@click.option(
    "--remove",
    multiple=True,
    metavar="REF",
    help="Remove a box or postal batch listed by mistake, before any count is recorded "
    "(repeat for more).",
)
@operator_option()
@json_option
def verification(
    contest_id: str,
    db_path: Path | None,
    import_file: Path | None,
    counted: tuple[tuple[str, int], ...],
    explain: tuple[tuple[str, str], ...],
    issued: tuple[tuple[str, int], ...],
    rename: tuple[tuple[str, str], ...],
    remove: tuple[str, ...],
    operator: str,
    as_json: bool,
) -> None:
    """Show the verification (each box: issued, counted, variance), or record it.

    With no option it shows every box, the totals and the findings (V501, V502). --import,
    --counted and --explain record; --issued, --rename and --remove put a wrongly listed box
    right. All of one command is saved together, or nothing is: boxes are removed first (so a
    corrected file can then be imported), then the import, the corrections, the papers counted
    and the explanations.
    """
    figures = _by_box(counted, "--counted")
    explanations = _by_box(explain, "--explain")
    issued_figures = _by_box(issued, "--issued")
    names = _by_box(rename, "--rename")
    removals: list[str] = []
    for text in remove:
        ref = text.strip()
        if not ref:
            raise CountDeskError("--remove needs a box's reference, e.g. --remove BS11.")
        if ref in removals:
            raise CountDeskError(f"Box {ref} is given twice in --remove: give each box once.")
        removals.append(ref)
    desk = open_desk(db_path)
    desk.contest(contest_id)
    touched: set[str] = set()
    messages: list[str] = []
    if import_file is not None or figures or explanations or issued_figures or names or removals:
        update = desk.apply_verification(
            contest_id,
            operator,
            remove=removals,
            import_file=import_file,
            issued=issued_figures,
            names=names,
            counted=figures,
            explanations=explanations,
        )
        touched |= set(update.imported)
        if import_file is not None:
            n = len(update.imported)
            messages.append(
                f"Imported {plural(n, 'ballot box or postal batch', 'ballot boxes and postal batches')} "
                f"from {import_file.name}."
            )
        touched |= set(issued_figures) | set(names) | set(figures) | set(explanations)
        if removals:
            messages.append(
                f"Removed {plural(len(removals), 'box', 'boxes')}: {', '.join(removals)}."
            )
        if issued_figures:
            messages.append(
                f"Corrected papers issued for {plural(len(issued_figures), 'box', 'boxes')}."
            )
        if names:
            messages.append(f"Renamed {plural(len(names), 'box', 'boxes')}.")
        if figures:
            messages.append(f"Recorded papers counted for {plural(len(figures), 'box', 'boxes')}.")
        if explanations:
            messages.append(f"Recorded {plural(len(explanations), 'explanation')}.")
    if as_json:
        echo_json(_verification_data(desk, contest_id))
        return
    for message in messages:
        click.echo(message)
    if messages and import_file is None and not removals:
        _echo_verification(desk, contest_id, only=touched)
    else:
        _echo_verification(desk, contest_id)


COMMANDS = (verification,)
