"""An invented police area, Westshire, of three voting areas, each a local count in its own
database, and the area result in another (DOMAIN.md §3, step 6). Not a real election."""

from __future__ import annotations

from pathlib import Path

from desktop.services import CountDesk
from tests.sample import ROOT

PCC_CSV = ROOT / "tests" / "data" / "pcc-westshire.csv"
PCC = "pcc.westshire.2026-05-07"
AREA_OFFICER = "Pat Area"
LOCAL_OFFICER = "Lee Local"

#: Each voting area's count: electorate, votes by name, rejected by heading (invented).
AREAS: dict[str, tuple[int, dict[str, int], dict[str, int]]] = {
    "Northtown": (
        80000,
        {"Amelia Hart": 9000, "Brian Cole": 8000, "Chloe Dunmore": 5000, "Dafydd Evans": 1000},
        {
            "official_mark": 20,
            "too_many_votes": 40,
            "identifying_mark": 10,
            "unmarked": 100,
            "void_for_uncertainty": 30,
        },
    ),
    "Eastvale": (
        60000,
        {"Amelia Hart": 5000, "Brian Cole": 6500, "Chloe Dunmore": 2500, "Dafydd Evans": 900},
        {
            "official_mark": 10,
            "too_many_votes": 30,
            "identifying_mark": 10,
            "unmarked": 70,
            "void_for_uncertainty": 30,
        },
    ),
    "Southbury": (
        50000,
        {"Amelia Hart": 4000, "Brian Cole": 4200, "Chloe Dunmore": 2700, "Dafydd Evans": 500},
        {
            "official_mark": 5,
            "too_many_votes": 15,
            "identifying_mark": 5,
            "unmarked": 60,
            "void_for_uncertainty": 15,
        },
    ),
}
#: The area's totals: Cole elected by 700; Evans (2,400 of 49,300) loses the £5,000 deposit.
AREA_VOTES = {
    "Amelia Hart": 18000,
    "Brian Cole": 18700,
    "Chloe Dunmore": 10200,
    "Dafydd Evans": 2400,
}


def papers(area: str) -> int:
    """The ballot papers verified of a voting area: its valid votes and rejected papers."""
    _e, votes, rejected = AREAS[area]
    return sum(votes.values()) + sum(rejected.values())


def set_up(desk: CountDesk, officer: str, authority: str) -> None:
    """The Westshire contest imported, with its officer, imprint and authority."""
    desk.import_candidates(PCC_CSV, "Importer")
    desk.confirm_names(PCC, "Supervisor")
    desk.set_contest_details(
        PCC,
        "Supervisor",
        officer_name=officer,
        imprint_address="Town Hall, Westshire WS1 1AA",
        authority=authority,
    )


def count_locally(
    desk: CountDesk, area: str, votes: dict[str, int] | None = None, *, send: bool = True
) -> None:
    """A voting area's local count, keyed twice, shown provisionally and (if ``send``) sent."""
    electorate, area_votes, rejected = AREAS[area]
    votes = votes or area_votes
    set_up(desk, LOCAL_OFFICER, f"{area} Council")
    desk.local_totals.set_voting_area(PCC, area, "Supervisor")
    desk.set_contest_details(
        PCC,
        "Supervisor",
        electorate=electorate,
        ballot_papers_verified=sum(votes.values()) + sum(rejected.values()),
    )
    for stage in ("verification", "count"):
        desk.advance(PCC, stage, "Supervisor")
    by_id = {desk.candidate_by_name(PCC, n).id: v for n, v in votes.items()}
    desk.enter_count(PCC, by_id, rejected, "Clerk 1")
    desk.enter_count(PCC, by_id, rejected, "Clerk 2")
    desk.advance(PCC, "provisional", "Supervisor")
    if send:
        desk.local_totals.send(PCC, "Supervisor", LOCAL_OFFICER)


def local_files(folder: Path, fmt: str = "json") -> dict[str, Path]:
    """Each voting area counted and sent in its own database; its local totals file."""
    files = {}
    for area in AREAS:
        desk = CountDesk.open(folder / f"{area}.sqlite")
        count_locally(desk, area)
        path = folder / f"{area}.{fmt}"
        path.write_text(desk.local_totals.file_text(PCC, fmt), encoding="utf-8")
        desk.close()
        files[area] = path
    return files


def area_database(path: Path) -> CountDesk:
    """The police area returning officer's database, set up as the area result."""
    desk = CountDesk.open(path)
    set_up(desk, AREA_OFFICER, "Westshire Police Area")
    desk.area.setup(PCC, list(AREAS), "Supervisor")
    return desk
