"""The frozen snapshot a declaration or provisional result sheet is printed from.

The snapshot holds every word and figure the document prints, as plain strings, whole
numbers and tuples, so that rendering never reaches back into the domain or the database
and the same snapshot always gives the same bytes. Wording that depends on the election
type (the heading, "duly elected as …") is worked out here, from the type's data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.figures import format_percent
from desktop.domain.model import Contest, Election
from desktop.domain.referendum import referendum_heading
from desktop.domain.wording import date_in_words, time_in_words
from reports.printable import check_printable


def join_names(names: tuple[str, ...] | list[str]) -> str:
    """Names joined for a sentence: ``A``, ``A and B``, ``A, B and C``."""
    names = list(names)
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def data_reference(data: dict[str, Any]) -> str:
    """12 hex digits of the SHA-256 of ``data`` as canonical JSON: the "data ref." printed.

    Keys are sorted and no whitespace is added, so equal data always gives the same reference.
    """
    canonical = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class CandidateLine:
    """One row of the table: a candidate and the figures that belong to that candidate."""

    candidate_id: int
    #: SURNAME, Forenames (commonly used names applied), as in the table.
    display_name: str
    #: Forenames SURNAME, as in sentences.
    name_in_words: str
    description: str
    #: Votes counted; None where not yet entered (provisional sheet only).
    votes: int | None
    #: 1 if the drawing of lots fell on this candidate, else 0.
    lot_vote: int
    elected: bool

    @property
    def printed_votes(self) -> int | None:
        """The total printed against the name: votes plus any vote allotted by lot."""
        return None if self.votes is None else self.votes + self.lot_vote


@dataclass(frozen=True)
class RejectedLine:
    """One statutory heading of rejected ballot papers and its count."""

    letter: str
    label: str
    count: int | None
    #: False for "rejected in part": listed among the heads, but not in the total.
    in_total: bool = True
    #: Said of a head not in the total: "the good votes on these papers were counted".
    note: str = ""

    @property
    def printed_label(self) -> str:
        """The head as printed: "(e)  Rejected in part – the good votes … were counted"."""
        label = f"({self.letter})  {self.label}"
        return f"{label} – {self.note}" if self.note else label


@dataclass(frozen=True)
class OutstandingCheck:
    """An error finding still open, listed on the provisional sheet."""

    code: str
    message: str


@dataclass(frozen=True)
class DeclarationSnapshot:
    """Everything a declaration or provisional result sheet prints, frozen at one moment."""

    provisional: bool
    contest_id: str
    election_id: str
    #: e.g. "Kirklees Council"; "" prints no authority line.
    authority: str
    #: e.g. "Batley and Spen by-election", else the type's name, "UK Parliamentary election".
    election_title: str
    #: e.g. "Election of a Member of Parliament for the Batley and Spen Constituency".
    contest_heading: str
    area_name: str
    #: e.g. "constituency", "ward".
    area_word: str
    #: e.g. "Thursday 1 July 2021".
    poll_date_text: str
    #: The date the sheet is dated, written out.
    printed_on_text: str
    #: e.g. "23:47 on Thursday 1 July 2021"; "" when not given.
    shown_at_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    candidates: tuple[CandidateLine, ...]
    rejected: tuple[RejectedLine, ...]
    rejected_total: int
    valid_votes: int
    electorate: int | None
    ballot_papers_verified: int | None
    #: Ballot papers verified ÷ electorate, to 2 decimals rounded half up, e.g. "47.61".
    turnout_percent: str | None
    seats: int
    #: Winner − runner-up, or Nth elected − first not elected; counted votes, without lots.
    majority: int | None
    #: Forenames SURNAME of the tied candidates lots were drawn between, in ballot order.
    lots_tied: tuple[str, ...]
    #: Forenames SURNAME of those the lot fell on, in ballot order.
    lots_winners: tuple[str, ...]
    #: Forenames SURNAME of those elected, in ballot order.
    elected_names: tuple[str, ...]
    #: Completes "… duly elected as …", singular or plural to match ``elected_names``.
    elected_as: str
    #: Error findings still open: on the provisional sheet, the result's; on the draft, what
    #: the declaration still needs (authority, imprint address).
    outstanding_checks: tuple[OutstandingCheck, ...]
    #: e.g. "03:12 on Friday 2 July 2021", when the officer declared; "" when not given.
    declared_at_text: str = ""
    #: The date the declaration is dated, written out; "" means ``printed_on_text``.
    dated_on_text: str = ""
    #: A declaration printed before the officer declares: watermarked DRAFT, for checking.
    draft: bool = False
    #: Forenames SURNAME of candidates tied where one more vote would decide who is elected,
    #: with no lots drawn yet, in ballot order (provisional sheet); () where there is none.
    tie_names: tuple[str, ...] = ()
    #: The votes each tied candidate has; 0 where there is no tie.
    tie_votes: int = 0
    #: How many of the tied candidates are to be elected.
    tie_places: int = 0
    #: The head of the database's audit chain when printed ("" for none): the footer's
    #: "Record ref.", which ``countdesk-cli verify --ref`` checks the database against.
    record_ref: str = ""
    #: Several seats: the valid ballot papers counted (Q); None for one seat, or for a count
    #: recorded before CountDesk asked for it.
    valid_papers_counted: int | None = None
    #: How the figures were keyed (provisional sheet): True for twice, by two operators
    #: (double entry); False for once (single entry); None where not said.
    keyed_twice: bool | None = None

    @property
    def dated_text(self) -> str:
        """The date printed after "Dated": the day of the declaration if known, else printed_on."""
        return self.dated_on_text or self.printed_on_text

    @property
    def lots_applied(self) -> bool:
        """Whether a drawing of lots decided this result."""
        return bool(self.lots_winners)

    @property
    def rejected_total_label(self) -> str:
        """ "Total number of ballot papers rejected"; where a head is not in it, which are."""
        label = "Total number of ballot papers rejected"
        if all(r.in_total for r in self.rejected):
            return label
        letters = [r.letter for r in self.rejected if r.in_total]
        heads = f"({letters[0]}) to ({letters[-1]})" if len(letters) > 1 else f"({letters[0]})"
        return f"Total number of ballot papers wholly rejected, {heads}"

    @property
    def majority_label(self) -> str:
        """ "Majority" for one seat, the margin's name for several."""
        if self.seats == 1:
            return "Majority"
        return "Margin (last elected over first not elected)"

    @property
    def document_title(self) -> str:
        """The title printed at the top of the sheet."""
        if self.provisional:
            return "Provisional Result – not for publication"
        return "Declaration of Result of Poll"

    @property
    def data_hash(self) -> str:
        """A short reference to the result data printed: 12 hex digits of a SHA-256.

        Dates, titles and whether the sheet is provisional are left out, so the provisional
        sheet and the declaration of the same figures carry the same reference.
        """
        data = {
            "contest_id": self.contest_id,
            "officer": [self.officer_name, self.officer_title],
            "candidates": [
                [c.candidate_id, c.display_name, c.description, c.votes, c.lot_vote, c.elected]
                for c in self.candidates
            ],
            "rejected": [[r.letter, r.label, r.count, r.in_total] for r in self.rejected],
            "rejected_total": self.rejected_total,
            "valid_votes": self.valid_votes,
            "electorate": self.electorate,
            "ballot_papers_verified": self.ballot_papers_verified,
            "turnout_percent": self.turnout_percent,
            "seats": self.seats,
            "majority": self.majority,
        }
        if self.valid_papers_counted is not None:
            data["valid_papers_counted"] = self.valid_papers_counted
        return data_reference(data)


