"""Setup and the verification list take a text or bound the way the candidates import does:
one check (desktop.domain.text), the character named, nothing stored on a refusal."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    return desk


def _refused(desk: CountDesk, action) -> str:
    before = len(desk.store.audit())
    with pytest.raises(CountDeskError) as caught:
        action()
    assert len(desk.store.audit()) == before
    message = str(caught.value)
    assert message.isprintable()
    return message


def test_an_officer_name_with_escape_is_refused_naming_it(desk):
    message = _refused(
        desk, lambda: desk.set_contest_facts(BATLEY, "Supervisor", officer_name="Jo\x1b[2J")
    )
    assert "The declaring officer's name “Jo[U+001B][2J” has U+001B ESCAPE" in message
    assert desk.contest(BATLEY).officer_name == ""


@pytest.mark.parametrize("fact", ["officer_name", "officer_title", "imprint_address"])
def test_a_fact_over_200_characters_is_refused(desk, fact):
    message = _refused(
        desk, lambda: desk.set_contest_facts(BATLEY, "Supervisor", **{fact: "a" * 201})
    )
    assert "201 characters long, but may be at most 200" in message
    desk.set_contest_facts(BATLEY, "Supervisor", **{fact: "a" * 200})


def test_an_authority_the_declaration_cannot_print_is_refused(desk):
    election = desk.contest(BATLEY).election_id
    message = _refused(
        desk, lambda: desk.set_election_authority(election, "Kirklees 議会", "Supervisor")
    )
    assert "U+8B70 CJK UNIFIED IDEOGRAPH-8B70 cannot be printed on the declaration" in message


def test_a_surname_typed_in_arabic_is_refused_naming_the_letter(desk):
    smith = desk.candidate_by_name(BATLEY, "Andrew Smith").id
    message = _refused(
        desk, lambda: desk.update_candidate(BATLEY, smith, "Supervisor", surname="حسن")
    )
    assert message.startswith("The surname “حسن” cannot be printed as spelt")
    assert "U+062D ARABIC LETTER HAH cannot be printed on the declaration" in message
    assert desk.candidate_by_name(BATLEY, "Andrew Smith").surname == "Smith"


def test_a_description_with_no_letter_or_a_zero_width_space_is_refused(desk):
    message = _refused(desk, lambda: desk.add_candidate(BATLEY, "S", "Able", description="---"))
    assert "The description “---” has no letter" in message
    message = _refused(
        desk, lambda: desk.add_candidate(BATLEY, "S", "Ab\u200ble", description="Independent")
    )
    assert "U+200B ZERO WIDTH SPACE" in message
    assert len(desk.candidates(BATLEY)) == 16


def test_the_hundred_and_first_candidate_is_refused(desk):
    for n in range(84):
        desk.add_candidate(BATLEY, "S", f"Extra{chr(65 + n // 26)}{chr(65 + n % 26)}")
    message = _refused(desk, lambda: desk.add_candidate(BATLEY, "S", "Onehundredandone"))
    assert "Batley and Spen would have 101 candidates, more than the 100" in message


@pytest.mark.parametrize("seats", [99999999999999999999, 51, 0])
def test_seats_out_of_bounds_are_a_sentence(desk, seats):
    message = _refused(desk, lambda: desk.set_seats(BATLEY, seats, "Supervisor"))
    assert "number of seats" in message
    assert desk.contest(BATLEY).seats == 1


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(2101, 1, 1)])
def test_a_contest_created_with_a_poll_date_out_of_bounds_is_refused(desk, day):
    message = _refused(
        desk,
        lambda: desk.create_contest("S", type_code="parl", poll_date=day, area="Anywhere"),
    )
    assert "is not between 1900 and 2100" in message


def _boxes(desk: CountDesk, tmp_path, data: str | bytes) -> str:
    desk.advance(BATLEY, "verification", "Supervisor")
    path = tmp_path / "boxes.csv"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    message = _refused(desk, lambda: desk.import_verification_csv(BATLEY, path, "Supervisor"))
    assert desk.verification(BATLEY) == []
    return message


def test_a_box_name_with_a_control_character_is_refused_with_its_line(desk, tmp_path):
    message = _boxes(
        desk, tmp_path, "reference,name,kind,issued\nBS01,Hall,box,10\nBS02,Ch\x07urch,box,5\n"
    )
    assert "Line 3 of boxes.csv: the name “Ch[U+0007]urch” has U+0007 BELL" in message


def test_a_stray_quote_in_the_boxes_is_refused_with_its_line(desk, tmp_path):
    message = _boxes(
        desk,
        tmp_path,
        'reference,name,kind,issued\nBS01,"Hall,box,10\nBS02,Church,box,5\nBS03,Shop,box,7\n',
    )
    assert "Line 2 of boxes.csv has a field that runs on to line 4" in message


def test_a_boxes_file_in_windows_1252_is_refused(desk, tmp_path):
    text = "reference,name,kind,issued\nBS01,Café,box,10\n"
    message = _boxes(desk, tmp_path, text.encode("cp1252"))
    assert "line 2 has the byte 0xE9" in message and "CSV UTF-8" in message


def test_a_box_row_narrower_than_the_header_is_refused(desk, tmp_path):
    message = _boxes(desk, tmp_path, "reference,name,kind,issued\nBS01,Hall,box\n")
    assert "Line 2 of boxes.csv has fewer fields than the header (3, not 4)" in message


def test_a_contest_saved_with_more_than_fifty_seats_still_opens(desk):
    # Earlier versions accepted up to 100 seats; the bound of 50 is for new input.
    desk.store.update_contest(BATLEY, {"seats": 60}, "Supervisor")
    assert desk.contest(BATLEY).seats == 60
    message = _refused(desk, lambda: desk.set_seats(BATLEY, 61, "Supervisor"))
    assert "larger than 50" in message
