"""CountDesk's use cases over one database: import, facts, counts, lots, results, documents.

Every write validates first, then runs in one transaction with its audit row, so a refusal
leaves the stored data exactly as it was. Refusals are CountDeskError in plain words.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.codes import Code
from desktop.domain.election_types import ELECTION_TYPES
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_FIGURE, bundle_total, format_percent
from desktop.domain.model import (
    Candidate,
    Contest,
    CountFigures,
    Election,
    LotsDrawing,
    Status,
    ballot_order,
    split_person_name,
)
from desktop.services.candidates_csv import read_candidates_csv
from desktop.services.night import NightMixin
from desktop.storage.database import open_database
from desktop.storage.repository import Store, StoredCount


@dataclass(frozen=True)
class Draft:
    """The figures of the count being keyed in; None where a figure is not yet entered."""

    votes: dict[int, int | None]
    rejected: dict[str, int | None]
    bundles: dict[int, int | None]
    parts: dict[int, int | None]
    #: The number of the recorded count these figures are identical to, if any.
    recorded_as: int | None

    @property
    def figures(self) -> CountFigures:
        """The draft as count figures for the arithmetic."""
        return CountFigures(dict(self.votes), dict(self.rejected))

    @property
    def complete(self) -> bool:
        """Whether every candidate and every heading has a figure."""
        values = [*self.votes.values(), *self.rejected.values()]
        return all(v is not None for v in values)


_KEEP = object()


class LiveCount:
    """The count being keyed in, held in memory so that every keystroke can be checked at once.

    Lots recorded for the count that stands apply while the figures are the same as it.
    """

    def __init__(
        self,
        contest: Contest,
        candidates: tuple[Candidate, ...],
        draft: Draft,
        latest: StoredCount | None,
        lots: LotsDrawing | None,
        *,
        papers_from_verification: bool = False,
        pending_recount: Mapping[str, Any] | None = None,
    ) -> None:
        self.contest = contest
        self.candidates = ballot_order(candidates)
        self.draft = draft
        self._latest = latest
        self._lots = lots
        #: Ballot papers verified are the verification's total and cannot be typed here.
        self.papers_from_verification = papers_from_verification
        #: The granted recount or bundle check this count is keyed for, if any.
        self.pending_recount = pending_recount

    @property
    def locked_reason(self) -> str | None:
        """Why the figures cannot be keyed in now (provisional or declared), or None."""
        if self.contest.status is Status.DECLARED:
            return (
                f"{self.contest.area} is declared: its figures are locked. A correction is a "
                "separate, reasoned act (Night menu: Correct the declaration)."
            )
        if self.contest.status is Status.PROVISIONAL:
            return (
                "The provisional result has been shown: the figures change only through a "
                "recount or bundle check (Night menu: Record a recount request)."
            )
        return None

    @property
    def latest_number(self) -> int | None:
        """The number of the count that stands, if any."""
        return None if self._latest is None else self._latest.number

    def result(
        self,
        votes: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
        ballot_papers_verified: int | object | None = _KEEP,
    ) -> ContestResult:
        """The result with these typed figures in place of the saved ones."""
        contest = self.contest
        if ballot_papers_verified is not _KEEP:
            contest = replace(contest, ballot_papers_verified=ballot_papers_verified)
        figures = CountFigures(
            {**self.draft.votes, **(votes or {})}, {**self.draft.rejected, **(rejected or {})}
        )
        lots = None
        if self._latest is not None and _same_figures(
            self._latest, figures.votes, figures.rejected
        ):
            lots = self._lots
        return compute_result(contest, self.candidates, figures, lots)

    def bundle_total(self, bundles: int, part: int, candidate_id: int) -> int:
        """Votes from full bundles and a part-bundle at this count's bundle size (F109 if not)."""
        name = next(c.display_name for c in self.candidates if c.id == candidate_id)
        return bundle_total(bundles, self.contest.bundle_size, part, what=f"Votes for {name}")


def votes_field(candidate_id: int) -> str:
    """The draft field of a candidate's votes."""
    return f"votes:{candidate_id}"


def rejected_field(key: str) -> str:
    """The draft field of a rejected-paper heading."""
    return f"rejected:{key}"


def _same_figures(
    count: StoredCount, votes: Mapping[int, int | None], rejected: Mapping[str, int | None]
) -> bool:
    """Whether these figures are exactly those of a recorded count."""
    same_votes = dict(votes) == {cid: count.figures.votes.get(cid) for cid in votes}
    return same_votes and dict(rejected) == {k: count.figures.rejected.get(k) for k in rejected}


def _slug(text: str) -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words)


