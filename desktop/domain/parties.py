"""Parties across two elections: which of this result's parties stood at the previous one.

**Product rule** (DOMAIN.md §4, the press summary's change in share):

- Two parties are the same where both give a Democracy Club party id and the ids are equal
  ("PP53" is Labour, whether its candidate stood as "Labour Party" or "Labour and Co-operative
  Party"). Where either gives no id, their names are compared, normalised: case, accents,
  punctuation and spacing ignored, and a leading "The" dropped; so "Labour Party" and "Labour
  and Co-operative Party" are different parties unless their ids match.
- An Independent (Democracy Club's ``ynmp-party:2``, the name "Independent", or no description
  at all) is never matched to another Independent: each stands for themselves, and is matched
  only to the same person (their names compared with case and spacing ignored) standing as an
  Independent before.
- A party of this result with no match "is new": it did not stand at the previous election
  (or stood under a name and id CountDesk cannot tie to it), and no change is given for it.

Pure: no I/O; records are frozen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

#: Democracy Club's party id for candidates standing as Independents.
INDEPENDENT_ID = "ynmp-party:2"


def normalised_name(name: str) -> str:
    """A party's name as compared: accents, case, punctuation and spacing ignored, no "The"."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    words = letters.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def person_key(name: str) -> str:
    """A person's name as compared: case and spacing ignored (composed form)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def is_independent(party_id: str, party_name: str) -> bool:
    """Whether a candidate stands for no party: the Independent id, "Independent" or no name."""
    name = normalised_name(party_name)
    return party_id == INDEPENDENT_ID or name in ("", "independent")


@dataclass(frozen=True)
class PartyRef:
    """A candidate's party as matched across elections: its id and name, or the person where
    the candidate is an Independent."""

    party_id: str
    name: str
    #: The candidate's full name; it matters only for an Independent.
    person: str = ""

    @property
    def independent(self) -> bool:
        """Whether this is an Independent, matched only to the same person."""
        return is_independent(self.party_id, self.name)

    @property
    def key(self) -> str:
        """A key that groups one election's candidates into parties (each Independent alone)."""
        if self.independent:
            return f"independent:{person_key(self.person)}"
        if self.party_id:
            return f"id:{self.party_id}"
        return f"name:{normalised_name(self.name)}"

    @property
    def printed_name(self) -> str:
        """The party's name as printed: "Independent" for an Independent with no description."""
        return self.name.strip() or "Independent"


def same_party(a: PartyRef, b: PartyRef) -> bool:
    """Whether two candidates, of two elections, stood for the same party (see the module)."""
    if a.independent or b.independent:
        return a.independent and b.independent and person_key(a.person) == person_key(b.person)
    if a.party_id and b.party_id:
        return a.party_id == b.party_id
    return normalised_name(a.name) == normalised_name(b.name)
