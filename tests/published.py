"""Declared contests for the results-out tests: the 3-seat ward (names confirmed, valid papers
counted), alongside Batley and Spen (tests/declared.py) and a referendum
(tests/referendum_night.py)."""

from __future__ import annotations

from desktop.services import CountDesk
from tests.sample import WARD, WARD_CSV

OFFICER = "Pat Example"
#: Illustrative figures: 4,000 papers verified, 30 wholly rejected, 3,970 valid papers counted.
WARD_VOTES = {
    "Ruth Alder": 2100,
    "Sam Birch": 1900,
    "Priya Cedar": 1750,
    "Tom Dogwood": 1500,
    "Llŷr Elm": 1200,
    "Łukasz Fir": 900,
    "Dara Ó Briain": 800,
}
WARD_REJECTED = {"too_many_votes": 30, "rejected_in_part": 5}


def count_ward(desk: CountDesk, *, declare: bool = True) -> None:
    """The 3-seat ward imported, its names confirmed, counted (keyed twice), shown
    provisionally and, unless ``declare`` is False, declared."""
    desk.import_candidates(WARD_CSV, "Importer")
    desk.confirm_names(WARD, "Supervisor")
    desk.set_contest_details(
        WARD,
        "Supervisor",
        electorate=11000,
        ballot_papers_verified=4000,
        officer_name=OFFICER,
        imprint_address="Town Hall, Testborough TB1 1AA",
        authority="Testborough Council",
    )
    for stage in ("verification", "count"):
        desk.advance(WARD, stage, "Supervisor")
    votes = {desk.candidate_by_name(WARD, n).id: v for n, v in WARD_VOTES.items()}
    for clerk in ("Clerk 1", "Clerk 2"):
        desk.enter_count(WARD, votes, WARD_REJECTED, clerk, 3970)
    desk.advance(WARD, "provisional", "Supervisor")
    if declare:
        desk.declare(WARD, "Supervisor", OFFICER)


def declare_single(
    desk: CountDesk,
    contest_id: str,
    votes: dict[str, int],
    *,
    rejected: int = 5,
    electorate: int | None = None,
) -> None:
    """A single-seat contest already imported: facts set, counted once as it stands (a test
    module keyed once) or twice, shown provisionally and declared."""
    papers = sum(votes.values()) + rejected
    # The authority is the election's: set once, with its first contest.
    election = desk.election_of(desk.contest(contest_id))
    authority = {} if election.authority else {"authority": "Testborough Council"}
    desk.set_contest_details(
        contest_id,
        "Supervisor",
        electorate=electorate or papers * 3,
        ballot_papers_verified=papers,
        officer_name=OFFICER,
        imprint_address="Town Hall, Testborough TB1 1AA",
        **authority,
    )
    for stage in ("verification", "count"):
        desk.advance(contest_id, stage, "Supervisor")
    figures = {desk.candidate_by_name(contest_id, n).id: v for n, v in votes.items()}
    desk.set_entry_mode(contest_id, "single", "Supervisor")
    desk.enter_count(contest_id, figures, {"official_mark": rejected}, "Clerk 1")
    desk.advance(contest_id, "provisional", "Supervisor")
    desk.declare(contest_id, "Supervisor", OFFICER)


#: A ward whose names test escaping: a script tag and an apostrophe and ampersand.
ODD_NAMES_CSV = """\
person_id,person_name,election_id,ballot_paper_id,election_date,party_name,post_label,seats_contested
201,<script>alert(1)</script>,local.testborough.2026-05-07,local.testborough.quayside.2026-05-07,2026-05-07,O'Brien & Sons,Quayside & <Docks>,1
202,Mary O'Brien,local.testborough.2026-05-07,local.testborough.quayside.2026-05-07,2026-05-07,"Fish & Chips <b>Party</b>",Quayside & <Docks>,1
"""
ODD_WARD = "local.testborough.quayside.2026-05-07"
