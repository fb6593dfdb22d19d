"""Proposing surname and forenames from a full name (DOMAIN.md §2): surnames are not the last word.

A Democracy Club export has only ``person_name``. The proposal takes the last word with any
surname particles before it, and says where it split at a particle, so that the split is
checked against the statement of persons nominated before any figure stands against it.
"""

from __future__ import annotations

import pytest

from desktop.domain.names import propose_split, split_person_name


@pytest.mark.parametrize(
    ("person_name", "forenames", "surname"),
    [
        ("Dara Ó Briain", "Dara", "Ó Briain"),
        ("Dara O Briain", "Dara", "O Briain"),
        ("Pat O' Neill", "Pat", "O' Neill"),
        ("Róisín Ní Mhurchú", "Róisín", "Ní Mhurchú"),
        ("Siobhan Nic Aoidh", "Siobhan", "Nic Aoidh"),
        ("Fiona Mac Neil", "Fiona", "Mac Neil"),
        ("Seán Mac an tSaoir", "Seán", "Mac an tSaoir"),
        ("Ross Mc Cann", "Ross", "Mc Cann"),
        ("Dick Van Dyke", "Dick", "Van Dyke"),
        ("Jan van der Berg", "Jan", "van der Berg"),
        ("Ursula Von Trapp", "Ursula", "Von Trapp"),
        ("Maria De La Cruz", "Maria", "De La Cruz"),
        ("Ana Da Silva", "Ana", "Da Silva"),
        ("Luca Di Stefano", "Luca", "Di Stefano"),
        ("Marie Du Pont", "Marie", "Du Pont"),
        ("Paul Le Page", "Paul", "Le Page"),
        ("Rosa La Rue", "Rosa", "La Rue"),
        ("Jo St John", "Jo", "St John"),
        ("Omar Al Hassan", "Omar", "Al Hassan"),
        ("Nour El Din", "Nour", "El Din"),
        ("Dafydd ap Gwilym", "Dafydd", "ap Gwilym"),
        ("Rhys ab Owen", "Rhys", "ab Owen"),
        ("Ahmad bin Ali", "Ahmad", "bin Ali"),
    ],
)
def test_each_particle_stays_with_the_surname_and_the_split_asks_for_confirmation(
    person_name, forenames, surname
):
    split = propose_split(person_name)
    assert (split.forenames, split.surname) == (forenames, surname)
    assert split.needs_confirmation
    assert split.particles == tuple(surname.split()[:-1])


@pytest.mark.parametrize(
    ("person_name", "forenames", "surname"),
    [
        ("Kim Leadbeater", "Kim", "Leadbeater"),
        ("Howling Laud Hope", "Howling Laud", "Hope"),
        ("Anne Marie Waters", "Anne Marie", "Waters"),
        ("  Kim   Leadbeater  ", "Kim", "Leadbeater"),
        ("Nicola Shastri-Hurst", "Nicola", "Shastri-Hurst"),
        ("Pat O'Brien", "Pat", "O'Brien"),
        ("Thi An Nguyen", "Thi An", "Nguyen"),  # "an" joins a surname only after Mac, Ó …
        ("Van Morrison", "Van", "Morrison"),  # the first word is always a forename
        ("Cher", "", "Cher"),
        ("", "", ""),
        ("   ", "", ""),
    ],
)
def test_names_without_a_particle_split_at_the_last_word_with_nothing_to_confirm(
    person_name, forenames, surname
):
    split = propose_split(person_name)
    assert split_person_name(person_name) == (forenames, surname)
    assert not split.needs_confirmation


def test_the_split_is_described_in_words_for_the_person_who_confirms_it():
    assert propose_split("Maria De La Cruz").describe() == (
        "surname “De La Cruz” (at the particles “De La”), forenames “Maria”"
    )
    assert propose_split("Dara Ó Briain").describe() == (
        "surname “Ó Briain” (at the particle “Ó”), forenames “Dara”"
    )


def test_the_warning_names_each_split_and_what_a_database_split_at_the_last_word_would_be():
    from desktop.domain.model import Candidate
    from desktop.domain.names import unconfirmed_splits

    proposed = Candidate(
        1, "De La Cruz", "Maria", person_name="Maria De La Cruz", split_to_confirm=True
    )
    old = Candidate(2, "Briain", "Dara Ó", person_name="Dara Ó Briain", split_to_confirm=True)
    settled = Candidate(3, "Van Dyke", "Dick", person_name="Dick Van Dyke")
    found = unconfirmed_splits([proposed, old, settled])
    assert [(f.code, f.subject) for f in found] == [("N101", 1), ("N101", 2)]
    assert found[0].message.startswith(
        "“Maria De La Cruz” was split at the particles “De La” and prints as DE LA CRUZ, Maria."
    )
    assert found[1].message.startswith(
        "“Dara Ó Briain” is stored as BRIAIN, Dara Ó, split at its last word; with its particle "
        "it would be Ó BRIAIN, Dara."
    )
