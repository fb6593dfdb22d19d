"""The count night: where a contest is, moving it on, warnings acknowledged, recounts.

Refusals because findings block a step show each blocking finding on its own line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.entry import entry_lines
from desktop.cli.options import db_option, json_option, open_desk, operator_option
from desktop.cli.output import echo_blockers, echo_json, iso, papers_line
from desktop.cli.types import DECISION, ROLE, STATUS
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.records import RecountRequest
from desktop.domain.referendum import court_words
from desktop.domain.wording import decision_label, when
from desktop.domain.workflow import RecountDecision, status_label, transition_blockers

if TYPE_CHECKING:
    from desktop.services import CountDesk
    from desktop.services.night import StatusReport


def exit_blocked(desk: CountDesk, contest_id: str, exc: CountDeskError, target: Status) -> None:
    """If ``exc`` refuses ``target`` because findings block it, show them and exit 1: one plain
    line for a step that is not allowed, else each blocking finding on its own line.

    Any other refusal is left to the group's one-line error.
    """
    report = desk.status(contest_id)
    if report.uncontested and target is Status.DECLARED:
        blockers = report.blockers
    else:
        blockers = transition_blockers(desk.night_state(contest_id), target)
    if exc.code not in {f.code for f in blockers}:
        return
    if len(blockers) == 1 and blockers[0].code in (Code.S801, Code.S802):
        click.echo(f"Error: {blockers[0].code}: {blockers[0].message}", err=True)
    else:
        n = len(blockers)
        area = desk.contest(contest_id).area
        click.echo(
            f"Error: {exc.code}: {area} cannot move to {status_label(target)} yet; "
            f"{'this finding blocks it' if n == 1 else f'these {n} findings block it'}:",
            err=True,
        )
        for f in blockers:
            click.echo(f"  {f.code}  {f.message}", err=True)
    click.get_current_context().exit(1)


def _next_step(report: StatusReport) -> str:
    """The next step in words, with the command that takes it when nothing blocks it."""
    cid = report.contest.id
    if report.uncontested:
        return _uncontested_step(report)
    if report.next is None and report.contest.is_local_count:
        return (
            "none: the local totals are sent to the area's returning officer, and locked "
            f"(`countdesk-cli local-totals {cid} -o FILE` writes them again)."
        )
    if report.next is None:
        return (
            "none: the result is declared, final and locked; only "
            f"{court_words(report.contest)} can change it. An error found later is recorded, and "
            "the declaration stands "
            "(`countdesk-cli record-error`)."
        )
    label = status_label(report.next, local_count=report.contest.is_local_count)
    if report.blockers:
        n = len(report.blockers)
        return f"{label}, blocked by {'this finding' if n == 1 else f'these {n} findings'}:"
    if report.next is Status.DECLARED and report.contest.is_local_count:
        how = (
            f'countdesk-cli send {cid} --officer "NAME AS SET" --operator NAME (the local '
            "returning officer confirms by giving their name)"
        )
    elif report.next is Status.DECLARED:
        how = (
            f'countdesk-cli declare {cid} --officer "NAME AS SET" --operator NAME '
            "(the officer confirms by giving their name)"
        )
    else:
        how = f"countdesk-cli advance {cid} --to {report.next.value} --operator NAME"
    return f"{label}; nothing blocks it: {how}"


def _uncontested_step(report: StatusReport) -> str:
    """The one step of an uncontested contest: declaring its candidates duly elected."""
    cid = report.contest.id
    if report.next is None:
        return (
            "none: the candidates were declared duly elected (uncontested, no poll) and the "
            f"notice is kept: print it with `countdesk-cli declaration {cid} -o FILE.pdf`."
        )
    label = "declare the candidates duly elected (uncontested: no poll)"
    if report.blockers:
        n = len(report.blockers)
        return f"{label}, blocked by {'this finding' if n == 1 else f'these {n} findings'}:"
    return (
        f'{label}; nothing blocks it: countdesk-cli declare {cid} --officer "NAME AS SET" '
        "--operator NAME (the officer confirms by giving their name; the notice of uncontested "
        "election is kept)"
    )


def subject_text(desk: CountDesk, contest_id: str, subject: object) -> str:
    """A finding's subject as `acknowledge --subject` takes it: a box reference or a name."""
    if isinstance(subject, int):
        for c in desk.candidates(contest_id):
            if c.id == subject:
                return c.person_name
    return "" if subject is None else str(subject)


