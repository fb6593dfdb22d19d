"""A text a person typed or a file gave: refused with the character named, or kept as meant."""

from __future__ import annotations

import pytest

from desktop.domain.characters import describe_character, refused_why, visible
from desktop.domain.errors import CountDeskError
from desktop.domain.text import MAX_TEXT, TextProblem, clean_text


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\x00", "U+0000 NULL"),
        ("\x1b", "U+001B ESCAPE"),
        ("\t", "U+0009 TAB"),
        ("\n", "U+000A LINE FEED"),
        ("\x7f", "U+007F DELETE"),
        ("\x85", "U+0085"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u200d", "U+200D ZERO WIDTH JOINER"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\ue000", "U+E000"),
        ("\udc9b", "U+DC9B"),
    ],
)
def test_each_kind_of_invisible_or_control_character_is_refused_and_named(char, named):
    assert refused_why(char) is not None
    with pytest.raises(TextProblem) as caught:
        clean_text(f"Jo{char}nes", "the surname")
    message = caught.value.message
    assert named in message
    assert "at character 3" in message
    assert char not in message  # never echoed raw
    assert message.startswith("The surname")


def test_ordinary_letters_marks_and_spaces_are_kept():
    for text in ("Ó Briain", "Llŷr", "Shastri-Hurst", "O'Neill", "Łukasz", "Anne-Marie", "Ζωή"):
        assert clean_text(text, "the name") == text
        assert refused_why(text[0]) is None


def test_spaces_are_tidied_and_text_put_in_composed_form():
    assert clean_text("  Kim \u00a0 Leadbeater ", "the name") == "Kim Leadbeater"
    decomposed = "The\u0301re\u0300se"
    assert clean_text(decomposed, "the name") == "Thérèse"


def test_a_text_with_no_letter_is_refused():
    for text in ("12345", "---", "...", "‼", "☺☺"):
        with pytest.raises(TextProblem, match="has no letter"):
            clean_text(text, "the surname")
    assert clean_text("123", "the reference", letter=False) == "123"


def test_empty_text_is_refused_only_when_required():
    assert clean_text("   ", "the description") == ""
    with pytest.raises(TextProblem, match="is empty"):
        clean_text(" ", "the surname", required=True)


def test_a_text_longer_than_the_limit_is_refused_with_its_length():
    assert clean_text("a" * MAX_TEXT, "the address") == "a" * MAX_TEXT
    with pytest.raises(TextProblem, match=f"{MAX_TEXT + 1} characters long.*at most {MAX_TEXT}"):
        clean_text("a" * (MAX_TEXT + 1), "the address")


def test_a_character_the_printer_cannot_print_is_refused_and_named():
    def latin_only(ch: str) -> bool:
        return ord(ch) < 0x250

    with pytest.raises(TextProblem) as caught:
        clean_text("Muhammad حسن", "the forenames", printable=latin_only)
    assert "U+062D ARABIC LETTER HAH cannot be printed on the declaration" in caught.value.message
    assert "(character 10)" in caught.value.message


def test_a_letter_whose_capital_cannot_be_printed_is_refused():
    # U+0149 has no capital of its own: in capitals it becomes U+02BC followed by N.
    def no_modifier_apostrophe(ch: str) -> bool:
        return ch != "\u02bc"

    with pytest.raises(TextProblem, match="U\\+02BC MODIFIER LETTER APOSTROPHE"):
        clean_text("\u0149ame", "the surname", printable=no_modifier_apostrophe)


def test_a_refusal_is_a_countdesk_error_with_a_clause_for_a_file_message():
    with pytest.raises(CountDeskError) as caught:
        clean_text("A\x1b[2J", "the person_name")
    problem = caught.value
    assert isinstance(problem, TextProblem)
    assert problem.clause.startswith("the person_name “A[U+001B][2J” has U+001B ESCAPE")
    assert not problem.clause.endswith(".")


def test_visible_shows_refused_characters_by_their_code_point():
    assert visible("a\x1bb\u202ec\nd") == "a[U+001B]b[U+202E]c\nd"
    assert visible("Théo") == "Théo"


def test_a_message_never_carries_a_raw_control_character():
    error = CountDeskError("Line 2: the seats “\x1b[2J9” are not a number.")
    assert "\x1b" not in error.message
    assert "\x1b" not in str(error)
    assert "[U+001B]" in error.message


def test_describe_character_names_characters_without_a_unicode_name():
    assert describe_character("\x1b") == "U+001B ESCAPE"
    assert describe_character("\x9b").startswith("U+009B")
    assert describe_character("é") == "U+00E9 LATIN SMALL LETTER E WITH ACUTE"
