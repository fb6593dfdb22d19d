"""Double entry: every count keyed twice, by two different operators, the second blind.

The first entry is held, not standing. A second entry by another operator that is identical
makes the count stand; any difference puts the count in "entries differ" (P102, the Nelson
check: two figures transposed between the sheet and the keyboard), and a supervisor either
keeps one entry or sends the differing fields back to be keyed again from the paper.

A *field* is one figure of the count sheet, named as the draft's audit log names it:
``votes:ID`` (a candidate, by id), ``rejected:KEY`` (a heading) or ``papers_counted`` (the
valid ballot papers counted, several seats).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate, Contest, CountFigures, ballot_order

PAPERS = "papers_counted"


class EntryMode(StrEnum):
    """How a contest's counts are keyed: twice (the default) or once (a small parish count)."""

    DOUBLE = "double"
    SINGLE = "single"

    @property
    def words(self) -> str:
        """The mode as the provisional sheet and the CLI say it."""
        if self is EntryMode.DOUBLE:
            return "keyed twice, by two operators (double entry)"
        return "keyed once (single entry)"


class EntryStage(StrEnum):
    """Where the count being keyed stands in double entry."""

    #: No entry is held: the next count recorded is a first entry.
    NONE = "none"
    #: The first entry is in; the second, blind, is awaited (P101).
    FIRST = "first"
    #: Both entries are in and differ (P102); a supervisor resolves it.
    DIFFER = "differ"
    #: The differing fields were sent back to be keyed again from the paper (P103).
    REKEY = "rekey"


def figures_as_fields(figures: CountFigures) -> dict[str, int]:
    """A count's figures by field name (figures not entered are left out)."""
    fields: dict[str, int] = {}
    for cid, v in figures.votes.items():
        if v is not None:
            fields[f"votes:{cid}"] = v
    for key, v in figures.rejected.items():
        if v is not None:
            fields[f"rejected:{key}"] = v
    if figures.valid_papers_counted is not None:
        fields[PAPERS] = figures.valid_papers_counted
    return fields


def fields_as_figures(fields: Mapping[str, int]) -> CountFigures:
    """The count figures these named fields make."""
    votes: dict[int, int | None] = {}
    rejected: dict[str, int | None] = {}
    papers = None
    for name, value in fields.items():
        prefix, _, key = name.partition(":")
        if prefix == "votes":
            votes[int(key)] = value
        elif prefix == "rejected":
            rejected[key] = value
        elif name == PAPERS:
            papers = value
    return CountFigures(votes, rejected, valid_papers_counted=papers)


def sheet_order(contest: Contest, candidates: Iterable[Candidate]) -> tuple[str, ...]:
    """Every field of the count sheet in the order it is keyed: candidates in ballot order,
    the headings of the election type, then (several seats) the valid ballot papers counted."""
    names = [f"votes:{c.id}" for c in ballot_order(candidates)]
    names += [f"rejected:{key}" for key in contest.type.heading_keys]
    if contest.seats > 1:
        names.append(PAPERS)
    return tuple(names)


def field_label(name: str, contest: Contest, candidates: Iterable[Candidate]) -> str:
    """A field in words, naming the candidate or heading — never its figure."""
    prefix, _, key = name.partition(":")
    if prefix == "votes":
        for c in candidates:
            if str(c.id) == key:
                return f"votes for {c.display_name}"
        return f"votes for candidate {key}"
    if prefix == "rejected":
        heading = contest.type.heading(key)
        return f"rejected papers ({heading.letter}) {heading.label.lower()}"
    return "valid ballot papers counted"


@dataclass(frozen=True)
class KeyedEntry:
    """One entry of a count sheet: who keyed it and its figures by field."""

    number: int
    operator: str
    fields: Mapping[str, int] = field(default_factory=dict)

    @property
    def figures(self) -> CountFigures:
        """The entry as count figures."""
        return fields_as_figures(self.fields)


@dataclass(frozen=True)
class EntryState:
    """The entries held for the count being keyed (none once a count stands)."""

    first: KeyedEntry | None = None
    second: KeyedEntry | None = None
    #: Fields sent back to be keyed again (cleared from the second entry).
    rekey: frozenset[str] = frozenset()

    @property
    def stage(self) -> EntryStage:
        """Where double entry stands."""
        if self.first is None:
            return EntryStage.NONE
        if self.rekey:
            return EntryStage.REKEY
        if self.second is None:
            return EntryStage.FIRST
        return EntryStage.DIFFER

    @property
    def held(self) -> bool:
        """Whether an entry is held that does not stand yet."""
        return self.first is not None

    def differences(self, order: Sequence[str]) -> tuple[str, ...]:
        """The fields whose figures differ between the two entries, in sheet order."""
        if self.first is None or self.second is None:
            return ()
        return differing_fields(self.first.fields, self.second.fields, order)


def differing_fields(
    first: Mapping[str, int], second: Mapping[str, int], order: Sequence[str]
) -> tuple[str, ...]:
    """The fields of the sheet (in ``order``, then any others) whose figures differ."""
    names = list(order) + sorted((set(first) | set(second)) - set(order))
    return tuple(n for n in names if first.get(n) != second.get(n))


def entry_finding(
    state: EntryState, contest: Contest, candidates: Sequence[Candidate]
) -> Finding | None:
    """The finding that holds the count at the count stage while its entries do not stand.

    P101 while the second entry is awaited, P102 (the Nelson check) while the entries differ,
    naming each differing field without its figures, P103 while fields are to be keyed again.
    """
    stage = state.stage
    if stage is EntryStage.NONE or state.first is None:
        return None
    if stage is EntryStage.FIRST:
        return Finding(
            Code.P101,
            f"Only the first entry (keyed by {state.first.operator}) is in: another operator "
            "keys the count sheet again, without seeing the first entry, before the count "
            "stands.",
            {"first": state.first.operator},
        )
    order = sheet_order(contest, candidates)
    if stage is EntryStage.REKEY:
        names = [n for n in order if n in state.rekey] + sorted(state.rekey - set(order))
        labels = "; ".join(field_label(n, contest, candidates) for n in names)
        return Finding(
            Code.P103,
            f"Sent back to be keyed again from the paper: {labels}. An operator other than "
            f"{state.first.operator} keys them as the second entry.",
            {"fields": ", ".join(names)},
        )
    names = list(state.differences(order))
    labels = "; ".join(field_label(n, contest, candidates) for n in names)
    second = state.second.operator if state.second else ""
    return Finding(
        Code.P102,
        f"The first entry ({state.first.operator}) and the second entry ({second}) differ in "
        f"{len(names)} figure{'s' if len(names) != 1 else ''}: {labels}. A supervisor compares "
        "them with the count sheet and keeps one entry, or sends the differing figures back to "
        "be keyed again from the paper.",
        {"fields": ", ".join(names)},
    )


@dataclass(frozen=True)
class EntryOutline:
    """Where a count's double entry stands, for the count screen: who keyed which entry and
    which figures are in question, by name — never a figure of either entry."""

    mode: EntryMode
    stage: EntryStage
    first_operator: str = ""
    second_operator: str = ""
    #: The differing fields in words, in sheet order (while the entries differ).
    differences: tuple[str, ...] = ()
    #: The fields sent back to be keyed again: (field, words), in sheet order.
    sent_back: tuple[tuple[str, str], ...] = ()
    #: Who last switched the contest's entry mode ("" if never switched).
    switched_by: str = ""
