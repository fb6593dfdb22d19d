"""countdesk-cli: the count from a terminal or a script, over the same services as the window.

Every command takes ``--db PATH`` (default: the app's database in the user's data directory).
Errors go to stderr as one plain sentence with a non-zero exit; never a traceback. Where the
refusal is that findings block the next step, each blocking finding follows on its own line.

The night, in order: ``import`` and ``contest`` (setup), ``advance`` to verification,
``verification`` (boxes imported, counted, explained) and ``acknowledge``, ``advance`` to the count,
``enter`` and ``lots``, ``advance`` to the provisional result, ``recount`` if asked, ``declare``;
afterwards ``correct`` and ``history``. ``status`` says at any point what comes next and what
stands in the way.
"""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, format_figure, format_percent, parse_figure
from desktop.domain.findings import Finding, Severity
from desktop.domain.model import Status
from desktop.domain.verification import verification_findings
from desktop.domain.workflow import status_label, transition_blockers
from desktop.services import CountDesk
from desktop.services.night import StatusReport
from desktop.storage.database import default_database_path

F = TypeVar("F", bound=Callable[..., Any])


class _Group(click.Group):
    """Turns any refusal or unexpected failure into one plain line on stderr."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CountDeskError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as exc:
            click.echo(f"Error: {exc.strerror or exc} ({exc.filename or 'file'}).", err=True)
            ctx.exit(1)
        except Exception as exc:  # a bug: still no traceback in front of a user
            click.echo(
                f"Error: CountDesk could not finish this command ({type(exc).__name__}: {exc}). "
                "Nothing further was saved; please report this.",
                err=True,
            )
            ctx.exit(70)


def _db_option[F: Callable[..., Any]](func: F) -> F:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The CountDesk database file (default: the app's database).",
    )(func)


def _operator_option(required: bool = False) -> Callable[[F], F]:
    if required:
        return click.option(
            "--operator", required=True, help="Who is making this change, for the audit log."
        )
    return click.option(
        "--operator",
        default=getpass.getuser,
        show_default="your login name",
        help="Who is making this change, for the audit log.",
    )


def _count_options(votes_help: str) -> Callable[[F], F]:
    """--votes and --rejected, as `enter` and `correct` both take a whole count."""

    def decorate(func: F) -> F:
        func = click.option(
            "--rejected",
            "rejected",
            multiple=True,
            help="HEADING=FIGURE; headings not given are 0.",
        )(func)
        return click.option(
            "--votes",
            "votes",
            multiple=True,
            required=True,
            help=f'"Person Name=FIGURE", {votes_help}.',
        )(func)

    return decorate


def _open(db_path: Path | None, *, create: bool = False) -> CountDesk:
    """The database to work on; only an import creates one (a mistyped --db is not a new file)."""
    return CountDesk.open(db_path or default_database_path(), create=create)


def _figure(text: str, what: str) -> int:
    try:
        return parse_figure(text, what=what)
    except FigureProblem as exc:
        raise CountDeskError(exc.message, exc.code) from None


_PAIR_EXAMPLES = {
    "--votes": ("NAME=FIGURE", '"Kim Leadbeater=13296"'),
    "--rejected": ("HEADING=FIGURE", "official_mark=12"),
    "--counted": ("REF=FIGURE", "BS01=2,510"),
    "--explain": ("REF=TEXT", '"BS03=A paper from BS04 was found in this box"'),
    "--issued": ("REF=FIGURE", "BS01=2,512"),
    "--rename": ("REF=NAME", '"BS02=Birstall Community Centre"'),
}


def _pair(text: str, option: str, *, first: bool = False) -> tuple[str, str]:
    """Split NAME=VALUE at the last "=" (at the first with ``first``, for free text)."""
    name, sep, value = text.partition("=") if first else text.rpartition("=")
    if not sep or not name.strip():
        form, example = _PAIR_EXAMPLES[option]
        raise CountDeskError(
            f"{option} “{text}” is not of the form {form}, e.g. {option} {example}."
        )
    return name.strip(), value


def _when(at: datetime | None) -> str:
    """A time in words for a sentence, local time: "02:14 on Friday 2 July 2021"."""
    if at is None:
        return "–"
    local = at.astimezone()
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def _short(at: datetime) -> str:
    """A time for a table, local time: "02 Jul 02:14"."""
    return f"{at.astimezone():%d %b %H:%M}"


def _datetime(at: datetime | str) -> datetime:
    """A stored time (``request_recount`` returns its row's times as ISO text)."""
    return datetime.fromisoformat(at) if isinstance(at, str) else at


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _check_output(output: Path | None) -> None:
    """Refuse before acting if a PDF could not be written where asked."""
    if output is not None and not output.parent.is_dir():
        raise CountDeskError(
            f"There is no folder {output.parent} to write {output.name} in: nothing was done."
        )


def _write_pdf(output: Path, pdf: bytes, done: str) -> None:
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        raise CountDeskError(
            f"{done}, but the PDF could not be written to {output} ({exc.strerror or exc}): "
            "print it again with `countdesk-cli declaration ID -o FILE.pdf`."
        ) from None


@click.group(cls=_Group)
@click.version_option(package_name="countdesk")
def cli() -> None:
    """CountDesk: enter the count, check the arithmetic, print the declaration."""


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_db_option
@_operator_option()
def import_(file: Path, db_path: Path | None, operator: str) -> None:
    """Import candidates from a Democracy Club candidates CSV."""
    desk = _open(db_path, create=True)
    summary = desk.import_candidates(file, operator)
    click.echo(summary.describe())
    for election_id in summary.elections_created:
        click.echo(f"  election  {election_id}")
    for contest_id in summary.contests_created:
        contest = desk.contest(contest_id)
        n = len(desk.candidates(contest_id))
        click.echo(
            f"  contest   {contest_id}  {contest.area}, {contest.seats} seat"
            f"{'s' if contest.seats != 1 else ''}, {n} candidates"
        )


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def contests(db_path: Path | None, as_json: bool) -> None:
    """List contests: id, area, seats, status."""
    desk = _open(db_path)
    rows = [
        {"id": c.id, "area": c.area, "seats": c.seats, "status": c.status.value}
        for c in desk.contests()
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No contests yet: import a candidates CSV with `countdesk-cli import FILE`.")
        return
    width = max(len(r["id"]) for r in rows)
    area_width = max(len(r["area"]) for r in rows)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['area']:<{area_width}}  {r['seats']:>2}  {r['status']}")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--electorate", help="Electors on the register for this contest.")
