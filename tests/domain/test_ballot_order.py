"""Ballot order (DOMAIN.md §3): the order of the ballot paper and of the declaration.

Alphabetical by surname as spelt, multi-part and hyphenated surnames kept whole, ties broken
by forenames; the commonly used surname decides where one is given. A clerk checks the
declaration line by line against the ballot paper, so the order must be exactly right and the
same every time.
"""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.model import Candidate, ballot_order, ballot_order_key
from desktop.domain.names import split_person_name
from tests.domain.builders import batley_candidates


def _people(*names: tuple[str, str]) -> list[Candidate]:
    return [Candidate(i, surname, forenames) for i, (surname, forenames) in enumerate(names, 1)]


def _surnames(candidates) -> list[str]:
    return [c.ballot_surname for c in ballot_order(candidates)]


def _shuffled_orders(candidates: list[Candidate], times: int = 20):
    rng = random.Random(2021)
    for _ in range(times):
        copy = list(candidates)
        rng.shuffle(copy)
        yield copy


def test_surname_as_spelt_mac_before_m_before_mc():
    """MACLEAN before MATTHEWS before MCCORMICK: Mac and Mc are not filed together."""
    people = _people(("MCCORMICK", "Ann"), ("MATTHEWS", "Bob"), ("MACLEAN", "Cat"))
    for order in _shuffled_orders(people):
        assert _surnames(order) == ["MACLEAN", "MATTHEWS", "MCCORMICK"]


def test_hyphenated_surname_is_kept_whole_under_its_first_letter():
    """SHASTRI-HURST under S: after SHASTRI, before SMITH (not under H)."""
    people = _people(
        ("SMITH", "Andrew"),
        ("HURST", "Zoe"),
        ("SHASTRI-HURST", "Nicola"),
        ("SHASTRI", "Raj"),
        ("SCOTT", "Amy"),
    )
    for order in _shuffled_orders(people):
        assert _surnames(order) == ["HURST", "SCOTT", "SHASTRI", "SHASTRI-HURST", "SMITH"]


def test_multi_part_surname_is_kept_whole_under_its_first_letter():
    """VAN DYKE under V (not under D)."""
    people = _people(
        ("WALKER", "Jo"),
        ("DYKE", "Sam"),
        ("VAN DYKE", "Pieter"),
        ("UPTON", "Lee"),
        ("DAVIES", "Mike"),
    )
    for order in _shuffled_orders(people):
        assert _surnames(order) == ["DAVIES", "DYKE", "UPTON", "VAN DYKE", "WALKER"]


def test_case_does_not_change_the_order():
    people = _people(("de la Cruz", "Maria"), ("DAVIES", "Mike"), ("Dean", "Ann"))
    assert _surnames(people) == ["DAVIES", "Dean", "de la Cruz"]


def test_same_surname_is_ordered_by_forenames():
    people = _people(("SMITH", "Zoe"), ("SMITH", "Andrew"), ("SMITH", "Mary Jane"), ("ROSS", "A"))
    for order in _shuffled_orders(people):
        assert [(c.ballot_surname, c.ballot_forenames) for c in ballot_order(order)] == [
            ("ROSS", "A"),
            ("SMITH", "Andrew"),
            ("SMITH", "Mary Jane"),
            ("SMITH", "Zoe"),
        ]


def test_identical_names_keep_the_order_of_the_statement_of_persons_nominated():
    """Two Sam JONESes are listed as the SOPN lists them, whatever ids the database gave them."""
    people = [
        Candidate(7, "JONES", "Sam", sopn_position=1),
        Candidate(3, "JONES", "Sam", sopn_position=3),
        Candidate(5, "JONES", "Sam", sopn_position=2),
        Candidate(9, "ADAMS", "Kit", sopn_position=4),
    ]
    for order in _shuffled_orders(people):
        assert [c.id for c in ballot_order(order)] == [9, 7, 5, 3]


def test_the_ballot_position_given_by_the_sopn_wins_over_the_alphabetical_proposal():
    people = [
        Candidate(1, "ADAMS", "Kit", ballot_position=3),
        Candidate(2, "ZANE", "Ann", ballot_position=1),
        Candidate(3, "MOORE", "Jo", ballot_position=2),
    ]
    for order in _shuffled_orders(people):
        assert _surnames(order) == ["ZANE", "MOORE", "ADAMS"]


def test_a_candidate_without_a_ballot_position_follows_those_with_one():
    """Added by hand after the order was set: shown last until the order is set again."""
    people = [
        Candidate(1, "ZANE", "Ann", ballot_position=1),
        Candidate(2, "MOORE", "Jo", ballot_position=2),
        Candidate(3, "CLARK", "Bo"),
        Candidate(4, "ADAMS", "Kit"),
    ]
    for order in _shuffled_orders(people):
        assert _surnames(order) == ["ZANE", "MOORE", "ADAMS", "CLARK"]


def test_the_issues_names_file_under_their_whole_surnames():
    """Ó BRIAIN under O, VAN DYKE under V, DE LA CRUZ under D, MAC AN TSAOIR under M."""
    people = [
        Candidate(i, *split_person_name(name)[::-1], sopn_position=i)
        for i, name in enumerate(
            [
                "Dara Ó Briain",
                "Dick Van Dyke",
                "Maria De La Cruz",
                "Seán Mac an tSaoir",
                "Nicola Shastri-Hurst",
                "Tom Briggs",
                "Ann Dyson",
            ],
            1,
        )
    ]
    for order in _shuffled_orders(people):
        assert [c.display_name for c in ballot_order(order)] == [
            "BRIGGS, Tom",
            "DE LA CRUZ, Maria",
            "DYSON, Ann",
            "MAC AN TSAOIR, Seán",
            "Ó BRIAIN, Dara",
            "SHASTRI-HURST, Nicola",
            "VAN DYKE, Dick",
        ]


