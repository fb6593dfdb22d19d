"""Election types: their rejected-paper headings, deposit rule and declaration wording.

Kept as data so that views, reports and the CLI never hard-code a heading (DOMAIN.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.errors import CountDeskError


@dataclass(frozen=True)
class RejectedHeading:
    """One statutory heading under which ballot papers are rejected."""

    key: str
    letter: str
    label: str


@dataclass(frozen=True)
class ElectionType:
    """What differs between kinds of poll: headings, deposit, and how the winner is declared."""

    code: str
    name: str
    headings: tuple[RejectedHeading, ...]
    #: A candidate keeps the deposit only with *more than* this share of valid votes.
    deposit_threshold: Fraction | None
    deposit_pounds: int | None
    #: The default title of the declaring officer.
    officer_title: str
    #: Completes "… duly elected as …", singular and plural.
    elected_as_one: str
    elected_as_many: str
    #: The word for the area: constituency, ward, police area.
    area_word: str

    def heading(self, key: str) -> RejectedHeading:
        """The heading with this key, or a CountDeskError listing the keys this type has."""
        for heading in self.headings:
            if heading.key == key:
                return heading
        keys = ", ".join(h.key for h in self.headings)
        raise CountDeskError(
            f"“{key}” is not a rejected-paper heading of a {self.name}: use one of {keys}.",
            "F107",
        )

    @property
    def heading_keys(self) -> tuple[str, ...]:
        """The heading keys in the order they are printed."""
        return tuple(h.key for h in self.headings)

    @property
    def has_deposit(self) -> bool:
        """Whether candidates at this kind of poll pay a deposit."""
        return self.deposit_threshold is not None

    def deposit_kept(self, votes: int, valid_votes: int) -> bool | None:
        """Whether a candidate keeps the deposit: strictly more than the threshold; None if no deposit."""
        if self.deposit_threshold is None:
            return None
        return (
            votes * self.deposit_threshold.denominator
            > valid_votes * self.deposit_threshold.numerator
        )


def _h(key: str, letter: str, label: str) -> RejectedHeading:
    return RejectedHeading(key, letter, label)


_OFFICIAL_MARK = _h("official_mark", "A", "Want of an official mark")
_IDENTIFYING = _h("identifying_mark", "C", "Writing or mark by which the voter could be identified")
_UNMARKED_OR_VOID = _h("unmarked_or_void", "D", "Being unmarked or wholly void for uncertainty")


def _too_many(label: str) -> RejectedHeading:
    return _h("too_many_votes", "B", label)


_PARL_HEADINGS = (
    _OFFICIAL_MARK,
    _too_many("Voting for more than one candidate"),
    _IDENTIFYING,
    _UNMARKED_OR_VOID,
)

ELECTION_TYPES: dict[str, ElectionType] = {
    t.code: t
    for t in (
        ElectionType(
            code="parl",
            name="UK Parliamentary election",
            headings=_PARL_HEADINGS,
            deposit_threshold=Fraction(1, 20),
            deposit_pounds=500,
            officer_title="Acting Returning Officer",
            elected_as_one="Member of Parliament for the said constituency",
            elected_as_many="Members of Parliament for the said constituency",
            area_word="constituency",
        ),
        ElectionType(
            code="local",
            name="local council election",
            headings=(
                _OFFICIAL_MARK,
                _too_many("Voting for more candidates than the voter was entitled to"),
                _IDENTIFYING,
                _UNMARKED_OR_VOID,
                _h("rejected_in_part", "E", "Rejected in part"),
            ),
            deposit_threshold=None,
            deposit_pounds=None,
            officer_title="Returning Officer",
            elected_as_one="Councillor for the said ward",
            elected_as_many="Councillors for the said ward",
            area_word="ward",
        ),
        ElectionType(
            code="pcc",
            name="Police and Crime Commissioner election",
            headings=(
                _OFFICIAL_MARK,
                _too_many("Voting for more than one candidate"),
                _IDENTIFYING,
                _h("unmarked", "D", "Being unmarked"),
                _h("void_for_uncertainty", "E", "Being void for uncertainty"),
            ),
            deposit_threshold=Fraction(1, 20),
            deposit_pounds=5000,
            officer_title="Police Area Returning Officer",
            elected_as_one="Police and Crime Commissioner for the said police area",
            elected_as_many="Police and Crime Commissioners for the said police area",
            area_word="police area",
        ),
        ElectionType(
            code="mayor",
            name="mayoral election",
            headings=_PARL_HEADINGS,
            deposit_threshold=Fraction(1, 20),
            deposit_pounds=500,
            officer_title="Returning Officer",
            elected_as_one="Mayor for the said area",
            elected_as_many="Mayors for the said area",
            area_word="area",
        ),
    )
}


def election_type_for(election_id: str) -> ElectionType:
    """The election type named by the prefix of a Democracy Club id, e.g. ``parl.2021-07-01``."""
    prefix = election_id.split(".", 1)[0].strip().lower()
    try:
        return ELECTION_TYPES[prefix]
    except KeyError:
        known = ", ".join(sorted(ELECTION_TYPES))
        raise CountDeskError(
            f"The election id “{election_id}” starts with “{prefix}”, a type CountDesk does not "
            f"support yet: it supports {known}.",
            "F108",
        ) from None
