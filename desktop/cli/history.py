"""The history of a count night: every count side by side, requests, status changes and
declarations."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from desktop.cli.night import request_data
from desktop.cli.options import db_option, json_option, open_desk
from desktop.cli.output import echo_json, iso
from desktop.domain.after_declaration import (
    LEGACY_CORRECTION_WORDS,
    ErrorFound,
    FigureDifference,
    figure_differences,
)
from desktop.domain.figures import format_figure
from desktop.domain.model import Status
from desktop.domain.wording import count_kind_words, decision_outcome, short_time
from desktop.domain.workflow import status_label

if TYPE_CHECKING:
    from desktop.services import CountDesk
    from desktop.services.history import ContestHistory


def _history_data(desk: CountDesk, contest_id: str) -> dict[str, Any]:
    """The history as `history --json` prints it."""
    h = desk.history(contest_id)
    contest = desk.contest(contest_id)
    names = {c.id: c.person_name for c in h.candidates}
    number_of = {rec.count.id: rec.count.number for rec in h.counts}
    produced = {rec.count.request_id: rec.count.number for rec in h.counts if rec.count.request_id}
    kept = h.records
    counts = []
    for i, rec in enumerate(h.counts):
        res = rec.result
        figures = rec.count.figures
        entry: dict[str, Any] = {
            "number": rec.count.number,
            "kind": rec.count.kind,
            "title": rec.title,
            "recorded_at": iso(rec.count.recorded_at),
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
                **request_data(desk, contest_id, r),
                "about_count": number_of.get(r.count_id),
                "new_count": produced.get(r.id),
            }
            for r in kept.requests
        ],
        "status_changes": [
            {
                "from": s.from_status.value,
                "to": s.to_status.value,
                "at": iso(s.at),
                "operator": s.operator,
                "note": s.note,
            }
            for s in kept.status_changes
        ],
        "declarations": [
            {
                "kind": d.kind,
                "stands": not d.is_legacy_correction,
                "declared_at": iso(d.declared_at),
                "count": number_of.get(d.count_id),
                "officer": d.officer,
                "operator": d.operator,
                "reason": d.reason,
            }
            for d in kept.declarations
        ],
        "errors_found": [
            {
                "number": n,
                "found_by": e.found_by,
                "reason": e.reason,
                "recorded_at": iso(e.recorded_at),
                "operator": e.operator,
                "differences": [
                    {
                        **(
                            {"candidate": names.get(int(d.key), d.key)}
                            if d.kind == "votes"
                            else {"rejected": d.key}
                        ),
                        "declared": d.declared,
                        "found": d.found,
                    }
                    for d in _error_differences(h, e)
                ],
            }
            for n, e in enumerate(kept.errors_found, start=1)
        ],
    }


def _sent_count(desk: CountDesk, contest_id: str) -> int | str:
    """The number of the count whose local totals were sent: the count that stands, since a
    sent local count is locked."""
    latest = desk.latest_count(contest_id)
    return "–" if latest is None else latest.number


def _error_differences(h: ContestHistory, error: ErrorFound) -> list[FigureDifference]:
    """The figures an error found changes, against the count declared."""
    declared = next(d for d in h.records.declarations if not d.is_legacy_correction)
    count = next(r.count for r in h.counts if r.count.id == declared.count_id)
    return [d for d in figure_differences(count.figures, error.found) if d.change]


def _echo_history(desk: CountDesk, contest_id: str) -> None:
    """The history for people: the counts side by side, then the requests and changes."""
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
            ("", [count_kind_words(c["kind"]) for c in counts]),
            ("Recorded", [short_time(datetime.fromisoformat(c["recorded_at"])) for c in counts]),
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
                    else "; ".join(str(display.get(n, n)).split(",")[0] for n in value) or "–"
                )
                cells.append(("*" if differs else "") + text)
            return cells

        rows.append(("Valid votes", totals("valid_votes")))
        rows.append(("Rejected total", totals("rejected_total")))
        rows.append((word, totals("majority" if contest.seats == 1 else "margin")))
        if not contest.type.referendum:  # a referendum elects nobody: its answers are above
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
        kind = count_kind_words(standing["kind"])
        click.echo(f"Count {standing['number']} ({kind}) stands; the others stay on record.")
    click.echo("")
    click.echo("Recount requests:" if data["recount_requests"] else "Recount requests: none.")
    for r in data["recount_requests"]:
        whom = f", for {display.get(r['for'], r['for'])}" if r["for"] else ""
        outcome = decision_outcome(r["decision"], refused="refused")
        if r["new_count"]:
            outcome += f" (count {r['new_count']})"
        click.echo(
            f"  {short_time(datetime.fromisoformat(r['requested_at']))}  {r['requested_by']} "
            f"({r['role']}{whom}), about count {r['about_count']}: {outcome}."
            + (f" Reason: {r['reason']}" if r["reason"] else "")
        )
    click.echo("Status changes:" if data["status_changes"] else "Status changes: none.")
    local = contest.is_local_count  # its last stage is "sent"
    for s in data["status_changes"]:
        was = status_label(Status(s["from"]), local_count=local)
        change = f"{was} → {status_label(Status(s['to']), local_count=local)}"
        note = f"  ({s['note']})" if s["note"] else ""
        click.echo(
            f"  {short_time(datetime.fromisoformat(s['at']))}  {change:<36}  {s['operator']}{note}"
        )
    if contest.is_local_count:
        # A local count is not declared: its last record is the local totals sent.
        sent = desk.local_totals.sent(contest_id)
        click.echo(
            "Local totals: not sent yet."
            if sent is None
            else f"Local totals: sent at {short_time(sent.sent_at)}, of count "
            f"{_sent_count(desk, contest_id)}, officer {sent.officer} "
            f"(recorded by {sent.operator}); data ref. {sent.data_ref}."
        )
        return
    click.echo("Declarations:" if data["declarations"] else "Declarations: none.")
    for d in data["declarations"]:
        what = (
            "Declaration"
            if d["stands"]
            else LEGACY_CORRECTION_WORDS[:1].upper() + (LEGACY_CORRECTION_WORDS[1:])
        )
        click.echo(
            f"  {short_time(datetime.fromisoformat(d['declared_at']))}  {what}, of count "
            f"{d['count']}, officer {d['officer']} (recorded by {d['operator']})."
            + (f" Reason: {d['reason']}" if d["reason"] else "")
        )
    errors = data["errors_found"]
    click.echo(
        "Errors found after the declaration (the declaration stands):"
        if errors
        else "Errors found after the declaration: none."
    )
    shown = {c.person_name: c.display_name for c in desk.candidates(contest_id)}
    for e in errors:
        changes = "; ".join(
            f"{shown.get(c['candidate'], c['candidate']) if 'candidate' in c else c['rejected']}"
            f" {c['declared']:,} as declared, {c['found']:,} as now found"
            for c in e["differences"]
        )
        click.echo(
            f"  {e['number']}. {short_time(datetime.fromisoformat(e['recorded_at']))}  found by "
            f"{e['found_by']} (recorded by {e['operator']}): {e['reason']}. {changes}. "
            f"Memorandum: `countdesk-cli memorandum {contest_id} --number {e['number']} -o FILE.pdf`."
        )


@click.command(short_help="Every count of the night side by side.")
@click.argument("contest_id", metavar="ID")
@db_option
@json_option
def history(contest_id: str, db_path: Path | None, as_json: bool) -> None:
    """Every count side by side, the recount requests, the status changes and declarations."""
    desk = open_desk(db_path)
    if as_json:
        echo_json(_history_data(desk, contest_id))
        return
    _echo_history(desk, contest_id)


COMMANDS = (history,)
