"""A police area of three voting areas: each a local count, keyed twice and sent in its own
database; their local totals imported into the area result's database, added up and declared
(DOMAIN.md §3, step 6)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.services import CountDesk
from tests.pcc import (
    AREA_OFFICER,
    AREA_VOTES,
    AREAS,
    LOCAL_OFFICER,
    PCC,
    area_database,
    count_locally,
    local_files,
    papers,
)
from tests.reports.sheets import assert_in_order, pages


@pytest.fixture(scope="module")
def sent(tmp_path_factory):
    """The three voting areas' local totals files, JSON and CSV."""
    folder = tmp_path_factory.mktemp("voting-areas")
    return folder, local_files(folder, "json")


def _csv_of(folder, area: str) -> str:
    desk = CountDesk.open(folder / f"{area}.sqlite", create=False)
    try:
        return desk.local_totals.file_text(PCC, "csv")
    finally:
        desk.close()


def _import_all(desk: CountDesk, files) -> None:
    for path in files.values():
        desk.area.add(PCC, path.read_text(encoding="utf-8"), path.name, "Supervisor")


def test_a_local_count_is_sent_not_declared_and_its_file_carries_the_figures(sent):
    folder, files = sent
    desk = CountDesk.open(folder / "Northtown.sqlite", create=False)
    contest = desk.contest(PCC)
    assert contest.is_local_count and contest.status is Status.DECLARED
    assert desk.status(PCC).label == "sent"
    data = json.loads(files["Northtown"].read_text(encoding="utf-8"))
    assert data["format"] == "countdesk.local_totals" and data["version"] == 1
    assert (data["election_id"], data["contest_id"], data["voting_area"]) == (
        "pcc.2026-05-07",
        PCC,
        "Northtown",
    )
    votes = {c["person_name"]: c["votes"] for c in data["candidates"]}
    assert votes == AREAS["Northtown"][1]
    assert [c["ballot_name"] for c in data["candidates"]] == [
        "COLE, Brian",
        "DUNMORE, Chloe",
        "EVANS, Dafydd",
        "HART, Amelia",
    ]  # ballot order
    assert {h["key"]: h["papers"] for h in data["rejected"]} == AREAS["Northtown"][2]
    assert data["ballot_papers_verified"] == papers("Northtown") == 23200
    assert data["electorate"] == 80000
    assert data["officer"] == {"name": LOCAL_OFFICER, "title": "Local Returning Officer"}
    assert data["sent_at"] and len(data["data_ref"]) == 12 and data["record_ref"]
    # The statement kept is the one given out, and the audit chain still holds.
    statement = " ".join(pages(desk.declaration_pdf(PCC)))
    assert_in_order(
        statement,
        [
            "Statement of Local Totals",
            "Voting area: Northtown",
            "I, Lee Local, being the Local Returning Officer for the voting area of Northtown",
            "COLE, Brian",
            "8,000",
            "Total valid votes",
            "23,000",
            "(d) Being unmarked",
            "100",
            "(e) Being void for uncertainty",
            "Ballot papers verified",
            "23,200",
            "This statement is not a declaration of result",
            "Sent at",
        ],
    )
    assert "Elected" not in statement and "duly elected" not in statement
    assert desk.verify().intact
    desk.close()


def test_a_local_count_is_never_declared_nor_decides_by_lot(tmp_path):
    desk = CountDesk.open(tmp_path / "local.sqlite")
    count_locally(desk, "Eastvale", send=False)
    with pytest.raises(CountDeskError) as caught:
        desk.declare(PCC, "Supervisor", LOCAL_OFFICER)
    assert caught.value.code == "A102"
    with pytest.raises(CountDeskError) as caught:
        desk.local_totals.send(PCC, "Supervisor", "Someone Else")
    assert caught.value.code == "S806"
    assert desk.contest(PCC).status is Status.PROVISIONAL
    # Nothing written for the area's returning officer before the totals are sent.
    with pytest.raises(CountDeskError) as caught:
        desk.local_totals.file_text(PCC, "json")
    assert caught.value.code == "A102"


