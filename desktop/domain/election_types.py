"""Election types: their rejected-paper headings, deposit rule and declaration wording.

Kept as data so that views, reports and the CLI never hard-code a heading (DOMAIN.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError


@dataclass(frozen=True)
class RejectedHeading:
    """One statutory heading under which ballot papers are rejected."""

    key: str
    letter: str
    label: str
    #: False for "rejected in part": such a paper's good votes count, so it is not in R.
    wholly_rejected: bool = True


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
    #: The office elected to, singular and plural: "Member of Parliament", "Councillors".
    office_one: str
    office_many: str
    #: The word for the area: constituency, ward, police area.
    area_word: str

    @property
    def elected_as_one(self) -> str:
        """Completes "… is duly elected as …": "Member of Parliament for the said constituency"."""
        return f"{self.office_one} for the said {self.area_word}"

    @property
    def elected_as_many(self) -> str:
        """Completes "… are duly elected as …": "Councillors for the said ward"."""
        return f"{self.office_many} for the said {self.area_word}"

    def heading(self, key: str) -> RejectedHeading:
        """The heading with this key, or a CountDeskError listing the keys this type has."""
        for heading in self.headings:
            if heading.key == key:
                return heading
        keys = ", ".join(h.key for h in self.headings)
        raise CountDeskError(
            f"“{key}” is not a rejected-paper heading of a {self.name}: use one of {keys}.",
            Code.F107,
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


_OFFICIAL_MARK = _h("official_mark", "a", "Want of an official mark")
_IDENTIFYING = _h("identifying_mark", "c", "Writing or mark by which the voter could be identified")
_UNMARKED_OR_VOID = _h("unmarked_or_void", "d", "Being unmarked or wholly void for uncertainty")


def _too_many(label: str) -> RejectedHeading:
    return _h("too_many_votes", "b", label)


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
            office_one="Member of Parliament",
            office_many="Members of Parliament",
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
                RejectedHeading("rejected_in_part", "e", "Rejected in part", wholly_rejected=False),
            ),
            deposit_threshold=None,
            deposit_pounds=None,
            officer_title="Returning Officer",
            office_one="Councillor",
            office_many="Councillors",
            area_word="ward",
        ),
        ElectionType(
            code="pcc",
            name="Police and Crime Commissioner election",
            headings=(
                _OFFICIAL_MARK,
                _too_many("Voting for more than one candidate"),
                _IDENTIFYING,
                _h("unmarked", "d", "Being unmarked"),
                _h("void_for_uncertainty", "e", "Being void for uncertainty"),
            ),
            deposit_threshold=Fraction(1, 20),
            deposit_pounds=5000,
            officer_title="Police Area Returning Officer",
            office_one="Police and Crime Commissioner",
            office_many="Police and Crime Commissioners",
            area_word="police area",
        ),
        ElectionType(
            code="mayor",
            name="mayoral election",
            headings=_PARL_HEADINGS,
            deposit_threshold=Fraction(1, 20),
            deposit_pounds=500,
            officer_title="Returning Officer",
            office_one="Mayor",
            office_many="Mayors",
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
            Code.F108,
        ) from None
