"""A whole May night at one venue, from the command line: Calderbrook's 30 district wards
(three of them 3-seat), Hebble Bridge Town Council's two wards, the West Calder police area's
poll (a local count) and Hebble Bridge's neighbourhood plan referendum, on shared ballot boxes.

Verified poll by poll from one combined boxes list, each count keyed twice, every result
declared (the PCC's local totals sent), the overview following it, and every document printed
in one command."""

from __future__ import annotations

import csv
import json

from tests import district
from tests.reports.sheets import pages


def overview(db: str) -> dict:
    return json.loads(district.cli(db, "overview", "--json"))


def test_a_whole_may_night(tmp_path):
    folder = tmp_path
    db = district.set_up_night(folder)
    polls = district.night_polls()
    assert len(overview(db)["contests"]) == 34

    # Verification: each poll's papers counted from every box it shares.
    district.verify_every_poll(db)
    # Three ward papers in Calder Vale's first box were found in the PCC's: V506 says so.
    swapped = district.ward_boxes("Calder Vale")[0]
    assert "V506" in district.cli(db, "combined")
    district.cli(db, "combined", "--explain-suggested", swapped, "--operator", "Sup")
    assert "V506" not in district.cli(db, "combined")

    district.set_facts(db)
    # Each count keyed twice, by two clerks, then shown provisionally.
    district.count_every_poll(db)
    view = overview(db)
    assert {c["waiting_for"] for c in view["contests"]} == {"ready to declare", "ready to be sent"}
    assert view["totals"]["declared"] == 0

    # Declared as each is ready; the PCC's local totals sent.
    for poll in polls:
        district.declare(db, poll, folder)
    view = overview(db)
    assert view["totals"]["declared"] == view["totals"]["contests"] == 33
    assert (view["totals"]["local_counts"], view["totals"]["local_totals_sent"]) == (1, 1)
    by_id = {c["id"]: c for c in view["contests"]}
    assert by_id[district.PCC_CONTEST]["stage"] == "sent"
    three_seats = by_id[district.ward_id("Elland Bridge")]["result"]
    assert len(three_seats["elected"]) == 3 and "margin" in three_seats
    assert by_id[district.REFERENDUM]["result"]["outcome"] == "“Yes” carried"
    papers = sum(district.verified(p, i) for i, p in enumerate(polls))
    assert view["totals"]["ballot_papers_verified"] == papers

    # Every document in one command: 33 declarations and the statement of local totals.
    out = folder / "declarations"
    said = district.cli(db, "declaration", "--all", "-o", str(out))
    assert "Wrote 34" in said
    with (out / "countdesk-index.csv").open(encoding="utf-8") as index:
        lines = list(csv.DictReader(index))
    assert {line["outcome"] for line in lines} == {"written"} and len(lines) == 34
    statement = next(out.glob("local-totals-*.pdf"))
    assert "Statement of Local Totals" in " ".join(pages(statement.read_bytes()))
    district.cli(db, "statement", "--combined", "--election", district.DISTRICT, "-o",
                 str(folder / "combined.pdf"))  # fmt: skip
    # A reference is printed whole on the ward's own statement, never broken across lines.
    single = folder / "calder-vale.pdf"
    district.cli(db, "statement", district.ward_id("Calder Vale"), "-o", str(single))
    assert "PV-CV05" in " ".join(pages(single.read_bytes()))
    assert district.cli(db, "verify").startswith("Intact")