def test_a_tie_at_a_local_count_is_sent_as_it_is(tmp_path):
    desk = CountDesk.open(tmp_path / "tie.sqlite")
    tied = {**AREAS["Southbury"][1], "Amelia Hart": 4200}
    count_locally(desk, "Southbury", tied, send=False)
    assert "L401" in {f.code for f in desk.result(PCC).errors}
    winner = desk.candidate_by_name(PCC, "Brian Cole").id
    with pytest.raises(CountDeskError) as caught:
        desk.record_lots(PCC, [winner], "Supervisor")
    assert caught.value.code == "A103"
    desk.local_totals.send(PCC, "Supervisor", LOCAL_OFFICER)
    assert desk.status(PCC).label == "sent"


def test_a_local_count_with_no_voting_area_named_is_not_sent(tmp_path):
    desk = CountDesk.open(tmp_path / "unnamed.sqlite")
    count_locally(desk, "Northtown", send=False)
    desk.store.update_contest(PCC, {"voting_area": ""}, "Test")
    with pytest.raises(CountDeskError) as caught:
        desk.local_totals.send(PCC, "Supervisor", LOCAL_OFFICER)
    assert caught.value.code == "A101"


def test_three_voting_areas_added_up_and_declared(sent, tmp_path):
    _folder, files = sent
    desk = area_database(tmp_path / "area.sqlite")
    assert desk.area.status(PCC).awaited == tuple(AREAS)
    desk.area.add(PCC, files["Eastvale"].read_text(encoding="utf-8"), "Eastvale.json", "S")
    status = desk.area.status(PCC)
    assert status.awaited == ("Northtown", "Southbury")
    assert [f.code for f in status.findings] == ["A109"]
    assert desk.latest_count(PCC) is None
    _import_all(desk, files)  # Eastvale again: the same figures change nothing
    status = desk.area.status(PCC)
    assert status.awaited == () and status.added_up and not status.findings
    result = desk.result(PCC)
    by_name = {line.candidate.person_name: line for line in result.candidates}
    assert {n: line.votes for n, line in by_name.items()} == AREA_VOTES
    assert result.ballot_papers_verified == 49750 and result.rejected_total == 450
    assert desk.contest(PCC).electorate == 190000
    # Deposits at £5,000, kept with more than 5% of the area's valid votes (49,300).
    assert by_name["Dafydd Evans"].deposit_kept is False
    assert by_name["Chloe Dunmore"].deposit_kept is True
    for stage in ("verification", "count", "provisional"):
        desk.advance(PCC, stage, "Supervisor")
    pdf = desk.declare(PCC, "Supervisor", AREA_OFFICER)
    text = " ".join(pages(pdf))
    assert len(pages(pdf)) == 1
    assert_in_order(
        text,
        [
            "Westshire Police Area",
            "Election of a Police and Crime Commissioner for the Westshire Police Area",
            "Declaration of Result of Poll",
            "I, Pat Area, being the Police Area Returning Officer",
            "COLE, Brian",
            "18,700",
            "Elected",
            "HART, Amelia",
            "18,000",
            "Total number of ballot papers rejected",
            "450",
            "Electorate",
            "190,000",
            "49,750",
            "26.18%",
            "Majority",
            "700",
            "The local totals of each of the 3 voting areas",
            "Northtown",
            "Eastvale",
            "Southbury",
            "Westshire total",
            "COLE, Brian",
            "8,000",
            "6,500",
            "4,200",
            "18,700",
            "Ballot papers verified",
            "23,200",
            "15,050",
            "11,500",
            "49,750",
            "duly elected as Police and Crime Commissioner for the said police area",
            "Police Area Returning Officer",
        ],
    )
    assert desk.verify().intact


