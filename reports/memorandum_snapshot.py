"""The frozen snapshot the memorandum of an error found after the declaration is printed from.

The memorandum is not a declaration (DOMAIN.md §3, step 5): it records who found an error,
when, why, and every figure as declared beside the same figure as now found. It names no one
as elected. The snapshot holds every word and figure it prints, so the same record always
gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.arithmetic import ContestResult
from desktop.domain.model import Election
from desktop.domain.wording import clock_time, date_in_words, time_in_words
from reports.printable import require_own_election
from reports.snapshot import (
    data_reference,
    printed_contest_heading,
    printed_election_title,
)


@dataclass(frozen=True)
class FigureLine:
    """One figure as declared and as now found."""

    #: e.g. "LEADBEATER, Kim" or "(a) Want of an official mark".
    label: str
    #: The candidate's description; "" for a heading or a total.
    description: str
    declared: int
    found: int
    #: A total (valid votes, rejected papers), printed in bold.
    total: bool = False

    @property
    def change(self) -> int:
        """As now found − as declared."""
        return self.found - self.declared


@dataclass(frozen=True)
class MemorandumSnapshot:
    """Everything the memorandum prints."""

    contest_id: str
    authority: str
    election_title: str
    contest_heading: str
    poll_date_text: str
    #: e.g. "03:12" and "Friday 2 July 2021": when the declaration that stands was made.
    declared_clock: str
    declared_date_text: str
    officer_title: str
    found_by: str
    reason: str
    #: e.g. "04:41 on Friday 2 July 2021".
    recorded_at_text: str
    operator: str
    candidates: tuple[FigureLine, ...]
    rejected: tuple[FigureLine, ...]
    #: Forenames SURNAME of those on whom a lot fell at the declaration ("" if none).
    lot_names: tuple[str, ...] = ()
    #: A referendum's: answers, not candidates, and nobody declared elected.
    referendum: bool = False

    @property
    def title(self) -> str:
        """The title printed at the top, under the election's heading."""
        return "Memorandum of an error found after the declaration"

    @property
    def stands_sentence(self) -> str:
        """The first words of the page after the title."""
        return (
            f"This is not a declaration of result. The declaration made at "
            f"{self.declared_clock} on {self.declared_date_text} stands."
        )

    @property
    def data_hash(self) -> str:
        """A short reference to what the memorandum records: 12 hex digits of a SHA-256."""
        return data_reference(
            {
                "contest_id": self.contest_id,
                "declared": [self.declared_clock, self.declared_date_text],
                "found_by": self.found_by,
                "reason": self.reason,
                "recorded": self.recorded_at_text,
                "figures": [
                    [f.label, f.declared, f.found] for f in self.candidates + self.rejected
                ],
            }
        )


def build_memorandum_snapshot(
    declared: ContestResult,
    found: ContestResult,
    election: Election,
    *,
    declared_at: datetime,
    error: ErrorFound,
) -> MemorandumSnapshot:
    """Freeze the memorandum: ``declared`` is the result as declared (with any lots drawn),
    ``found`` the same contest's figures as now found, ``declared_at`` when the declaration
    that stands was made."""
    contest = declared.contest
    require_own_election(contest, election)
    found_votes = {line.candidate.id: line.votes or 0 for line in found.candidates}
    candidates = [
        FigureLine(
            line.candidate.display_name,
            line.candidate.description,
            line.votes or 0,
            found_votes.get(line.candidate.id, 0),
        )
        for line in declared.candidates
    ]
    candidates.append(
        FigureLine("Total valid votes", "", declared.valid_votes, found.valid_votes, total=True)
    )
    headings = contest.type.headings
    rejected = [
        FigureLine(
            f"({h.letter}) {h.label}"
            + ("" if h.wholly_rejected else " (not in the total: their valid votes count)"),
            "",
            declared.rejected.get(h.key) or 0,
            found.rejected.get(h.key) or 0,
        )
        for h in headings
    ]
    rejected.insert(
        sum(1 for h in headings if h.wholly_rejected),
        FigureLine(
            "Total ballot papers rejected",
            "",
            declared.rejected_total,
            found.rejected_total,
            total=True,
        ),
    )
    lot_names: tuple[str, ...] = ()
    if declared.lots_applied and declared.lots is not None:
        lot_names = tuple(
            line.candidate.name_in_words
            for line in declared.candidates
            if line.candidate.id in declared.lots.winners
        )
    return MemorandumSnapshot(
        contest_id=contest.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        poll_date_text=date_in_words(contest.poll_date),
        declared_clock=clock_time(declared_at),
        declared_date_text=date_in_words(declared_at.astimezone().date()),
        officer_title=contest.officer_title_or_default,
        found_by=error.found_by,
        reason=error.reason,
        recorded_at_text=time_in_words(error.recorded_at),
        operator=error.operator,
        candidates=tuple(candidates),
        rejected=tuple(rejected),
        lot_names=lot_names,
        referendum=contest.type.referendum,
    )
