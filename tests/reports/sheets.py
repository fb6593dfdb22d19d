"""Contests, snapshots and PDF text helpers shared by the tests of the printed documents."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.model import Candidate, Contest, CountFigures, Election, LotsDrawing
from reports.declaration import render_declaration
from reports.snapshot import DeclarationSnapshot, build_snapshot

BATLEY = Election(
    "parl.2021-07-01",
    date(2021, 7, 1),
    title="Batley and Spen by-election",
    authority="Kirklees Council",
)

WANDSWORTH = Election(
    "local.wandsworth.2014-05-22",
    date(2014, 5, 22),
    title="Wandsworth Borough Council elections",
    authority="London Borough of Wandsworth",
)

# Batley and Spen 2021 as published; the split of the 91 rejected papers is illustrative.
BATLEY_CANDIDATES = (
    (1, "Paul", "Bickerdike", "Christian Peoples Alliance", 102),
    (2, "Mike", "Davies", "Alliance for Green Socialism", 104),
    (3, "Jayda", "Fransen", "Independent", 50),
    (4, "George", "Galloway", "Workers Party of Britain", 8_264),
    (5, "Tom", "Gordon", "Liberal Democrats", 1_254),
    (6, "Thérèse", "Hirst", "English Democrats", 207),
    (7, "Howling Laud", "Hope", "The Official Monster Raving Loony Party", 107),
    (8, "Susan", "Laird", "Heritage Party", 33),
    (9, "Kim", "Leadbeater", "Labour Party", 13_296),
    (10, "Oliver", "Purser", "Social Democratic Party", 66),
    (11, "Corey", "Robinson", "Yorkshire Party", 816),
    (12, "Andrew", "Smith", "Rejoin EU", 75),
    (13, "Ryan", "Stephenson", "Conservative and Unionist Party", 12_973),
    (14, "Jack", "Thomson", "UK Independence Party (UKIP)", 151),
    (15, "Jonathan", "Tilt", "Freedom Alliance", 100),
    (16, "Anne Marie", "Waters", "The For Britain Movement", 97),
)

BATLEY_REJECTED = {
    "official_mark": 12,
    "too_many_votes": 20,
    "identifying_mark": 4,
    "unmarked_or_void": 55,
}


def batley(*, galloway: int = 8_264, shuffle: bool = False) -> ContestResult:
    contest = Contest(
        id="parl.batley-and-spen.by.2021-07-01",
        election_id=BATLEY.id,
        area="Batley and Spen",
        seats=1,
        poll_date=date(2021, 7, 1),
        electorate=79_373,
        ballot_papers_verified=37_786,
        officer_name="Alexandra Whitfield",
        imprint_address="Town Hall, Huddersfield",
    )
    rows = list(BATLEY_CANDIDATES)
    if shuffle:
        rows.reverse()
    candidates = [Candidate(i, s, f, d) for i, f, s, d, _v in rows]
    votes = {i: v for i, _f, _s, _d, v in rows}
    votes[4] = galloway
    return compute_result(contest, candidates, CountFigures(votes, dict(BATLEY_REJECTED)))


def ward(
    seats: int,
    rows: list[tuple[int, str, str, str, int]],
    *,
    papers: int,
    rejected: dict[str, int] | None = None,
    lots: LotsDrawing | None = None,
    imprint_address: str = "The Town Hall, Wandsworth High Street, London SW18 2PU",
) -> ContestResult:
    contest = Contest(
        id="local.wandsworth.earlsfield.2014-05-22",
        election_id=WANDSWORTH.id,
        area="Earlsfield",
        seats=seats,
        poll_date=date(2014, 5, 22),
        electorate=11_842,
        ballot_papers_verified=papers,
        officer_name="Paul Martin",
        imprint_address=imprint_address,
    )
    candidates = [Candidate(i, s, f, d) for i, f, s, d, _v in rows]
    votes = {i: v for i, _f, _s, _d, v in rows}
    headings = dict.fromkeys(contest.type.heading_keys, 0) | (rejected or {})
    wholly = sum(v for k, v in headings.items() if contest.type.heading(k).wholly_rejected)
    # Several seats: every valid paper was counted (Q = P − R).
    counted = None if seats == 1 else papers - wholly
    figures = CountFigures(votes, headings, valid_papers_counted=counted)
    return compute_result(contest, candidates, figures, lots)


EARLSFIELD = [
    (1, "Llŷr", "Ap Gwilym", "Green Party", 1_021),
    (2, "Thérèse", "Brennan", "Labour Party", 2_311),
    (3, "Łukasz", "Dąbrowski", "Liberal Democrats", 688),
    (4, "Aoife", "Ó Briain", "Labour Party", 2_207),
    (5, "Peter", "Quinn", "Conservative Party Candidate", 2_954),
    (6, "Rosalind", "Shastri-Hurst", "Conservative Party Candidate", 3_102),
    (7, "Dev", "Singh", "Labour Party", 2_150),
    (8, "Marcus", "Van Dyke", "Conservative Party Candidate", 2_876),
    (9, "Hannah", "Wells & Co", "Smith & Jones <Residents>", 512),
]

EARLSFIELD_REJECTED = {
    "official_mark": 2,
    "too_many_votes": 9,
    "identifying_mark": 1,
    "unmarked_or_void": 14,
    "rejected_in_part": 6,
}


def earlsfield() -> ContestResult:
    return ward(3, EARLSFIELD, papers=6_402, rejected=EARLSFIELD_REJECTED)


def batley_decided_by_lot() -> ContestResult:
    base = batley()
    candidates = [line.candidate for line in base.candidates]
    votes = {line.candidate.id: line.votes for line in base.candidates}
    leader, runner = base.leader, base.runner_up
    votes[leader] = votes[runner]  # a dead heat for the seat, decided by lot
    votes[candidates[0].id] += base.line(leader).votes - votes[runner]  # still adds up
    tie = compute_result(
        base.contest,
        candidates,
        CountFigures(votes, dict(BATLEY_REJECTED)),
        LotsDrawing(frozenset({leader, runner}), frozenset({runner})),
    )
    assert tie.lots_applied and not tie.errors
    return tie


def declaration(result: ContestResult, election: Election) -> DeclarationSnapshot:
    return build_snapshot(result, election, provisional=False, printed_on=date(2021, 7, 2))


def pages(pdf: bytes) -> list[str]:
    """The text of each page, with runs of whitespace (and no-break spaces) as one space."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text().replace("\xa0", " ")) for page in reader.pages]


def text_of(snapshot: DeclarationSnapshot) -> str:
    return " ".join(pages(render_declaration(snapshot)))


def assert_in_order(text: str, parts: list[str]) -> None:
    """Each part occurs in the text, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at}: …{text[at : at + 200]}…"
        at = found + len(part)
