"""Names, descriptions and order as on the ballot paper (DOMAIN.md §2, §3 step 1).

An import proposes surnames with their particles and says which it split there; a file that
carries the SOPN's own surname, forenames, ballot description and position is taken as given;
the order can be set from the SOPN and the names confirmed, both audited and both refused once
the count makes them fixed.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.reports.sheets import assert_in_order
from tests.sample import WARD_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

WARD = "local.testborough.earlsfield.2026-05-07"
HEADER = "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,post_label,seats_contested"
ROW = "{id},{name},parl.2026-07-02,parl.testshire.by.2026-07-02,2026-07-02,{party},Testshire,1"
CONTEST = "parl.testshire.by.2026-07-02"


def _csv(tmp_path, header: str, rows: list[str]):
    path = tmp_path / "sopn.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def desk(db_path) -> CountDesk:
    return CountDesk.open(db_path)


def test_the_ward_import_files_o_briain_under_o_and_says_the_split_is_to_confirm(desk):
    summary = desk.import_candidates(WARD_CSV, "Importer")
    names = [c.display_name for c in desk.candidates(WARD)]
    assert names[-2:] == ["FIR, Łukasz", "Ó BRIAIN, Dara"]
    assert [(s.person_name, s.display_name) for s in summary.splits_to_confirm] == [
        ("Dara Ó Briain", "Ó BRIAIN, Dara")
    ]
    lines = summary.describe_splits()
    assert "statement of persons nominated" in lines[0]
    assert lines[1] == (
        "Dara Ó Briain → Ó BRIAIN, Dara: surname “Ó Briain” (at the particle “Ó”), forenames “Dara”"
    )
    assert [f.code for f in desk.names_to_confirm(WARD)] == [Code.N101]


def test_an_unconfirmed_split_keeps_the_contest_in_setup_until_confirmed_and_audited(desk):
    desk.import_candidates(WARD_CSV, "Importer")
    with pytest.raises(CountDeskError) as refused:
        desk.advance(WARD, "verification", "Supervisor")
    assert refused.value.code == Code.N101
    assert "Dara Ó Briain" in str(refused.value)
    assert desk.contest(WARD).status.value == "setup"

    desk.confirm_names(WARD, "Supervisor")
    assert desk.names_to_confirm(WARD) == []
    last = desk.store.audit(WARD)[-1]
    assert (last.operator, last.action, last.entity) == ("Supervisor", "confirm", "ballot order")
    assert last.old == {"to confirm": ["Dara Ó Briain"]}
    assert last.new["order"][-1] == "Ó BRIAIN, Dara"
    assert desk.advance(WARD, "verification", "Supervisor").status.value == "verification"


def test_correcting_the_name_by_hand_settles_the_split(desk):
    desk.import_candidates(WARD_CSV, "Importer")
    dara = desk.candidate_by_name(WARD, "Dara Ó Briain")
    desk.update_candidate(WARD, dara.id, "Supervisor", surname="Ó Briain", forenames="Dara Aoife")
    assert desk.names_to_confirm(WARD) == []
    assert desk.candidate_by_name(WARD, "Dara Ó Briain").display_name == "Ó BRIAIN, Dara Aoife"


def test_a_sopn_export_gives_surname_forenames_description_and_position_as_printed(desk, tmp_path):
    header = HEADER + ",surname,forenames,ballot_description,ballot_position"
    path = _csv(
        tmp_path,
        header,
        [
            ROW.format(id=1, name="Dick Van Dyke", party="Labour Party")
            + ",Van Dyke,Richard Wayne,Labour Party,3",
            ROW.format(id=2, name="Maria De La Cruz", party="Conservative and Unionist Party")
            + ",De La Cruz,Maria,The Conservative Party Candidate,1",
            ROW.format(id=3, name="Dara Ó Briain", party="Independent") + ",Ó Briain,Dara,,2",
        ],
    )
    summary = desk.import_candidates(path, "Importer")
    assert summary.splits_to_confirm == []
    assert [(c.display_name, c.description) for c in desk.candidates(CONTEST)] == [
        ("DE LA CRUZ, Maria", "The Conservative Party Candidate"),
        ("Ó BRIAIN, Dara", ""),  # the SOPN's blank description stays blank
        ("VAN DYKE, Richard Wayne", "Labour Party"),
    ]
    assert [c.ballot_position for c in desk.candidates(CONTEST)] == [1, 2, 3]
    assert desk.names_to_confirm(CONTEST) == []


def test_the_sopn_ballot_position_wins_over_the_alphabetical_proposal(desk, tmp_path):
    path = _csv(
        tmp_path,
        HEADER + ",ballot_position",
        [
            ROW.format(id=1, name="Ann Adams", party="Labour Party") + ",2",
            ROW.format(id=2, name="Zed Zane", party="Green Party") + ",1",
        ],
    )
    desk.import_candidates(path, "Importer")
    assert [c.display_name for c in desk.candidates(CONTEST)] == ["ZANE, Zed", "ADAMS, Ann"]


def test_democracy_clubs_description_text_is_printed_instead_of_the_party_name(desk, tmp_path):
    path = _csv(
        tmp_path,
        HEADER + ",party_description_text",
        [
            ROW.format(id=1, name="Ann Adams", party="Conservative and Unionist Party")
            + ",The Conservative Party Candidate",
            ROW.format(id=2, name="Bob Brown", party="Green Party") + ",",
        ],
    )
    desk.import_candidates(path, "Importer")
    assert [c.description for c in desk.candidates(CONTEST)] == [
        "The Conservative Party Candidate",
        "Green Party",
    ]


@pytest.mark.parametrize(
    ("positions", "says"),
    [
        (("1", ""), "Line 3 of sopn.csv: the ballot_position is blank"),
        (("1", "1"), "Line 3 of sopn.csv: ballot_position 1 is also Ann Adams's (line 2)"),
        (("1", "2nd"), "Line 3 of sopn.csv: the ballot_position “2nd” is not a place"),
        (("0", "1"), "Line 2 of sopn.csv: the ballot_position “0” is not a place"),
    ],
)
def test_a_wrong_ballot_position_imports_nothing_and_names_the_line(
    desk, tmp_path, positions, says
):
    path = _csv(
        tmp_path,
        HEADER + ",ballot_position",
        [
            ROW.format(id=1, name="Ann Adams", party="Labour Party") + f",{positions[0]}",
            ROW.format(id=2, name="Bob Brown", party="Green Party") + f",{positions[1]}",
        ],
    )
    with pytest.raises(CountDeskError, match=re.escape(says)) as refused:
        desk.import_candidates(path, "Importer")
    assert "nothing was imported" in str(refused.value)
    assert desk.contests() == []


def test_identical_names_keep_the_file_order_whatever_their_ids(desk, tmp_path):
    path = _csv(
        tmp_path,
        HEADER,
        [
            ROW.format(id=7, name="Sam Jones", party="Labour Party"),
            ROW.format(id=3, name="Sam Jones", party="Green Party"),
            ROW.format(id=5, name="Ann Adams", party="Reform UK"),
        ],
    )
    desk.import_candidates(path, "Importer")
    listed = desk.candidates(CONTEST)
    assert [(c.display_name, c.description) for c in listed] == [
        ("ADAMS, Ann", "Reform UK"),
        ("JONES, Sam", "Labour Party"),
        ("JONES, Sam", "Green Party"),
    ]
    # Set against the SOPN, the second Sam Jones first: the order follows the SOPN, not the ids.
    jones_green, jones_labour = listed[2].id, listed[1].id
    desk.set_ballot_order(CONTEST, [listed[0].id, jones_green, jones_labour], "Supervisor")
    assert [c.description for c in desk.candidates(CONTEST)] == [
        "Reform UK",
        "Green Party",
        "Labour Party",
    ]


def test_setting_the_order_is_audited_and_refused_once_a_count_is_recorded(desk):
    desk.import_candidates(WARD_CSV, "Importer")
    listed = desk.candidates(WARD)
    reversed_ids = [c.id for c in reversed(listed)]
    desk.set_ballot_order(WARD, reversed_ids, "Supervisor")
    assert [c.id for c in desk.candidates(WARD)] == reversed_ids
    last = desk.store.audit(WARD)[-1]
    assert (last.action, last.entity, last.operator) == ("set order", "ballot order", "Supervisor")
    assert last.new["order"][0] == "Ó BRIAIN, Dara"

    desk.set_contest_facts(WARD, "S", ballot_papers_verified=3000)
    desk.record_count(WARD, {c.id: 100 for c in listed}, {}, "Clerk", valid_papers_counted=300)
    audit_rows = len(desk.store.audit(WARD))
    with pytest.raises(CountDeskError) as refused:
        desk.set_ballot_order(WARD, [c.id for c in listed], "Supervisor")
    assert refused.value.code == Code.S812
    assert [c.id for c in desk.candidates(WARD)] == reversed_ids
    assert len(desk.store.audit(WARD)) == audit_rows
    # Confirming changes no name, so it is still possible: otherwise the warning could never go.
    desk.confirm_names(WARD, "Supervisor")
    assert desk.names_to_confirm(WARD) == []


@pytest.mark.parametrize("problem", ["missing", "twice", "stranger"])
def test_an_order_that_is_not_every_candidate_once_changes_nothing(desk, problem):
    desk.import_candidates(WARD_CSV, "Importer")
    ids = [c.id for c in desk.candidates(WARD)]
    given = {
        "missing": ids[:-1],
        "twice": [*ids[:-1], ids[0]],
        "stranger": [*ids[:-1], 999],
    }[problem]
    audit_rows = len(desk.store.audit(WARD))
    with pytest.raises(CountDeskError, match="nothing was changed"):
        desk.set_ballot_order(WARD, given, "Supervisor")
    assert [c.id for c in desk.candidates(WARD)] == ids
    assert all(c.ballot_position is None for c in desk.candidates(WARD))
    assert len(desk.store.audit(WARD)) == audit_rows


def test_a_candidate_added_after_the_order_was_set_goes_last_until_it_is_set_again(desk):
    desk.import_candidates(WARD_CSV, "Importer")
    ids = [c.id for c in desk.candidates(WARD)]
    desk.set_ballot_order(WARD, ids, "Supervisor")
    added = desk.add_candidate(WARD, "Supervisor", "Abbott", "Ann")
    assert desk.candidates(WARD)[-1].id == added.id


def test_the_declaration_prints_the_names_and_descriptions_of_the_ballot_paper(desk, tmp_path):
    """Ó BRIAIN under O, VAN DYKE under V, DE LA CRUZ under D; the ballot descriptions printed."""
    path = _csv(
        tmp_path,
        HEADER + ",party_description_text",
        [
            ROW.format(id=1, name="Dara Ó Briain", party="Independent") + ",",
            ROW.format(id=2, name="Dick Van Dyke", party="Labour Party")
            + ",Labour and Co-operative Party",
            ROW.format(id=3, name="Maria De La Cruz", party="Conservative and Unionist Party")
            + ",The Conservative Party Candidate",
            ROW.format(id=4, name="Nicola Shastri-Hurst", party="Liberal Democrats") + ",",
            ROW.format(id=5, name="Alan Hope", party="Official Monster Raving Loony Party") + ",",
        ],
    )
    desk.import_candidates(path, "Importer")
    hope = desk.candidate_by_name(CONTEST, "Alan Hope").id
    desk.update_candidate(CONTEST, hope, "Supervisor", common_forenames="Howling Laud")
    desk.confirm_names(CONTEST, "Supervisor")
    desk.set_contest_facts(
        CONTEST, "S", electorate=70_000, ballot_papers_verified=30_100, officer_name="Jane Officer"
    )
    votes = {"Dara Ó Briain": 9_000, "Dick Van Dyke": 8_500, "Maria De La Cruz": 7_000,
             "Nicola Shastri-Hurst": 4_000, "Alan Hope": 1_500}  # fmt: skip
    by_id = {desk.candidate_by_name(CONTEST, n).id: v for n, v in votes.items()}
    desk.record_count(CONTEST, by_id, {"official_mark": 100}, "Clerk")
    reader = pypdf.PdfReader(io.BytesIO(desk.declaration_pdf(CONTEST)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert_in_order(
        text,
        [
            "Name of candidate",
            "DE LA CRUZ, Maria The Conservative Party Candidate 7,000",
            "HOPE, Howling Laud Official Monster Raving Loony Party 1,500",
            "Ó BRIAIN, Dara Independent 9,000 Elected",
            "SHASTRI-HURST, Nicola Liberal Democrats 4,000",
            "VAN DYKE, Dick Labour and Co-operative Party 8,500",
            "Dara Ó BRIAIN would be declared duly elected",
        ],
    )
    assert "BRIAIN, Dara Ó" not in text and "DYKE, Dick Van" not in text
    assert "Conservative and Unionist Party" not in text
