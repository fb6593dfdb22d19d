"""The statement of verification of combined polls: each shared box as a whole, each poll's line."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import CountDesk
from reports.page import page_count
from tests.reports.sheets import assert_in_order, pages
from tests.sample import (
    COMBINED_BOXES_CSV,
    COMBINED_COUNTED,
    COMBINED_CSV,
    NORTHGATE,
    PCC,
)

pytestmark = pytest.mark.keyed_once

MINUS = "\u2212"


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.today = lambda: date(2026, 5, 8)
    desk.import_candidates(COMBINED_CSV, "Importer")
    desk.set_election_authority("local.testborough.2026-05-07", "Testborough Council", "S")
    desk.set_contest_details(
        NORTHGATE, "S", officer_name="Jane Marsh", imprint_address="Town Hall, Testborough"
    )
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    return desk


def _text(desk: CountDesk) -> str:
    return " ".join(pages(desk.polls.statement_pdf()))


def test_each_box_as_a_whole_then_each_polls_papers_in_it(desk):
    for contest_id, figures in COMBINED_COUNTED.items():
        desk.apply_verification(contest_id, "Clerk", counted=figures)
    text = _text(desk)
    assert_in_order(
        text,
        [
            "Testborough Council",
            "Local council elections · Police and Crime Commissioner election · Parish council",
            "Verification of the ballot boxes shared by 4 polls",
            "Date of poll: Thursday 7 May 2026",
            "Statement of Verification: Combined Polls",
            "I, Jane Marsh, being the Returning Officer",
            "Ballot boxes from polling stations",
            # NG2 as a whole agrees (3 over, 3 under); each poll's line shows its own variance.
            "NG2 St Aidan's School 2,205 2,205 0",
            "Northgate 1,104 1,101 " + MINUS + "3 Not explained",
            "Testshire PCC 1,101 1,104 +3 Not explained",
            # NG3 holds the parish poll's papers too: ward, PCC, then parish.
            "NG3 Northgate Village Hall 1,947 1,947 0 Whole box, 3 polls",
            "Northgate 655 655 0",
            "Testshire PCC 652 652 0",
            "Northgate Village (parish) 640 640 0",
            "SF1 Southfield Library",
            "Postal ballot papers",
            "PV1 Postal votes opening session 1 2,778 2,778 0 Whole batch, 3 polls",
            "PV2 Postal votes opening session 2",
            "Totals for each poll",
            "Northgate 3,891 3,888 " + MINUS + "3 1 not explained",
            "Southfield 3,592 3,592 0",
            "Testshire PCC 7,465 7,468 +3 1 not explained",
            "Northgate Village (parish) 780 780 0",
            "All polls 15,728 15,728 0 2 not explained",
            "2 variances have no explanation recorded: NG2 (Northgate), NG2 (Testshire PCC).",
            "Box NG2 (St Aidan's School): 3 more Testshire PCC papers and 3 fewer Northgate papers",
            "Dated Friday 8 May 2026",
            "Printed and published by the Returning Officer, Town Hall, Testborough",
        ],
    )
    assert "Verification not complete" not in text


def test_the_suggestion_used_as_explanation_is_printed_on_both_polls_lines(desk):
    for contest_id, figures in COMBINED_COUNTED.items():
        desk.apply_verification(contest_id, "Clerk", counted=figures)
    desk.polls.explain_suggested("NG2", "Supervisor")
    text = _text(desk)
    assert text.count("3 Northgate papers put in the Testshire PCC box") == 2
    assert "Not explained" not in text and "may have been put" not in text


def test_a_statement_before_every_poll_is_counted_says_so(desk):
    desk.apply_verification(PCC, "Clerk", counted=COMBINED_COUNTED[PCC])
    text = _text(desk)
    assert_in_order(
        text,
        [
            "Verification not complete: 9 of 16 polls' papers in the boxes not yet counted",
            "Not yet counted: NG1 (Northgate), NG2 (Northgate)",
            "NG1 Northgate Methodist Hall 1,621 – –",
            "Northgate 812 – – Not yet counted",
            "Testshire PCC 809 809 0",
        ],
    )
    assert "Northgate 3,891 0 – 4 not yet counted (figures so far)" in text


def test_thirty_boxes_of_three_polls_fit_a_few_portrait_pages(tmp_path):
    desk = CountDesk.open(tmp_path / "big.sqlite")
    desk.import_candidates(COMBINED_CSV, "Importer")
    rows = ["reference,name,kind,poll,issued"]
    for n in range(1, 31):
        for poll, issued in ((NORTHGATE, 900 + n), ("pcc.2026-05-07", 890 + n)):
            rows.append(f"X{n},Polling station number {n},box,{poll},{issued}")
        rows.append(f"X{n},Polling station number {n},box,local.northgate-parish.2026-05-07,80")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    desk.polls.import_csv(path, "S")
    pdf = desk.polls.statement_pdf()
    assert page_count(pdf) <= 5
    text = " ".join(pages(pdf))
    assert_in_order(text, ["X2 Polling station", "X10 Polling station", "X30 Polling station"])
