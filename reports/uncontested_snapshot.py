"""The frozen snapshot the notice of uncontested election is printed from.

Where no more candidates stand than there are seats there is no poll (DOMAIN.md §3, step 1):
those nominated are declared duly elected, and the notice names them, as on the statement of
persons nominated and in ballot order, with any seats left unfilled. It carries no votes, no
turnout and no electorate. The wording ("… duly elected as Councillors for the said ward") is
the election type's, worked out here; the snapshot holds every word it prints, so the same
snapshot always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.codes import Code
from desktop.domain.contest_facts import declaration_facts_findings
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate, Contest, Election, ballot_order
from desktop.domain.wording import date_in_words, time_in_words
from desktop.domain.workflow import is_uncontested
from reports.printable import require_own_election
from reports.snapshot import (
    OutstandingCheck,
    data_reference,
    printed_contest_heading,
    printed_election_title,
)

TITLE = "Notice of Uncontested Election"


@dataclass(frozen=True)
class ElectedLine:
    """One person declared duly elected, as on the statement of persons nominated."""

    candidate_id: int
    #: SURNAME, Forenames (commonly used names applied), as on the ballot paper.
    display_name: str
    description: str


@dataclass(frozen=True)
class UncontestedSnapshot:
    """Everything the notice of uncontested election prints, frozen at one moment."""

    contest_id: str
    authority: str
    election_title: str
    contest_heading: str
    area_name: str
    area_word: str
    #: The day the poll would have been held, written out.
    poll_date_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    seats: int
    elected: tuple[ElectedLine, ...]
    #: Completes "… duly elected as …", singular or plural to match ``elected``.
    elected_as: str
    #: The date the notice is dated, written out.
    dated_text: str
    #: e.g. "16:05 on Thursday 9 April 2026", when the officer declared; "" for the draft.
    declared_at_text: str = ""
    #: Printed before the officer declares: watermarked DRAFT, for checking.
    draft: bool = False
    #: What the notice still needs before it can be given (the draft lists them).
    outstanding_checks: tuple[OutstandingCheck, ...] = ()
    #: The head of the database's audit chain when printed ("" for none).
    record_ref: str = ""

    @property
    def title(self) -> str:
        """The title printed under the heading."""
        return TITLE

    @property
    def unfilled(self) -> int:
        """Seats left unfilled: fewer persons were nominated than there are seats."""
        return self.seats - len(self.elected)

    @property
    def data_hash(self) -> str:
        """A short reference to what the notice records: 12 hex digits of a SHA-256."""
        return data_reference(
            {
                "contest_id": self.contest_id,
                "notice": "uncontested",
                "officer": [self.officer_name, self.officer_title],
                "elected": [[e.candidate_id, e.display_name, e.description] for e in self.elected],
                "seats": self.seats,
            }
        )


def build_uncontested_snapshot(
    contest: Contest,
    candidates: Sequence[Candidate],
    election: Election,
    *,
    printed_on: date,
    declared_at: datetime | None = None,
    draft: bool = False,
    needed: Sequence[Finding] = (),
    record_ref: str = "",
) -> UncontestedSnapshot:
    """Freeze the notice for ``contest``, whose ``candidates`` are all declared duly elected.

    ``declared_at`` is when the officer declared them (its day dates the notice); the draft,
    printed before, lists what is ``needed`` first. Raises CountDeskError if the contest is not
    uncontested (S813 is its own finding: a poll's result is declared, not noticed so), is not
    of this election, or, for the final notice, lacks its authority or imprint address (T304).
    """
    require_own_election(contest, election)
    if not is_uncontested(contest, len(candidates)):
        raise CountDeskError(
            f"{contest.area} has {len(candidates)} candidates for {contest.seats} seats: it is "
            "contested, so its result is declared after the count, not by a notice of "
            "uncontested election."
        )
    missing = declaration_facts_findings(contest, election.authority)
    if not draft and missing:
        listed = " ".join(f.message for f in missing)
        raise CountDeskError(
            f"The notice of uncontested election cannot be given without its heading and "
            f"imprint. {listed}",
            Code.T304,
        )
    etype = contest.type
    elected = tuple(
        ElectedLine(c.id, c.display_name, c.description) for c in ballot_order(candidates)
    )
    on = printed_on if declared_at is None else declared_at.date()
    return UncontestedSnapshot(
        contest_id=contest.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        area_name=contest.area,
        area_word=etype.area_word,
        poll_date_text=date_in_words(contest.poll_date),
        officer_name=contest.officer_name.strip(),
        officer_title=contest.officer_title_or_default,
        imprint_address=contest.imprint_address.strip(),
        seats=contest.seats,
        elected=elected,
        elected_as=etype.elected_as_one if len(elected) == 1 else etype.elected_as_many,
        dated_text=date_in_words(on),
        declared_at_text="" if declared_at is None else time_in_words(declared_at),
        draft=draft,
        outstanding_checks=tuple(OutstandingCheck(f.code, f.message) for f in needed)
        if draft
        else (),
        record_ref=record_ref,
    )
