"""Combined polls: one boxes list for several polls sharing their boxes, and each box as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import (
    BOXES_CSV,
    COMBINED_BOXES_CSV,
    COMBINED_COUNTED,
    COMBINED_CSV,
    NORTHGATE,
    PARISH,
    PCC,
    SOUTHFIELD,
)

pytestmark = pytest.mark.keyed_once

HEADER = "reference,name,kind,poll,issued\n"


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(COMBINED_CSV, "Importer")
    return desk


def _write(tmp_path: Path, body: str, name: str = "boxes.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _lines(desk: CountDesk) -> dict[str, list[tuple[str, int]]]:
    return {
        c: [(x.reference, x.issued) for x in desk.verification(c)]
        for c in (NORTHGATE, SOUTHFIELD, PCC, PARISH)
    }


def _count_all(desk: CountDesk) -> None:
    for contest_id, figures in COMBINED_COUNTED.items():
        desk.apply_verification(contest_id, "Clerk", counted=figures)


def test_a_combined_file_lists_each_polls_papers_in_its_own_verification(desk):
    done = desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    assert (done.lines, done.boxes) == (16, 7)
    lines = _lines(desk)
    assert lines[NORTHGATE] == [("NG1", 812), ("NG2", 1104), ("NG3", 655), ("PV1", 1320)]
    # `poll` given as the PCC election's id: its only contest is the poll.
    assert [r for r, _ in lines[PCC]] == ["NG1", "NG2", "NG3", "SF1", "SF2", "PV1", "PV2"]
    assert lines[PARISH] == [("NG3", 640), ("PV1", 140)]
    assert desk.contest(PCC).ballot_papers_verified == 0


def test_the_box_as_a_whole_adds_up_each_polls_papers(desk):
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    _count_all(desk)
    combined = desk.polls.verification()
    # The wards first, then the PCC, then the parish poll.
    assert [label for _, label in combined.polls] == [
        "Northgate",
        "Southfield",
        "Testshire PCC",
        "Northgate Village (parish)",
    ]
    ng3 = next(b for b in combined.boxes if b.reference == "NG3")
    assert [(p.poll, p.line.issued, p.line.counted) for p in ng3.polls] == [
        ("Northgate", 655, 655),
        ("Testshire PCC", 652, 652),
        ("Northgate Village (parish)", 640, 640),
    ]
    assert (ng3.issued, ng3.counted, ng3.variance) == (1947, 1947, 0)
    # Postal batches after the boxes.
    assert [b.reference for b in combined.boxes][-2:] == ["PV1", "PV2"]
    assert desk.contest(PCC).ballot_papers_verified == sum(COMBINED_COUNTED[PCC].values())


def test_papers_of_one_poll_in_anothers_box_are_noticed_and_explained_in_one_step(desk):
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    _count_all(desk)
    combined = desk.polls.verification()
    ng2 = next(b for b in combined.boxes if b.reference == "NG2")
    assert ng2.variance == 0  # the box as a whole agrees: 3 over, 3 under
    [finding] = combined.findings
    assert finding.code == Code.V506 and finding.subject == "NG2"
    assert finding.message.startswith(
        "Box NG2 (St Aidan's School): 3 more Testshire PCC papers and 3 fewer Northgate papers "
        "than their accounts: papers of one poll may have been put in the other's box."
    )
    # Each poll's variance is still a variance of its own, wanting its explanation.
    assert [f.subject for f in desk.open_warnings(NORTHGATE)] == ["NG2"]
    assert [f.subject for f in desk.open_warnings(PCC)] == ["NG2"]
    suggestion = desk.polls.explain_suggested("NG2", "Supervisor")
    for contest_id in (NORTHGATE, PCC):
        box = next(x for x in desk.verification(contest_id) if x.reference == "NG2")
        assert box.explanation == suggestion.explanation
        assert "3 Northgate papers put in the Testshire PCC box" in box.explanation
        assert desk.open_warnings(contest_id) == []
    assert desk.polls.verification().findings == ()
    assert [s.reference for s in desk.polls.suggestions_for(NORTHGATE)] == ["NG2"]
    assert desk.polls.suggestions_for(SOUTHFIELD) == ()


def test_the_suggestion_keeps_an_explanation_already_typed_for_one_poll(desk):
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    _count_all(desk)
    desk.apply_verification(NORTHGATE, "Clerk", explanations={"NG2": "Three papers in PCC box"})
    assert [f.subject for f in desk.polls.verification().findings] == ["NG2"]
    desk.polls.explain_suggested("NG2", "Supervisor")
    explained = {
        c: next(x for x in desk.verification(c) if x.reference == "NG2").explanation
        for c in (NORTHGATE, PCC)
    }
    assert explained[NORTHGATE] == "Three papers in PCC box"
    assert explained[PCC].startswith("3 Northgate papers put in the Testshire PCC box")


def test_a_variance_that_is_not_matched_by_another_poll_is_not_suggested(desk):
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    _count_all(desk)
    desk.apply_verification(PCC, "Clerk", counted={"NG2": 1103})  # +2 against −3
    assert desk.polls.verification().findings == ()
    with pytest.raises(CountDeskError, match="no suggestion"):
        desk.polls.explain_suggested("NG2", "Supervisor")


def test_a_contests_screen_knows_which_of_its_boxes_hold_other_polls_papers(desk):
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    shared = desk.polls.shared_with(PARISH)
    assert sorted(shared) == ["NG3", "PV1"]
    assert [p.poll for p in shared["NG3"].polls] == [
        "Northgate",
        "Testshire PCC",
        "Northgate Village (parish)",
    ]


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        (
            "NG1,Hall,box,local.testborough.2026-05-07,812\n",
            Code.V507,
            "Line 3 of boxes.csv: poll “local.testborough.2026-05-07” is an election of 2 "
            "contests (local.testborough.northgate.2026-05-07, "
            "local.testborough.southfield.2026-05-07)",
        ),
        (
            "NG1,Hall,box,pcc.2026-05-07,812\nNG2,School,box,pcc.west-mids.2026-05-07,5\n",
            Code.V507,
            "Line 4 of boxes.csv: there is no contest or election “pcc.west-mids.2026-05-07”",
        ),
        (
            "NG1,Hall,box,pcc.2026-05-07,812\nNG1,Hall,box,pcc.testshire.2026-05-07,812\n",
            Code.V508,
            "Line 4 of boxes.csv: box NG1 is already listed for Testshire PCC",
        ),
        (
            f"NG1,Hall,box,pcc.2026-05-07,812\nNG1,Village Hall,box,{NORTHGATE},812\n",
            Code.V509,
            "Line 4 of boxes.csv: box NG1 has the name “Village Hall”, not “Hall” on line 3",
        ),
        (
            f"NG1,Hall,box,pcc.2026-05-07,812\nNG1,Hall,postal,{NORTHGATE},812\n",
            Code.V509,
            "the kind postal, not box on line 3",
        ),
        (f"NG1,Hall,box,{NORTHGATE},8.12\n", Code.F102, "Line 3 of boxes.csv"),
    ],
)
def test_a_bad_row_imports_nothing(desk, tmp_path, body, code, words):
    path = _write(tmp_path, f"PV9,Postal,postal,{SOUTHFIELD},10\n{body}")
    before = _lines(desk)
    with pytest.raises(CountDeskError) as refused:
        desk.polls.import_csv(path, "Supervisor")
    assert refused.value.code == code
    assert words in str(refused.value)
    assert "nothing was imported" in str(refused.value).lower()
    assert _lines(desk) == before


def test_a_box_already_listed_for_another_poll_must_keep_its_name(desk, tmp_path):
    desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    path = _write(tmp_path, f"NG1,Methodist Hall,box,{PARISH},10\n")
    with pytest.raises(CountDeskError, match="as listed for Northgate") as refused:
        desk.polls.import_csv(path, "Supervisor")
    assert refused.value.code == Code.V509


def test_a_contest_whose_provisional_result_is_shown_is_refused_whole(desk, tmp_path):
    desk.store.update_contest(PARISH, {"status": "provisional"}, "Test")
    with pytest.raises(CountDeskError) as refused:
        desk.polls.import_csv(COMBINED_BOXES_CSV, "Supervisor")
    assert refused.value.code == Code.S809
    assert refused.value.message.startswith(
        "Line 8 of combined-boxes.csv is for Northgate Village (parish) "
        f"({PARISH}), whose boxes cannot be listed now. The provisional result of Northgate "
        "Village has been shown"
    )
    assert refused.value.message.endswith("Nothing was imported.")
    assert all(not lines for lines in _lines(desk).values())


def test_a_file_without_the_poll_column_is_one_contests_list(desk, tmp_path):
    with pytest.raises(CountDeskError, match="no “poll” column"):
        desk.polls.import_csv(BOXES_CSV, "Supervisor")
    # … and imports into one contest exactly as before.
    assert desk.import_verification_csv(SOUTHFIELD, BOXES_CSV, "Supervisor") == 13


def test_a_combined_file_is_refused_by_one_contests_import(desk):
    with pytest.raises(CountDeskError, match="has a poll column: it is a combined boxes list"):
        desk.import_verification_csv(NORTHGATE, COMBINED_BOXES_CSV, "Supervisor")
    assert desk.verification(NORTHGATE) == []


def test_polls_of_one_day_that_share_no_box_are_no_combined_verification(desk, tmp_path):
    with pytest.raises(CountDeskError, match="No polls in this database share"):
        desk.polls.verification()
    desk.polls.import_csv(_write(tmp_path, f"NG1,Hall,box,{NORTHGATE},812\n"), "Supervisor")
    desk.polls.import_csv(_write(tmp_path, f"SF1,Library,box,{SOUTHFIELD},930\n"), "Supervisor")
    with pytest.raises(CountDeskError, match="No polls in this database share"):
        desk.polls.verification()
    with pytest.raises(CountDeskError, match="No box of"):
        desk.polls.verification("pcc.2026-05-07")


def test_the_same_reference_on_two_days_is_two_boxes(desk):
    desk.open_demo("T")
    desk.import_verification_csv("parl.batley-and-spen.by.2021-07-01", BOXES_CSV, "T")
    desk.import_verification_csv(SOUTHFIELD, BOXES_CSV, "T")
    assert desk.polls.shared_with(SOUTHFIELD) == {}
    with pytest.raises(CountDeskError, match="No polls in this database share"):
        desk.polls.verification()


def test_two_wards_of_one_election_never_share_a_reference(desk, tmp_path):
    """A box holds one ward's papers of an election: two wards each listing a postal batch
    "PV9" would otherwise be taken for one physical box, added up as one on the combined
    statement and offered as papers of one ward put in the other's."""
    mine = tmp_path / "northgate.csv"
    mine.write_text("reference,name,kind,issued\nPV9,Postal votes,postal,300\n", encoding="utf-8")
    theirs = tmp_path / "southfield.csv"
    theirs.write_text("reference,name,kind,issued\nPV9,Postal votes,postal,280\n", encoding="utf-8")
    desk.import_verification_csv(NORTHGATE, mine, "Clerk")
    with pytest.raises(CountDeskError) as refused:
        desk.import_verification_csv(SOUTHFIELD, theirs, "Clerk")
    assert refused.value.code == Code.V509 and "Northgate" in str(refused.value)
    assert desk.verification(SOUTHFIELD) == []
    both = _write(
        tmp_path,
        f"PV8,Postal votes,postal,{NORTHGATE},300\nPV8,Postal votes,postal,{SOUTHFIELD},280\n",
    )
    with pytest.raises(CountDeskError) as refused:
        desk.polls.import_csv(both, "Clerk")
    assert refused.value.code == Code.V509
    assert [x.reference for x in desk.verification(NORTHGATE)] == ["PV9"]
