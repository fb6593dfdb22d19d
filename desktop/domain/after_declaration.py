"""An error found after the declaration (DOMAIN.md §3, step 5).

Once declared, a result is final: only an election court can change it. An error found
afterwards is *recorded* — who found it, the figures as now found, why — and never makes a
second declaration. This module holds the record and the rules for making one; nothing here
reads the clock or the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import CountFigures

#: How a kept "corrected declaration" (made by CountDesk before corrections were withdrawn) is
#: named wherever it is listed: it is kept and readable, but it is not the declaration.
LEGACY_CORRECTION_WORDS = (
    "corrected declaration, made by an earlier CountDesk (of no effect: the original "
    "declaration stands)"
)


@dataclass(frozen=True)
class FigureDifference:
    """One figure as declared and as now found: a candidate's votes or a heading's papers."""

    #: "votes" (key: candidate id) or "rejected" (key: heading key).
    kind: str
    key: int | str
    declared: int
    found: int

    @property
    def change(self) -> int:
        """As now found − as declared."""
        return self.found - self.declared


@dataclass(frozen=True)
class ErrorFound:
    """An error found after the declaration, as recorded: it changes nothing declared."""

    id: int
    contest_id: str
    #: The declaration that stands (the one the error was found in).
    declaration_id: int
    #: Who found the error, e.g. "Deputy Returning Officer, checking the bundles".
    found_by: str
    reason: str
    #: Every figure as now found: votes by candidate id, rejected papers by heading key.
    found: CountFigures
    recorded_at: datetime
    #: Who recorded it in CountDesk.
    operator: str


def figure_differences(declared: CountFigures, found: CountFigures) -> tuple[FigureDifference, ...]:
    """Every figure of the declared count beside the same figure as now found, in the order
    of ``declared`` (candidates, then headings). Figures missing from either count as 0."""
    rows = [
        FigureDifference("votes", cid, votes or 0, found.votes.get(cid) or 0)
        for cid, votes in declared.votes.items()
    ]
    keys = list(declared.rejected) + [k for k in found.rejected if k not in declared.rejected]
    rows += [
        FigureDifference("rejected", k, declared.rejected.get(k) or 0, found.rejected.get(k) or 0)
        for k in keys
    ]
    return tuple(rows)


def figures_as_found(
    declared: CountFigures, votes: Mapping[int, int], rejected: Mapping[str, int]
) -> CountFigures:
    """The declared figures with those given put in their place: a figure not given is as
    declared."""
    return CountFigures(
        votes={**declared.votes, **votes},
        rejected={**declared.rejected, **rejected},
    )


def check_error_record(
    found_by: str, reason: str, declared: CountFigures, found: CountFigures
) -> tuple[str, str]:
    """Who found the error and why, tidied; refuses (S811) a record without them, or whose
    figures are all as declared."""
    found_by = " ".join(found_by.split())
    reason = " ".join(reason.split())
    missing = []
    if not found_by:
        missing.append("who found the error")
    if not reason:
        missing.append("the reason (what was found, and how)")
    if missing:
        raise CountDeskError(
            "An error found after the declaration is recorded with "
            + " and ".join(missing)
            + ": give "
            + ("it" if len(missing) == 1 else "them")
            + "; nothing was recorded.",
            Code.S811,
        )
    if not any(d.change for d in figure_differences(declared, found)):
        raise CountDeskError(
            "These are the figures as declared: give the figures as now found, at least one "
            "of which differs; nothing was recorded.",
            Code.S811,
        )
    return found_by, reason
