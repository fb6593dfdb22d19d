"""Reading a Democracy Club candidates CSV into a plan of elections, contests and candidates.

Only the columns CountDesk needs are read; a real export has many more, which are ignored.
Result columns (votes_cast, elected …) are never read as a count. Any malformed row refuses the
whole file with its line number, so nothing is half-imported: the file's structure is checked
by ``csv_files`` (UTF-8, no field over a line break, every row as wide as the header), every
text read by the one text check (``desktop.domain.text``: no control or invisible character, a
letter in every name, nothing the declaration cannot print), and the bounds (seats 1–50, poll
dates 1900–2100, at most 100 candidates a contest).

Names, descriptions and order as on the ballot paper (DOMAIN.md §2): a council's export from
its statement of persons nominated may carry ``surname`` and ``forenames``, the
``ballot_description`` and the ``ballot_position``; where it does, they are used as given.
Otherwise the surname is proposed from ``person_name`` (``desktop.domain.names``), the
description is Democracy Club's ``party_description_text`` where given, else ``party_name``,
and the file's order is the SOPN order that identical names keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.bounds import MAX_CANDIDATES, candidates_problem, poll_date_problem
from desktop.domain.characters import visible
from desktop.domain.codes import Code
from desktop.domain.election_types import election_type_for
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_SEATS, FigureProblem, whole_number
from desktop.domain.names import NameSplit, propose_split
from desktop.domain.text import MAX_TEXT, TextProblem
from desktop.services.csv_files import CsvRow, csv_rows, read_csv_text
from desktop.services.texts import kept_code, printed_text

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
    #: The description as on the ballot paper (see the module's docstring).
    description: str
    party_id: str
    #: The surname and forenames: as the file gives them, else proposed from ``person_name``.
    names: NameSplit
    #: Whether the file gave the surname (so the split is the SOPN's, not a proposal).
    surname_given: bool = False
    #: The ballot paper position the file gives, or None.
    ballot_position: int | None = None

    @property
    def split_to_confirm(self) -> bool:
        """Whether the surname was proposed at a particle and must be confirmed."""
        return not self.surname_given and self.names.needs_confirmation


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


#: Rows checked between two reports of progress.
PROGRESS_EVERY = 500


def read_candidates_csv(
    path: str | Path, *, progress: Callable[[int, int], object] | None = None
) -> dict[str, PlannedElection]:
    """Read and check the whole file; raise CountDeskError naming the column or line if it is
    wrong. ``progress`` hears (rows checked, rows in all) every few hundred rows."""
    path = Path(path)
    return parse_candidates_csv(read_csv_text(path), path.name, progress=progress)


def parse_candidates_csv(
    text: str,
    name: str = "the file",
    *,
    progress: Callable[[int, int], object] | None = None,
) -> dict[str, PlannedElection]:
    """Parse the text of a candidates CSV (see ``read_candidates_csv``)."""
    _columns, rows = csv_rows(
        text,
        name,
        REQUIRED_COLUMNS,
        columns_hint="use a Democracy Club candidates CSV with its header row.",
    )
    elections: dict[str, PlannedElection] = {}
    contests: dict[str, PlannedContest] = {}
    # A text checked once is not checked again: a file repeats its ids, areas and parties.
    checked: dict[tuple[str, str], str] = {}
    for n, row in enumerate(rows):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n, len(rows))
        _plan_row(row, name, elections, contests, checked)
    if progress is not None:
        progress(len(rows), len(rows))
    if not contests:
        raise CountDeskError(f"{name} has a header but no candidate rows.")
    for contest in contests.values():
        _check_positions(contest, name)
        problem = candidates_problem(len(contest.candidates), contest.id)
        if problem:
            raise CountDeskError(
                f"Line {contest.candidates[MAX_CANDIDATES].line} of {name}: {problem}; "
                "nothing was imported."
            )
    return elections


def _check_positions(contest: PlannedContest, name: str) -> None:
    """Ballot positions are given for every candidate of a contest or none, each once."""
    given = [c for c in contest.candidates if c.ballot_position is not None]
    if not given:
        return
    if len(given) < len(contest.candidates):
        blank = next(c for c in contest.candidates if c.ballot_position is None)
        raise CountDeskError(
            f"Line {blank.line} of {name}: the ballot_position is blank, but other rows of "
            f"{contest.id} give one: give every candidate's position on the ballot paper, or "
            "none; nothing was imported."
        )
    seen: dict[int, PlannedCandidate] = {}
    for c in given:
        assert c.ballot_position is not None
        if c.ballot_position in seen:
            raise CountDeskError(
                f"Line {c.line} of {name}: ballot_position {c.ballot_position} is also "
                f"{seen[c.ballot_position].person_name}'s (line {seen[c.ballot_position].line}) "
                f"in {contest.id}: each candidate has their own place on the ballot paper; "
                "nothing was imported."
            )
        seen[c.ballot_position] = c


#: A Democracy Club id: lower-case words of letters, digits and hyphens, joined by dots.
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+")


def _plan_row(
    row: CsvRow,
    name: str,
    elections: dict[str, PlannedElection],
    contests: dict[str, PlannedContest],
    checked: dict[tuple[str, str], str],
) -> None:
    """Check one row and add it to the plan, or raise CountDeskError with its line number."""
    line = row.line

    def bad(what: str) -> CountDeskError:
        return CountDeskError(f"Line {line} of {name}: {what}; nothing was imported.")

    def text(column: str, *, required: bool = False) -> str:
        value = row.get(column)
        key = (column, value)
        if key in checked and (checked[key] or not required):
            return checked[key]
        try:
            checked[key] = printed_text(value, f"the {column}", required=required)
        except TextProblem as problem:
            raise bad(problem.clause) from None
        return checked[key]

    def ident(column: str) -> str:
        value = row.get(column).strip()
        if not value:
            raise bad(f"the {column} is empty")
        if len(value) > MAX_TEXT or not _ID.fullmatch(value):
            raise bad(
                f"the {column} “{visible(value[:60], line_feeds=False)}” is not an id like "
                "parl.2021-07-01 (lower-case letters, digits and hyphens, joined by dots)"
            )
        return value

    person_name = text("person_name", required=True)
    election_id = ident("election_id")
    contest_id = ident("ballot_paper_id")
    post_label = text("post_label", required=True)
    try:
        etype = election_type_for(election_id)
    except CountDeskError as exc:
        raise bad(exc.message[0].lower() + exc.message[1:].rstrip(".")) from None
    if etype.referendum:
        # A candidates file lists people standing; a referendum has a question and answers.
        raise CountDeskError(
            f"Line {line} of {name}: “{election_id}” is a referendum, which has a question and "
            "answers, not candidates; nothing was imported. Create the referendum by hand "
            "(countdesk-cli new-referendum, or New election and contest… in the window) and "
            "import the file without its referendum rows.",
            Code.R105,
        )
    if contest_id.split(".")[0] != election_id.split(".")[0]:
        raise bad(f"the ballot_paper_id “{contest_id}” is not of the election “{election_id}”")
    date_text = row.get("election_date").strip()
    try:
        poll_date = date.fromisoformat(date_text) if len(date_text) == 10 else None
    except ValueError:
        poll_date = None
    if poll_date is None:
        raise bad(
            f"the election_date “{visible(date_text[:40], line_feeds=False)}” is not a date "
            "like 2021-07-01"
        )
    date_problem = poll_date_problem(poll_date)
    if date_problem:
        raise bad(date_problem)
    seats_text = row.get("seats_contested").strip()
    if not seats_text.isascii() or not seats_text.isdigit() or int(seats_text) < 1:
        raise bad(
            f"seats_contested “{visible(seats_text[:40], line_feeds=False)}” is not a whole "
            "number of seats, 1 or more"
        )
    try:
        seats = whole_number(int(seats_text), "seats_contested", minimum=1, maximum=MAX_SEATS)
    except FigureProblem as problem:
        raise bad(problem.message[0].lower() + problem.message[1:].rstrip(".")) from None
    organisation = text("organisation_name")

    election = elections.get(election_id)
    if election is None:
        election = elections[election_id] = PlannedElection(election_id, poll_date, organisation)
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
    try:
        person_id = kept_code(row.get("person_id"), "the person_id")
        party_id = kept_code(row.get("party_id"), "the party_id")
    except TextProblem as problem:
        raise bad(problem.clause) from None
    source_key = f"person:{person_id}" if person_id else f"name:{person_name}"
    if any(c.source_key == source_key for c in contest.candidates):
        raise bad(f"{person_name} appears twice in {contest_id}")
    contest.candidates.append(_candidate(row, source_key, person_name, party_id, text, bad))


def _candidate(
    row: CsvRow,
    source_key: str,
    person_name: str,
    party_id: str,
    text: Callable[[str], str],
    bad: Callable[[str], CountDeskError],
) -> PlannedCandidate:
    """One candidate's names, description and ballot position, as on the ballot paper."""
    surname = text("surname")
    names = NameSplit(text("forenames"), surname) if surname else propose_split(person_name)
    if "ballot_description" in row.values:
        description = text("ballot_description")
    else:
        description = text("party_description_text") or text("party_name")
    position_text = row.get("ballot_position").strip()
    position: int | None = None
    if position_text:
        digits = position_text.isascii() and position_text.isdigit()
        if not digits or not 1 <= int(position_text) <= MAX_CANDIDATES:
            raise bad(
                f"the ballot_position “{visible(position_text[:40], line_feeds=False)}” is not "
                "a place on the ballot paper (1, 2, 3 …)"
            )
        position = int(position_text)
    return PlannedCandidate(
        row.line,
        source_key,
        person_name,
        description,
        party_id,
        names,
        surname_given=bool(surname),
        ballot_position=position,
    )