def test_csv_files_are_read_like_json(sent, tmp_path):
    folder, _files = sent
    desk = area_database(tmp_path / "area-csv.sqlite")
    for area in AREAS:
        desk.area.add(PCC, _csv_of(folder, area), f"{area}.csv", "Supervisor")
    assert desk.area.status(PCC).added_up
    assert {ln.candidate.person_name: ln.votes for ln in desk.result(PCC).candidates} == AREA_VOTES


def _refused(desk: CountDesk, text: str) -> str:
    before = desk.store.local_totals.returns(PCC)
    with pytest.raises(CountDeskError) as caught:
        desk.area.add(PCC, text, "file", "Supervisor")
    assert desk.store.local_totals.returns(PCC) == before  # nothing imported
    return caught.value.code


def test_local_totals_that_do_not_belong_or_do_not_add_up_are_refused(sent, tmp_path):
    _folder, files = sent
    desk = area_database(tmp_path / "refusals.sqlite")
    good = json.loads(files["Northtown"].read_text(encoding="utf-8"))

    def variant(**changes) -> str:
        return json.dumps({**good, **changes})

    assert _refused(desk, "not a file of totals") == "A104"
    assert _refused(desk, variant(format="something else")) == "A104"
    assert _refused(desk, variant(sent_at="")) == "A104"
    assert _refused(desk, variant(election_id="pcc.2021-05-06")) == "A105"
    assert _refused(desk, variant(contest_id="pcc.eastshire.2026-05-07")) == "A105"
    renamed = [dict(c) for c in good["candidates"]]
    renamed[0]["ballot_name"] = "COLE, Bryan"
    assert _refused(desk, variant(candidates=renamed)) == "A106"
    assert _refused(desk, variant(voting_area="Westville")) == "A107"
    more = [dict(c) for c in good["candidates"]]
    more[0]["votes"] += 10
    assert _refused(desk, variant(candidates=more)) == "A108"  # its own stated valid votes
    assert _refused(desk, variant(candidates=more, valid_votes=23010)) == "A108"  # S + R ≠ P
    desk.area.add(PCC, files["Northtown"].read_text(encoding="utf-8"), "N.json", "S")
    sent_again = variant(candidates=more, valid_votes=23010, ballot_papers_verified=23210)
    assert _refused(desk, sent_again) == "A107"  # the voting area is in, with other figures
    assert desk.area.status(PCC).awaited == ("Eastvale", "Southbury")


def test_a_local_count_cannot_import_and_an_area_cannot_send(sent, tmp_path):
    folder, files = sent
    local = CountDesk.open(folder / "Southbury.sqlite", create=False)
    with pytest.raises(CountDeskError) as caught:
        local.area.add(PCC, files["Eastvale"].read_text(encoding="utf-8"), "E.json", "S")
    assert caught.value.code == "A102"
    local.close()
    area = area_database(tmp_path / "area-send.sqlite")
    with pytest.raises(CountDeskError) as caught:
        area.local_totals.send(PCC, "Supervisor", AREA_OFFICER)
    assert caught.value.code == "A102"


def test_what_was_sent_and_imported_is_never_changed_in_the_file(sent, tmp_path):
    folder, files = sent
    desk = area_database(tmp_path / "locked.sqlite")
    _import_all(desk, files)
    desk.close()
    for path, sql in [
        (tmp_path / "locked.sqlite", "UPDATE area_returns SET digest = 'x'"),
        (tmp_path / "locked.sqlite", "DELETE FROM area_returns"),
        (folder / "Northtown.sqlite", "UPDATE local_totals_sent SET totals = '{}'"),
        (folder / "Northtown.sqlite", "DELETE FROM local_totals_sent"),
    ]:
        conn = sqlite3.connect(path)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
        conn.close()


def test_after_sending_a_local_count_says_so_and_makes_no_memorandum(sent):
    folder, _files = sent
    desk = CountDesk.open(folder / "Eastvale.sqlite", create=False)
    winner = desk.candidate_by_name(PCC, "Brian Cole").id
    with pytest.raises(CountDeskError) as caught:
        desk.set_draft_votes(PCC, winner, 1, "Clerk 1")  # the count screen's first write
    assert caught.value.code == "S802"
    assert "local totals of Westshire (Eastvale) are sent" in str(caught.value)
    with pytest.raises(CountDeskError) as caught:
        desk.record_error_found(
            PCC, "S", found_by="Clerk", reason="A bundle", votes={winner: 6501}, rejected={}
        )
    assert caught.value.code == "A102"
    desk.close()


