"""A neighbourhood planning referendum, set up and counted through the services alone (no Qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.services import CountDesk

KIRKSTALL = "ref.leeds.kirkstall-neighbourhood-plan.2026-05-07"
QUESTION = (
    "Do you want Leeds City Council to use the neighbourhood plan for Kirkstall to help it "
    "decide planning applications in the neighbourhood area?"
)
OFFICER = "Tom Riordan"
#: Illustrative figures: 2,975 votes and 27 papers rejected make the 3,002 papers verified.
VOTES = {"Yes": 1_874, "No": 1_101}
REJECTED = {"official_mark": 3, "too_many_votes": 9, "identifying_mark": 0, "unmarked_or_void": 15}
PAPERS = 3_002


def set_up(desk: CountDesk) -> str:
    """Kirkstall's referendum created with its question (Yes / No), its facts set."""
    contest = desk.referendums.create(
        "Supervisor",
        poll_date=date(2026, 5, 7),
        name="Kirkstall Neighbourhood Plan",
        council="Leeds",
        question=QUESTION,
    )
    desk.set_contest_details(
        contest.id,
        "Supervisor",
        electorate=9_480,
        ballot_papers_verified=PAPERS,
        officer_name=OFFICER,
        imprint_address="Civic Hall, Leeds LS1 1UR",
        authority="Leeds City Council",
    )
    return contest.id


def count(desk: CountDesk, contest_id: str, votes: dict[str, int] = VOTES) -> None:
    """The count keyed twice, by two operators, as every count is by default."""
    by_answer = {a.display_name: a.id for a in desk.referendums.answers(contest_id)}
    figures = {by_answer[a]: v for a, v in votes.items()}
    desk.enter_count(contest_id, figures, REJECTED, "Clerk 1")
    desk.enter_count(contest_id, figures, REJECTED, "Clerk 2")


def declared(path: Path, votes: dict[str, int] = VOTES) -> tuple[CountDesk, bytes]:
    """The referendum counted, shown provisionally and declared; the desk and the declaration."""
    desk = CountDesk.open(path)
    contest_id = set_up(desk)
    for stage in ("verification", "count"):
        desk.advance(contest_id, stage, "Supervisor")
    count(desk, contest_id, votes)
    desk.advance(contest_id, "provisional", "Supervisor")
    return desk, desk.declare(contest_id, "Supervisor", OFFICER)