@click.option("--ballot-papers", help="Ballot papers verified.")
@click.option("--officer", help="The declaring officer's name.")
@click.option("--officer-title", help="e.g. Acting Returning Officer.")
@click.option("--address", help="Address for the imprint: Printed and published by …")
@click.option("--authority", help="The council at the head of the election's documents.")
@_operator_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def contest(
    contest_id: str,
    db_path: Path | None,
    electorate: str | None,
    ballot_papers: str | None,
    officer: str | None,
    officer_title: str | None,
    address: str | None,
    authority: str | None,
    operator: str,
    as_json: bool,
) -> None:
    """Show a contest's facts, or set them."""
    desk = _open(db_path)
    c = desk.contest(contest_id)
    electorate_n = None if electorate is None else _figure(electorate, "The electorate")
    papers_n = None if ballot_papers is None else _figure(ballot_papers, "Ballot papers verified")
    changes = (electorate_n, papers_n, officer, officer_title, address, authority)
    if any(value is not None for value in changes):
        with desk.store.transaction():
            c = desk.set_contest_facts(
                contest_id,
                operator,
                electorate=electorate_n,
                ballot_papers_verified=papers_n,
                officer_name=officer,
                officer_title=officer_title,
                imprint_address=address,
            )
            if authority is not None:
                desk.set_election_authority(c.election_id, authority, operator)
    election = desk.election_of(c)
    facts = {
        "id": c.id,
        "election": c.election_id,
        "election_title": election.title,
        "authority": election.authority,
        "area": c.area,
        "seats": c.seats,
        "poll_date": c.poll_date.isoformat(),
        "status": c.status.value,
        "electorate": c.electorate,
        "ballot_papers_verified": c.ballot_papers_verified,
        "officer": c.officer_name,
        "officer_title": c.officer_title_or_default,
        "address": c.imprint_address,
        "candidates": [x.display_name for x in desk.candidates(contest_id)],
    }
    if as_json:
        click.echo(json.dumps(facts, indent=2, ensure_ascii=False))
        return
    labels = [
        ("Contest", facts["id"]),
        ("Area", facts["area"]),
        ("Election", f"{facts['election_title']} ({facts['election']})"),
        ("Authority", facts["authority"] or "–"),
        ("Poll date", facts["poll_date"]),
        ("Seats", facts["seats"]),
        ("Status", facts["status"]),
        ("Electorate", format_figure(c.electorate)),
        ("Ballot papers verified", format_figure(c.ballot_papers_verified)),
        ("Declaring officer", f"{c.officer_name or '–'}, {facts['officer_title']}"),
        ("Imprint address", c.imprint_address or "–"),
    ]
    for label, value in labels:
        click.echo(f"{label + ':':<24}{value}")
    click.echo(f"Candidates ({len(facts['candidates'])}, in ballot order):")
    for name in facts["candidates"]:
        click.echo(f"  {name}")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@_operator_option(required=True)
@_count_options("once per candidate")
def enter(
    contest_id: str,
    db_path: Path | None,
    operator: str,
    votes: tuple[str, ...],
    rejected: tuple[str, ...],
) -> None:
    """Record a count: every candidate's votes and the rejected papers by heading."""
    desk = _open(db_path)
    contest = desk.contest(contest_id)
    by_id, by_key = _count_figures(desk, contest_id, votes, rejected)
    stored = desk.record_count(contest_id, by_id, by_key, operator)
    result = desk.result(contest_id)
    kind = _KIND_WORDS.get(stored.kind, stored.kind)
    click.echo(
        f"Recorded count {stored.number}{'' if stored.kind == 'count' else f' ({kind})'} for "
        f"{contest.area}: valid votes {format_figure(result.valid_votes)}, rejected "
        f"{format_figure(result.rejected_total)}."
    )
    _echo_findings(result.findings)


def _count_figures(
    desk: CountDesk, contest_id: str, votes: Iterable[str], rejected: Iterable[str]
) -> tuple[dict[int, int], dict[str, int]]:
    """Parse --votes "Person Name=N" and --rejected KEY=N into figures by candidate id and key."""
    contest = desk.contest(contest_id)
    by_id: dict[int, int] = {}
    for text in votes:
        name, value = _pair(text, "--votes")
        candidate = desk.candidate_by_name(contest_id, name)
        if candidate.id in by_id:
            raise CountDeskError(
                f"{candidate.person_name} is given twice: give each candidate once."
            )
        by_id[candidate.id] = _figure(value, f"Votes for {candidate.display_name}")
    by_key: dict[str, int] = {}
    for text in rejected:
        key, value = _pair(text, "--rejected")
        heading = contest.type.heading(key)
        by_key[heading.key] = _figure(value, f"Rejected papers “{heading.label.lower()}”")
    return by_id, by_key


