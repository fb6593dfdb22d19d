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
from desktop.domain.figures import MAX_SAVED_SEATS, whole_number


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
    #: The kind of contest within its type where deposit or wording differ ("" for the type
    #: itself): "parish", "parish_unwarded", "combined_authority", "london" (election_types.KINDS).
    kind: str = ""
    #: For a poll counted locally (``ElectionType.counted_locally``): "local", a voting area's
    #: count that ends in a statement of local totals, or "area", the area result that adds up
    #: every voting area's totals and is declared. Other contests ignore it; "" is a contest
    #: from a database made before local counts (migration 0018), counted and declared whole.
    role: str = "local"
    #: A local count's voting area (the council's area, e.g. "Kirklees"); "" if not named.
    voting_area: str = ""
    #: A referendum's question, in full as on the ballot paper ("" for any other contest).
    question: str = ""

    def __post_init__(self) -> None:
        whole_number(
            self.seats, f"The seats of {self.area or self.id}", minimum=1, maximum=MAX_SAVED_SEATS
        )

    @property
    def type(self) -> ElectionType:
        """The election type, from the contest id's prefix and the contest's kind."""
        return election_type_for(self.id, self.kind)

    @property
    def is_local_count(self) -> bool:
        """Whether this is a voting area's local count: it sends local totals, not a declaration."""
        return self.type.counted_locally and self.role == "local"

    @property
    def is_area_result(self) -> bool:
        """Whether this contest adds up the voting areas' local totals and is declared."""
        return self.type.counted_locally and self.role == "area"

    @property
    def officer_title_or_default(self) -> str:
        """The declaring officer's title as set, else the usual title for this election type."""
        if self.officer_title:
            return self.officer_title
        return "Local Returning Officer" if self.is_local_count else self.type.officer_title


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
    #: Where the statement of persons nominated lists the candidate (1, 2, …): the file's order
    #: at import, or its ``ballot_position``. Candidates with identical names keep this order.
    sopn_position: int = 0
    #: The candidate's place on the ballot paper where it was set explicitly (the file's
    #: ``ballot_position``, or the order set against the SOPN); None: alphabetical (DOMAIN.md §3).
    ballot_position: int | None = None
    #: The surname was proposed by splitting ``person_name`` at a surname particle ("Ó Briain")
    #: and nobody has yet confirmed it against the SOPN.
    split_to_confirm: bool = False
    #: An answer to a referendum's question ("Yes", "No"), kept as a candidate row so that it is
    #: counted, keyed twice and recorded like one: its text is ``surname``, printed as it is.
    answer: bool = False

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
        """SURNAME, Forenames as printed on the declaration, e.g. ``LEADBEATER, Kim``; an
        answer as it is on the ballot paper, e.g. ``Yes``."""
        if self.answer:
            return self.surname
        forenames = self.ballot_forenames
        surname = self.ballot_surname.upper()
        return f"{surname}, {forenames}" if forenames else surname

    @property
    def name_in_words(self) -> str:
        """Forenames SURNAME, as read out in a sentence, e.g. ``Kim LEADBEATER``; an answer as it is."""
        if self.answer:
            return self.surname
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


def ballot_order_key(candidate: Candidate) -> tuple[str, str, str, str, int, int]:
    """Sort key for the alphabetical ballot order (DOMAIN.md §3).

    Product rule: alphabetical by the surname printed on the ballot paper, letter by letter,
    accents and case folded and spaces, hyphens and apostrophes ignored (MACLEAN, MATTHEWS,
    MCCORMICK; SHASTRI-HURST under S; VAN DYKE under V; Ó BRIAIN under O); ties broken by
    forenames, then by the names as spelt; identical names keep the order of the statement of
    persons nominated (the id only for candidates stored before that order was kept).
    """
    return (
        _sort_letters(candidate.ballot_surname),
        _sort_letters(candidate.ballot_forenames),
        candidate.ballot_surname,
        candidate.ballot_forenames,
        candidate.sopn_position,
        candidate.id,
    )


def ballot_order(candidates: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """The candidates in ballot order.

    Where the ballot paper's order was given (``ballot_position``: the SOPN's order, which wins
    over the alphabetical proposal), that order; a candidate added since without a position
    follows, alphabetically. Otherwise alphabetical by ``ballot_order_key``.
    """

    def key(c: Candidate) -> tuple[bool, int, tuple[str, str, str, str, int, int]]:
        return (c.ballot_position is None, c.ballot_position or 0, ballot_order_key(c))

    return tuple(sorted(candidates, key=key))


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
