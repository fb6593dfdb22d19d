"""The objects of the count night (DOMAIN.md §2), as frozen values.

Candidates are always addressed by ``id``; nothing here depends on row position or party.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop.domain.election_types import ElectionType, election_type_for
from desktop.domain.figures import MAX_SEATS, whole_number


class Status(StrEnum):
    """Where a contest is in the night (DOMAIN.md §3)."""

    SETUP = "setup"
    VERIFICATION = "verification"
    COUNT = "count"
    PROVISIONAL = "provisional"
    DECLARED = "declared"


@dataclass(frozen=True)
class Election:
    """One poll on one date, e.g. ``parl.2021-07-01``."""

    id: str
    poll_date: date
    title: str = ""
    authority: str = ""

    @property
    def type(self) -> ElectionType:
        """The election type named by the id's prefix."""
        return election_type_for(self.id)


@dataclass(frozen=True)
class Contest:
    """One area electing ``seats`` members on one ballot paper."""

    id: str
    election_id: str
    area: str
    seats: int
    poll_date: date
    electorate: int | None = None
    ballot_papers_verified: int | None = None
    officer_name: str = ""
    officer_title: str = ""
    imprint_address: str = ""
    status: Status = Status.SETUP
    #: Ballot papers in a full bundle, for entering votes as bundles + part-bundle.
    bundle_size: int = 50

    def __post_init__(self) -> None:
        whole_number(
            self.seats, f"The seats of {self.area or self.id}", minimum=1, maximum=MAX_SEATS
        )

    @property
    def type(self) -> ElectionType:
        """The election type, from the contest id's prefix."""
        return election_type_for(self.id)

    @property
    def officer_title_or_default(self) -> str:
        """The declaring officer's title as set, else the usual title for this election type."""
        return self.officer_title or self.type.officer_title


@dataclass(frozen=True)
class Candidate:
    """A person standing in one contest; ``person_name`` is the full name as nominated/imported."""

    id: int
    surname: str
    forenames: str
    description: str = ""
    common_surname: str = ""
    common_forenames: str = ""
    person_name: str = ""

    @property
    def ballot_surname(self) -> str:
        """The surname shown on the ballot paper: the commonly used one where given."""
        return self.common_surname or self.surname

    @property
    def ballot_forenames(self) -> str:
        """The forenames shown on the ballot paper: the commonly used ones where given."""
        return self.common_forenames or self.forenames

    @property
    def display_name(self) -> str:
        """SURNAME, Forenames as printed on the declaration, e.g. ``LEADBEATER, Kim``."""
        forenames = self.ballot_forenames
        surname = self.ballot_surname.upper()
        return f"{surname}, {forenames}" if forenames else surname

    @property
    def name_in_words(self) -> str:
        """Forenames SURNAME, as read out in a sentence, e.g. ``Kim LEADBEATER``."""
        return " ".join(p for p in (self.ballot_forenames, self.ballot_surname.upper()) if p)


# Letters that Unicode does not decompose into a base letter and an accent.
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i", "ß": "ss",
    }
)  # fmt: skip


def _sort_letters(text: str) -> str:
    """Letters of a name for alphabetical order: accents folded, case ignored, punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def ballot_order_key(candidate: Candidate) -> tuple[str, str, str, str, int]:
    """Sort key for ballot order (DOMAIN.md §3).

    Product rule: alphabetical by the surname printed on the ballot paper, letter by letter,
    accents and case folded and spaces, hyphens and apostrophes ignored (MACLEAN, MATTHEWS,
    MCCORMICK; SHASTRI-HURST under S; VAN DYKE under V); ties broken by forenames, then by the
    names as spelt, then by id so that the order is always the same.
    """
    return (
        _sort_letters(candidate.ballot_surname),
        _sort_letters(candidate.ballot_forenames),
        candidate.ballot_surname,
        candidate.ballot_forenames,
        candidate.id,
    )


def ballot_order(candidates: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """The candidates in ballot order."""
    return tuple(sorted(candidates, key=ballot_order_key))


def split_person_name(person_name: str) -> tuple[str, str]:
    """Split a full name into (forenames, surname): the surname is the last word (can be corrected)."""
    words = person_name.split()
    if not words:
        return "", ""
    return " ".join(words[:-1]), words[-1]


@dataclass(frozen=True)
class CountFigures:
    """The figures of one count: votes by candidate id and rejected papers by heading key.

    A figure not yet entered is ``None``. ``rejected_total_entered`` is the rejected total
    where it was counted and typed separately, to be checked against the headings.
    ``valid_papers_counted`` is Q, the valid ballot papers counted into bundles, which a
    contest with several seats reconciles on (DOMAIN.md §4); a single seat does not use it.
    ``recorded_before_papers_counted`` marks a count recorded before CountDesk asked for Q
    (a database from before migration 0013): it is read as it was, with a warning.
    """

    votes: Mapping[int, int | None]
    rejected: Mapping[str, int | None] = field(default_factory=dict)
    rejected_total_entered: int | None = None
    valid_papers_counted: int | None = None
    recorded_before_papers_counted: bool = False


@dataclass(frozen=True)
class LotsDrawing:
    """A drawing of lots between tied candidates: those on whom the lot fell get one extra vote."""

    tied: frozenset[int]
    winners: frozenset[int]
    method: str = ""
    witnesses: str = ""
