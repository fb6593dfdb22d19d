"""Exports: a result as plain data, and results as CSV (Democracy Club columns) or JSON.

A CSV export is opened in Excel or LibreOffice as often as it is read by a program, so a text
cell that a spreadsheet would take for a formula goes out with a leading apostrophe (OWASP's
rule for CSV injection). Figures are ints and go out as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from desktop.domain.arithmetic import ContestResult
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_percent
from desktop.domain.referendum import carried, equal_at_top, more_than_half, result_sentence
from desktop.services.reading import Reading


class Exports:
    """Results as data for scripts and other systems."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def result_data(self, contest_id: str) -> dict[str, Any]:
        """The result as plain data: the shape of ``result --json`` and the JSON export."""
        return result_as_data(self.reading.result(contest_id))

    def export(self, contest_ids: Iterable[str], fmt: str) -> str:
        """Export results of these contests as CSV or JSON text."""
        results = [self.reading.result(cid) for cid in contest_ids]
        if fmt == "json":
            data = {"contests": [result_as_data(r) for r in results]}
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if fmt == "csv":
            return results_as_csv(results)
        raise CountDeskError(f"“{fmt}” is not an export format: use csv or json.")


def result_as_data(result: ContestResult) -> dict[str, Any]:
    """A result as JSON-ready data: figures are ints, percentages are strings to 2 decimals."""
    contest = result.contest
    by_id = {line.candidate.id: line for line in result.candidates}
    lines = []
    for line in result.candidates:
        c = line.candidate
        deposit = (
            None if line.deposit_kept is None else ("kept" if line.deposit_kept else "forfeited")
        )
        lines.append(
            {
                "id": c.id,
                "name": c.person_name,
                "surname": c.ballot_surname,
                "forenames": c.ballot_forenames,
                "description": c.description,
                "votes": line.votes,
                "lot_vote": line.lot_vote,
                "share_percent": None if line.share is None else format_percent(line.share),
                "elected": line.elected,
                "deposit": deposit,
            }
        )
    data: dict[str, Any] = {
        "contest": contest.id,
        "election": contest.election_id,
        "area": contest.area,
        "status": contest.status.value,
        "seats": contest.seats,
        "deposit_pounds": contest.type.deposit_pounds,
        "electorate": contest.electorate,
        "ballot_papers_verified": result.ballot_papers_verified,
        "valid_votes": result.valid_votes,
        "rejected": dict(result.rejected),
        "rejected_total": result.rejected_total,
        "turnout_percent": None if result.turnout is None else format_percent(result.turnout),
        "complete": result.complete,
        "candidates": lines,
        "elected": [by_id[cid].candidate.person_name for cid in result.elected],
    }
    if contest.seats == 1:
        data["majority"] = result.majority
        data["unaccounted"] = result.unaccounted
    else:
        data["margin"] = result.majority
        # Several seats reconcile on papers: Q + R against P (DOMAIN.md §4).
        data["valid_papers_counted"] = result.valid_papers_counted
        data["papers_unaccounted"] = result.papers_unaccounted
        data["recorded_before_papers_counted"] = result.recorded_before_papers_counted
    data["tie"] = (
        None
        if result.tie is None
        else {
            "candidates": [
                line.candidate.person_name
                for line in result.candidates
                if line.candidate.id in result.tie.candidates
            ],
            "votes": result.tie.votes,
            "places": result.tie.places,
        }
    )
    data["lots"] = (
        None
        if result.lots is None
        else {
            "drawn_between": [by_id[cid].candidate.person_name for cid in sorted(result.lots.tied)],
            "fell_on": [by_id[cid].candidate.person_name for cid in sorted(result.lots.winners)],
            "method": result.lots.method,
            "witnesses": result.lots.witnesses,
        }
    )
    data["findings"] = [f.as_dict() for f in result.findings]
    data["referendum"] = contest.type.referendum
    if contest.type.referendum:
        data.update(referendum_data(result))
    return data


def referendum_data(result: ContestResult) -> dict[str, Any]:
    """A referendum's part of the result data: the question, each answer's votes in ballot
    order, which answer carried (None while figures are missing or where votes are equal) and
    the outcome in words. It has no seats, deposits or anyone elected."""
    answer = carried(result)
    return {
        "seats": None,
        "deposit_pounds": None,
        "question": result.contest.question,
        "answers": [
            {
                "id": line.candidate.id,
                "answer": line.candidate.display_name,
                "votes": line.votes,
                "share_percent": None if line.share is None else format_percent(line.share),
            }
            for line in result.candidates
        ],
        "carried": None if answer is None else result.line(answer).candidate.display_name,
        "equal_votes": equal_at_top(result),
        "more_than_half": more_than_half(result),
        "outcome": result_sentence(result),
    }


CSV_COLUMNS = (
    "election_id",
    "ballot_paper_id",
    "post_label",
    "seats_contested",
    "person_name",
    "party_name",
    "votes_cast",
    "lot_vote",
    "share_percent",
    "elected",
    "deposit",
    "rejected_total",
    "ballot_papers_verified",
    "valid_papers_counted",
    "total_electorate",
    "turnout_percent",
)


#: What a spreadsheet reads as the start of a formula (or of a cell it would reinterpret).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading ``'``; else unchanged.

    Only text is escaped: figures are ints (never negative) and go out as digits, so a
    spreadsheet still adds them up. A name such as "=HYPERLINK(…)" or "-Independent-" is shown
    as written, with the apostrophe telling the spreadsheet it is text.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def results_as_csv(results: Iterable[ContestResult]) -> str:
    """Results as CSV, one row per candidate in ballot order (Democracy Club column names)."""
    out = io.StringIO()
    # Lines end in CRLF (RFC 4180): a carriage return inside a cell is then quoted with it.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for result in results:
        data = result_as_data(result)
        for line in data["candidates"]:
            row = {
                "election_id": data["election"],
                "ballot_paper_id": data["contest"],
                "post_label": data["area"],
                "seats_contested": data["seats"],
                "person_name": line["name"],
                "party_name": line["description"],
                "votes_cast": line["votes"],
                "lot_vote": line["lot_vote"],
                "share_percent": line["share_percent"],
                "elected": None if data["referendum"] else line["elected"],
                "deposit": line["deposit"],
                "rejected_total": data["rejected_total"],
                "ballot_papers_verified": data["ballot_papers_verified"],
                "valid_papers_counted": data.get("valid_papers_counted"),
                "total_electorate": data["electorate"],
                "turnout_percent": data["turnout_percent"],
            }
            writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return out.getvalue()
