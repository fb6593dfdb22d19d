"""The results summary for the press and the election summary, read back from the PDF: what
they say, in what order, on how many pages; and that the declaration says none of it."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import CountDesk
from reports.page import page_count
from tests.press_night import declare_batley_with_2019, declare_ward
from tests.referendum_night import KIRKSTALL, declared
from tests.reports.sheets import assert_in_order, pages
from tests.sample import BATLEY, WARD


@pytest.fixture
def desk(db_path):
    desk = CountDesk.open(db_path)
    desk.today = lambda: date(2021, 7, 2)
    yield desk
    desk.close()


def test_batley_with_2019_fits_one_page_in_order_of_votes(desk):
    declare_batley_with_2019(desk)
    pdf = desk.press.contest_pdf(BATLEY)
    assert page_count(pdf) == 1
    (text,) = pages(pdf)
    assert_in_order(
        text,
        [
            "Kirklees Council",
            "Results summary",
            "Not the declaration of result.",
            "Elected: Kim LEADBEATER (Labour Party). Labour Party hold.",
            "Change since 2019",
            "LEADBEATER, Kim Labour Party 13,296 35.3 \u22127.4 Elected",
            "STEPHENSON, Ryan Conservative and Unionist Party 12,973 34.4 \u22121.6",
            "GALLOWAY, George Workers Party of Britain 8,264 21.9 new",
            "GORDON, Tom Liberal Democrats 1,254 3.3 \u22121.3",
            "LAIRD, Susan Heritage Party 33 0.1 new",
            "Valid votes 37,695",
            "Majority 323 (0.9% of valid votes)",
            "Turnout 47.6% (ballot papers verified 37,786 of an electorate of 79,373; 47.61% on "
            "the declaration)",
            "Swing 2.9% from Labour Party to Conservative and Unionist Party since 2019",
            # The chart: every bar labelled with its name and share, and the legend.
            "LEADBEATER, Kim",
            "35.3%",
            "LAIRD, Susan",
            "0.1%",
            "Labour Party",
            "Other parties",
        ],
    )


def test_without_the_previous_result_there_is_no_change_column(desk):
    from tests.declared import declare_batley

    declare_batley(desk)
    (text,) = pages(desk.press.contest_pdf(BATLEY))
    assert "Change since" not in text and "Swing" not in text
    assert "No previous result is known for this seat" in text


def test_the_declaration_never_carries_share_change_or_swing(desk):
    declare_batley_with_2019(desk)
    declaration = " ".join(pages(desk.declaration_pdf(BATLEY)))
    assert "Declaration of Result of Poll" in declaration
    for word in ("Share", "share", "Change", "Swing", "swing", "35.3", "since 2019", "hold"):
        assert word not in declaration


def test_a_three_seat_ward_shows_each_party_with_its_seats_and_change(desk):
    declare_ward(desk)
    pdf = desk.press.contest_pdf(WARD)
    assert page_count(pdf) == 1
    (text,) = pages(pdf)
    assert_in_order(
        text,
        [
            "Election of Councillors for the Earlsfield Ward",
            "Elected: Ruth ALDER (Labour Party), Sam BIRCH (Labour Party) and Priya CEDAR "
            "(Labour Party).",
            "Labour Party hold 2; Labour Party gain from Conservative and Unionist Party.",
            "ALDER, Ruth Labour Party 2,100 20.7 Elected",
            "Ó BRIAIN, Dara Independent 800 7.9",
            "Party Seats won Votes Share % Change since 2022",
            "Labour Party 3 seats (2 before) 5,750 56.7 +13.7",
            "Green Party 0 seats (0 before) 900 8.9 new",
            "Independent 0 seats (0 before) 800 7.9 \u22123.6",
            "Margin 250 (2.5% of valid votes)",
            "Shares are of all votes cast (each voter had up to 3 votes)",
        ],
    )


def test_a_referendum_shows_its_question_and_answers_and_no_party(tmp_path):
    desk, _ = declared(tmp_path / "ref.sqlite")
    (text,) = pages(desk.press.contest_pdf(KIRKSTALL))
    assert_in_order(
        text,
        [
            "Results summary",
            "Not the declaration of result.",
            "The question: Do you want Leeds City Council",
            "“Yes” carried",
            "Answer Votes Share %",
            "Yes 1,874 63.0",
            "No 1,101 37.0",
            "Majority 773",
        ],
    )
    assert "Change" not in text and "Swing" not in text and "Elected" not in text
    desk.close()


def test_the_election_summary_lists_the_declared_contests_and_seats(desk):
    declare_batley_with_2019(desk)
    (text,) = pages(desk.press.election_pdf("parl.2021-07-01"))
    assert_in_order(
        text,
        [
            "Election summary",
            "Not a declaration of result.",
            "Declared so far: 1 of 1 contest, 1 seat filled.",
            "Batley and Spen 1 Kim LEADBEATER (Labour Party) 323 (0.9%) Labour Party hold",
            "Seats won so far, by party",
            "Labour Party 1 0 0 0",
        ],
    )


def test_the_same_summary_gives_the_same_bytes(desk):
    declare_batley_with_2019(desk)
    assert desk.press.contest_pdf(BATLEY) == desk.press.contest_pdf(BATLEY)


def test_a_thirty_ward_election_summary_in_one_command(tmp_path, db_path):
    from click.testing import CliRunner

    from desktop.cli import cli
    from tests import district_night

    desk = CountDesk.open(db_path)
    district_night.build(desk, tmp_path, 30)
    desk.close()
    out = tmp_path / "election.pdf"
    done = CliRunner().invoke(
        cli,
        ["summary", "--election", district_night.ELECTION, "-o", str(out), "--db", str(db_path)],
    )
    assert done.exit_code == 0, done.output
    text = " ".join(pages(out.read_bytes()))
    assert_in_order(
        text,
        [
            "Northdale District Council",
            "Election summary",
            "Declared so far: 8 of 30 contests, 10 seats filled.",
            "Ward 000 Ahmed",
            "Ward 024 Young 3",
            "Seats won so far, by party",
            "Labour Party",
        ],
    )
    # Eight declared contests of thirty: the undeclared ones are not listed.
    assert "Ward 001" not in text
