"""Reading a Democracy Club candidates CSV into a plan of elections, contests and candidates.

Only the columns CountDesk needs are read; a real export has many more, which are ignored.
Result columns (votes_cast, elected …) are never read as a count. Any malformed row refuses the
whole file with its line number, so nothing is half-imported.

Names, descriptions and order as on the ballot paper (DOMAIN.md §2): a council's export from
its statement of persons nominated may carry ``surname`` and ``forenames``, the
``ballot_description`` and the ``ballot_position``; where it does, they are used as given.
Otherwise the surname is proposed from ``person_name`` (``desktop.domain.names``), the
description is Democracy Club's ``party_description_text`` where given, else ``party_name``,
and the file's order is the SOPN order that identical names keep.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.election_types import election_type_for
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_SEATS, FigureProblem, whole_number
from desktop.domain.names import NameSplit, propose_split

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
    for contest in contests.values():
        _check_positions(contest, name)
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
    contest.candidates.append(_candidate(row, line, source_key, person_name, bad))


def _candidate(
    row: dict[str, str | None],
    line: int,
    source_key: str,
    person_name: str,
    bad: Callable[[str], CountDeskError],
) -> PlannedCandidate:
    """One candidate's names, description and ballot position, as on the ballot paper."""
    surname = " ".join(_field(row, "surname").split())
    if surname:
        names = NameSplit(" ".join(_field(row, "forenames").split()), surname)
    else:
        names = propose_split(person_name)
    if "ballot_description" in row:
        description = _field(row, "ballot_description")
    else:
        description = _field(row, "party_description_text") or _field(row, "party_name")
    position_text = _field(row, "ballot_position")
    position: int | None = None
    if position_text:
        digits = position_text.isascii() and position_text.isdigit()
        if not digits or not 1 <= int(position_text) <= 999:
            raise bad(
                f"the ballot_position “{position_text}” is not a place on the ballot paper "
                "(1, 2, 3 …)"
            )
        position = int(position_text)
    return PlannedCandidate(
        line,
        source_key,
        person_name,
        " ".join(description.split()),
        _field(row, "party_id"),
        names,
        surname_given=bool(surname),
        ballot_position=position,
    )
