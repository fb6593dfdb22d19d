"""The statement of verification from the services: a variance a supervisor accepted, postal
batches returned, and the other figures of the ballot paper accounts imported from a CSV."""

from __future__ import annotations

import io

import pypdf
import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BOXES_CSV

HEAD = "reference,name,kind,issued,unused,spoilt,tendered\n"


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().replace("\xa0", " ").split()) for p in reader.pages)


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(BATLEY, "Supervisor", electorate=79373, officer_name="Jacqui Gedman")
    desk.advance(BATLEY, "verification", "Supervisor")
    return desk


def _count_all(desk: CountDesk, **off: int) -> None:
    for line in desk.verification(BATLEY):
        desk.set_box_counted(BATLEY, line.reference, line.issued + off.get(line.reference, 0), "V")


def test_an_accepted_variance_prints_the_supervisors_reason(desk):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    _count_all(desk, BS07=-1)
    assert "Not explained" in _text(desk.verification_pdf(BATLEY))
    desk.acknowledge_warning(
        BATLEY, "V501", "Counted twice; the account is wrong", "Supervisor", "BS07"
    )
    assert desk.accepted_variances(BATLEY) == {"BS07": "Counted twice; the account is wrong"}
    text = _text(desk.verification_pdf(BATLEY))
    assert "Variance accepted by the supervisor: Counted twice; the account is wrong" in text
    assert "Not explained" not in text
    # An acknowledgement of a variance of −1 does not cover the same box at −400.
    line = next(x for x in desk.verification(BATLEY) if x.reference == "BS07")
    desk.set_box_counted(BATLEY, "BS07", line.issued - 400, "V")
    assert desk.accepted_variances(BATLEY) == {}
    assert "Not explained" in _text(desk.verification_pdf(BATLEY))


def test_postal_batches_are_returned_on_the_statement_and_in_the_finding(desk, tmp_path):
    path = tmp_path / "boxes.csv"
    path.write_text(HEAD + "B1,Town Hall,box,1000,,,\nPV1,Postal opening 1,postal,500,,,\n")
    desk.import_verification_csv(BATLEY, path, "Supervisor")
    _count_all(desk, PV1=-2)
    warning = next(w for w in desk.open_warnings(BATLEY) if w.subject == "PV1")
    assert "498 counted against 500 returned" in warning.message
    text = _text(desk.verification_pdf(BATLEY))
    assert "Postal ballot papers returned (from the postal vote openings) 500" in text


def test_unused_spoilt_and_tendered_papers_come_from_the_csv_when_given(desk, tmp_path):
    path = tmp_path / "boxes.csv"
    path.write_text(
        HEAD + "B1,Town Hall,box,1000,412,3,1\nB2,Library,box,800,,,\nPV1,Postal,postal,500,,,\n"
    )
    assert desk.import_verification_csv(BATLEY, path, "Supervisor") == 3
    figures = {x.reference: x.account_figures for x in desk.verification(BATLEY)}
    assert figures == {"B1": (412, 3, 1), "B2": (None, None, None), "PV1": (None, None, None)}
    _count_all(desk)
    text = _text(desk.verification_pdf(BATLEY))
    assert "Other figures of the ballot paper accounts" in text
    assert "B1 Town Hall 412 3 1" in text and "B2 Library – – –" in text


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("PV1,Postal,postal,500,10,,", "PV1 is a postal batch"),
        ("B1,Hall,box,1000,12a,,", "Line 2 of boxes.csv"),
        ("B1,Hall,box,1000,,-1,", "Line 2 of boxes.csv"),
    ],
)
def test_wrong_account_figures_import_nothing(desk, tmp_path, row, words):
    path = tmp_path / "boxes.csv"
    path.write_text(HEAD + row + "\n")
    with pytest.raises(CountDeskError) as info:
        desk.import_verification_csv(BATLEY, path, "Supervisor")
    assert words in str(info.value) and "nothing was imported" in str(info.value).lower()
    assert desk.verification(BATLEY) == []


def test_the_four_column_csv_still_imports(desk):
    assert desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor") > 0
    assert all(x.account_figures == (None, None, None) for x in desk.verification(BATLEY))
