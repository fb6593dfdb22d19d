"""Election types: their rejected-paper headings, deposit rule and declaration wording.

Kept as data so that views, reports and the CLI never hard-code a heading (DOMAIN.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    #: What the statement says of a heading not wholly rejected: its papers' good votes counted.
    counted_note: str = ""


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
    #: "" for the type itself, else the kind of contest within it (``KINDS``), e.g. "parish".
    kind: str = ""
    #: The kind in words, for lists and messages.
    kind_label: str = ""
    #: Whether Democracy Club's ``organisation_name`` is the authority that runs the poll (a
    #: council), not the body elected to ("House of Commons") or the police force.
    organisation_is_authority: bool = False
    #: Counted by each voting area's local returning officer, who sends a statement of local
    #: totals; the area's returning officer adds them up and declares (DOMAIN.md §3, step 6).
    counted_locally: bool = False
    #: A referendum: a question and its answers, no candidates, seats, deposits or anyone
    #: elected; the answer with more votes carries (DOMAIN.md §5).
    referendum: bool = False

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


def _too_many(label: str) -> RejectedHeading:
    return _h("too_many_votes", "b", label)


# Parliamentary Elections Rules, r.47: one vote per paper, so a paper is void whole or not at
# all, and heading (d) has no "wholly" (DOMAIN.md §5).
_PARL_HEADINGS = (
    _OFFICIAL_MARK,
    _too_many("Voting for more than one candidate"),
    _IDENTIFYING,
    _h("unmarked_or_void", "d", "Being unmarked or void for uncertainty"),
)

# The local rules: a paper with several votes may be void in part, so (d) is "wholly" void and
# (e) lists the papers rejected in part, whose good votes were counted.
_LOCAL_HEADINGS = (
    _OFFICIAL_MARK,
    _too_many("Voting for more candidates than the voter was entitled to"),
    _IDENTIFYING,
    _h("unmarked_or_void", "d", "Being unmarked or wholly void for uncertainty"),
    RejectedHeading(
        "rejected_in_part",
        "e",
        "Rejected in part",
        wholly_rejected=False,
        counted_note="the good votes on these papers were counted",
    ),
)

_PARL = ElectionType(
    code="parl",
    name="UK Parliamentary election",
    headings=_PARL_HEADINGS,
    deposit_threshold=Fraction(1, 20),
    deposit_pounds=500,
    officer_title="Acting Returning Officer",
    office_one="Member of Parliament",
    office_many="Members of Parliament",
    area_word="constituency",
)
_LOCAL = ElectionType(
    code="local",
    name="local council election",
    headings=_LOCAL_HEADINGS,
    deposit_threshold=None,
    deposit_pounds=None,
    officer_title="Returning Officer",
    office_one="Councillor",
    office_many="Councillors",
    area_word="ward",
    organisation_is_authority=True,
)
_PCC = ElectionType(
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
    counted_locally=True,
)
# A mayor is by default the elected mayor of a council (local authority mayor, £500 deposit).
_MAYOR = ElectionType(
    code="mayor",
    name="mayoral election",
    headings=_PARL_HEADINGS,
    deposit_threshold=Fraction(1, 20),
    deposit_pounds=500,
    officer_title="Returning Officer",
    office_one="Mayor",
    office_many="Mayors",
    area_word="area",
    kind_label="the elected mayor of a council (local authority mayor)",
    organisation_is_authority=True,
)

# A referendum (neighbourhood planning, council tax): the Parliamentary-style headings with
# "answer" for "candidate" (DOMAIN.md §5); the Counting Officer conducts the count and declares.
_REF = ElectionType(
    code="ref",
    name="referendum",
    headings=(
        _OFFICIAL_MARK,
        _too_many("Voting for more than one answer"),
        _IDENTIFYING,
        _h("unmarked_or_void", "d", "Being unmarked or void for uncertainty"),
    ),
    deposit_threshold=None,
    deposit_pounds=None,
    officer_title="Counting Officer",
    office_one="",
    office_many="",
    area_word="referendum area",
    organisation_is_authority=True,
    referendum=True,
)

ELECTION_TYPES: dict[str, ElectionType] = {t.code: t for t in (_PARL, _LOCAL, _PCC, _MAYOR, _REF)}

#: The kinds of contest within a type whose deposit or wording differ, by (type code, kind).
#: The kind is a fact of the contest, set at import (from the organisation's name) or by hand.
KINDS: dict[tuple[str, str], ElectionType] = {
    (t.code, t.kind): t
    for t in (
        replace(
            _LOCAL,
            kind="parish",
            kind_label="a ward of a parish or town council",
            name="parish council election",
            office_one="Parish Councillor",
            office_many="Parish Councillors",
        ),
        replace(
            _LOCAL,
            kind="parish_unwarded",
            kind_label="a parish or town council with no wards (the whole parish)",
            name="parish council election",
            office_one="Parish Councillor",
            office_many="Parish Councillors",
            area_word="parish",
        ),
        replace(
            _MAYOR,
            kind="combined_authority",
            kind_label="the mayor of a combined authority or combined county authority",
            name="combined authority mayoral election",
            deposit_pounds=5000,
            officer_title="Combined Authority Returning Officer",
            counted_locally=True,
        ),
        replace(
            _MAYOR,
            kind="london",
            kind_label="the Mayor of London",
            name="election of the Mayor of London",
            deposit_pounds=10000,
            officer_title="Greater London Returning Officer",
            office_one="Mayor of London",
            office_many="Mayors of London",
        ),
    )
}


def kinds_of(type_code: str) -> tuple[ElectionType, ...]:
    """The type itself (kind "") and each kind within it whose deposit or wording differ."""
    return (ELECTION_TYPES[type_code], *(t for (c, _k), t in KINDS.items() if c == type_code))


def kind_from_organisation(type_code: str, organisation: str) -> str:
    """The kind a Democracy Club ``organisation_name`` names, or "" for the type itself.

    "West Midlands Combined Authority" and "East Midlands Combined County Authority" elect a
    combined authority mayor; "Greater London Authority" the Mayor of London; a "Parish
    Council", "Town Council" or "Community Council" is a parish (its contests are taken as
    parish wards: a parish with no wards is set by hand).
    """
    words = " ".join(organisation.split()).casefold()
    if type_code == "mayor":
        if "combined authority" in words or "combined county authority" in words:
            return "combined_authority"
        if words == "greater london authority":
            return "london"
    if type_code == "local" and words.endswith(
        ("parish council", "town council", "community council")
    ):
        return "parish"
    return ""


def election_type_for(election_id: str, kind: str = "") -> ElectionType:
    """The election type named by the prefix of a Democracy Club id, e.g. ``parl.2021-07-01``,
    refined by the contest's ``kind`` where one is given (e.g. ``combined_authority``)."""
    prefix = election_id.split(".", 1)[0].strip().lower()
    try:
        etype = ELECTION_TYPES[prefix]
    except KeyError:
        known = ", ".join(sorted(ELECTION_TYPES))
        raise CountDeskError(
            f"The election id “{election_id}” starts with “{prefix}”, a type CountDesk does not "
            f"support yet: it supports {known}.",
            Code.F108,
        ) from None
    if not kind:
        return etype
    try:
        return KINDS[(prefix, kind)]
    except KeyError:
        known = ", ".join(t.kind for t in kinds_of(prefix) if t.kind) or "none"
        raise CountDeskError(
            f"“{kind}” is not a kind of {etype.name}: its kinds are {known} (or none, for "
            f"{etype.kind_label or 'the usual kind'}).",
            Code.F108,
        ) from None