def contest_heading(
    office_one: str, office_many: str, seats: int, area: str, area_word: str
) -> str:
    """e.g. "Election of a Member of Parliament for the Batley and Spen Constituency"."""
    if seats == 1:
        article = "an" if office_one[:1].lower() in "aeiou" else "a"
        office = f"{article} {office_one}"
    else:
        office = office_many
    return f"Election of {office} for the {area} {area_word.title()}"


def printed_contest_heading(contest: Contest) -> str:
    """The contest's heading as printed, in the words of its election type."""
    etype = contest.type
    if etype.referendum:
        return referendum_heading(contest.area)
    return contest_heading(
        etype.office_one, etype.office_many, contest.seats, contest.area, etype.area_word
    )


def printed_election_title(election: Election) -> str:
    """The election's title as printed: its own, else its type's name, e.g. "UK Parliamentary election"."""
    name = election.type.name
    return election.title.strip() or name[:1].upper() + name[1:]


def build_snapshot(
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
) -> DeclarationSnapshot:
    """Freeze what the declaration (or, if ``provisional``, the provisional sheet) prints.

    ``shown_at`` (provisional sheet) is when the figures were shown to candidates and agents.
    ``declared_at`` (declaration) is when the officer declared: printed as "Declared at …",
    and its day is the one the declaration is dated. There is never a corrected declaration:
    once declared, a result is final (DOMAIN.md §3, step 5).

    Raises CountDeskError if the contest is not of this election; if a declaration is asked
    for while the result still has errors (they are listed on the provisional sheet instead);
    if a final (not draft) declaration lacks its authority or imprint address (T304; the draft
    lists them instead); or if the provisional sheet is asked to carry a declaration time.
    Nothing else is checked here.
    """
    contest = result.contest
    errors = result.errors
    needed = check_printable(
        result, election, provisional=provisional, draft=draft, declared_at=declared_at
    )

    etype = contest.type
    lines = tuple(
        CandidateLine(
            candidate_id=line.candidate.id,
            display_name=line.candidate.display_name,
            name_in_words=line.candidate.name_in_words,
            description=line.candidate.description,
            votes=line.votes,
            lot_vote=line.lot_vote,
            elected=line.elected,
        )
        for line in result.candidates
    )
    rejected = tuple(
        RejectedLine(
            h.letter, h.label, result.rejected.get(h.key), h.wholly_rejected, h.counted_note
        )
        for h in etype.headings
    )
    lots_tied: tuple[str, ...] = ()
    lots_winners: tuple[str, ...] = ()
    if result.lots_applied and result.lots is not None:
        lots_tied = tuple(
            line.candidate.name_in_words
            for line in result.candidates
            if line.candidate.id in result.lots.tied
        )
        lots_winners = tuple(
            line.candidate.name_in_words
            for line in result.candidates
            if line.candidate.id in result.lots.winners
        )
    elected_names = tuple(
        line.candidate.name_in_words for line in result.candidates if line.elected
    )
    undecided = result.tie if result.tie is not None and not result.lots_applied else None
    tie_names = (
        ()
        if undecided is None
        else tuple(
            line.candidate.name_in_words
            for line in result.candidates
            if line.candidate.id in undecided.candidates
        )
    )
    return DeclarationSnapshot(
        provisional=provisional,
        draft=draft and not provisional,
        record_ref=record_ref,
        contest_id=contest.id,
        election_id=election.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        area_name=contest.area,
        area_word=etype.area_word,
        poll_date_text=date_in_words(contest.poll_date),
        printed_on_text=date_in_words(printed_on),
        shown_at_text="" if shown_at is None else time_in_words(shown_at),
        officer_name=contest.officer_name.strip(),
        officer_title=contest.officer_title_or_default,
        imprint_address=contest.imprint_address.strip(),
        candidates=lines,
        rejected=rejected,
        rejected_total=result.rejected_total,
        valid_votes=result.valid_votes,
        electorate=contest.electorate,
        ballot_papers_verified=result.ballot_papers_verified,
        turnout_percent=None if result.turnout is None else format_percent(result.turnout),
        seats=contest.seats,
        majority=result.majority,
        lots_tied=lots_tied,
        lots_winners=lots_winners,
        elected_names=elected_names,
        elected_as=etype.elected_as_one if len(elected_names) == 1 else etype.elected_as_many,
        # A tie waiting for lots is not a fault in the figures: the sheet says so on its own.
        outstanding_checks=tuple(
            OutstandingCheck(f.code, f.message)
            for f in (errors if provisional else needed)
            if f.code != Code.L401
        ),
        declared_at_text="" if declared_at is None else time_in_words(declared_at),
        dated_on_text="" if declared_at is None else date_in_words(declared_at.date()),
        tie_names=tie_names,
        tie_votes=0 if undecided is None else undecided.votes,
        tie_places=0 if undecided is None else undecided.places,
        valid_papers_counted=result.valid_papers_counted,
        keyed_twice=keyed_twice if provisional else None,
    )