@dataclass
class ImportSummary:
    """What an import created and what it found already there."""

    elections_created: list[str] = field(default_factory=list)
    contests_created: list[str] = field(default_factory=list)
    candidates_created: int = 0
    candidates_unchanged: int = 0

    @property
    def changed(self) -> bool:
        """Whether the import created anything."""
        return bool(self.elections_created or self.contests_created or self.candidates_created)

    def describe(self) -> str:
        """One plain paragraph for the user."""
        if not self.changed:
            return f"Nothing new: all {self.candidates_unchanged} candidates were already imported."
        parts = [
            f"{len(self.elections_created)} election{'s' if len(self.elections_created) != 1 else ''}",
            f"{len(self.contests_created)} contest{'s' if len(self.contests_created) != 1 else ''}",
            f"{self.candidates_created} candidate{'s' if self.candidates_created != 1 else ''}",
        ]
        text = "Created " + ", ".join(parts[:-1]) + " and " + parts[-1] + "."
        if self.candidates_unchanged:
            text += f" {self.candidates_unchanged} candidates were already imported."
        return text


def _default_title(election_id: str, contest_ids: Iterable[str], type_name: str) -> str:
    by_election = any(".by." in cid for cid in contest_ids)
    if election_id.startswith("parl."):
        return (
            "UK Parliamentary by-election" if by_election else "UK Parliamentary general election"
        )
    if election_id.startswith("local."):
        return "Local council by-election" if by_election else "Local council elections"
    return type_name[0].upper() + type_name[1:]


#: The demo shipped with the app: Batley and Spen by-election, 1 July 2021, as published.
DEMO_CSV = Path(__file__).resolve().parents[2] / "resources" / "demo" / "batley-and-spen-2021.csv"
DEMO_CONTEST = "parl.batley-and-spen.by.2021-07-01"


def _require_operator(operator: str) -> str:
    name = " ".join((operator or "").split())
    if not name:
        raise CountDeskError(
            "Say who is making this change: give the operator's name, so the audit log shows it."
        )
    return name


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


