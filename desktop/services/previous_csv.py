"""Reading a Democracy Club results CSV of an earlier election: the previous result of one
contest's seat, for the press summary's change in share (never for the declaration).

The layout is the candidates CSV's (``person_name``, ``election_id``, ``ballot_paper_id``,
``election_date``, ``party_name``, ``party_id``, ``seats_contested``) with the result columns
``votes_cast`` and ``elected``. A file of a whole election (every constituency of a general
election) is fine: the ballot for the same seat is picked by its area part of the id
(``parl.batley-and-spen.2019-12-12`` for ``parl.batley-and-spen.by.2021-07-01``), or given.
Anything wrong refuses the whole file, naming the line, with a code: another seat or a later
election (E101), no votes (E102), votes that are not whole numbers (E103), a file that cannot
be read as one result (E104).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.domain.characters import visible
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, parse_figure
from desktop.domain.model import Contest
from desktop.domain.parties import PartyRef, person_key
from desktop.domain.press import PreviousCandidate, PreviousResult
from desktop.domain.text import TextProblem
from desktop.services.csv_files import CsvRow, csv_rows, read_csv_text
from desktop.services.texts import kept_code, printed_text

REQUIRED_COLUMNS = (
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "party_name",
    "votes_cast",
)
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}


def seat_part(ballot_id: str) -> str:
    """The part of a ballot id that names the seat: type and date dropped, and a by-election's
    ``by``: ``parl.batley-and-spen.by.2021-07-01`` → ``batley-and-spen``."""
    parts = ballot_id.split(".")[1:]
    if parts and re.fullmatch(r"\d{4}-\d{2}-\d{2}", parts[-1]):
        parts = parts[:-1]
    if parts and parts[-1] == "by":
        parts = parts[:-1]
    return ".".join(parts)


def read_previous_csv(
    path: str | Path, contest: Contest, ballot: str | None = None
) -> PreviousResult:
    """The previous result of ``contest``'s seat from a results file (see the module)."""
    path = Path(path)
    return parse_previous_csv(read_csv_text(path), contest, path.name, ballot)


def parse_previous_csv(
    text: str, contest: Contest, name: str = "the file", ballot: str | None = None
) -> PreviousResult:
    """Parse the text of a results CSV (see ``read_previous_csv``)."""
    try:
        columns, rows = csv_rows(
            text,
            name,
            REQUIRED_COLUMNS[:-1],
            columns_hint="use a Democracy Club results CSV of the earlier election, with its "
            "header.",
        )
    except CountDeskError as exc:
        # The file's shape is wrong: the refusal is the shared CSV check's, with this code.
        raise CountDeskError(exc.message, exc.code or Code.E104) from None
    if not rows:
        raise CountDeskError(
            f"{name} has a header but no result rows, so it holds no votes; nothing was imported.",
            Code.E102,
        )
    if "votes_cast" not in columns:
        raise CountDeskError(
            f"{name} has no votes_cast column, so it holds no result: use Democracy Club's "
            "results CSV of the earlier election, which gives each candidate's votes; nothing "
            "was imported.",
            Code.E102,
        )
    wanted = _choose_ballot(rows, contest, name, ballot)
    mine = [r for r in rows if r.get("ballot_paper_id").strip() == wanted]
    return _previous(mine, contest, name, wanted)


def _choose_ballot(rows: list[CsvRow], contest: Contest, name: str, ballot: str | None) -> str:
    ballots = list(dict.fromkeys(r.get("ballot_paper_id").strip() for r in rows))
    if ballot is not None:
        if ballot not in ballots:
            raise CountDeskError(
                f"{name} has no ballot “{visible(ballot[:80], line_feeds=False)}”: its ballots "
                f"are {_listed(ballots)}; nothing was imported.",
                Code.E101,
            )
        return ballot
    kind = contest.id.split(".")[0]
    same = [b for b in ballots if b.split(".")[0] == kind and seat_part(b) == seat_part(contest.id)]
    if len(same) == 1:
        return same[0]
    if not same:
        raise CountDeskError(
            f"{name} has no result for {contest.area} ({seat_part(contest.id)}): its ballots are "
            f"{_listed(ballots)}. Use the results file of the earlier election for the same "
            "seat, or name its ballot where the seat was renamed (--ballot); nothing was "
            "imported.",
            Code.E101,
        )
    raise CountDeskError(
        f"{name} has more than one result for {contest.area} ({_listed(same)}): name the "
        "one to use (--ballot); nothing was imported.",
        Code.E104,
    )