def test_commonly_used_surname_decides_the_order():
    """A candidate nominated as ZEBEDEE but commonly known as ABBOTT is printed, and ordered, as ABBOTT."""
    people = [
        Candidate(1, "BROWN", "Ann"),
        Candidate(2, "ZEBEDEE", "Ann", common_surname="ABBOTT"),
        Candidate(3, "CLARK", "Ann"),
    ]
    order = ballot_order(people)
    assert [c.id for c in order] == [2, 1, 3]
    assert order[0].display_name == "ABBOTT, Ann"


def test_commonly_used_forenames_break_ties():
    people = [
        Candidate(1, "SMITH", "Andrew", common_forenames="Zak"),
        Candidate(2, "SMITH", "Bella"),
    ]
    assert [c.id for c in ballot_order(people)] == [2, 1]


def test_accents_are_folded():
    """Ó BRIAIN sorts with the Os (after OAKES, before O'BRIEN and OWEN), not after Z."""
    people = _people(
        ("OWEN", "Tom"),
        ("ZANE", "Ann"),
        ("O'BRIEN", "Pat"),
        ("Ó BRIAIN", "Seán"),
        ("OAKES", "Ann"),
        ("NASH", "Ed"),
    )
    for order in _shuffled_orders(people):
        assert _surnames(order) == ["NASH", "OAKES", "Ó BRIAIN", "O'BRIEN", "OWEN", "ZANE"]


def test_accented_and_plain_spellings_sort_together():
    people = _people(("HIRST", "Thérèse"), ("HÉBERT", "Luc"), ("HOPE", "Howling Laud"))
    assert _surnames(people) == ["HÉBERT", "HIRST", "HOPE"]


def test_accents_in_forenames_are_folded_for_ties():
    people = _people(("SMITH", "Zoë"), ("SMITH", "Émile"), ("SMITH", "Fred"))
    assert [c.ballot_forenames for c in ballot_order(people)] == ["Émile", "Fred", "Zoë"]


def test_letters_with_strokes_are_folded_too():
    people = _people(
        ("ZANE", "Ann"),
        ("ŁUKASZEWSKI", "Piotr"),
        ("LEWIS", "Jo"),
        ("MORGAN", "Sam"),
        ("ØSTERGAARD", "Lars"),
        ("OWEN", "Tom"),
    )
    assert _surnames(people) == ["LEWIS", "ŁUKASZEWSKI", "MORGAN", "ØSTERGAARD", "OWEN", "ZANE"]


def test_display_name_shows_surname_in_capitals_and_common_names():
    assert Candidate(1, "Leadbeater", "Kim").display_name == "LEADBEATER, Kim"
    assert Candidate(1, "Leadbeater", "Kim").name_in_words == "Kim LEADBEATER"
    nominated = Candidate(2, "Hope", "Alan", common_forenames="Howling Laud")
    assert nominated.display_name == "HOPE, Howling Laud"
    assert Candidate(3, "Prince", "").display_name == "PRINCE"


def test_batley_and_spen_ballot_order_matches_the_published_order():
    candidates, _votes, rows = batley_candidates()
    published = [row["person_name"] for row in rows]
    for order in _shuffled_orders(candidates):
        assert [c.person_name for c in ballot_order(order)] == published
    names = [c.display_name for c in ballot_order(candidates)]
    assert names[0] == "BICKERDIKE, Paul"
    assert "HIRST, Thérèse" in names
    assert "HOPE, Howling Laud" in names
    assert names[-1] == "WATERS, Anne Marie"


# ---------------------------------------------------------------------------------------------
# Properties

name_text = st.text(
    alphabet=st.characters(categories=["Lu", "Ll"], max_codepoint=0x24F) | st.sampled_from(" -'"),
    min_size=1,
    max_size=12,
)
candidate_lists = st.lists(
    st.builds(
        lambda i, surname, forenames: Candidate(i, surname, forenames),
        st.integers(min_value=1, max_value=10**6),
        name_text,
        name_text,
    ),
    max_size=12,
    unique_by=lambda c: c.id,
).map(lambda cs: [replace(c, sopn_position=i) for i, c in enumerate(cs, 1)])


@given(candidate_lists, st.randoms(use_true_random=False))
def test_ballot_order_does_not_depend_on_input_order(candidates, rng):
    shuffled = list(candidates)
    rng.shuffle(shuffled)
    assert ballot_order(shuffled) == ballot_order(candidates)


@given(candidate_lists)
def test_ballot_order_keeps_every_candidate_once_and_is_idempotent(candidates):
    order = ballot_order(candidates)
    assert sorted(c.id for c in order) == sorted(c.id for c in candidates)
    assert ballot_order(order) == order


@given(candidate_lists)
def test_ballot_order_keys_are_all_different(candidates):
    """No two candidates ever compare equal, so nothing is left to the sort's stability."""
    keys = [ballot_order_key(c) for c in candidates]
    assert len(set(keys)) == len(keys)


@given(candidate_lists)
def test_surnames_in_ballot_order_are_alphabetical_ignoring_case(candidates):
    order = ballot_order(candidates)
    keys = [ballot_order_key(c)[0] for c in order]
    assert keys == sorted(keys)