class CountDesk(NightMixin):
    """The services of one CountDesk database, called by the window and the command line."""

    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> CountDesk:
        """Open (creating it if ``create``, and migrating) the database at ``path``."""
        return cls(Store(open_database(path, create=create)))

    # -- reads ---------------------------------------------------------------------------

    def elections(self) -> list[Election]:
        """Every election, by date."""
        return self.store.elections()

    def contests(self, election_id: str | None = None) -> list[Contest]:
        """Every contest, or those of one election."""
        return self.store.contests(election_id)

    def contest(self, contest_id: str) -> Contest:
        """One contest, or a CountDeskError saying there is none with that id."""
        return self.store.contest(contest_id)

    def election_of(self, contest: Contest) -> Election:
        """The election a contest belongs to."""
        return self.store.election(contest.election_id)

    def candidates(self, contest_id: str) -> tuple[Candidate, ...]:
        """The contest's candidates in ballot order."""
        self.store.contest(contest_id)
        return ballot_order(self.store.candidates(contest_id))

    def latest_count(self, contest_id: str) -> StoredCount | None:
        """The count that stands, or None before the first count."""
        return self.store.latest_count(contest_id)

    def result(self, contest_id: str) -> ContestResult:
        """The result and findings of the count that stands (all figures empty before a count)."""
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        latest = self.store.latest_count(contest_id)
        if latest is None:
            figures = CountFigures(votes={c.id: None for c in candidates}, rejected={})
            lots = None
        else:
            figures = latest.figures
            stored_lots = self.store.lots_for_count(latest.id)
            lots = stored_lots.drawing if stored_lots else None
        return compute_result(contest, candidates, figures, lots)

    def preview_result(
        self,
        contest_id: str,
        votes: Mapping[int, int | None],
        rejected: Mapping[str, int | None],
    ) -> ContestResult:
        """The result these figures would give, without storing anything (for live checks)."""
        contest = self.store.contest(contest_id)
        return compute_result(
            contest, self.store.candidates(contest_id), CountFigures(dict(votes), dict(rejected))
        )

    # -- the count being keyed in ---------------------------------------------------------

    def draft(self, contest_id: str) -> Draft:
        """The count being keyed in: saved draft figures, else those of the count that stands."""
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        keys = contest.type.heading_keys
        saved = self.store.draft(contest_id)
        latest = self.store.latest_count(contest_id)
        # After a granted recount or bundle check, even the same figures make a new count.
        pending = self._pending_request(contest_id, latest)
        if not saved and latest is not None:
            votes = {c.id: latest.figures.votes.get(c.id) for c in candidates}
            rejected = {k: latest.figures.rejected.get(k) for k in keys}
            recorded = None if pending else latest.number
            return Draft(votes, rejected, dict.fromkeys(votes), dict.fromkeys(votes), recorded)
        votes = {c.id: saved.get(votes_field(c.id)) for c in candidates}
        rejected = {k: saved.get(rejected_field(k)) for k in keys}
        bundles = {c.id: saved.get(f"bundles:{c.id}") for c in candidates}
        parts = {c.id: saved.get(f"part:{c.id}") for c in candidates}
        same = latest is not None and not pending and _same_figures(latest, votes, rejected)
        return Draft(votes, rejected, bundles, parts, latest.number if same and latest else None)

    def set_draft_votes(
        self, contest_id: str, candidate_id: int, votes: int | None, operator: str
    ) -> None:
        """Save one candidate's votes in the count being keyed in (None clears it)."""
        self._candidate(contest_id, candidate_id)
        self._set_draft(contest_id, {votes_field(candidate_id): votes}, operator)

    def set_draft_bundles(
        self,
        contest_id: str,
        candidate_id: int,
        bundles: int | None,
        part: int | None,
        operator: str,
    ) -> int | None:
        """Save a candidate's votes as bundles + part-bundle; return the total saved (None if either is empty)."""
        contest = self.store.contest(contest_id)
        total = None
        if bundles is not None and part is not None:
            name = self._candidate(contest_id, candidate_id).display_name
            total = bundle_total(bundles, contest.bundle_size, part, what=f"Votes for {name}")
        self._set_draft(
            contest_id,
            {
                f"bundles:{candidate_id}": bundles,
                f"part:{candidate_id}": part,
                votes_field(candidate_id): total,
            },
            operator,
        )
        return total

    def set_draft_rejected(
        self, contest_id: str, key: str, papers: int | None, operator: str
    ) -> None:
        """Save the rejected papers under one heading in the count being keyed in."""
        self.store.contest(contest_id).type.heading(key)
        self._set_draft(contest_id, {rejected_field(key): papers}, operator)

    def _set_draft(self, contest_id: str, values: dict[str, int | None], operator: str) -> None:
        operator = _require_operator(operator)
        self._guard(contest_id, "count")
        for value in values.values():
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or value < 0
            ):
                raise CountDeskError("Every figure must be a whole number, 0 or more.", Code.F104)
        with self.store.transaction():
            if not self.store.draft(contest_id):
                # The first change after a recorded count starts from that count's figures.
                start = self.draft(contest_id)
                seed: dict[str, int | None] = {votes_field(c): v for c, v in start.votes.items()}
                seed |= {rejected_field(k): v for k, v in start.rejected.items()}
                seed = {k: v for k, v in seed.items() if v is not None}
                if seed:
                    self.store.set_draft(contest_id, seed, operator, action="start draft")
            self.store.set_draft(contest_id, values, operator)

    def live_count(self, contest_id: str) -> LiveCount:
        """A snapshot of the count being keyed in that recomputes the checks without the database.

        Build it again after each saved figure; between saves, ``result()`` takes typed figures.
        """
        contest = self.store.contest(contest_id)
        latest = self.store.latest_count(contest_id)
        stored = self.store.lots_for_count(latest.id) if latest is not None else None
        return LiveCount(
            contest,
            tuple(self.store.candidates(contest_id)),
            self.draft(contest_id),
            latest,
            stored.drawing if stored else None,
            papers_from_verification=self.papers_from_verification(contest_id),
            pending_recount=self._pending_request(contest_id, latest),
        )

    def draft_result(
        self,
        contest_id: str,
        votes: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
    ) -> ContestResult:
        """The live result of the count being keyed in, with any typed figures not yet saved."""
        return self.live_count(contest_id).result(votes, rejected)

    def record_draft(self, contest_id: str, operator: str) -> StoredCount:
        """Record the count being keyed in as the count that stands (every figure needed)."""
        self._guard(contest_id, "count")
        draft = self.draft(contest_id)
        if draft.recorded_as is not None:
            raise CountDeskError(
                f"These figures are already recorded as count {draft.recorded_as}: change a figure "
                "first, or print the documents."
            )
        result = self.draft_result(contest_id)
        missing = [f for f in result.errors if f.code in {Code.C206, Code.C207}]
        if missing:
            raise CountDeskError(
                missing[0].message + " The count was not recorded.", missing[0].code
            )
        votes = {cid: v for cid, v in draft.votes.items() if v is not None}
        rejected = {k: v for k, v in draft.rejected.items() if v is not None}
        return self.record_count(contest_id, votes, rejected, operator)

    # -- candidates and contests set up by hand -----------------------------------------

    def _candidate(self, contest_id: str, candidate_id: int) -> Candidate:
        for c in self.store.candidates(contest_id):
            if c.id == candidate_id:
                return c
        raise CountDeskError(
            f"Candidate {candidate_id} is not a candidate of this contest.", Code.C211
        )

    def _refuse_if_counted(self, contest_id: str, what: str) -> None:
        if self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                f"{what} once a count is recorded: the figures recorded stand against the "
                "candidates as they were.",
                Code.S812,
            )

    def add_candidate(
        self,
        contest_id: str,
        operator: str,
        surname: str,
        forenames: str = "",
        description: str = "",
        common_surname: str = "",
        common_forenames: str = "",
    ) -> Candidate:
        """Add a candidate by hand (before any count is recorded)."""
        operator = _require_operator(operator)
        self._guard(contest_id, "setup")
        self._refuse_if_counted(contest_id, "A candidate cannot be added")
        surname = " ".join(surname.split())
        forenames = " ".join(forenames.split())
        if not surname:
            raise CountDeskError(
                "A candidate needs a surname: type it, as on the nomination paper."
            )
        person_name = f"{forenames} {surname}".strip()
        existing = self.store.candidate_ids_by_source(contest_id)
        key, n = f"name:{person_name}", 1
        while key in existing:
            n += 1
            key = f"name:{person_name} ({n})"
        new_id = self.store.add_candidate(
            contest_id,
            Candidate(
                0,
                surname,
                forenames,
                " ".join(description.split()),
                " ".join(common_surname.split()),
                " ".join(common_forenames.split()),
                person_name,
            ),
            operator,
            source_key=key,
        )
        return self._candidate(contest_id, new_id)

    def update_candidate(
        self, contest_id: str, candidate_id: int, operator: str, **changes: str
    ) -> Candidate:
        """Correct a candidate's surname, forenames, commonly used names or description.

        Only before any count is recorded: once figures stand against a candidate, changing the
        names beside them is how the wrong person gets declared (Nelson 2019).
        """
        operator = _require_operator(operator)
        self._guard(contest_id, "setup")
        self._refuse_if_counted(contest_id, "A candidate's names and description cannot be changed")
        self._candidate(contest_id, candidate_id)
        clean = {k: " ".join(v.split()) for k, v in changes.items()}
        if "surname" in clean and not clean["surname"]:
            raise CountDeskError("A candidate needs a surname: the old one is kept.")
        allowed = {"surname", "forenames", "common_surname", "common_forenames", "description"}
        unknown = set(clean) - allowed
        if unknown:
            raise CountDeskError(f"{sorted(unknown)[0]} is not a name or description field.")
        self.store.update_candidate(contest_id, candidate_id, clean, operator)
        return self._candidate(contest_id, candidate_id)

    def remove_candidate(self, contest_id: str, candidate_id: int, operator: str) -> None:
        """Remove a candidate (before any count is recorded)."""
        operator = _require_operator(operator)
        self._guard(contest_id, "setup")
        self._candidate(contest_id, candidate_id)
        self._refuse_if_counted(contest_id, "A candidate cannot be removed")
        self.store.remove_candidate(contest_id, candidate_id, operator)

    def set_seats(self, contest_id: str, seats: int, operator: str) -> Contest:
        """Change the number of seats (before any count is recorded)."""
        operator = _require_operator(operator)
        self._guard(contest_id, "count")
        if not isinstance(seats, int) or seats < 1:
            raise CountDeskError("A contest elects at least 1 member: type the number of seats.")
        self._refuse_if_counted(contest_id, "The number of seats cannot be changed")
        self.store.update_contest(contest_id, {"seats": seats}, operator)
        return self.store.contest(contest_id)

    def set_bundle_size(self, contest_id: str, size: int, operator: str) -> Contest:
        """Set how many papers make a full bundle at this count (often 25 or 50)."""
        operator = _require_operator(operator)
        self._guard(contest_id, "setup")
        if not isinstance(size, int) or size < 1:
            raise CountDeskError("A bundle holds at least 1 ballot paper: type the bundle size.")
        self.store.update_contest(contest_id, {"bundle_size": size}, operator)
        return self.store.contest(contest_id)

    def create_contest(
        self,
        operator: str,
        *,
        type_code: str,
        poll_date: date,
        area: str,
        seats: int = 1,
        organisation: str = "",
        by_election: bool = False,
    ) -> Contest:
        """Create an election (if new) and a contest by hand, with Democracy Club style ids."""
        operator = _require_operator(operator)
        if type_code not in ELECTION_TYPES:
            raise CountDeskError(
                f"“{type_code}” is not an election type CountDesk supports.", Code.F108
            )
        area = " ".join(area.split())
        if not _slug(area):
            raise CountDeskError(
                "Type the name of the area: the constituency, ward or police area."
            )
        if not isinstance(seats, int) or seats < 1:
            raise CountDeskError("A contest elects at least 1 member: type the number of seats.")
        org = _slug(organisation)
        if type_code == "local" and not org:
            raise CountDeskError("A local election needs the council's name, e.g. Wandsworth.")
        day = poll_date.isoformat()
        election_id = f"{type_code}.{org}.{day}" if org else f"{type_code}.{day}"
        by = ".by" if by_election else ""
        contest_id = f"{type_code}.{org + '.' if org else ''}{_slug(area)}{by}.{day}"
        if self.store.find_contest(contest_id) is not None:
            raise CountDeskError(f"{area} on {day} already exists ({contest_id}): open it instead.")
        etype = ELECTION_TYPES[type_code]
        with self.store.transaction():
            if self.store.find_election(election_id) is None:
                title = _default_title(election_id, [contest_id], etype.name)
                self.store.add_election(
                    Election(election_id, poll_date, title=title),
                    operator,
                    organisation=organisation,
                )
            self.store.add_contest(
                Contest(contest_id, election_id, area, seats, poll_date), operator
            )
        return self.store.contest(contest_id)

    # -- import --------------------------------------------------------------------------

    def import_candidates(self, path: str | Path, operator: str) -> ImportSummary:
        """Import a Democracy Club candidates CSV: all of it in one transaction, or nothing.

        Elections, contests and candidates already imported are left as they are (corrections
        made since are kept), so re-importing the same file changes nothing.
        """
        operator = _require_operator(operator)
        plan = read_candidates_csv(path)
        summary = ImportSummary()
        with self.store.transaction():
            for planned in plan.values():
                if self.store.find_election(planned.id) is None:
                    etype = Election(planned.id, planned.poll_date).type
                    title = _default_title(planned.id, planned.contests, etype.name)
                    self.store.add_election(
                        Election(planned.id, planned.poll_date, title=title),
                        operator,
                        organisation=planned.organisation,
                    )
                    summary.elections_created.append(planned.id)
                for pc in planned.contests.values():
                    existing = self.store.find_contest(pc.id)
                    if existing is None:
                        self.store.add_contest(
                            Contest(pc.id, pc.election_id, pc.area, pc.seats, pc.poll_date),
                            operator,
                        )
                        summary.contests_created.append(pc.id)
                    elif existing.seats != pc.seats:
                        raise CountDeskError(
                            f"{pc.id} is already imported with {existing.seats} seat(s), but line "
                            f"{pc.candidates[0].line} says {pc.seats}: correct the contest or the "
                            "file; nothing was imported."
                        )
                    known = self.store.candidate_ids_by_source(pc.id)
                    new = [c for c in pc.candidates if c.source_key not in known]
                    summary.candidates_unchanged += len(pc.candidates) - len(new)
                    if new and self.store.latest_count(pc.id) is not None:
                        raise CountDeskError(
                            f"Line {new[0].line}: {new[0].person_name} is not a candidate of "
                            f"{pc.id}, which already has a count, so no candidate can be added; "
                            "nothing was imported."
                        )
                    for pcand in new:
                        forenames, surname = split_person_name(pcand.person_name)
                        self.store.add_candidate(
                            pc.id,
                            Candidate(
                                id=0,
                                surname=surname,
                                forenames=forenames,
                                description=pcand.party_name,
                                person_name=pcand.person_name,
                            ),
                            operator,
                            source_key=pcand.source_key,
                            party_id=pcand.party_id,
                        )
                        summary.candidates_created += 1
        return summary

    def open_demo(self, operator: str) -> str:
        """Import the Batley and Spen 2021 demo with its published electorate and papers verified.

        Returns the demo contest's id. Safe to repeat: what is already there is kept.
        """
        self.import_candidates(DEMO_CSV, operator)
        contest = self.store.contest(DEMO_CONTEST)
        with self.store.transaction():
            if contest.electorate is None and contest.ballot_papers_verified is None:
                self.set_contest_facts(
                    DEMO_CONTEST, operator, electorate=79373, ballot_papers_verified=37786
                )
            election = self.store.election(contest.election_id)
            if not election.authority and contest.status is not Status.DECLARED:
                self.set_election_authority(election.id, "Kirklees Council", operator)
        return DEMO_CONTEST

    # -- facts ---------------------------------------------------------------------------

    def set_contest_facts(
        self,
        contest_id: str,
        operator: str,
        *,
        electorate: int | None = None,
        ballot_papers_verified: int | None = None,
        officer_name: str | None = None,
        officer_title: str | None = None,
        imprint_address: str | None = None,
    ) -> Contest:
        """Set any of a contest's facts given (None leaves one as it is); one audited transaction.

        The electorate and ballot papers verified are figures of the result: like the count's,
        they are fixed once the provisional result is shown.
        """
        operator = _require_operator(operator)
        figures_given = electorate is not None or ballot_papers_verified is not None
        self._guard(contest_id, "count" if figures_given else "setup")
        if ballot_papers_verified is not None and self.papers_from_verification(contest_id):
            raise CountDeskError(
                "Ballot papers verified come from the verification of the ballot boxes: change "
                "the papers counted for a box instead.",
                Code.S807,
            )
        changes: dict[str, Any] = {}
        for key, value in (
            ("electorate", electorate),
            ("ballot_papers_verified", ballot_papers_verified),
        ):
            if value is not None:
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise CountDeskError(
                        f"The {key.replace('_', ' ')} must be a whole number, 0 or more."
                    )
                changes[key] = value
        for key, text in (
            ("officer_name", officer_name),
            ("officer_title", officer_title),
            ("imprint_address", imprint_address),
        ):
            if text is not None:
                changes[key] = " ".join(text.split())
        if changes:
            self.store.update_contest(contest_id, changes, operator)
        return self.store.contest(contest_id)

    def set_election_authority(self, election_id: str, authority: str, operator: str) -> None:
        """Set the authority printed at the head of the election's documents."""
        operator = _require_operator(operator)
        self.store.election(election_id)
        for contest in self.store.contests(election_id):
            self._guard(contest.id, "setup")
        self.store.update_election(
            election_id, {"authority": " ".join(authority.split())}, operator
        )

    # -- counts --------------------------------------------------------------------------

    def record_count(
        self,
        contest_id: str,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        operator: str,
    ) -> StoredCount:
        """Record a new count: a figure for every candidate (by id); headings not given are 0.

        The count that stood stays on record; this one supersedes it. After a granted recount
        or bundle check, the new count is recorded as that recount.
        """
        operator = _require_operator(operator)
        contest = self._guard(contest_id, "count")
        figures = self._checked_figures(contest, votes, rejected)
        previous = self.store.latest_count(contest_id)
        pending = self._pending_request(contest_id, previous)
        kind = "count"
        if pending is not None:
            kind = "recount" if pending["decision"] == "full" else "bundle_check"
        with self.store.transaction():
            stored = self.store.record_count(
                contest_id,
                figures,
                operator,
                kind=kind,
                request_id=pending["id"] if pending else None,
            )
            self._carry_lots_forward(contest, previous, stored, operator)
            # The figures being keyed in are now the count that stands.
            draft = self.store.draft(contest_id)
            if draft:
                self.store.set_draft(
                    contest_id, dict.fromkeys(draft, None), operator, action="recorded"
                )
        return stored

    def _carry_lots_forward(
        self,
        contest: Contest,
        previous: StoredCount | None,
        stored: StoredCount,
        operator: str,
    ) -> None:
        """A recount that finds exactly the same tie keeps the lot already drawn for it."""
        kept = self.store.lots_for_count(previous.id) if previous is not None else None
        if previous is None or kept is None:
            return
        candidates = self.store.candidates(contest.id)
        before = compute_result(contest, candidates, previous.figures).tie
        after = compute_result(contest, candidates, stored.figures, kept.drawing)
        if before is not None and after.lots_applied and after.tie == before:
            self.store.record_lots(contest.id, stored.id, kept.drawing, operator)

    def _checked_figures(
        self, contest: Contest, votes: Mapping[int, int], rejected: Mapping[str, int]
    ) -> CountFigures:
        """A whole count's figures, checked: every candidate of the contest (and no other) has a
        whole number, every heading is one of the type's (those not given are 0)."""
        candidates = {c.id: c for c in self.store.candidates(contest.id)}
        if not candidates:
            raise CountDeskError(
                f"{contest.area} has no candidates: import them before entering a count.", Code.C210
            )
        unknown = [cid for cid in votes if cid not in candidates]
        if unknown:
            raise CountDeskError(
                f"Candidate id {unknown[0]} is not a candidate of {contest.area}.", Code.C211
            )
        for candidate in ballot_order(candidates.values()):
            if votes.get(candidate.id) is None:
                raise CountDeskError(
                    f"No votes given for {candidate.display_name}: every candidate needs a figure "
                    "(0 if none); nothing was recorded.",
                    Code.C206,
                )
        etype = contest.type
        for key in rejected:
            etype.heading(key)
        for value in [*votes.values(), *rejected.values()]:
            if (
                not isinstance(value, int)
                or isinstance(value, bool)
                or not 0 <= value <= MAX_FIGURE
            ):
                raise CountDeskError(
                    f"Every figure must be a whole number from 0 to {MAX_FIGURE:,}; "
                    "nothing was recorded.",
                    Code.F104,
                )
        return CountFigures(
            votes=dict(votes),
            rejected={key: rejected.get(key, 0) for key in etype.heading_keys},
        )

    def candidate_by_name(self, contest_id: str, name: str) -> Candidate:
        """The candidate whose imported full name is ``name`` (case and spacing ignored)."""
        matches = [
            c
            for c in self.store.candidates(contest_id)
            if _name_key(c.person_name) == _name_key(name)
        ]
        if len(matches) == 1:
            return matches[0]
        contest = self.store.contest(contest_id)
        if not matches:
            names = ", ".join(
                c.person_name for c in ballot_order(self.store.candidates(contest_id))
            )
            raise CountDeskError(
                f"“{name}” is not a candidate of {contest.area}: the candidates are {names}.",
                Code.C211,
            )
        raise CountDeskError(
            f"Two candidates of {contest.area} are called “{name}”: use the window, which "
            "tells them apart.",
            Code.C211,
        )

    # -- lots ----------------------------------------------------------------------------

    def record_lots(
        self,
        contest_id: str,
        winner_ids: Iterable[int],
        operator: str,
        method: str = "",
        witnesses: str = "",
    ) -> ContestResult:
        """Record on whom the lot fell for the tie in the count that stands; return the new result."""
        operator = _require_operator(operator)
        self._guard(contest_id, "count")
        latest = self.store.latest_count(contest_id)
        contest = self.store.contest(contest_id)
        if latest is None:
            raise CountDeskError(
                f"{contest.area} has no count yet, so there is no tie to decide by lot.", Code.L404
            )
        if self.store.lots_for_count(latest.id) is not None:
            raise CountDeskError(
                "Lots are already recorded for the count that stands: a drawing of lots is not "
                "repeated. If it was recorded wrongly, that is for the Returning Officer to put "
                "right through a new count.",
                Code.L406,
            )
        bare = compute_result(contest, self.store.candidates(contest_id), latest.figures)
        if bare.tie is None:
            raise CountDeskError(
                f"The count that stands for {contest.area} has no tie that one more vote would "
                "decide, so no lots are needed.",
                Code.L404,
            )
        winners = frozenset(winner_ids)
        tied_names = ", ".join(
            bare.line(cid).candidate.display_name for cid in sorted(bare.tie.candidates)
        )
        if not winners <= bare.tie.candidates or len(winners) != bare.tie.places:
            need = "one candidate" if bare.tie.places == 1 else f"{bare.tie.places} candidates"
            raise CountDeskError(
                f"The lot must fall on {need} among those tied ({tied_names}); nothing was "
                "recorded.",
                Code.L405,
            )
        self.store.record_lots(
            contest_id,
            latest.id,
            LotsDrawing(bare.tie.candidates, winners, method.strip(), witnesses.strip()),
            operator,
        )
        return self.result(contest_id)

    # -- documents -----------------------------------------------------------------------

    def declaration_pdf(
        self, contest_id: str, *, provisional: bool = False, printed_on: date | None = None
    ) -> bytes:
        """The declaration of result (or the provisional sheet) as PDF bytes.

        Once declared, the declaration is the one kept at the declaration (the latest corrected
        one after a correction), byte for byte. Before, it refuses, listing each blocking
        finding, while any error stands.
        """
        if not provisional:
            kept = self.store.declarations(contest_id)
            if kept:
                return kept[-1]["pdf"]
        result = self.result(contest_id)
        if not provisional and result.errors:
            listed = " ".join(f"{f.code}: {f.message}" for f in result.errors)
            raise CountDeskError(
                f"The declaration cannot be printed while {len(result.errors)} error"
                f"{'s stand' if len(result.errors) != 1 else ' stands'}. {listed}"
            )
        # reportlab takes most of a second to import: load it when a document is first asked for,
        # not when the window starts.
        from reports.declaration import render_declaration
        from reports.snapshot import build_snapshot

        shown_at = None
        if provisional:
            report = self.status(contest_id)
            if report.status in (Status.PROVISIONAL, Status.DECLARED) and report.shown_at:
                shown_at = report.shown_at.astimezone().replace(tzinfo=None)
        snapshot = build_snapshot(
            result,
            self.election_of(result.contest),
            provisional=provisional,
            printed_on=printed_on or self.today(),
            shown_at=shown_at,
            # Only the officer's declaration makes the declaration; before it, a draft to check.
            draft=not provisional,
        )
        return render_declaration(snapshot)

    # -- exports -------------------------------------------------------------------------

    def result_data(self, contest_id: str) -> dict[str, Any]:
        """The result as plain data: the shape of ``result --json`` and the JSON export."""
        return result_as_data(self.result(contest_id))

    def export(self, contest_ids: Iterable[str], fmt: str) -> str:
        """Export results of these contests as CSV or JSON text."""
        results = [self.result(cid) for cid in contest_ids]
        if fmt == "json":
            data = {"contests": [result_as_data(r) for r in results]}
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if fmt == "csv":
            return results_as_csv(results)
        raise CountDeskError(f"“{fmt}” is not an export format: use csv or json.")


