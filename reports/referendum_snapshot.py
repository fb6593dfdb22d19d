"""The frozen snapshot a referendum's declaration or provisional sheet is printed from.

A referendum (DOMAIN.md §5) has a question and answers, no candidates, seats or deposits. The
Counting Officer declares the result and gives notice of the number of ballot papers counted,
the votes cast in favour of each answer and the rejected ballot papers under each head. The
snapshot holds every word and figure printed, so the same snapshot always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.arithmetic import ContestResult
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_percent
from desktop.domain.model import Election
from desktop.domain.referendum import carried, more_than_half
from desktop.domain.wording import date_in_words, time_in_words
from reports.printable import check_printable
from reports.snapshot import (
    OutstandingCheck,
    RejectedLine,
    data_reference,
    printed_contest_heading,
    printed_election_title,
)


@dataclass(frozen=True)
class AnswerLine:
    """One answer, as on the ballot paper, and the votes cast in favour of it."""

    answer_id: int
    answer: str
    #: None where not yet entered (provisional sheet only).
    votes: int | None


@dataclass(frozen=True)
class ReferendumSnapshot:
    """Everything a referendum's declaration or provisional sheet prints, frozen at one moment."""

    provisional: bool
    contest_id: str
    authority: str
    election_title: str
    #: e.g. "Kirkstall Neighbourhood Plan Referendum".
    contest_heading: str
    area_name: str
    poll_date_text: str
    printed_on_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    #: The question, in full as on the ballot paper.
    question: str
    answers: tuple[AnswerLine, ...]
    rejected: tuple[RejectedLine, ...]
    rejected_total: int
    #: The votes cast for the answers (valid ballot papers: one vote each).
    valid_votes: int
    electorate: int | None
    ballot_papers_verified: int | None
    turnout_percent: str | None
    #: The answer with more votes than every other; "" while votes are equal (or missing).
    carried: str = ""
    #: Whether that answer had more than half of the votes cast.
    more_than_half: bool = False
    #: Every figure is in and the leading answers have equal votes: neither carried.
    equal_votes: bool = False
    outstanding_checks: tuple[OutstandingCheck, ...] = ()
    shown_at_text: str = ""
    declared_at_text: str = ""
    dated_on_text: str = ""
    draft: bool = False
    record_ref: str = ""
    keyed_twice: bool | None = None

    @property
    def heading_title(self) -> str:
        """The title printed under the heading."""
        if self.provisional:
            return "Provisional Result of Referendum – not for publication"
        return "Declaration of Result of Referendum"

    @property
    def ballot_papers_counted(self) -> int:
        """The ballot papers counted: those with a vote for an answer and those rejected."""
        return self.valid_votes + self.rejected_total

    @property
    def dated_text(self) -> str:
        """The date printed after "Dated": the day of the declaration if known."""
        return self.dated_on_text or self.printed_on_text

    @property
    def outcome(self) -> str:
        """What the officer declares, completing "And I hereby declare that …"; "" if unknown."""
        if self.equal_votes:
            return (
                "the number of votes cast in favour of each answer was equal, so that neither "
                "answer received a majority of the votes cast"
            )
        if not self.carried:
            return ""
        if self.more_than_half:
            return (
                f"more than half of those voting in the referendum voted “{self.carried}”: the "
                f"answer “{self.carried}” received a majority of the votes cast"
            )
        return (
            f"the answer “{self.carried}” received more votes than any other answer, though "
            "not more than half of the votes cast"
        )

    @property
    def data_hash(self) -> str:
        """A short reference to the result data printed: 12 hex digits of a SHA-256.

        Dates, titles and whether the sheet is provisional are left out, so the provisional
        sheet and the declaration of the same figures carry the same reference.
        """
        return data_reference(
            {
                "contest_id": self.contest_id,
                "officer": [self.officer_name, self.officer_title],
                "question": self.question,
                "answers": [[a.answer_id, a.answer, a.votes] for a in self.answers],
                "rejected": [[r.letter, r.label, r.count, r.in_total] for r in self.rejected],
                "rejected_total": self.rejected_total,
                "valid_votes": self.valid_votes,
                "electorate": self.electorate,
                "ballot_papers_verified": self.ballot_papers_verified,
                "turnout_percent": self.turnout_percent,
                "carried": self.carried,
                "equal_votes": self.equal_votes,
            }
        )


def build_referendum_snapshot(
    result: ContestResult,
    election: Election,
    *,
    provisional: bool,
    printed_on: date,
    shown_at: datetime | None = None,
    declared_at: datetime | None = None,
    draft: bool = False,
    record_ref: str = "",
    keyed_twice: bool | None = None,
) -> ReferendumSnapshot:
    """Freeze what a referendum's declaration (or, if ``provisional``, its provisional sheet)
    prints. Refuses, as ``build_snapshot`` does, a declaration while the result has errors or,
    final, without its authority or imprint address (T304), and a contest not of this election.
    """
    contest = result.contest
    if not contest.type.referendum:
        raise CountDeskError(f"{contest.area} is not a referendum: print its declaration instead.")
    errors = result.errors
    needed = check_printable(
        result, election, provisional=provisional, draft=draft, declared_at=declared_at
    )
    answer = carried(result)
    return ReferendumSnapshot(
        provisional=provisional,
        draft=draft and not provisional,
        record_ref=record_ref,
        contest_id=contest.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        area_name=contest.area,
        poll_date_text=date_in_words(contest.poll_date),
        printed_on_text=date_in_words(printed_on),
        officer_name=contest.officer_name.strip(),
        officer_title=contest.officer_title_or_default,
        imprint_address=contest.imprint_address.strip(),
        question=contest.question,
        answers=tuple(
            AnswerLine(line.candidate.id, line.candidate.display_name, line.votes)
            for line in result.candidates
        ),
        rejected=tuple(
            RejectedLine(h.letter, h.label, result.rejected.get(h.key), h.wholly_rejected)
            for h in contest.type.headings
        ),
        rejected_total=result.rejected_total,
        valid_votes=result.valid_votes,
        electorate=contest.electorate,
        ballot_papers_verified=result.ballot_papers_verified,
        turnout_percent=None if result.turnout is None else format_percent(result.turnout),
        carried="" if answer is None else result.line(answer).candidate.display_name,
        more_than_half=more_than_half(result),
        equal_votes=result.complete and len(result.candidates) > 1 and answer is None,
        outstanding_checks=tuple(
            OutstandingCheck(f.code, f.message) for f in (errors if provisional else needed)
        ),
        shown_at_text="" if shown_at is None else time_in_words(shown_at),
        declared_at_text="" if declared_at is None else time_in_words(declared_at),
        dated_on_text="" if declared_at is None else date_in_words(declared_at.date()),
        keyed_twice=keyed_twice if provisional else None,
    )
