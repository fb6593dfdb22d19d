"""The area declaration with many voting areas: every voting area's local totals in tables of
at most four voting areas across A4, the area total in the last, long names unbroken."""

from __future__ import annotations

from desktop.domain.local_totals import CandidateTotal, LocalTotals
from desktop.services import CountDesk
from desktop.services.local_totals_files import to_json
from reports.area_declaration import AREAS_PER_TABLE
from tests.pcc import AREA_OFFICER, PCC, set_up
from tests.reports.sheets import assert_in_order, pages

NAMES = [
    "Barrow-in-Furness",
    "Kingston upon Hull",
    "North East Lincolnshire",
    "Eden",
    "South Lakeland",
    "Copeland",
    "Allerdale",
    "Carlisle",
]
REJECTED = (
    ("official_mark", 20),
    ("too_many_votes", 30),
    ("identifying_mark", 5),
    ("unmarked", 100),
    ("void_for_uncertainty", 10),
)


def _declared(tmp_path) -> bytes:
    desk = CountDesk.open(tmp_path / "area.sqlite")
    set_up(desk, AREA_OFFICER, "Westshire Police Area")
    desk.area.setup(PCC, NAMES, "Supervisor")
    names = [c.display_name for c in desk.candidates(PCC)]
    for i, area in enumerate(NAMES):
        votes = [10_000 + i, 9_000 + i, 2_000, 500]
        papers = sum(votes) + sum(n for _k, n in REJECTED)
        totals = LocalTotals(
            "pcc.2026-05-07",
            PCC,
            "Westshire",
            area,
            "2026-05-07",
            tuple(CandidateTotal(n, "", v) for n, v in zip(names, votes, strict=True)),
            REJECTED,
            papers,
            papers * 3,
            "Lee Local",
            "Local Returning Officer",
            sent_at="2026-05-08T01:00:00+00:00",
        )
        desk.area.add(PCC, to_json(totals, desk.contest(PCC).type), area, "Supervisor")
    for stage in ("verification", "count", "provisional"):
        desk.advance(PCC, stage, "Supervisor")
    return desk.declare(PCC, "Supervisor", AREA_OFFICER)


def test_eight_voting_areas_in_two_tables_the_total_in_the_last(tmp_path):
    assert AREAS_PER_TABLE == 4
    text = " ".join(pages(_declared(tmp_path)))
    assert_in_order(
        text,
        [
            "The local totals of each of the 8 voting areas",
            "Barrow-in- Furness",  # broken after its hyphen, never inside a word
            "Kingston upon Hull",
            "North East Lincolnshire",
            "Eden",
            "COLE, Brian",
            "10,000 10,001 10,002 10,003",  # the first four voting areas
            "South Lakeland",
            "Carlisle",
            "Westshire total",
            "COLE, Brian",
            "10,004 10,005 10,006 10,007 80,028",  # the last four, and the area's total
            "DUNMORE, Chloe",
            "9,004 9,005 9,006 9,007 72,028",
            "duly elected",
        ],
    )
    assert text.count("Westshire total") == 1
