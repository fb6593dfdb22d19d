"""Input that cannot hurt: a candidates CSV with a character, a quote, a size or an encoding
that would print wrongly, act on a terminal or lose rows is refused whole, with its line."""

from __future__ import annotations

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk

HEADER = (
    "person_id,person_name,election_id,ballot_paper_id,election_date,party_name,party_id,"
    "post_label,seats_contested"
)
CONTEST = "local.testshire.hyphen.2026-05-07"


def row(n: int, name: str, party: str = "Independent", seats: str = "1", day: str = "2026-05-07"):
    return (
        f'{n},"{name}",local.testshire.{day},local.testshire.hyphen.{day},{day},"{party}",,'
        f"Hyphen Ward,{seats}"
    )


@pytest.fixture
def desk(db_path) -> CountDesk:
    return CountDesk.open(db_path)


def refused(desk: CountDesk, tmp_path, text: str | bytes) -> str:
    """Import the file; it must be refused whole, storing nothing. The message."""
    path = tmp_path / "candidates.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(CountDeskError) as caught:
        desk.import_candidates(path, "Importer")
    assert desk.contests() == []
    assert desk.store.audit() == []
    message = str(caught.value)
    assert message.isprintable()
    return message


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Ann\x1b[2JAble", "U+001B ESCAPE"),
        ("Ann\x00Able", "U+0000 NULL"),
        ("Ann\x9bAble", "U+009B"),
        ("Ann \u202eelbA", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Ann \u2067Able", "U+2067 RIGHT-TO-LEFT ISOLATE"),
        ("Ann\u200bAble", "U+200B ZERO WIDTH SPACE"),
        ("Ann \ufeffAble", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_a_name_with_a_control_or_invisible_character_is_refused_naming_it(
    desk, tmp_path, name, named
):
    message = refused(desk, tmp_path, f"{HEADER}\n{row(1, 'Bob Baker')}\n{row(2, name)}\n")
    assert "Line 3 of candidates.csv: the person_name" in message
    assert named in message
    assert "nothing was imported" in message


def test_a_description_with_a_bidirectional_override_is_refused(desk, tmp_path):
    message = refused(
        desk, tmp_path, f"{HEADER}\n{row(1, 'Bob Baker', party='Green \u202dParty')}\n"
    )
    assert "Line 2" in message
    assert "the party_name" in message
    assert "U+202D LEFT-TO-RIGHT OVERRIDE" in message


@pytest.mark.parametrize("name", ["12345", "---", "☺", "..."])
def test_a_name_with_no_letter_is_refused(desk, tmp_path, name):
    message = refused(desk, tmp_path, f"{HEADER}\n{row(1, name)}\n")
    assert "Line 2" in message
    assert "has no letter" in message


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Muhammad حسن", "U+062D ARABIC LETTER HAH cannot be printed on the declaration"),
        ("张伟", "U+5F20 CJK UNIFIED IDEOGRAPH-5F20 cannot be printed on the declaration"),
        ("Ann Able 😀", "U+1F600 GRINNING FACE cannot be printed on the declaration"),
        ("דוד Cohen", "U+05D3 HEBREW LETTER DALET cannot be printed on the declaration"),
    ],
)
def test_a_name_the_declaration_cannot_print_is_refused_naming_the_character(
    desk, tmp_path, name, named
):
    message = refused(desk, tmp_path, f"{HEADER}\n{row(1, name)}\n")
    assert "Line 2" in message
    assert named in message


def test_names_the_declaration_can_print_are_accepted_as_spelt(desk, tmp_path):
    names = ["Llŷr Gruffydd", "Łukasz Żółć", "Dara Ó Briain", "Zoë Ðorđević", "Ιωάννα Παππά"]
    path = tmp_path / "c.csv"
    path.write_text(
        HEADER + "\n" + "\n".join(row(n, name) for n, name in enumerate(names, 1)) + "\n",
        encoding="utf-8",
    )
    desk.import_candidates(path, "Importer")
    assert sorted(c.person_name for c in desk.candidates(CONTEST)) == sorted(names)


def test_a_stray_quote_that_would_swallow_later_rows_is_refused_with_its_line(desk, tmp_path):
    rows = [row(n, f"Person {chr(64 + n)}").replace('"', "") for n in range(1, 8)]
    rows[1] = rows[1].replace("Person B", '"Person B')  # a quote never closed
    message = refused(desk, tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    assert "Line 3 of candidates.csv has a field that runs on to line 8" in message
    assert "stray quote" in message


def test_a_row_with_fewer_fields_than_the_header_is_refused(desk, tmp_path):
    short = ",".join(row(2, "Cat Cole").split(",")[:-1])
    message = refused(desk, tmp_path, f"{HEADER}\n{row(1, 'Bob Baker')}\n{short}\n")
    assert "Line 3 of candidates.csv has fewer fields than the header (8, not 9)" in message


def test_a_file_saved_by_excel_in_windows_1252_is_refused_not_mangled(desk, tmp_path):
    text = f"{HEADER}\n{row(1, 'Bob Baker')}\n{row(2, 'Thérèse Hirst')}\n"
    message = refused(desk, tmp_path, text.encode("cp1252"))
    assert "not saved as UTF-8: line 3 has the byte 0xE9 (in Windows-1252, “é”)" in message
    assert "CSV UTF-8" in message


@pytest.mark.parametrize(
    ("seats", "words"),
    [
        ("99999999999999999999", "larger than 50"),
        ("51", "larger than 50"),
        ("0", "1 or more"),
        ("-3", "1 or more"),
        ("٣", "1 or more"),  # an Arabic-Indic digit three
    ],
)
def test_seats_out_of_bounds_are_a_sentence(desk, tmp_path, seats, words):
    message = refused(desk, tmp_path, f"{HEADER}\n{row(1, 'Bob Baker', seats=seats)}\n")
    assert "Line 2" in message
    assert "seats_contested" in message
    assert words in message
    assert "Error" not in message


def test_fifty_seats_are_accepted(desk, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(f"{HEADER}\n{row(1, 'Bob Baker', seats='50')}\n", encoding="utf-8")
    desk.import_candidates(path, "Importer")
    assert desk.contest(CONTEST).seats == 50


@pytest.mark.parametrize("day", ["1899-12-31", "2101-01-01"])
def test_a_poll_date_outside_1900_to_2100_is_refused(desk, tmp_path, day):
    message = refused(desk, tmp_path, f"{HEADER}\n{row(1, 'Bob Baker', day=day)}\n")
    assert f"the poll date {day} is not between 1900 and 2100" in message


def test_more_than_a_hundred_candidates_are_refused(desk, tmp_path):
    rows = [row(n, f"Person {n:03d} Able") for n in range(1, 102)]
    message = refused(desk, tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    assert "Line 102" in message
    assert "101 candidates, more than the 100" in message


def test_an_id_that_is_not_a_democracy_club_id_is_refused(desk, tmp_path):
    bad = row(1, "Bob Baker").replace("local.testshire.hyphen.", "local.Test\x1bshire.hyphen.")
    message = refused(desk, tmp_path, f"{HEADER}\n{bad}\n")
    assert "the ballot_paper_id “local.Test[U+001B]shire" in message