def test_local_totals_changed_outside_countdesk_are_not_given_out(sent, tmp_path):
    import shutil

    folder, _files = sent
    copy = tmp_path / "tampered.sqlite"
    shutil.copy(folder / "Southbury.sqlite", copy)
    conn = sqlite3.connect(copy)
    conn.execute("DROP TRIGGER local_totals_sent_no_update")
    conn.execute("UPDATE local_totals_sent SET totals = replace(totals, '4200', '4300')")
    conn.commit()
    conn.close()
    desk = CountDesk.open(copy, create=False)
    with pytest.raises(CountDeskError) as caught:
        desk.local_totals.file_text(PCC, "json")
    assert caught.value.code == "D908"


def test_the_area_result_is_not_recounted_nor_keyed(sent, tmp_path):
    _folder, files = sent
    desk = area_database(tmp_path / "no-recount.sqlite")
    _import_all(desk, files)
    for stage in ("verification", "count", "provisional"):
        desk.advance(PCC, stage, "Supervisor")
    with pytest.raises(CountDeskError) as caught:
        desk.record_recount_request(
            PCC, "Supervisor", requested_by="Agent", role="agent", decision="full"
        )
    assert caught.value.code == "A102"
    assert desk.contest(PCC).status is Status.PROVISIONAL
    cole = desk.candidate_by_name(PCC, "Brian Cole").id
    with pytest.raises(CountDeskError) as caught:
        desk.set_draft_votes(PCC, cole, 1, "Clerk 1")
    assert caught.value.code == "A102"


def test_a_combined_authority_mayor_is_counted_locally_too(tmp_path):
    from datetime import date

    desk = CountDesk.open(tmp_path / "mayor.sqlite")
    contest = desk.create_contest(
        "T",
        type_code="mayor",
        poll_date=date(2024, 5, 2),
        area="West Midlands",
        organisation="West Midlands Combined Authority",
    )
    contest = desk.set_contest_details(contest.id, "T", kind="combined_authority")
    assert contest.is_local_count
    ids = [desk.add_candidate(contest.id, "T", s, "A").id for s in ("Able", "Baker", "Cole")]
    desk.set_contest_details(
        contest.id,
        "T",
        electorate=3000,
        ballot_papers_verified=1001,
        officer_name="Lee Local",
        imprint_address="Council House, Birmingham",
        authority="Birmingham City Council",
    )
    desk.local_totals.set_voting_area(contest.id, "Birmingham", "T")
    for stage in ("verification", "count"):
        desk.advance(contest.id, stage, "T")
    votes = dict(zip(ids, (500, 400, 100), strict=True))
    rejected = {"official_mark": 1}
    desk.enter_count(contest.id, votes, rejected, "Clerk 1")
    desk.enter_count(contest.id, votes, rejected, "Clerk 2")
    desk.advance(contest.id, "provisional", "T")
    desk.local_totals.send(contest.id, "T", "Lee Local")
    text = " ".join(pages(desk.declaration_pdf(contest.id)))
    assert_in_order(
        text,
        [
            "Election of a Mayor for the West Midlands Area",
            "Statement of Local Totals",
            "Voting area: Birmingham",
            "I, Lee Local, being the Local Returning Officer",
            "(a) Want of an official mark",
            "declared by the Combined Authority Returning Officer",
        ],
    )
    data = json.loads(desk.local_totals.file_text(contest.id, "json"))
    assert [h["key"] for h in data["rejected"]] == [
        "official_mark",
        "too_many_votes",
        "identifying_mark",
        "unmarked_or_void",
    ]