def request_data(desk: CountDesk, contest_id: str, request: RecountRequest) -> dict[str, Any]:
    """A recount request for JSON: the candidate by name, the time as ISO 8601."""
    names = {c.id: c.person_name for c in desk.candidates(contest_id)}
    return {
        "requested_by": request.requested_by,
        "role": request.role,
        "for": names.get(request.for_candidate) if request.for_candidate else None,
        "requested_at": iso(request.requested_at),
        "decision": request.decision.value,
        "reason": request.reason,
        "operator": request.operator,
    }


def request_text(desk: CountDesk, contest_id: str, request: RecountRequest) -> str:
    """e.g. "asked for by Agent for Stephenson (agent, for STEPHENSON, Ryan) at 01:15 on …"."""
    by = {c.id: c for c in desk.candidates(contest_id)}
    whom = request.for_candidate
    role = request.role + (f", for {by[whom].display_name}" if whom in by else "")
    return f"asked for by {request.requested_by} ({role}) at {when(request.requested_at)}"


@click.command(short_help="Where the contest is; what blocks the next step.")
@click.argument("contest_id", metavar="ID")
@db_option
@json_option
def status(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Where the contest is, the next step and every finding that blocks it."""
    desk = open_desk(db_path)
    report = desk.status(contest_id)
    warnings = desk.open_warnings(contest_id)
    pending = desk.pending_recount_request(contest_id)
    c = report.contest
    counted = desk.result(contest_id) if c.seats > 1 else None
    entry_data, entry_text = entry_lines(desk, contest_id)
    if as_json:
        data = {
            "contest": c.id,
            "area": c.area,
            "status": report.status.value,
            "next": None if report.next is None else report.next.value,
            **(
                {}
                if counted is None
                else {
                    "valid_papers_counted": counted.valid_papers_counted,
                    "papers_unaccounted": counted.papers_unaccounted,
                }
            ),
            "blockers": [f.as_dict() for f in report.blockers],
            "provisional_shown_at": iso(report.shown_at),
            "declared_at": iso(report.declared_at),
            "uncontested": report.uncontested,
            "stage": report.label,
            "role": c.role if c.type.counted_locally else None,
            "open_warnings": [
                {**w.as_dict(), "subject": subject_text(desk, contest_id, w.subject) or None}
                for w in warnings
            ],
            "pending_recount": None if pending is None else request_data(desk, contest_id, pending),
            "entry": entry_data,
        }
        echo_json(data)
        return
    click.echo(f"{c.area} ({c.id})")
    click.echo(f"{'Status:':<12}{report.label}")
    if report.shown_at is not None:
        shown = "shown" if report.status is Status.PROVISIONAL else "last shown"
        click.echo(f"{'':<12}provisional result {shown} at {when(report.shown_at)}")
    if report.declared_at is not None:
        what = "declared duly elected (uncontested)" if report.uncontested else "declared"
        if c.is_local_count:
            what = "local totals sent"
        click.echo(f"{'':<12}{what} at {when(report.declared_at)}")
    if counted is not None and desk.latest_count(contest_id) is not None:
        click.echo(f"{'Papers:':<12}{papers_line(counted)}")
    click.echo(f"{'Entry:':<12}{entry_text[0]}")
    for line in entry_text[1:]:
        click.echo(f"{'':<12}{line}")
    click.echo(f"{'Next step:':<12}{_next_step(report)}")
    echo_blockers(report.blockers)
    if pending is not None:
        words = decision_label(pending.decision)
        click.echo(
            f"Recount:    a {words} was granted ({request_text(desk, contest_id, pending)}): "
            f"key it in with `countdesk-cli enter`; it becomes a new count and the one before "
            "stays on record."
        )
    if warnings:
        click.echo(
            f"Open warnings ({len(warnings)}), each acknowledged with a reason by a supervisor "
            f"(countdesk-cli acknowledge {c.id} --code CODE [--subject S] --reason TEXT):"
        )
        for w in warnings:
            subject = subject_text(desk, contest_id, w.subject)
            click.echo(
                f"  {w.code}  {w.message}" + (f'  [--subject "{subject}"]' if subject else "")
            )
    else:
        click.echo("Open warnings: none.")


@click.command(short_help="Move the contest on to its next status.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option(
    "--to",
    "to",
    type=STATUS,
    required=True,
    help="verification, count or provisional; or one step back (to declare, use `declare`).",
)
@click.option("--note", default="", help="A note for the audit log.")
@operator_option(required=True)
def advance(contest_id: str, db_path: Path | None, to: str, note: str, operator: str) -> None:
    """Move the contest on to its next status (or one step back before any count)."""
    desk = open_desk(db_path)
    before = desk.contest(contest_id)
    try:
        after = desk.advance(contest_id, to, operator, note)
    except CountDeskError as exc:
        exit_blocked(desk, contest_id, exc, Status(to))
        raise
    click.echo(f"{after.area}: {status_label(before.status)} → {status_label(after.status)}.")
    report = desk.status(contest_id)
    click.echo(f"Next step: {_next_step(report)}")
    echo_blockers(report.blockers)


@click.command(short_help="Acknowledge an open warning, with the reason.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option("--code", required=True, help="The warning's code, e.g. V501 or W602.")
@click.option(
    "--subject",
    default=None,
    help="The box (reference) or candidate (name) the warning is about; without it, every "
    "open warning with this code.",
)
@click.option("--reason", required=True, help="Why it is acceptable; kept in the audit log.")
@operator_option(required=True)
def acknowledge(
    contest_id: str,
    db_path: Path | None,
    code: str,
    subject: str | None,
    reason: str,
    operator: str,
) -> None:
    """A supervisor acknowledges an open warning, with the reason, so the night can go on."""
    desk = open_desk(db_path)
    contest = desk.contest(contest_id)
    code = code.strip().upper()
    open_now = [w for w in desk.open_warnings(contest_id) if w.code == code]
    key: object = None
    if subject is not None:
        by_text = {subject_text(desk, contest_id, w.subject).casefold(): w for w in open_now}
        match = by_text.get(" ".join(subject.split()).casefold())
        if open_now and match is None:
            listed = ", ".join(
                s for s in (subject_text(desk, contest_id, w.subject) for w in open_now) if s
            )
            raise CountDeskError(
                f"Warning {code} is open for {listed or 'the contest as a whole'}, not for "
                f"“{subject}”: give one of those with --subject, or leave --subject out to "
                "acknowledge them all.",
                Code.S804,
            )
        key = subject if match is None else match.subject
    desk.acknowledge_warning(contest_id, code, reason, operator, key)
    what = code if subject is None else f"{code} ({subject_text(desk, contest_id, key)})"
    click.echo(
        f"Acknowledged {what} for {contest.area}, by {' '.join(operator.split())}; the reason "
        "is kept in the audit log."
    )
    left = desk.open_warnings(contest_id)
    if left:
        click.echo(f"Open warnings left: {', '.join(w.code for w in left)}.")
    else:
        click.echo("No open warnings left.")


@click.command(short_help="Record a recount request and the decision.")
@click.argument("contest_id", metavar="ID")
@db_option
@click.option("--requested-by", required=True, help="Who asked for the recount (their name).")
@click.option("--role", type=ROLE, required=True, help="Who they are.")
@click.option(
    "--for", "for_name", default=None, help='The candidate it is for: "Person Name" as imported.'
)
@click.option(
    "--decision",
    type=DECISION,
    required=True,
    help="The Returning Officer's decision.",
)
@click.option("--reason", default="", help="The officer's reason (needed for a refusal).")
@operator_option()
def recount(
    contest_id: str,
    db_path: Path | None,
    requested_by: str,
    role: str,
    for_name: str | None,
    decision: str,
    reason: str,
    operator: str,
) -> None:
    """Record a request for a recount and the Returning Officer's decision on it."""
    desk = open_desk(db_path)
    contest = desk.contest(contest_id)
    value = decision.replace("-", "_")  # the services' word for a bundle check
    for_id = None if for_name is None else desk.candidate_by_name(contest_id, for_name).id
    before = desk.latest_count(contest_id)
    request = desk.record_recount_request(
        contest_id,
        operator,
        requested_by=requested_by,
        role=role,
        decision=value,
        for_candidate=for_id,
        reason=reason,
    )
    asked = request_text(desk, contest_id, request)
    if request.decision is RecountDecision.REFUSED:
        stands = "provisional result" if contest.status is Status.PROVISIONAL else "count"
        click.echo(
            f"Recount refused ({asked}). Reason: {request.reason} The {stands} of "
            f"{contest.area} stands."
        )
        return
    number = (before.number if before else 0) + 1
    words = decision_label(request.decision)
    click.echo(f"{words[0].upper()}{words[1:]} granted for {contest.area} ({asked}).")
    click.echo(
        f"{contest.area} is at the count: key in the {words} with `countdesk-cli enter`; it will "
        f"be recorded as count {number}, and count {number - 1} stays on record."
    )


COMMANDS = (status, advance, acknowledge, recount)
