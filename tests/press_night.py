"""Declared contests for the press summary's tests, through the services alone (no Qt): the
invented three-seat Earlsfield ward (its surname split confirmed, its valid ballot papers
counted) with its invented 2022 result, and Batley and Spen with its 2019 result."""

from __future__ import annotations

from desktop.services import CountDesk
from tests.declared import declare_batley
from tests.sample import BATLEY, ROOT, WARD, WARD_CSV

BATLEY_2019 = ROOT / "tests" / "data" / "batley-and-spen-2019.csv"
WARD_2022 = ROOT / "tests" / "data" / "earlsfield-2022.csv"
OFFICER = "Pat Example"
#: Invented figures: 4,000 papers verified, 30 rejected, 3,970 valid papers counted.
WARD_VOTES = {
    "Ruth Alder": 2100,
    "Sam Birch": 1900,
    "Priya Cedar": 1750,
    "Tom Dogwood": 1500,
    "Llŷr Elm": 1200,
    "Łukasz Fir": 900,
    "Dara Ó Briain": 800,
}
WARD_REJECTED = {
    "official_mark": 0,
    "too_many_votes": 30,
    "identifying_mark": 0,
    "unmarked_or_void": 0,
    "rejected_in_part": 5,
}


def declare_ward(desk: CountDesk, *, previous: bool = True) -> None:
    """Earlsfield imported, its split surname confirmed, counted twice and declared; with its
    2022 result imported if ``previous``."""
    desk.import_candidates(WARD_CSV, "Importer")
    desk.confirm_names(WARD, "Supervisor")
    desk.set_election_authority("local.testborough.2026-05-07", "Testborough Council", "Supervisor")
    desk.set_contest_details(
        WARD,
        "Supervisor",
        electorate=11000,
        ballot_papers_verified=4000,
        officer_name=OFFICER,
        imprint_address="Town Hall, Testborough",
    )
    for stage in ("verification", "count"):
        desk.advance(WARD, stage, "Supervisor")
    votes = {desk.candidate_by_name(WARD, n).id: v for n, v in WARD_VOTES.items()}
    desk.enter_count(WARD, votes, WARD_REJECTED, "Clerk 1", 3970)
    desk.enter_count(WARD, votes, WARD_REJECTED, "Clerk 2", 3970)
    for warning in desk.open_warnings(WARD):
        desk.acknowledge_warning(WARD, warning.code, "Checked", "Supervisor", warning.subject)
    desk.advance(WARD, "provisional", "Supervisor")
    desk.declare(WARD, "Supervisor", OFFICER)
    if previous:
        desk.press.import_previous(WARD, WARD_2022, "Supervisor")


def declare_batley_with_2019(desk: CountDesk) -> None:
    """Batley and Spen declared, and its 2019 result imported."""
    declare_batley(desk)
    desk.press.import_previous(BATLEY, BATLEY_2019, "Supervisor")