def test_the_area_result_waits_at_verification_for_every_voting_area(sent, tmp_path):
    _folder, files = sent
    desk = area_database(tmp_path / "waits.sqlite")
    desk.area.add(PCC, files["Southbury"].read_text(encoding="utf-8"), "S.json", "Supervisor")
    desk.advance(PCC, "verification", "Supervisor")
    report = desk.status(PCC)
    assert [f.code for f in report.blockers] == ["A109"]
    assert "Northtown, Eastvale" in report.blockers[0].message
    with pytest.raises(CountDeskError) as caught:
        desk.advance(PCC, "count", "Supervisor")
    assert caught.value.code == "A109"
    _import_all(desk, files)
    assert desk.status(PCC).blockers == ()
    desk.advance(PCC, "count", "Supervisor")


def test_the_area_declarations_reference_covers_each_voting_areas_totals(sent, tmp_path):
    _folder, files = sent
    desk = area_database(tmp_path / "ref.sqlite")
    _import_all(desk, files)
    for stage in ("verification", "count", "provisional"):
        desk.advance(PCC, stage, "Supervisor")
    pdf = desk.declare(PCC, "Supervisor", AREA_OFFICER)
    (kept,) = desk.kept_declarations(PCC)
    assert f"Result data ref. {kept.data_ref}" in " ".join(pages(pdf))
    plain = desk.result(PCC)
    from reports.snapshot import build_snapshot

    own = build_snapshot(plain, desk.election_of(plain.contest), provisional=False, draft=True,
                         printed_on=kept.declared_at.date()).data_hash  # fmt: skip
    assert kept.data_ref != own  # the voting areas' totals are in the reference too


def test_the_overview_says_sent_and_shows_no_one_elected_for_a_local_count(sent):
    folder, _files = sent
    desk = CountDesk.open(folder / "Northtown.sqlite", create=False)
    row = desk.overview.contest(PCC)
    assert row.stage == "sent"
    assert row.waiting.startswith("sent ")  # with the time the local totals were sent
    assert row.declared_at == desk.local_totals.sent(PCC).sent_at
    assert row.result is None
    desk.close()


def test_a_recount_keyed_once_shows_no_local_totals_until_the_second_entry(tmp_path):
    """Double entry: the second clerk keys blind, so neither the statement nor the local
    totals show a recount's first entry while it is held; the batch leaves it out saying so."""
    desk = CountDesk.open(tmp_path / "local.sqlite")
    count_locally(desk, "Northtown", send=False)
    desk.record_recount_request(
        PCC, "Supervisor", requested_by="An Agent", role="agent", decision="full"
    )
    first = {desk.candidate_by_name(PCC, n).id: v for n, v in AREAS["Northtown"][1].items()}
    changed = dict(first)
    moved = next(iter(changed))
    changed[moved] -= 10
    changed[next(k for k in changed if k != moved)] += 10
    desk.enter_count(PCC, changed, AREAS["Northtown"][2], "Clerk 3")
    assert desk.entry_state(PCC).held
    for read in (
        lambda: desk.local_totals.totals(PCC),
        lambda: desk.declaration_pdf(PCC),
    ):
        with pytest.raises(CountDeskError) as refused:
            read()
        assert refused.value.code == "P101"
    (line,) = desk.batch.print_all(tmp_path / "out", draft=True).lines
    assert not line.written and line.code == "P101"


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace('"votes": 8000', '"votes": ' + "9" * 5000),
        lambda text: text.replace('"votes": 8000', '"votes": 123456789012345678901234'),
        lambda text: text.replace('"votes": 8000', '"votes": ' + "[" * 100_000 + "]" * 100_000),
    ],
    ids=["5,000 digits", "over any count", "nested deeply"],
)
def test_a_local_totals_file_with_an_impossible_figure_is_refused_plainly(sent, tmp_path, change):
    _folder, files = sent
    text = files["Northtown"].read_text(encoding="utf-8")
    assert '"votes": 8000' in text
    bad = tmp_path / "Northtown.json"
    bad.write_text(change(text), encoding="utf-8")
    desk = area_database(tmp_path / "area.sqlite")
    with pytest.raises(CountDeskError) as refused:
        desk.area.add(PCC, bad.read_text(encoding="utf-8"), bad.name, "Supervisor")
    assert refused.value.code == "A104" and "Northtown.json" in str(refused.value)
    assert desk.area.status(PCC).received == ()


