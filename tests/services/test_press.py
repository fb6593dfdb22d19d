"""The press summary's service: the previous result imported (or refused plainly, nothing
stored), audited and replaceable, and the press summary's reads of declared contests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.press import press_change, press_percent
from desktop.services import CountDesk
from desktop.storage.tamper import verify
from tests.declared import declare_batley
from tests.sample import BATLEY, BATLEY_CSV, ROOT

BATLEY_2019 = ROOT / "tests" / "data" / "batley-and-spen-2019.csv"
HEADER = (
    "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,party_id,"
    "post_label,seats_contested,organisation_name,votes_cast,elected\n"
)


def row(name: str, votes: str, elected: str = "False", ballot: str = "batley-and-spen") -> str:
    return (
        f",{name},parl.2019-12-12,parl.{ballot}.2019-12-12,2019-12-12,Labour Party,PP53,"
        f"Batley and Spen,1,House of Commons,{votes},{elected}\n"
    )


@pytest.fixture
def desk(db_path):
    desk = CountDesk.open(db_path)
    desk.today = lambda: date(2021, 7, 2)
    yield desk
    desk.close()


def test_the_previous_result_is_imported_audited_and_replaced(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    previous = desk.press.import_previous(BATLEY, BATLEY_2019, "Supervisor")
    assert previous.election_id == "parl.2019-12-12"
    assert previous.ballot_id == "parl.batley-and-spen.2019-12-12"
    assert previous.valid_votes == 52927
    assert [c.person_name for c in previous.elected] == ["Tracy Brabin"]
    assert desk.press.previous(BATLEY) == previous
    again = desk.press.import_previous(BATLEY, BATLEY_2019, "Supervisor")
    assert again == previous
    actions = [(a.action, a.entity) for a in desk.store.audit(BATLEY)[-2:]]
    assert actions == [("import", "previous result"), ("replace", "previous result")]
    assert verify(desk.store.db.conn).intact


def test_a_whole_general_election_file_gives_the_same_seat(desk, tmp_path):
    desk.import_candidates(BATLEY_CSV, "Importer")
    other = row("Someone Else", "1000", "True", ballot="dewsbury")
    path = tmp_path / "ge2019.csv"
    path.write_text(HEADER + other + BATLEY_2019.read_text().split("\n", 1)[1], encoding="utf-8")
    assert desk.press.import_previous(BATLEY, path, "Supervisor").valid_votes == 52927


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        (HEADER + row("A B", "100", ballot="dewsbury"), Code.E101, "no result for Batley"),
        (HEADER.replace(",votes_cast,elected", ",elected") + ",A B,parl.2019-12-12,"
         "parl.batley-and-spen.2019-12-12,2019-12-12,Labour Party,PP53,Batley and Spen,1,"
         "House of Commons,True\n", Code.E102, "no votes_cast column"),
        (HEADER + row("A B", ""), Code.E102, "Line 2"),
        (HEADER + row("A B", "8.264"), Code.E103, "8,264"),
        (HEADER + row("A B", "12a"), Code.E103, "Line 2"),
        (HEADER + row("A B", "5", "True") + row("C D", "4", "True"), Code.E104, "2 candidates"),
        (HEADER + row("A B", "5", "Maybe"), Code.E104, "True or False"),
        (HEADER + row("A B", "5") + row("a  b", "4"), Code.E104, "listed twice"),
        ("person_name,votes_cast\nA,1\n", Code.E104, "election_id"),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_plainly_and_nothing_is_stored(desk, tmp_path, text, code, words):
    desk.import_candidates(BATLEY_CSV, "Importer")
    path = tmp_path / "previous.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CountDeskError) as raised:
        desk.press.import_previous(BATLEY, path, "Supervisor")
    assert raised.value.code is code
    assert words in raised.value.message
    assert "previous.csv" in raised.value.message
    assert desk.press.previous(BATLEY) is None


def test_a_later_election_is_not_a_previous_result(desk, tmp_path):
    desk.import_candidates(BATLEY_CSV, "Importer")
    path = tmp_path / "later.csv"
    path.write_text(HEADER + row("A B", "5").replace("2019-12-12", "2024-07-04"), "utf-8")
    with pytest.raises(CountDeskError) as raised:
        desk.press.import_previous(BATLEY, path, "Supervisor")
    assert raised.value.code is Code.E101 and "not before" in raised.value.message


def test_a_replacement_refused_keeps_the_previous_result_there(desk, tmp_path):
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.press.import_previous(BATLEY, BATLEY_2019, "Supervisor")
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + row("A B", "-5"), encoding="utf-8")
    with pytest.raises(CountDeskError):
        desk.press.import_previous(BATLEY, path, "Supervisor")
    previous = desk.press.previous(BATLEY)
    assert previous is not None and previous.valid_votes == 52927


def test_the_summary_waits_for_the_declaration(desk):
    desk.import_candidates(BATLEY_CSV, "Importer")
    with pytest.raises(CountDeskError) as raised:
        desk.press.result(BATLEY)
    assert raised.value.code is Code.E105
    with pytest.raises(CountDeskError) as raised:
        desk.press.election("parl.2021-07-01")
    assert raised.value.code is Code.E107


def test_declared_batley_with_2019_imported_after_the_declaration(desk):
    declare_batley(desk)
    assert desk.press.result(BATLEY).previous is None
    desk.press.import_previous(BATLEY, BATLEY_2019, "Supervisor")
    press = desk.press.result(BATLEY)
    assert press.lines[0].name_in_words == "Kim LEADBEATER"
    assert press_change(press.party("id:PP53").change) == "\u22127.4"
    assert press.swing is not None and press_percent(press.swing.value) == "2.9"
    assert press.outcome_words == "Labour Party hold"
    summary = desk.press.election("parl.2021-07-01")
    assert [(p.name, p.seats) for p in summary.parties] == [("Labour Party", 1)]
    assert verify(desk.store.db.conn).intact


def test_a_referendum_takes_no_previous_result(tmp_path):
    from tests.referendum_night import KIRKSTALL, declared

    desk, _ = declared(tmp_path / "ref.sqlite")
    with pytest.raises(CountDeskError) as raised:
        desk.press.import_previous(KIRKSTALL, Path(BATLEY_2019), "Supervisor")
    assert raised.value.code is Code.E106
    press = desk.press.result(KIRKSTALL)
    assert press.referendum and [line.display_name for line in press.lines] == ["Yes", "No"]
    desk.close()


def test_a_contest_declared_without_a_poll_is_in_the_election_summary(desk):
    declared_ward = desk.create_contest(
        "T", type_code="local", poll_date=date(2026, 5, 7), area="Abbey", seats=1,
        organisation="Testborough Borough Council",
    )  # fmt: skip
    desk.add_candidate(declared_ward.id, "T", "Able", "Ann", "Green Party")
    desk.set_contest_details(
        declared_ward.id, "T", officer_name="Jane Officer", imprint_address="Town Hall",
        authority="Testborough Borough Council",
    )  # fmt: skip
    desk.declare(declared_ward.id, "Supervisor", "Jane Officer")
    with pytest.raises(CountDeskError) as raised:
        desk.press.result(declared_ward.id)
    assert raised.value.code is Code.E105 and "uncontested" in raised.value.message
    summary = desk.press.election(declared_ward.election_id)
    assert summary.contests_declared == 1
    assert [(p.name, p.seats) for p in summary.parties] == [("Green Party", 1)]
    from tests.reports.sheets import pages

    text = pages(desk.press.election_pdf(declared_ward.election_id))[0]
    assert "Abbey 1 Ann ABLE (Green Party) – elected unopposed" in text


def test_a_local_count_has_no_press_summary_but_the_area_result_has(tmp_path):
    from tests.pcc import AREA_OFFICER, AREAS, PCC, area_database, count_locally, local_files

    local = CountDesk.open(tmp_path / "local.sqlite")
    count_locally(local, next(iter(AREAS)))
    with pytest.raises(CountDeskError) as raised:
        local.press.result(PCC)
    assert raised.value.code is Code.E105 and "local count" in raised.value.message
    with pytest.raises(CountDeskError) as raised:
        local.press.election(local.contest(PCC).election_id)
    assert raised.value.code is Code.E107
    local.close()
    files = local_files(tmp_path / "areas")
    desk = area_database(tmp_path / "area.sqlite")
    for path in files.values():
        desk.area.add(PCC, path.read_text(encoding="utf-8"), path.name, "Supervisor")
    for stage in ("verification", "count", "provisional"):
        desk.advance(PCC, stage, "Supervisor")
    desk.declare(PCC, "Supervisor", AREA_OFFICER)
    press = desk.press.result(PCC)
    assert press.lines[0].elected and sum(line.share for line in press.lines) == 1
    desk.close()