def _listed(ids: list[str]) -> str:
    shown = [visible(i[:80], line_feeds=False) for i in ids[:5]]
    more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
    return ", ".join(shown) + more


def _previous(rows: list[CsvRow], contest: Contest, name: str, ballot: str) -> PreviousResult:
    first = rows[0]

    def bad(row: CsvRow, what: str, code: Code = Code.E104) -> CountDeskError:
        return CountDeskError(f"Line {row.line} of {name}: {what}; nothing was imported.", code)

    election_id = first.get("election_id").strip()
    if election_id.split(".")[0] != contest.id.split(".")[0]:
        raise bad(
            first,
            f"the ballot {ballot} is of another type of election than {contest.area} "
            f"({contest.type.name})",
            Code.E101,
        )
    day_text = first.get("election_date").strip()
    try:
        poll_date = date.fromisoformat(day_text)
    except ValueError:
        raise bad(
            first, f"the election_date “{visible(day_text[:40], line_feeds=False)}” is not a date"
        ) from None
    if poll_date >= contest.poll_date:
        raise bad(
            first,
            f"the election of {poll_date.isoformat()} is not before this one "
            f"({contest.poll_date.isoformat()}): give the result of the previous election",
            Code.E101,
        )
    seats = contest.seats
    seats_text = first.get("seats_contested").strip()
    if seats_text:
        if not (seats_text.isascii() and seats_text.isdigit() and 1 <= int(seats_text) <= 50):
            raise bad(first, f"seats_contested “{visible(seats_text[:20])}” is not 1 to 50")
        seats = int(seats_text)
    candidates: list[PreviousCandidate] = []
    seen: dict[str, int] = {}
    for row in rows:
        try:
            person = printed_text(row.get("person_name"), "the person_name", required=True)
            party_name = printed_text(row.get("party_name"), "the party_name")
            party_id = kept_code(row.get("party_id"), "the party_id")
        except TextProblem as problem:
            raise bad(row, problem.clause) from None
        if person_key(person) in seen:
            raise bad(row, f"{person} is listed twice (also line {seen[person_key(person)]})")
        seen[person_key(person)] = row.line
        votes_text = row.get("votes_cast")
        if not votes_text.strip():
            raise bad(
                row,
                f"no votes are given for {person} (votes_cast is empty): use the results file, "
                "which gives every candidate's votes",
                Code.E102,
            )
        try:
            votes = parse_figure(votes_text, what=f"The votes for {person}")
        except FigureProblem as problem:
            what = problem.message[0].lower() + problem.message[1:].rstrip(".")
            raise bad(row, what, Code.E103) from None
        elected_text = row.get("elected").strip().casefold()
        if elected_text not in _TRUE | _FALSE:
            raise bad(
                row, f"elected “{visible(elected_text[:20])}” is not True or False for {person}"
            )
        candidates.append(
            PreviousCandidate(
                person, PartyRef(party_id, party_name, person), votes, elected_text in _TRUE
            )
        )
    elected = sum(1 for c in candidates if c.elected)
    if elected > seats:
        raise bad(first, f"{elected} candidates are marked elected for {seats} seat(s)")
    if sum(c.votes for c in candidates) == 0:
        raise bad(first, f"every candidate of {ballot} has 0 votes", Code.E102)
    return PreviousResult(
        contest_id=contest.id,
        election_id=election_id,
        ballot_id=ballot,
        poll_date=poll_date,
        seats=seats,
        candidates=tuple(candidates),
        source=name,
    )