def test_the_candidates_stay_as_the_voting_areas_name_them_once_one_is_in(sent, tmp_path):
    """Each voting area's totals are matched to the candidates by their ballot names: once one
    area is in, no name is changed and no candidate added or removed, so every area still in
    is added up against the same names."""
    _folder, files = sent
    desk = area_database(tmp_path / "area.sqlite")
    path = files["Northtown"]
    desk.area.add(PCC, path.read_text(encoding="utf-8"), path.name, "Supervisor")
    hart = desk.candidate_by_name(PCC, "Amelia Hart").id
    for change in (
        lambda: desk.update_candidate(PCC, hart, "Supervisor", common_forenames="Amy"),
        lambda: desk.remove_candidate(PCC, hart, "Supervisor"),
        lambda: desk.add_candidate(PCC, "Supervisor", "Newman", "Nia", "Independent"),
    ):
        with pytest.raises(CountDeskError) as refused:
            change()
        assert refused.value.code == "S812" and "Northtown" in str(refused.value)
    _import_all(desk, {k: v for k, v in files.items() if k != "Northtown"})
    assert desk.area.status(PCC).added_up


def test_local_totals_are_not_sent_without_the_electorate(tmp_path):
    """The area's electorate and turnout add up every voting area's: one sent without would
    leave the area's declaration with neither, and nothing could put it right there."""
    desk = CountDesk.open(tmp_path / "local.sqlite")
    count_locally(desk, "Northtown", send=False)
    desk.store.update_contest(PCC, {"electorate": None}, "Supervisor")
    assert "A110" in {f.code for f in desk.local_totals.blockers(PCC)}
    with pytest.raises(CountDeskError) as refused:
        desk.local_totals.send(PCC, "Supervisor", LOCAL_OFFICER)
    assert "A110" in str(refused.value)
    assert desk.local_totals.sent(PCC) is None


def test_a_voting_area_misspelt_is_put_right_until_they_are_added_up(sent, tmp_path):
    """The area's list can be put right while totals arrive (a voting area misspelt, one left
    out), but never to drop a voting area whose totals are in."""
    _folder, files = sent
    desk = area_database(tmp_path / "area.sqlite")
    desk.area.setup(PCC, ["Northtown", "Eastvail", "Southbury"], "Supervisor")
    path = files["Northtown"]
    desk.area.add(PCC, path.read_text(encoding="utf-8"), path.name, "Supervisor")
    with pytest.raises(CountDeskError) as refused:
        desk.area.setup(PCC, ["Eastvale", "Southbury"], "Supervisor")
    assert refused.value.code == "A107" and "Northtown" in str(refused.value)
    desk.area.setup(PCC, ["Northtown", "Eastvale", "Southbury"], "Supervisor")
    _import_all(desk, {k: v for k, v in files.items() if k != "Northtown"})
    assert desk.area.status(PCC).added_up
    with pytest.raises(CountDeskError) as refused:
        desk.area.setup(PCC, ["Northtown", "Eastvale", "Southbury", "Westfold"], "Supervisor")
    assert refused.value.code == "A102"


def test_a_send_refused_leaves_the_voting_area_as_it_was(tmp_path):
    desk = CountDesk.open(tmp_path / "local.sqlite")
    count_locally(desk, "Northtown", send=False)
    with pytest.raises(CountDeskError):
        desk.local_totals.send(PCC, "Supervisor", "Not The Officer", voting_area="Northtowne")
    assert desk.contest(PCC).voting_area == "Northtown"
    desk.local_totals.send(PCC, "Supervisor", LOCAL_OFFICER, voting_area="North Town")
    assert desk.contest(PCC).voting_area == "North Town"
