"""Reading a Democracy Club candidates CSV into a plan of elections, contests and candidates.

Only the columns CountDesk needs are read; a real export has many more, which are ignored.
Result columns (votes_cast, elected …) are never read as a count. Any malformed row refuses the
whole file with its line number, so nothing is half-imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.election_types import election_type_for
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_SEATS, FigureProblem, whole_number

REQUIRED_COLUMNS = (
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "party_name",
    "post_label",
    "seats_contested",
)


@dataclass(frozen=True)
class PlannedCandidate:
    """One candidate row of the file."""

    line: int
    source_key: str
    person_name: str
    party_name: str
    party_id: str


@dataclass
class PlannedContest:
    """One ballot of the file with its candidates in file order."""

    id: str
    election_id: str
    area: str
    seats: int
    poll_date: date
    candidates: list[PlannedCandidate] = field(default_factory=list)


@dataclass
class PlannedElection:
    """One election of the file."""

    id: str
    poll_date: date
    organisation: str
    contests: dict[str, PlannedContest] = field(default_factory=dict)


def read_candidates_csv(path: str | Path) -> dict[str, PlannedElection]:
    """Read and check the whole file; raise CountDeskError naming the column or line if it is wrong."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CountDeskError(f"There is no file at {path}: check the name and folder.") from None
    except OSError as exc:
        raise CountDeskError(f"{path} cannot be read: {exc.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CountDeskError(
            f"{path.name} is not a UTF-8 text file: export the candidates CSV from Democracy "
            "Club again, or save it as “CSV UTF-8”."
        ) from None
    return parse_candidates_csv(text, path.name)


def _field(row: dict[str, str | None], name: str) -> str:
    return (row.get(name) or "").strip()


def parse_candidates_csv(text: str, name: str = "the file") -> dict[str, PlannedElection]:
    """Parse the text of a candidates CSV (see ``read_candidates_csv``)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = [c.strip() for c in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise CountDeskError(f"{name} is not a readable CSV file ({exc}).") from None
    if not columns:
        raise CountDeskError(f"{name} is empty: it needs a header row and one row per candidate.")
    reader.fieldnames = columns
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        listed = ", ".join(f"“{c}”" for c in missing)
        raise CountDeskError(
            f"{name} has no {listed} column{'s' if len(missing) > 1 else ''}, which CountDesk "
            "needs: use a Democracy Club candidates CSV with its header row."
        )

    elections: dict[str, PlannedElection] = {}
    contests: dict[str, PlannedContest] = {}
    try:
        for row in reader:
            _plan_row(row, reader.line_num, name, elections, contests)
    except csv.Error as exc:
        raise CountDeskError(
            f"Line {reader.line_num} of {name} cannot be read as CSV ({exc}); nothing was imported."
        ) from None
    if not contests:
        raise CountDeskError(f"{name} has a header but no candidate rows.")
    return elections


def _plan_row(
    row: dict[str, str | None],
    line: int,
    name: str,
    elections: dict[str, PlannedElection],
    contests: dict[str, PlannedContest],
) -> None:
    """Check one row and add it to the plan, or raise CountDeskError with its line number."""
    if None in row:
        raise CountDeskError(
            f"Line {line} of {name} has more fields than the header: fix that row; "
            "nothing was imported."
        )
    if not any((v or "").strip() for v in row.values()):
        return

    def bad(what: str, line: int = line) -> CountDeskError:
        return CountDeskError(f"Line {line} of {name}: {what}; nothing was imported.")

    person_name = " ".join(_field(row, "person_name").split())
    election_id = _field(row, "election_id")
    contest_id = _field(row, "ballot_paper_id")
    post_label = " ".join(_field(row, "post_label").split())
    if not person_name:
        raise bad("the person_name is empty")
    if not election_id:
        raise bad("the election_id is empty")
    if not contest_id:
        raise bad("the ballot_paper_id is empty")
    if not post_label:
        raise bad("the post_label is empty")
    try:
        election_type_for(election_id)
    except CountDeskError as exc:
        raise bad(exc.message[0].lower() + exc.message[1:].rstrip(".")) from None
    if contest_id.split(".")[0] != election_id.split(".")[0]:
        raise bad(f"the ballot_paper_id “{contest_id}” is not of the election “{election_id}”")
    try:
        poll_date = date.fromisoformat(_field(row, "election_date"))
    except ValueError:
        raise bad(
            f"the election_date “{_field(row, 'election_date')}” is not a date like 2021-07-01"
        ) from None
    seats_text = _field(row, "seats_contested")
    if not seats_text.isascii() or not seats_text.isdigit() or int(seats_text) < 1:
        raise bad(f"seats_contested “{seats_text}” is not a whole number of seats, 1 or more")
    try:
        seats = whole_number(int(seats_text), "seats_contested", minimum=1, maximum=MAX_SEATS)
    except FigureProblem as problem:
        raise bad(problem.message[0].lower() + problem.message[1:].rstrip(".")) from None

    election = elections.get(election_id)
    if election is None:
        election = elections[election_id] = PlannedElection(
            election_id, poll_date, _field(row, "organisation_name")
        )
    elif election.poll_date != poll_date:
        raise bad(f"the election_date differs from earlier rows of {election_id}")
    contest = contests.get(contest_id)
    if contest is None:
        contest = contests[contest_id] = PlannedContest(
            contest_id, election_id, post_label, seats, poll_date
        )
        election.contests[contest_id] = contest
    elif (contest.election_id, contest.area, contest.seats) != (election_id, post_label, seats):
        raise bad(
            f"the election, post_label or seats_contested differ from earlier rows of {contest_id}"
        )
    person_id = _field(row, "person_id")
    source_key = f"person:{person_id}" if person_id else f"name:{person_name}"
    if any(c.source_key == source_key for c in contest.candidates):
        raise bad(f"{person_name} appears twice in {contest_id}")
    contest.candidates.append(
        PlannedCandidate(
            line, source_key, person_name, _field(row, "party_name"), _field(row, "party_id")
        )
    )
