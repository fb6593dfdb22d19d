"""The local totals files: the JSON and the CSV a local count sends, read back by the area.

Both carry the same figures in a stable, documented shape (README, "Local counts and the area
result"). JSON: one object, ``format`` "countdesk.local_totals" and ``version`` 1. CSV: one row
per item, columns ``CSV_COLUMNS``; the ``row`` column says what the row is (candidate,
rejected, valid_votes, rejected_total, ballot_papers_verified, electorate, officer, reference).
Reading refuses anything else (A104) and totals that disagree with their own figures (A108).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from desktop.domain.codes import Code
from desktop.domain.election_types import ElectionType
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_FIGURE
from desktop.domain.local_totals import CandidateTotal, LocalTotals
from desktop.services.exports import FORMULA_STARTS, spreadsheet_safe

FORMAT = "countdesk.local_totals"
VERSION = 1
CSV_COLUMNS = (
    "election_id",
    "contest_id",
    "contest_area",
    "voting_area",
    "poll_date",
    "row",
    "key",
    "name",
    "description",
    "figure",
)

#: The rows that appear once each.
_SINGLE_ROWS = (
    "valid_votes",
    "rejected_total",
    "ballot_papers_verified",
    "electorate",
    "officer",
    "reference",
)


def as_data(totals: LocalTotals, etype: ElectionType) -> dict[str, Any]:
    """The local totals as JSON-ready data (the JSON file's shape)."""
    given = dict(totals.rejected)
    return {
        "format": FORMAT,
        "version": VERSION,
        "election_id": totals.election_id,
        "contest_id": totals.contest_id,
        "contest_area": totals.contest_area,
        "voting_area": totals.voting_area,
        "poll_date": totals.poll_date,
        "candidates": [
            {
                "candidate_id": c.candidate_id,
                "person_name": c.person_name,
                "ballot_name": c.ballot_name,
                "description": c.description,
                "votes": c.votes,
            }
            for c in totals.candidates
        ],
        "rejected": [
            {"key": h.key, "letter": h.letter, "label": h.label, "papers": given.get(h.key)}
            for h in etype.headings
        ],
        "rejected_total": totals.rejected_total,
        "valid_votes": totals.valid_votes,
        "ballot_papers_verified": totals.ballot_papers_verified,
        "electorate": totals.electorate,
        "officer": {"name": totals.officer_name, "title": totals.officer_title},
        "sent_at": totals.sent_at,
        "data_ref": totals.data_ref,
        "record_ref": totals.record_ref,
    }


def to_json(totals: LocalTotals, etype: ElectionType) -> str:
    """The JSON file's text."""
    return json.dumps(as_data(totals, etype), indent=2, ensure_ascii=False) + "\n"


def to_csv(totals: LocalTotals, etype: ElectionType) -> str:
    """The CSV file's text (lines end CRLF; text cells safe to open in a spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    head = [
        totals.election_id,
        totals.contest_id,
        totals.contest_area,
        totals.voting_area,
        totals.poll_date,
    ]
    labels = {h.key: h.label for h in etype.headings}
    rows: list[list[object]] = [
        ["candidate", c.candidate_id, c.ballot_name, c.description, c.votes]
        for c in totals.candidates
    ]
    rows += [["rejected", key, labels.get(key, ""), "", n] for key, n in totals.rejected]
    rows += [
        ["valid_votes", "", "", "", totals.valid_votes],
        ["rejected_total", "", "", "", totals.rejected_total],
        ["ballot_papers_verified", "", "", "", totals.ballot_papers_verified],
        ["electorate", "", "", "", "" if totals.electorate is None else totals.electorate],
        ["officer", "", totals.officer_name, totals.officer_title, ""],
        ["reference", totals.data_ref, totals.record_ref, totals.sent_at, ""],
    ]
    for row in rows:
        writer.writerow([spreadsheet_safe(v) for v in (*head, *row)])
    return out.getvalue()


def _unreadable(name: str, why: str) -> CountDeskError:
    return CountDeskError(
        f"{name} is not a statement of local totals CountDesk can read ({why}): use the JSON or "
        "CSV file that the local count's `countdesk-cli local-totals` (or Night › Save local totals file…) "
        "wrote. Nothing was imported.",
        Code.A104,
    )


def read_totals_file(path: Path) -> str:
    """The text of a local totals file, or CountDeskError (A104) saying why it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CountDeskError(f"There is no file at {path}: check the name and folder.") from None
    except IsADirectoryError:
        raise CountDeskError(f"{path} is a folder: choose the local totals file in it.") from None
    except OSError as exc:
        raise CountDeskError(f"{path} cannot be read: {exc.strerror}.") from None
    if raw.startswith(b"%PDF"):
        raise _unreadable(path.name, "it is the printed statement, a PDF")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _unreadable(path.name, "it is not text saved as UTF-8") from None


def _figure(value: object, name: str, what: str, *, optional: bool = False) -> int | None:
    if optional and value in (None, ""):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        if len(value.lstrip("0")) > len(str(MAX_FIGURE)):
            raise _unreadable(name, f"{what} has {len(value)} digits, more than any count")
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _unreadable(name, f"{what} is “{value}”, not a whole number")
    if value > MAX_FIGURE:
        raise _unreadable(name, f"{what} is {value:,}, more than any count could be")
    return value


def _text(value: object, name: str, what: str) -> str:
    if not isinstance(value, str):
        raise _unreadable(name, f"{what} is missing")
    return value


def read_totals(text: str, name: str) -> LocalTotals:
    """Local totals from a JSON or CSV file's text (told apart by its first character)."""
    stripped = text.lstrip("\ufeff \r\n\t")
    totals, stated = (
        _from_json(stripped, name) if stripped.startswith("{") else _from_csv(text, name)
    )
    valid, rejected = stated
    if valid is not None and valid != totals.valid_votes:
        raise CountDeskError(
            f"{name} gives valid votes of {valid}, but its candidates' votes add up to "
            f"{totals.valid_votes}. Nothing was imported.",
            Code.A108,
        )
    if rejected is not None and rejected != totals.rejected_total:
        raise CountDeskError(
            f"{name} gives {rejected} rejected papers, but its headings add up to "
            f"{totals.rejected_total}. Nothing was imported.",
            Code.A108,
        )
    return totals


def _from_json(text: str, name: str) -> tuple[LocalTotals, tuple[int | None, int | None]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _unreadable(name, f"not JSON: line {exc.lineno}") from None
    except ValueError:  # a number of thousands of digits: Python's limit on reading one
        raise _unreadable(name, "a figure has more digits than any count") from None
    except RecursionError:  # lists within lists thousands deep
        raise _unreadable(name, "its parts are nested deeper than any local totals file") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _unreadable(name, "it does not say it is one")
    if data.get("version") != VERSION:
        raise _unreadable(name, f"version {data.get('version')}, where {VERSION} is read")
    people = data.get("candidates")
    heads = data.get("rejected")
    officer = data.get("officer")
    if not isinstance(people, list) or not isinstance(heads, list) or not isinstance(officer, dict):
        raise _unreadable(name, "its candidates, rejected papers or officer are missing")
    candidates = []
    for person in people:
        if not isinstance(person, dict):
            raise _unreadable(name, "a candidate is not listed with a name and votes")
        ballot_name = _text(person.get("ballot_name"), name, "a candidate's name")
        candidates.append(
            CandidateTotal(
                ballot_name=ballot_name,
                description=str(person.get("description") or ""),
                votes=_figure(person.get("votes"), name, f"the votes for {ballot_name}") or 0,
                candidate_id=_figure(person.get("candidate_id") or 0, name, "a candidate's id")
                or 0,
                person_name=str(person.get("person_name") or ""),
            )
        )
    rejected = []
    for head in heads:
        if not isinstance(head, dict):
            raise _unreadable(name, "a rejected-paper heading is not listed with its papers")
        key = _text(head.get("key"), name, "a rejected-paper heading")
        rejected.append(
            (key, _figure(head.get("papers"), name, f"the papers rejected ({key})") or 0)
        )
    totals = LocalTotals(
        election_id=_text(data.get("election_id"), name, "the election id"),
        contest_id=_text(data.get("contest_id"), name, "the contest id"),
        contest_area=str(data.get("contest_area") or ""),
        voting_area=_text(data.get("voting_area"), name, "the voting area"),
        poll_date=str(data.get("poll_date") or ""),
        candidates=tuple(candidates),
        rejected=tuple(rejected),
        ballot_papers_verified=_figure(
            data.get("ballot_papers_verified"), name, "the ballot papers verified"
        )
        or 0,
        electorate=_figure(data.get("electorate"), name, "the electorate", optional=True),
        officer_name=str(officer.get("name") or ""),
        officer_title=str(officer.get("title") or ""),
        sent_at=str(data.get("sent_at") or ""),
        data_ref=str(data.get("data_ref") or ""),
        record_ref=str(data.get("record_ref") or ""),
    )
    stated = (
        _figure(data.get("valid_votes"), name, "the valid votes", optional=True),
        _figure(data.get("rejected_total"), name, "the rejected total", optional=True),
    )
    return totals, stated


def _unsafe(value: str) -> str:
    """A text cell as written before ``spreadsheet_safe`` escaped it."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def _from_csv(text: str, name: str) -> tuple[LocalTotals, tuple[int | None, int | None]]:
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or tuple(rows[0].keys()) != CSV_COLUMNS:
        raise _unreadable(name, f"its columns are not {', '.join(CSV_COLUMNS)}")
    rows = [{k: _unsafe(v or "") for k, v in row.items() if k is not None} for row in rows]
    first = rows[0]
    candidates: list[CandidateTotal] = []
    rejected: list[tuple[str, int]] = []
    single: dict[str, dict[str, str]] = {}
    for line, row in enumerate(rows, start=2):
        if any(row[k] != first[k] for k in ("election_id", "contest_id", "voting_area")):
            raise _unreadable(name, f"line {line} is of another contest or voting area")
        kind, figure = row["row"], row["figure"]
        if kind == "candidate":
            votes = _figure(figure, name, f"the votes for {row['name']}") or 0
            cid = _figure(row["key"] or "0", name, "a candidate's id") or 0
            candidates.append(CandidateTotal(row["name"], row["description"], votes, cid))
        elif kind == "rejected":
            rejected.append((row["key"], _figure(figure, name, f"rejected ({row['key']})") or 0))
        elif kind in _SINGLE_ROWS:
            single[kind] = row
        else:
            raise _unreadable(name, f"line {line} is a “{kind}” row")
    if "ballot_papers_verified" not in single or not candidates:
        raise _unreadable(name, "its candidates or ballot papers verified are missing")
    officer = single.get("officer", {})
    reference = single.get("reference", {})

    def stated(kind: str) -> int | None:
        return _figure(
            single.get(kind, {}).get("figure"), name, kind.replace("_", " "), optional=True
        )

    totals = LocalTotals(
        election_id=first["election_id"],
        contest_id=first["contest_id"],
        contest_area=first["contest_area"],
        voting_area=first["voting_area"],
        poll_date=first["poll_date"],
        candidates=tuple(candidates),
        rejected=tuple(rejected),
        ballot_papers_verified=stated("ballot_papers_verified") or 0,
        electorate=stated("electorate"),
        officer_name=officer.get("name", ""),
        officer_title=officer.get("description", ""),
        sent_at=reference.get("description", ""),
        data_ref=reference.get("key", ""),
        record_ref=reference.get("name", ""),
    )
    return totals, (stated("valid_votes"), stated("rejected_total"))
