"""Proposing a candidate's surname and forenames from a full name (DOMAIN.md §2).

The statement of persons nominated (SOPN) gives the surname and forenames separately; a
Democracy Club export gives only ``person_name``, a display name. The surname is then
*proposed*: the last word, with any surname particles before it ("Ó Briain", "Van Dyke",
"De La Cruz", "Mac an tSaoir", "ap Gwilym"). A particle can also be a forename or part of
one, so a name split at a particle is only a proposal: it is shown, and confirmed against the
SOPN, before the count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate

#: Words that begin a surname when they stand before the last word: Irish and Scottish Gaelic
#: (Ó, O, O', Ní, Nic, Mac, Mc, Mhic, Uí), Dutch and German (Van, Von, Ten, Ter), French, Italian,
#: Spanish and Portuguese (De, Da, Di, Du, Le, La, Del, Della, Dos, Das), St and Saint, Arabic
#: (Al, El, bin, bint, ibn, Abu) and Welsh (ap, ab, ferch, verch).
LEADING_PARTICLES = frozenset(
    word.casefold()
    for word in (
        "Ó", "O", "O'", "O’", "Ní", "Nic", "Mac", "Mc", "Mhic", "Uí", "Ua",
        "Van", "Von", "Ten", "Ter", "Vander",
        "De", "Da", "Di", "Du", "Le", "La", "Del", "Dal", "Della", "Dello", "Dos", "Das", "Do",
        "St", "St.", "Ste", "Ste.", "Saint", "San", "Santa",
        "Al", "El", "bin", "bint", "ibn", "Abu", "Ben",
        "ap", "ab", "ferch", "verch",
    )
)  # fmt: skip

#: Words that join a surname only between a leading particle and the last word: "Mac an
#: tSaoir", "Van der Berg", "De La Cruz", "Van 't Hek". On their own ("Thi An Nguyen") they
#: are forenames.
INNER_PARTICLES = frozenset(
    word.casefold()
    for word in ("an", "der", "den", "des", "het", "'t", "’t", "la", "le", "los", "las", "de", "y")
)


def _is_particle(word: str, *, inner: bool = False) -> bool:
    folded = word.casefold()
    return folded in LEADING_PARTICLES or (inner and folded in INNER_PARTICLES)


@dataclass(frozen=True)
class NameSplit:
    """A full name split into forenames and surname, with the particles the split took."""

    forenames: str
    surname: str
    #: The particles taken into the surname ("Ó"; "De", "La"), empty where there are none.
    particles: tuple[str, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """Whether the split was made at a particle and must be checked against the SOPN."""
        return bool(self.particles)

    def describe(self) -> str:
        """The split in words, e.g. ``surname “Ó Briain” (at the particle “Ó”), forenames “Dara”``."""
        taken = " ".join(self.particles)
        at = f" (at the particle{'s' if len(self.particles) > 1 else ''} “{taken}”)"
        return f"surname “{self.surname}”{at if taken else ''}, forenames “{self.forenames or '–'}”"


def propose_split(person_name: str) -> NameSplit:
    """Propose surname and forenames: the last word and any surname particles before it.

    The first word is always left as a forename: "Van Morrison" is proposed as MORRISON, Van.
    Hyphenated and apostrophe names ("Shastri-Hurst", "O'Brien") are one word already.
    """
    words = person_name.split()
    if not words:
        return NameSplit("", "")
    start = len(words) - 1
    probe = start - 1
    while probe >= 1 and _is_particle(words[probe], inner=True):
        if _is_particle(words[probe]):
            start = probe
        probe -= 1
    # Inner words after the last leading particle belong to the surname ("Mac an tSaoir");
    # inner words with no leading particle before them stay forenames ("Thi An Nguyen").
    return NameSplit(
        " ".join(words[:start]), " ".join(words[start:]), tuple(words[start : len(words) - 1])
    )


def split_person_name(person_name: str) -> tuple[str, str]:
    """(forenames, surname) as proposed by ``propose_split``."""
    split = propose_split(person_name)
    return split.forenames, split.surname


def unconfirmed_splits(candidates: Iterable[Candidate]) -> list[Finding]:
    """N101: each name split at a surname particle that nobody has confirmed yet.

    The warning names the full name, how it prints, and what to do; where the stored split is
    not the proposal (a database made before particles were recognised), it says what the
    proposal would be.
    """
    findings = []
    for c in candidates:
        if not c.split_to_confirm:
            continue
        stored = Candidate(0, c.surname, c.forenames).display_name
        proposal = propose_split(c.person_name)
        if (proposal.forenames, proposal.surname) == (c.forenames, c.surname):
            particles = "particles" if len(proposal.particles) > 1 else "particle"
            taken = " ".join(proposal.particles)
            how = f"was split at the {particles} “{taken}” and prints as {stored}"
        else:
            suggested = Candidate(0, proposal.surname, proposal.forenames).display_name
            how = (
                f"is stored as {stored}, split at its last word; with its particle it would be "
                f"{suggested}"
            )
        findings.append(
            Finding(
                Code.N101,
                f"“{c.person_name}” {how}. Check the name against the statement of persons "
                "nominated (correct it if it differs), then confirm the names and order.",
                {"surname": c.surname, "forenames": c.forenames},
                subject=c.id,
            )
        )
    return findings