def result_as_data(result: ContestResult) -> dict[str, Any]:
    """A result as JSON-ready data: figures are ints, percentages are strings to 2 decimals."""
    contest = result.contest
    by_id = {line.candidate.id: line for line in result.candidates}
    lines = []
    for line in result.candidates:
        c = line.candidate
        deposit = (
            None if line.deposit_kept is None else ("kept" if line.deposit_kept else "forfeited")
        )
        lines.append(
            {
                "id": c.id,
                "name": c.person_name,
                "surname": c.ballot_surname,
                "forenames": c.ballot_forenames,
                "description": c.description,
                "votes": line.votes,
                "lot_vote": line.lot_vote,
                "share_percent": None if line.share is None else format_percent(line.share),
                "elected": line.elected,
                "deposit": deposit,
            }
        )
    data: dict[str, Any] = {
        "contest": contest.id,
        "election": contest.election_id,
        "area": contest.area,
        "status": contest.status.value,
        "seats": contest.seats,
        "electorate": contest.electorate,
        "ballot_papers_verified": result.ballot_papers_verified,
        "valid_votes": result.valid_votes,
        "rejected": dict(result.rejected),
        "rejected_total": result.rejected_total,
        "turnout_percent": None if result.turnout is None else format_percent(result.turnout),
        "complete": result.complete,
        "candidates": lines,
        "elected": [by_id[cid].candidate.person_name for cid in result.elected],
    }
    if contest.seats == 1:
        data["majority"] = result.majority
        data["unaccounted"] = result.unaccounted
    else:
        data["margin"] = result.majority
    data["tie"] = (
        None
        if result.tie is None
        else {
            "candidates": [
                line.candidate.person_name
                for line in result.candidates
                if line.candidate.id in result.tie.candidates
            ],
            "votes": result.tie.votes,
            "places": result.tie.places,
        }
    )
    data["lots"] = (
        None
        if result.lots is None
        else {
            "drawn_between": [by_id[cid].candidate.person_name for cid in sorted(result.lots.tied)],
            "fell_on": [by_id[cid].candidate.person_name for cid in sorted(result.lots.winners)],
            "method": result.lots.method,
            "witnesses": result.lots.witnesses,
        }
    )
    data["findings"] = [f.as_dict() for f in result.findings]
    return data


CSV_COLUMNS = (
    "election_id",
    "ballot_paper_id",
    "post_label",
    "seats_contested",
    "person_name",
    "party_name",
    "votes_cast",
    "lot_vote",
    "share_percent",
    "elected",
    "deposit",
    "rejected_total",
    "ballot_papers_verified",
    "total_electorate",
    "turnout_percent",
)


def results_as_csv(results: Iterable[ContestResult]) -> str:
    """Results as CSV, one row per candidate in ballot order (Democracy Club column names)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        data = result_as_data(result)
        for line in data["candidates"]:
            writer.writerow(
                {
                    "election_id": data["election"],
                    "ballot_paper_id": data["contest"],
                    "post_label": data["area"],
                    "seats_contested": data["seats"],
                    "person_name": line["name"],
                    "party_name": line["description"],
                    "votes_cast": line["votes"],
                    "lot_vote": line["lot_vote"],
                    "share_percent": line["share_percent"],
                    "elected": line["elected"],
                    "deposit": line["deposit"],
                    "rejected_total": data["rejected_total"],
                    "ballot_papers_verified": data["ballot_papers_verified"],
                    "total_electorate": data["electorate"],
                    "turnout_percent": data["turnout_percent"],
                }
            )
    return out.getvalue()