_KIND_WORDS = {
    "count": "count",
    "recount": "full recount",
    "bundle_check": "bundle check",
    "correction": "correction",
}


def _echo_findings(findings: Any) -> None:
    if not findings:
        click.echo("All checks pass.")
    for f in findings:
        click.echo(f"  {f.severity.value.upper():<7} {f.code}  {f.message}")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--winner", "winners", multiple=True, required=True, help="On whom the lot fell.")
@click.option("--method", default="", help="How the lots were drawn.")
@click.option("--witnesses", default="", help="Who witnessed the drawing.")
@_operator_option()
def lots(
    contest_id: str,
    db_path: Path | None,
    winners: tuple[str, ...],
    method: str,
    witnesses: str,
    operator: str,
) -> None:
    """Record on whom the lot fell where a tie decides the result."""
    desk = _open(db_path)
    ids = [desk.candidate_by_name(contest_id, name).id for name in winners]
    result = desk.record_lots(contest_id, ids, operator, method, witnesses)
    names = ", ".join(result.line(i).candidate.display_name for i in ids)
    click.echo(f"Recorded: the lot fell on {names}, treated as having one additional vote.")


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def result(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Show the computed result of the count that stands, with every finding."""
    desk = _open(db_path)
    data = desk.result_data(contest_id)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    res = desk.result(contest_id)
    c = res.contest
    click.echo(f"{c.area} ({c.id}), {c.seats} seat{'s' if c.seats != 1 else ''}")
    name_width = max((len(line.candidate.display_name) for line in res.candidates), default=10)
    for line in res.candidates:
        mark = "Elected" if line.elected else ""
        deposit = {True: "", False: "deposit forfeited", None: ""}[line.deposit_kept]
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
    click.echo(f"Electorate: {format_figure(c.electorate)}")
    click.echo(f"Turnout (papers verified ÷ electorate): {format_percent(res.turnout)}%")
    word = "Majority" if c.seats == 1 else "Margin"
    click.echo(f"{word}: {format_figure(res.majority)} ({format_percent(res.majority_share)}%)")
    _echo_findings(res.findings)


@cli.command()
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="PDF file.",
)
@click.option("--provisional", is_flag=True, help="Print the provisional sheet, watermarked.")
def declaration(contest_id: str, db_path: Path | None, output: Path, provisional: bool) -> None:
    """Print the declaration of result (or the provisional sheet) to a PDF file."""
    desk = _open(db_path)
    report = desk.status(contest_id)
    if report.status is Status.DECLARED and not provisional:
        # The declaration kept when it was made (the latest corrected one after a correction).
        kept = desk.declarations(contest_id)[-1]
        output.write_bytes(desk.declaration_pdf(contest_id))
        what = "Corrected declaration" if kept["kind"] == "correction" else "Declaration of result"
        click.echo(
            f"{what} of {report.contest.area}, as declared at {_when(kept['declared_at'])}, "
            f"written to {output}."
        )
        return
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
        sys.exit(1)
    pdf = desk.declaration_pdf(contest_id, provisional=provisional)
    output.write_bytes(pdf)
    if provisional:
        shown = ""
        if report.status is Status.PROVISIONAL and report.shown_at is not None:
            shown = f" (shown to candidates and agents at {_when(report.shown_at)})"
        click.echo(f"Provisional result sheet{shown} written to {output}.")
        return
    click.echo(f"Declaration of result written to {output}.")
    if report.status is not Status.DECLARED:
        click.echo(
            f"Note: {report.contest.area} is not declared yet (status: {report.label}). This is "
            "the sheet the declaration will print; the Returning Officer declares with "
            "`countdesk-cli declare`, which locks the figures and keeps the declaration."
        )


@cli.command()
@click.argument("contest_id", metavar="ID", required=False)
@click.option("--all", "all_contests", is_flag=True, help="Export every contest.")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File."
)
def export(
    contest_id: str | None, all_contests: bool, db_path: Path | None, fmt: str, output: Path
) -> None:
    """Export the result of one contest, or of --all, as CSV or JSON."""
    if bool(contest_id) == all_contests:
        raise CountDeskError("Give one contest ID, or --all, to say what to export.")
    desk = _open(db_path)
    ids = [c.id for c in desk.contests()] if all_contests else [desk.contest(contest_id or "").id]
    output.write_text(desk.export(ids, fmt), encoding="utf-8")
    click.echo(f"Exported {len(ids)} contest{'s' if len(ids) != 1 else ''} to {output}.")


# -- the count night ----------------------------------------------------------------------


def _exit_blocked(desk: CountDesk, contest_id: str, exc: CountDeskError, target: Status) -> None:
    """If ``exc`` refuses ``target`` because findings block it, show them and exit 1: one plain
    line for a step that is not allowed, else each blocking finding on its own line.

    Any other refusal is left to the group's one-line error.
    """
    blockers = transition_blockers(desk.night_state(contest_id), target)
    if exc.code not in {f.code for f in blockers}:
        return
    if len(blockers) == 1 and blockers[0].code in ("S801", "S802"):
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
    if report.next is None:
        return (
            "none: the result is declared and its figures are locked. A mistake found later is "
            "put right by a reasoned correction (`countdesk-cli correct`)."
        )
    label = status_label(report.next)
    if report.blockers:
        n = len(report.blockers)
        return f"{label}, blocked by {'this finding' if n == 1 else f'these {n} findings'}:"
    if report.next is Status.DECLARED:
        how = (
            f'countdesk-cli declare {cid} --officer "NAME AS SET" --operator NAME '
            "(the officer confirms by giving their name)"
        )
    else:
        how = f"countdesk-cli advance {cid} --to {report.next.value} --operator NAME"
    return f"{label}; nothing blocks it: {how}"


def _echo_blockers(blockers: Iterable[Finding]) -> None:
    for f in blockers:
        click.echo(f"  {f.code}  {f.message}")


def _subject_text(desk: CountDesk, contest_id: str, subject: object) -> str:
    """A finding's subject as `acknowledge --subject` takes it: a box reference or a name."""
    if isinstance(subject, int):
        for c in desk.candidates(contest_id):
            if c.id == subject:
                return c.person_name
    return "" if subject is None else str(subject)


def _request_data(desk: CountDesk, contest_id: str, request: dict[str, Any]) -> dict[str, Any]:
    names = {c.id: c.person_name for c in desk.candidates(contest_id)}
    return {
        "requested_by": request["requested_by"],
        "role": request["role"],
        "for": names.get(request["for_candidate"]) if request["for_candidate"] else None,
        "requested_at": _iso(_datetime(request["requested_at"])),
        "decision": request["decision"],
        "reason": request["reason"],
        "operator": request["operator"],
    }


_DECISION_WORDS = {"full": "full recount", "bundle_check": "bundle check", "refused": "refused"}


def _request_text(desk: CountDesk, contest_id: str, request: dict[str, Any]) -> str:
    """e.g. "asked for by Agent for Stephenson (agent, for STEPHENSON, Ryan) at 01:15 on …"."""
    by = {c.id: c for c in desk.candidates(contest_id)}
    whom = request["for_candidate"]
    role = request["role"] + (f", for {by[whom].display_name}" if whom in by else "")
    return (
        f"asked for by {request['requested_by']} ({role}) at "
        f"{_when(_datetime(request['requested_at']))}"
    )


@cli.command(short_help="Where the contest is; what blocks the next step.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def status(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Where the contest is, the next step and every finding that blocks it."""
    desk = _open(db_path)
    report = desk.status(contest_id)
    warnings = desk.open_warnings(contest_id)
    pending = desk.pending_recount(contest_id)
    c = report.contest
    if as_json:
        data = {
            "contest": c.id,
            "area": c.area,
            "status": report.status.value,
            "next": None if report.next is None else report.next.value,
            "blockers": [f.as_dict() for f in report.blockers],
            "provisional_shown_at": _iso(report.shown_at),
            "declared_at": _iso(report.declared_at),
            "open_warnings": [
                {**w.as_dict(), "subject": _subject_text(desk, contest_id, w.subject) or None}
                for w in warnings
            ],
            "pending_recount": None
            if pending is None
            else _request_data(desk, contest_id, pending),
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"{c.area} ({c.id})")
    click.echo(f"{'Status:':<12}{report.label}")
    if report.shown_at is not None:
        shown = "shown" if report.status is Status.PROVISIONAL else "last shown"
        click.echo(f"{'':<12}provisional result {shown} at {_when(report.shown_at)}")
    if report.declared_at is not None:
        click.echo(f"{'':<12}declared at {_when(report.declared_at)}")
    click.echo(f"{'Next step:':<12}{_next_step(report)}")
    _echo_blockers(report.blockers)
    if pending is not None:
        words = _DECISION_WORDS[pending["decision"]]
        click.echo(
            f"Recount:    a {words} was granted ({_request_text(desk, contest_id, pending)}): "
            f"key it in with `countdesk-cli enter`; it becomes a new count and the one before "
            "stays on record."
        )
    if warnings:
        click.echo(
            f"Open warnings ({len(warnings)}), each acknowledged with a reason by a supervisor "
            f"(countdesk-cli acknowledge {c.id} --code CODE [--subject S] --reason TEXT):"
        )
        for w in warnings:
            subject = _subject_text(desk, contest_id, w.subject)
            click.echo(
                f"  {w.code}  {w.message}" + (f'  [--subject "{subject}"]' if subject else "")
            )
    else:
        click.echo("Open warnings: none.")


@cli.command(short_help="Move the contest on to its next status.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option(
    "--to",
    "to",
    required=True,
    metavar="STATUS",
    help="setup, verification, count or provisional (to declare, use `declare`).",
)
@click.option("--note", default="", help="A note for the audit log.")
@_operator_option(required=True)
def advance(contest_id: str, db_path: Path | None, to: str, note: str, operator: str) -> None:
    """Move the contest on to its next status (or one step back before any count)."""
    desk = _open(db_path)
    before = desk.contest(contest_id)
    target = to.strip().lower()
    try:
        after = desk.advance(contest_id, target, operator, note)
    except CountDeskError as exc:
        if target in {s.value for s in Status}:
            _exit_blocked(desk, contest_id, exc, Status(target))
        raise
    click.echo(f"{after.area}: {status_label(before.status)} → {status_label(after.status)}.")
    report = desk.status(contest_id)
    click.echo(f"Next step: {_next_step(report)}")
    _echo_blockers(report.blockers)


def _verification_data(desk: CountDesk, contest_id: str) -> dict[str, Any]:
    lines = desk.verification(contest_id)
    totals = desk.verification_totals(contest_id)
    open_keys = {(w.code, str(w.subject)) for w in desk.open_warnings(contest_id)}
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


def _variance(value: int | None) -> str:
    if value is None:
        return "–"
    return f"{value:+,}" if value else "0"


def _echo_verification(desk: CountDesk, contest_id: str, only: set[str] | None = None) -> None:
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
                "(not explained; acknowledged by a supervisor)"
                if line["reference"] in acknowledged
                else "(not explained)"
            )
        click.echo(
            f"{line['reference']:<{ref_w}}  {line['name']:<{name_w}}  {line['kind']:<6}  "
            f"{format_figure(line['issued']):>8}  {format_figure(line['counted']):>8}  "
            f"{_variance(line['variance']):>8}  {explanation}".rstrip()
        )
    t = data["totals"]
    label_w = ref_w + 2 + name_w + 2 + 6 + 2
    for label, issued, counted in (
        ("Ballot boxes", t["boxes_issued"], t["boxes_counted"]),
        ("Postal ballot papers", t["postal_issued"], t["postal_counted"]),
    ):
        click.echo(f"{label:<{label_w}}{format_figure(issued):>8}  {format_figure(counted):>8}")
    variance = _variance(t["variance"]) if t["not_yet_counted"] < len(lines) else "–"
    click.echo(
        f"{'Total':<{label_w}}{format_figure(t['issued']):>8}  {format_figure(t['counted']):>8}  "
        f"{variance:>8}"
    )
    left = t["not_yet_counted"]
    click.echo(
        f"Ballot papers verified{' so far' if left else ''}: "
        f"{format_figure(data['ballot_papers_verified'])} (the total counted, which the count is "
        "checked against)"
        + (f"; {_plural(left, 'box', 'boxes')} not yet counted." if left else ".")
    )
    if not data["findings"]:
        click.echo("All verification checks pass.")
    for f in data["findings"]:
        ack = "  (acknowledged by a supervisor)" if f["acknowledged"] else ""
        click.echo(f"  {f['severity'].upper():<7} {f['code']}  {f['message']}{ack}")


@cli.command(short_help="Show or record the verification of the boxes.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option(
    "--import",
    "import_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add the boxes and postal batches of a CSV: reference, name, kind (box or postal), issued.",
)
@click.option(
    "--counted",
    multiple=True,
    metavar="REF=N",
    help="Papers counted at verification for one box, e.g. BS01=2,510 (repeat for more).",
)
@click.option(
    "--explain",
    multiple=True,
    metavar='REF="TEXT"',
    help="Why a box's count differs from its ballot paper account (repeat for more).",
)
@click.option(
    "--issued",
    multiple=True,
    metavar="REF=N",
    help="Correct the papers issued per a box's ballot paper account, e.g. BS01=2,512 "
    "(repeat for more).",
)
@click.option(
    "--rename",
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
@_operator_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def verification(
    contest_id: str,
    db_path: Path | None,
    import_file: Path | None,
    counted: tuple[str, ...],
    explain: tuple[str, ...],
    issued: tuple[str, ...],
    rename: tuple[str, ...],
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
    desk = _open(db_path)
    desk.contest(contest_id)

    def pairs(given: tuple[str, ...], option: str, *, first: bool = False) -> dict[str, str]:
        found: dict[str, str] = {}
        for text in given:
            ref, value = _pair(text, option, first=first)
            if ref in found:
                raise CountDeskError(f"Box {ref} is given twice in {option}: give each box once.")
            found[ref] = value
        return found

    figures = {
        ref: _figure(value, f"Papers counted for {ref}")
        for ref, value in pairs(counted, "--counted").items()
    }
    explanations = pairs(explain, "--explain", first=True)
    issued_figures = {
        ref: _figure(value, f"Ballot papers issued for {ref}")
        for ref, value in pairs(issued, "--issued").items()
    }
    names = pairs(rename, "--rename", first=True)
    removals: list[str] = []
    for text in remove:
        ref = text.strip()
        if not ref:
            raise CountDeskError("--remove needs a box's reference, e.g. --remove BS11.")
        if ref in removals:
            raise CountDeskError(f"Box {ref} is given twice in --remove: give each box once.")
        removals.append(ref)
    touched: set[str] = set()
    messages: list[str] = []
    if import_file is not None or figures or explanations or issued_figures or names or removals:
        with desk.store.transaction():
            for ref in removals:
                desk.remove_box(contest_id, ref, operator)
            if import_file is not None:
                before = {line.reference for line in desk.verification(contest_id)}
                n = desk.import_verification_csv(contest_id, import_file, operator)
                touched |= {line.reference for line in desk.verification(contest_id)} - before
                messages.append(
                    f"Imported {_plural(n, 'ballot box or postal batch', 'ballot boxes and postal batches')} "
                    f"from {import_file.name}."
                )
            for ref, value in issued_figures.items():
                desk.correct_box(contest_id, ref, operator, issued=value)
            for ref, name in names.items():
                desk.correct_box(contest_id, ref, operator, name=name)
            for ref, value in figures.items():
                desk.set_box_counted(contest_id, ref, value, operator)
            for ref, text in explanations.items():
                desk.set_box_explanation(contest_id, ref, text, operator)
        touched |= set(issued_figures) | set(names) | set(figures) | set(explanations)
        if removals:
            messages.append(
                f"Removed {_plural(len(removals), 'box', 'boxes')}: {', '.join(removals)}."
            )
        if issued_figures:
            messages.append(
                f"Corrected papers issued for {_plural(len(issued_figures), 'box', 'boxes')}."
            )
        if names:
            messages.append(f"Renamed {_plural(len(names), 'box', 'boxes')}.")
        if figures:
            messages.append(f"Recorded papers counted for {_plural(len(figures), 'box', 'boxes')}.")
        if explanations:
            messages.append(f"Recorded {_plural(len(explanations), 'explanation')}.")
    if as_json:
        click.echo(json.dumps(_verification_data(desk, contest_id), indent=2, ensure_ascii=False))
        return
    for message in messages:
        click.echo(message)
    if messages and import_file is None and not removals:
        _echo_verification(desk, contest_id, only=touched)
    else:
        _echo_verification(desk, contest_id)


@cli.command(short_help="Acknowledge an open warning, with the reason.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--code", required=True, help="The warning's code, e.g. V501 or W602.")
@click.option(
    "--subject",
    default=None,
    help="The box (reference) or candidate (name) the warning is about; without it, every "
    "open warning with this code.",
)
@click.option("--reason", required=True, help="Why it is acceptable; kept in the audit log.")
@_operator_option(required=True)
def acknowledge(
    contest_id: str,
    db_path: Path | None,
    code: str,
    subject: str | None,
    reason: str,
    operator: str,
) -> None:
    """A supervisor acknowledges an open warning, with the reason, so the night can go on."""
    desk = _open(db_path)
    contest = desk.contest(contest_id)
    code = code.strip().upper()
    open_now = [w for w in desk.open_warnings(contest_id) if w.code == code]
    key: object = None
    if subject is not None:
        by_text = {_subject_text(desk, contest_id, w.subject).casefold(): w for w in open_now}
        match = by_text.get(" ".join(subject.split()).casefold())
        if open_now and match is None:
            listed = ", ".join(
                s for s in (_subject_text(desk, contest_id, w.subject) for w in open_now) if s
            )
            raise CountDeskError(
                f"Warning {code} is open for {listed or 'the contest as a whole'}, not for "
                f"“{subject}”: give one of those with --subject, or leave --subject out to "
                "acknowledge them all.",
                "S804",
            )
        key = subject if match is None else match.subject
    desk.acknowledge_warning(contest_id, code, reason, operator, key)
    what = code if subject is None else f"{code} ({_subject_text(desk, contest_id, key)})"
    click.echo(
        f"Acknowledged {what} for {contest.area}, by {' '.join(operator.split())}; the reason "
        "is kept in the audit log."
    )
    left = desk.open_warnings(contest_id)
    if left:
        click.echo(f"Open warnings left: {', '.join(w.code for w in left)}.")
    else:
        click.echo("No open warnings left.")


_DECISIONS = {
    "full": "full",
    "bundle-check": "bundle_check",
    "bundle_check": "bundle_check",
    "refused": "refused",
}


@cli.command(short_help="Record a recount request and the decision.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--requested-by", required=True, help="Who asked for the recount (their name).")
@click.option("--role", required=True, metavar="candidate|agent", help="Who they are.")
@click.option(
    "--for", "for_name", default=None, help='The candidate it is for: "Person Name" as imported.'
)
@click.option(
    "--decision",
    required=True,
    metavar="full|bundle-check|refused",
    help="The Returning Officer's decision.",
)
@click.option("--reason", default="", help="The officer's reason (needed for a refusal).")
@_operator_option()
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
    desk = _open(db_path)
    contest = desk.contest(contest_id)
    value = _DECISIONS.get(decision.strip().lower())
    if value is None:
        raise CountDeskError(
            f"“{decision}” is not a decision: use full, bundle-check or refused.", "S801"
        )
    role_value = role.strip().lower()
    if role_value not in ("candidate", "agent"):
        raise CountDeskError(
            f"“{role}” is not a role: say who asked with --role candidate or --role agent."
        )
    for_id = None if for_name is None else desk.candidate_by_name(contest_id, for_name).id
    before = desk.latest_count(contest_id)
    request = desk.request_recount(
        contest_id,
        operator,
        requested_by=requested_by,
        role=role_value,
        decision=value,
        for_candidate=for_id,
        reason=reason,
    )
    asked = _request_text(desk, contest_id, request)
    if value == "refused":
        stands = "provisional result" if contest.status is Status.PROVISIONAL else "count"
        click.echo(
            f"Recount refused ({asked}). Reason: {request['reason']} The {stands} of "
            f"{contest.area} stands."
        )
        return
    number = (before.number if before else 0) + 1
    words = _DECISION_WORDS[value]
    click.echo(f"{words[0].upper()}{words[1:]} granted for {contest.area} ({asked}).")
    click.echo(
        f"{contest.area} is at the count: key in the {words} with `countdesk-cli enter`; it will "
        f"be recorded as count {number}, and count {number - 1} stays on record."
    )


def _elected_text(result: Any) -> str:
    names = [result.line(cid).candidate.display_name for cid in result.elected]
    text = "; ".join(names) or "no one"
    return text + (" (decided by lot)" if result.lots_applied else "")


@cli.command(short_help="Declare the result: lock it, keep the PDF.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option(
    "--officer",
    required=True,
    help="The declaring officer's name exactly as set for the contest: their confirmation.",
)
@_operator_option(required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the declaration PDF to this file.",
)
def declare(
    contest_id: str, db_path: Path | None, officer: str, operator: str, output: Path | None
) -> None:
    """Declare the provisional result: stamps the time, locks the figures, keeps the PDF."""
    desk = _open(db_path)
    _check_output(output)
    try:
        pdf = desk.declare(contest_id, operator, officer)
    except CountDeskError as exc:
        if desk.contest(contest_id).status is Status.PROVISIONAL:
            _exit_blocked(desk, contest_id, exc, Status.DECLARED)
        raise
    report = desk.status(contest_id)
    area = report.contest.area
    done = f"{area} was declared at {_when(report.declared_at)}"
    click.echo(f"{done}. Elected: {_elected_text(desk.result(contest_id))}.")
    click.echo("Its figures are now locked; the declaration is kept as printed.")
    if output is not None:
        _write_pdf(output, pdf, done)
        click.echo(f"Declaration of result written to {output}.")
    else:
        click.echo(f"Print it with `countdesk-cli declaration {contest_id} -o FILE.pdf`.")


@cli.command(short_help="Correct a declared result, with the reason.")
@click.argument("contest_id", metavar="ID")
@click.option(
    "--winner",
    "winners",
    multiple=True,
    help="Where the corrected figures make a new tie: on whom the lot fell.",
)
@_db_option
@click.option("--reason", required=True, help="Why; printed on the corrected declaration.")
@click.option(
    "--officer",
    required=True,
    help="The declaring officer's name exactly as set for the contest: their confirmation.",
)
@_operator_option(required=True)
@_count_options("once per candidate: every figure, corrected or not")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the corrected declaration PDF to this file.",
)
def correct(
    contest_id: str,
    db_path: Path | None,
    reason: str,
    officer: str,
    operator: str,
    votes: tuple[str, ...],
    rejected: tuple[str, ...],
    output: Path | None,
    winners: tuple[str, ...],
) -> None:
    """Correct a declared result: a new, reasoned count and a corrected declaration.

    The first declaration and its count stay on record.
    """
    desk = _open(db_path)
    _check_output(output)
    by_id, by_key = _count_figures(desk, contest_id, votes, rejected)
    pdf = desk.correct_declaration(
        contest_id,
        operator,
        votes=by_id,
        rejected=by_key,
        reason=reason,
        officer_confirmation=officer,
        lot_winners=[desk.candidate_by_name(contest_id, name).id for name in winners],
    )
    kept = desk.declarations(contest_id)
    latest = desk.latest_count(contest_id)
    area = desk.contest(contest_id).area
    done = f"The corrected declaration of {area} was made at {_when(kept[-1]['declared_at'])}"
    click.echo(
        f"{done}: count {latest.number if latest else '?'} (correction) now stands. "
        f"Elected: {_elected_text(desk.result(contest_id))}."
    )
    click.echo(
        f"The declaration made at {_when(kept[0]['declared_at'])} and its count stay on record "
        "(see `countdesk-cli history`)."
    )
    if output is not None:
        _write_pdf(output, pdf, done)
        click.echo(f"Corrected declaration written to {output}.")


def _history_data(desk: CountDesk, contest_id: str) -> dict[str, Any]:
    h = desk.history(contest_id)
    contest = desk.contest(contest_id)
    names = {c.id: c.person_name for c in h.candidates}
    number_of = {rec.count.id: rec.count.number for rec in h.counts}
    produced = {rec.request["id"]: rec.count.number for rec in h.counts if rec.request}
    counts = []
    for i, rec in enumerate(h.counts):
        res = rec.result
        figures = rec.count.figures
        entry: dict[str, Any] = {
            "number": rec.count.number,
            "kind": rec.count.kind,
            "title": rec.title,
            "recorded_at": _iso(rec.count.recorded_at),
            "operator": rec.count.operator,
            "stands": rec.stands,
            "reason": rec.count.reason,
            "candidates": [
                {
                    "name": c.person_name,
                    "votes": figures.votes.get(c.id),
                    "lot_vote": res.line(c.id).lot_vote,
                    "elected": res.line(c.id).elected,
                    "differs": h.differs(i, c.id),
                }
                for c in h.candidates
            ],
            "rejected": {k: figures.rejected.get(k) for k in h.heading_keys},
            "rejected_differs": [k for k in h.heading_keys if h.differs(i, k)],
            "valid_votes": res.valid_votes,
            "rejected_total": res.rejected_total,
            ("majority" if contest.seats == 1 else "margin"): res.majority,
            "elected": [names[cid] for cid in res.elected],
            "lots": None
            if res.lots is None
            else {"fell_on": [names[cid] for cid in sorted(res.lots.winners)]},
        }
        counts.append(entry)
    standing = next((rec.count.number for rec in h.counts if rec.stands), None)
    return {
        "contest": contest.id,
        "area": contest.area,
        "status": contest.status.value,
        "stands": standing,
        "counts": counts,
        "recount_requests": [
            {
                **_request_data(desk, contest_id, r),
                "about_count": number_of.get(r["count_id"]),
                "new_count": produced.get(r["id"]),
            }
            for r in h.requests
        ],
        "status_changes": [
            {
                "from": s["from_status"],
                "to": s["to_status"],
                "at": _iso(s["at"]),
                "operator": s["operator"],
                "note": s["note"],
            }
            for s in h.status_changes
        ],
        "declarations": [
            {
                "kind": d["kind"],
                "declared_at": _iso(d["declared_at"]),
                "count": number_of.get(d["count_id"]),
                "officer": d["officer"],
                "operator": d["operator"],
                "reason": d["reason"],
            }
            for d in h.declarations
        ],
    }


def _echo_history(desk: CountDesk, contest_id: str) -> None:
    data = _history_data(desk, contest_id)
    contest = desk.contest(contest_id)
    counts = data["counts"]
    click.echo(f"History of the count: {contest.area} ({contest.id}), status {data['status']}")
    if not counts:
        click.echo("No count is recorded yet.")
    else:
        word = "Majority" if contest.seats == 1 else "Margin"
        rows: list[tuple[str, list[str]]] = [
            ("", [f"Count {c['number']}" for c in counts]),
            ("", [_KIND_WORDS.get(c["kind"], c["kind"]) for c in counts]),
            ("Recorded", [_short(datetime.fromisoformat(c["recorded_at"])) for c in counts]),
            ("By", [c["operator"] for c in counts]),
        ]
        display = {c.person_name: c.display_name for c in desk.candidates(contest_id)}
        lots_used = False
        for j, cand in enumerate(counts[0]["candidates"]):
            cells = []
            for c in counts:
                line = c["candidates"][j]
                lot = " +1 lot" if line["lot_vote"] else ""
                lots_used |= bool(lot)
                cells.append(("*" if line["differs"] else "") + format_figure(line["votes"]) + lot)
            rows.append((display.get(cand["name"], cand["name"]), cells))
        for heading in contest.type.headings:
            rows.append(
                (
                    f"Rejected ({heading.letter}) {heading.key.replace('_', ' ')}",
                    [
                        ("*" if heading.key in c["rejected_differs"] else "")
                        + format_figure(c["rejected"][heading.key])
                        for c in counts
                    ],
                )
            )

        def totals(key: str) -> list[str]:
            cells = []
            for i, c in enumerate(counts):
                differs = i > 0 and c[key] != counts[i - 1][key]
                value = c[key]
                text = (
                    format_figure(value)
                    if not isinstance(value, list)
                    else "; ".join(display.get(n, n).split(",")[0] for n in value) or "–"
                )
                cells.append(("*" if differs else "") + text)
            return cells

        rows.append(("Valid votes", totals("valid_votes")))
        rows.append(("Rejected total", totals("rejected_total")))
        rows.append((word, totals("majority" if contest.seats == 1 else "margin")))
        rows.append(("Elected", totals("elected")))
        rows.append(("", ["STANDS" if c["stands"] else "" for c in counts]))
        label_w = max(len(label) for label, _ in rows)
        widths = [max(len(cells[i]) for _, cells in rows) for i in range(len(counts))]
        click.echo("")
        for label, cells in rows:
            line = f"{label:<{label_w}}" + "".join(
                f"  {cell:>{w}}" for cell, w in zip(cells, widths, strict=True)
            )
            click.echo(line.rstrip())
        click.echo("")
        legend = "* differs from the count before it."
        if lots_used:
            legend += " +1 lot: the lot fell on this candidate, treated as one additional vote."
        click.echo(legend)
        standing = next(c for c in counts if c["stands"])
        kind = _KIND_WORDS.get(standing["kind"], standing["kind"])
        click.echo(
            f"Count {standing['number']} ({kind}) stands; the others stay on record."
            + (f" Reason for the correction: {standing['reason']}" if standing["reason"] else "")
        )
    click.echo("")
    click.echo("Recount requests:" if data["recount_requests"] else "Recount requests: none.")
    for r in data["recount_requests"]:
        whom = f", for {display.get(r['for'], r['for'])}" if r["for"] else ""
        outcome = _DECISION_WORDS[r["decision"]]
        outcome = "refused" if r["decision"] == "refused" else f"{outcome} granted"
        if r["new_count"]:
            outcome += f" (count {r['new_count']})"
        click.echo(
            f"  {_short(datetime.fromisoformat(r['requested_at']))}  {r['requested_by']} "
            f"({r['role']}{whom}), about count {r['about_count']}: {outcome}."
            + (f" Reason: {r['reason']}" if r["reason"] else "")
        )
    click.echo("Status changes:" if data["status_changes"] else "Status changes: none.")
    for s in data["status_changes"]:
        change = f"{status_label(Status(s['from']))} → {status_label(Status(s['to']))}"
        note = f"  ({s['note']})" if s["note"] else ""
        click.echo(
            f"  {_short(datetime.fromisoformat(s['at']))}  {change:<36}  {s['operator']}{note}"
        )
    click.echo("Declarations:" if data["declarations"] else "Declarations: none.")
    for d in data["declarations"]:
        what = "Declaration" if d["kind"] == "declaration" else "Corrected declaration"
        click.echo(
            f"  {_short(datetime.fromisoformat(d['declared_at']))}  {what} of count "
            f"{d['count']}, officer {d['officer']} (recorded by {d['operator']})."
            + (f" Reason: {d['reason']}" if d["reason"] else "")
        )


@cli.command(short_help="Every count of the night side by side.")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def history(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Every count side by side, the recount requests, the status changes and declarations."""
    desk = _open(db_path)
    if as_json:
        click.echo(json.dumps(_history_data(desk, contest_id), indent=2, ensure_ascii=False))
        return
    _echo_history(desk, contest_id)


@cli.command(short_help="Print the statement of verification (PDF).")
@click.argument("contest_id", metavar="ID")
@_db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="PDF file.",
)
def statement(contest_id: str, db_path: Path | None, output: Path) -> None:
    """Print the statement of verification (each box, its variance and explanation) to a PDF."""
    desk = _open(db_path)
    contest = desk.contest(contest_id)
    lines = desk.verification(contest_id)
    if not lines:
        raise CountDeskError(
            f"No ballot boxes are listed for {contest.area}, so there is no statement of "
            f"verification to print: import them with `countdesk-cli verification {contest_id} "
            "--import FILE.csv`."
        )
    output.write_bytes(desk.verification_pdf(contest_id))
    click.echo(f"Statement of verification of {contest.area} written to {output}.")
    left = sum(1 for line in lines if line.counted is None)
    if left:
        click.echo(
            f"Note: {_plural(left, 'box', 'boxes')} not yet counted; the statement shows "
            f"{'it' if left == 1 else 'them'} as not yet counted."
        )


def main() -> None:
    """Entry point of ``countdesk-cli``."""
    cli(prog_name="countdesk-cli")
