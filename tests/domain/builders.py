"""Small builders for domain tests: contests, candidates and counts with readable defaults.

Candidates get ids 1..n and surnames in alphabetical order, so ballot order is id order and a
test can say "candidate 3" and mean the third line of the declaration.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.election_types import ELECTION_TYPES
from desktop.domain.model import Candidate, Contest, CountFigures, LotsDrawing
from desktop.domain.names import split_person_name

SURNAMES = (
    "ADAMS",
    "BROWN",
    "CLARK",
    "DAVIES",
    "EVANS",
    "FOSTER",
    "GREEN",
    "HUGHES",
    "IQBAL",
    "JONES",
    "KHAN",
    "LEWIS",
    "MORGAN",
    "NASH",
    "OWEN",
    "PATEL",
)

CONTEST_IDS = {
    "parl": "parl.testshire-north.2024-07-04",
    "local": "local.testshire.middle-ward.2024-05-02",
    "pcc": "pcc.testshire.2024-05-02",
    "mayor": "mayor.testshire.2024-05-02",
    "ref": "ref.testshire.village-plan.2024-05-02",
}

BATLEY_CSV = Path(__file__).resolve().parents[2] / "resources" / "demo" / "batley-and-spen-2021.csv"

#: An illustrative split of Batley and Spen's 91 rejected papers: the published sources give
#: only the total, so these heading figures are made up (DOMAIN.md §8).
BATLEY_REJECTED_ILLUSTRATIVE = {
    "official_mark": 4,
    "too_many_votes": 29,
    "identifying_mark": 2,
    "unmarked_or_void": 56,
}


def make_candidates(n: int) -> list[Candidate]:
    """n candidates, ids 1..n, in ballot order by id."""
    if n > len(SURNAMES):
        return [Candidate(i + 1, f"CANDIDATE{i + 1:03d}", "Test") for i in range(n)]
    return [Candidate(i + 1, SURNAMES[i], f"Forename{i + 1}") for i in range(n)]


def make_contest(
    *,
    seats: int = 1,
    papers: int | None = None,
    electorate: int | None = None,
    officer: str = "Jane Officer",
    type_code: str = "parl",
) -> Contest:
    """A contest of the given type with the given figures (nothing guessed)."""
    contest_id = CONTEST_IDS[type_code]
    return Contest(
        id=contest_id,
        election_id=contest_id.split(".")[0] + "." + contest_id.rsplit(".", 1)[1],
        area="Testshire",
        seats=seats,
        poll_date=date(2024, 7, 4),
        electorate=electorate,
        ballot_papers_verified=papers,
        officer_name=officer,
    )


def wholly_rejected_total(rejected: Mapping[str, int | None], type_code: str = "parl") -> int:
    """R: the papers wholly rejected, i.e. every heading except "rejected in part"."""
    headings = ELECTION_TYPES[type_code].headings
    return sum(rejected.get(h.key) or 0 for h in headings if h.wholly_rejected)


def rejected_by_heading(total: int, type_code: str = "parl") -> dict[str, int]:
    """``total`` rejected papers all under the first heading, 0 under the others."""
    keys = ELECTION_TYPES[type_code].heading_keys
    return {key: (total if i == 0 else 0) for i, key in enumerate(keys)}


_AUTO = object()


def papers_that_fit(votes: Sequence[int | None], seats: int, rejected_total: int) -> int:
    """Ballot papers verified that reconcile exactly (single seat) or comfortably (N seats)."""
    counted = [v or 0 for v in votes]
    if seats == 1:
        return sum(counted) + rejected_total
    most = max(counted, default=0)
    needed = -(-sum(counted) // seats)  # ceiling division
    return rejected_total + max(most, needed)


@dataclass(frozen=True)
class Run:
    """What a test set up, and what compute_result made of it."""

    contest: Contest
    candidates: list[Candidate]
    figures: CountFigures
    result: ContestResult

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.result.findings]

    def findings(self, code: str) -> list:
        return [f for f in self.result.findings if f.code == code]


def run_count(
    votes: Sequence[int | None],
    *,
    seats: int = 1,
    rejected: int | Mapping[str, int | None] = 0,
    papers: object = _AUTO,
    electorate: object = _AUTO,
    officer: str = "Jane Officer",
    type_code: str = "parl",
    lots: LotsDrawing | None = None,
    rejected_total_entered: int | None = None,
    papers_counted: object = _AUTO,
    before_papers_counted: bool = False,
) -> Run:
    """Compute a count. By default the papers reconcile and turnout is 50%, so a test changes
    only the figure it is about: with several seats, the valid ballot papers counted Q are
    P − R unless given (None: not entered)."""
    candidates = make_candidates(len(votes))
    if isinstance(rejected, int):
        rejected_map: Mapping[str, int | None] = rejected_by_heading(rejected, type_code)
    else:
        rejected_map = rejected
    rejected_total = wholly_rejected_total(rejected_map, type_code)
    if papers is _AUTO:
        papers = papers_that_fit(votes, seats, rejected_total)
    if electorate is _AUTO:
        electorate = None if papers is None else max(2 * papers, 1)
    contest = make_contest(
        seats=seats,
        papers=papers,  # type: ignore[arg-type]
        electorate=electorate,  # type: ignore[arg-type]
        officer=officer,
        type_code=type_code,
    )
    if papers_counted is _AUTO:
        papers_counted = None if seats == 1 or papers is None else papers - rejected_total
    figures = CountFigures(
        votes={c.id: v for c, v in zip(candidates, votes, strict=True)},
        rejected=dict(rejected_map),
        rejected_total_entered=rejected_total_entered,
        valid_papers_counted=papers_counted,  # type: ignore[arg-type]
        recorded_before_papers_counted=before_papers_counted,
    )
    result = compute_result(contest, candidates, figures, lots)
    return Run(contest, candidates, figures, result)


def lots(tied: Sequence[int], winners: Sequence[int]) -> LotsDrawing:
    """A drawing of lots between ``tied``, falling on ``winners``."""
    return LotsDrawing(tied=frozenset(tied), winners=frozenset(winners), method="Drawn from a box")


def batley_rows() -> list[dict[str, str]]:
    """The Batley and Spen 2021 by-election as published, one row per candidate."""
    with BATLEY_CSV.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def batley_candidates() -> tuple[list[Candidate], dict[int, int], list[dict[str, str]]]:
    """Candidates (surname = last word of the name), votes by id, and the raw rows."""
    rows = batley_rows()
    candidates: list[Candidate] = []
    votes: dict[int, int] = {}
    for i, row in enumerate(rows, start=1):
        forenames, surname = split_person_name(row["person_name"])
        candidates.append(
            Candidate(
                id=i,
                surname=surname,
                forenames=forenames,
                description=row["party_name"],
                person_name=row["person_name"],
            )
        )
        votes[i] = int(row["votes_cast"])
    return candidates, votes, rows
