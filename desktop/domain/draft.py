"""The count being keyed in: its figures as saved, and as the entry screen shows them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.domain.model import CountFigures


@dataclass(frozen=True)
class SavedDraft:
    """The figures saved so far for the count being keyed in (only those entered).

    ``recount_request_id`` marks a full recount begun: it is keyed afresh, so the figures of
    the count it recounts are not shown even before the first figure is typed.
    """

    votes: Mapping[int, int] = field(default_factory=dict)
    rejected: Mapping[str, int] = field(default_factory=dict)
    bundles: Mapping[int, int] = field(default_factory=dict)
    parts: Mapping[int, int] = field(default_factory=dict)
    recount_request_id: int | None = None
    #: Q: valid ballot papers counted (several seats), None where not saved.
    valid_papers_counted: int | None = None
    #: A first entry of this count is held (double entry): the draft is the next entry, keyed
    #: blind, so it starts empty rather than from the count that stands.
    entry_held: bool = False
    #: Who keyed the first entry held ("" when none): not the one to key the second.
    first_operator: str = ""

    @property
    def started(self) -> bool:
        """Whether keying in has begun (any figure saved, or a recount begun)."""
        return bool(
            self.votes
            or self.rejected
            or self.bundles
            or self.parts
            or self.recount_request_id is not None
            or self.valid_papers_counted is not None
        )


@dataclass(frozen=True)
class Draft:
    """The figures of the count being keyed in; None where a figure is not yet entered."""

    votes: dict[int, int | None]
    rejected: dict[str, int | None]
    bundles: dict[int, int | None]
    parts: dict[int, int | None]
    #: The number of the recorded count these figures are identical to, if any.
    recorded_as: int | None
    #: Q: valid ballot papers counted (several seats), None where not entered.
    valid_papers_counted: int | None = None

    @property
    def figures(self) -> CountFigures:
        """The draft as count figures for the arithmetic."""
        return CountFigures(
            dict(self.votes), dict(self.rejected), valid_papers_counted=self.valid_papers_counted
        )

    @property
    def complete(self) -> bool:
        """Whether every candidate and every heading has a figure (Q is checked by the
        arithmetic, which knows the seats)."""
        values = [*self.votes.values(), *self.rejected.values()]
        return all(v is not None for v in values)
