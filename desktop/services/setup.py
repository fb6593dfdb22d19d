"""Setting up a contest: creating it, its candidates, seats, bundle size and facts.

Every write validates first, then runs in one transaction with its audit row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop.domain.bounds import candidates_problem, check_poll_date
from desktop.domain.codes import Code
from desktop.domain.election_types import ELECTION_TYPES, election_type_for
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_SEATS, whole_number
from desktop.domain.model import Candidate, Contest, Election
from desktop.services.common import (
    candidate,
    figures_stand_against_rows,
    guard,
    refuse_if_voting_areas_in,
    require_operator,
    slug,
)
from desktop.services.reading import Reading
from desktop.services.texts import printed_text
from desktop.storage.store import Store


def default_title(
    election_id: str, contest_ids: Iterable[str], type_name: str, *, parish: bool = False
) -> str:
    """The title an election is given when it is created (changed later by hand); ``parish``
    where a parish or town council is elected."""
    by_election = any(".by." in cid for cid in contest_ids)
    if election_id.startswith("parl."):
        return (
            "UK Parliamentary by-election" if by_election else "UK Parliamentary general election"
        )
    if election_id.startswith("local."):
        council = "Parish council" if parish else "Local council"
        return f"{council} by-election" if by_election else f"{council} elections"
    return type_name[0].upper() + type_name[1:]


#: A candidate's texts, and how a refusal names each.
_CANDIDATE_FIELDS = {
    "surname": "the surname",
    "forenames": "the forenames",
    "common_surname": "the commonly used surname",
    "common_forenames": "the commonly used forenames",
    "description": "the description",
}


def _candidate_texts(**texts: str) -> dict[str, str]:
    """A candidate's names and description as they will print, each checked (TextProblem)."""
    return {key: printed_text(value, _CANDIDATE_FIELDS[key]) for key, value in texts.items()}


#: How a refusal names each text fact of a contest.
_FACT_NAMES = {
    "officer_name": "the declaring officer's name",
    "officer_title": "the declaring officer's title",
    "imprint_address": "the imprint address",
}


def _seats(seats: object) -> int:
    return whole_number(seats, "The number of seats", minimum=1, maximum=MAX_SEATS)


class Setup:
    """Contests, candidates and the facts printed on the documents."""

    def __init__(self, store: Store, reading: Reading) -> None:
        self.store = store
        self.reading = reading

    def _refuse_if_counted(self, contest_id: str, what: str) -> None:
        refuse_if_voting_areas_in(self.store, contest_id, what)
        if self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                f"{what} once a count is recorded: the figures recorded stand against the "
                "candidates as they were.",
                Code.S812,
            )

    def _refuse_if_figures_keyed(self, contest_id: str, what: str) -> None:
        refuse_if_voting_areas_in(self.store, contest_id, what)
        if figures_stand_against_rows(self.store, contest_id):
            raise CountDeskError(
                f"{what} once a count is recorded or figures are keyed: the figures stand "
                "against the candidates as they were. Clear the figures keyed first, if no count "
                "is recorded.",
                Code.S812,
            )

    def _refuse_if_referendum(self, contest_id: str, what: str) -> None:
        contest = self.store.contest(contest_id)
        if contest.type.referendum:
            raise CountDeskError(
                f"{contest.area} is a referendum: {what}. Its question and answers are set "
                "with `countdesk-cli referendum`, or in Setup.",
                Code.R106,
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
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        self._refuse_if_referendum(contest_id, "it has answers, not candidates")
        self._refuse_if_figures_keyed(contest_id, "A candidate cannot be added")
        if not " ".join(surname.split()):
            raise CountDeskError(
                "A candidate needs a surname: type it, as on the nomination paper."
            )
        names = _candidate_texts(
            surname=surname,
            forenames=forenames,
            description=description,
            common_surname=common_surname,
            common_forenames=common_forenames,
        )
        surname, forenames = names["surname"], names["forenames"]
        person_name = f"{forenames} {surname}".strip()
        existing = self.store.candidate_ids_by_source(contest_id)
        too_many = candidates_problem(len(existing) + 1, self.store.contest(contest_id).area)
        if too_many:
            raise CountDeskError(f"{too_many[0].upper()}{too_many[1:]}: no candidate was added.")
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
                names["description"],
                names["common_surname"],
                names["common_forenames"],
                person_name,
            ),
            operator,
            source_key=key,
        )
        return candidate(self.store, contest_id, new_id)

    def update_candidate(
        self, contest_id: str, candidate_id: int, operator: str, **changes: str
    ) -> Candidate:
        """Correct a candidate's surname, forenames, commonly used names or description.

        Only before any count is recorded: once figures stand against a candidate, changing the
        names beside them is how the wrong person gets declared (Nelson 2019).
        """
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        self._refuse_if_referendum(contest_id, "its answers have no names or descriptions")
        self._refuse_if_counted(contest_id, "A candidate's names and description cannot be changed")
        current = candidate(self.store, contest_id, candidate_id)
        unknown = set(changes) - set(_CANDIDATE_FIELDS)
        if unknown:
            raise CountDeskError(f"{sorted(unknown)[0]} is not a name or description field.")
        if "surname" in changes and not " ".join(changes["surname"].split()):
            raise CountDeskError("A candidate needs a surname: the old one is kept.")
        clean = _candidate_texts(**changes)
        changes_to_save: dict[str, str | int] = dict(clean)
        if current.split_to_confirm and {"surname", "forenames"} & set(clean):
            # Someone has typed the name against the SOPN: the proposed split is settled.
            changes_to_save["split_to_confirm"] = 0
        self.store.update_candidate(contest_id, candidate_id, changes_to_save, operator)
        return candidate(self.store, contest_id, candidate_id)

    def remove_candidate(
        self, contest_id: str, candidate_id: int, operator: str
    ) -> tuple[Candidate, ...]:
        """Remove a candidate (before any count is recorded); return the candidates left."""
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        candidate(self.store, contest_id, candidate_id)
        self._refuse_if_figures_keyed(contest_id, "A candidate cannot be removed")
        referendum = self.store.contest(contest_id).type.referendum
        if referendum and len(self.store.candidates(contest_id)) <= 2:
            raise CountDeskError(
                "A referendum needs at least two answers: this one cannot be removed.", Code.R102
            )
        self.store.remove_candidate(contest_id, candidate_id, operator)
        return self.reading.candidates(contest_id)

    def set_seats(self, contest_id: str, seats: int, operator: str) -> Contest:
        """Change the number of seats (before any count is recorded)."""
        operator = require_operator(operator)
        guard(self.store, contest_id, "count")
        self._refuse_if_referendum(contest_id, "it has no seats")
        seats = _seats(seats)
        self._refuse_if_counted(contest_id, "The number of seats cannot be changed")
        self.store.update_contest(contest_id, {"seats": seats}, operator)
        return self.store.contest(contest_id)

    def set_bundle_size(self, contest_id: str, size: int, operator: str) -> Contest:
        """Set how many papers make a full bundle at this count (often 25 or 50)."""
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        size = whole_number(size, "The bundle size", minimum=1)
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
        operator = require_operator(operator)
        if type_code == "ref":
            raise CountDeskError(
                "A referendum is created with its question and answers: `countdesk-cli "
                "referendum`, or the referendum fields of New election and contest.",
                Code.R101,
            )
        if type_code not in ELECTION_TYPES:
            raise CountDeskError(
                f"“{type_code}” is not an election type CountDesk supports.", Code.F108
            )
        check_poll_date(poll_date)
        area = printed_text(area, "the name of the area")
        organisation = printed_text(organisation, "the council's name")
        if not slug(area):
            raise CountDeskError(
                "Type the name of the area: the constituency, ward or police area."
            )
        seats = _seats(seats)
        org = slug(organisation)
        if type_code == "local" and not org:
            raise CountDeskError("A local election needs the council's name, e.g. Wandsworth.")
        day = poll_date.isoformat()
        election_id = f"{type_code}.{org}.{day}" if org else f"{type_code}.{day}"
        by = ".by" if by_election else ""
        contest_id = f"{type_code}.{org + '.' if org else ''}{slug(area)}{by}.{day}"
        if self.store.find_contest(contest_id) is not None:
            raise CountDeskError(f"{area} on {day} already exists ({contest_id}): open it instead.")
        etype = ELECTION_TYPES[type_code]
        with self.store.transaction():
            if self.store.find_election(election_id) is None:
                title = default_title(election_id, [contest_id], etype.name)
                self.store.add_election(
                    Election(election_id, poll_date, title=title),
                    operator,
                    organisation=organisation,
                )
            self.store.add_contest(
                Contest(contest_id, election_id, area, seats, poll_date), operator
            )
        return self.store.contest(contest_id)

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
        kind: str | None = None,
    ) -> Contest:
        """Set any of a contest's facts given (None leaves one as it is); one audited transaction.

        The electorate and ballot papers verified are figures of the result: like the count's,
        they are fixed once the provisional result is shown. So is the ``kind`` of contest within
        its type ("" for the type itself; e.g. "parish_unwarded", "combined_authority"), which
        decides the deposit and the wording of the declaration.
        """
        operator = require_operator(operator)
        figures_given = (
            electorate is not None or ballot_papers_verified is not None or kind is not None
        )
        guard(self.store, contest_id, "count" if figures_given else "setup")
        if ballot_papers_verified is not None and self.reading.papers_from_verification(contest_id):
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
                what = "The electorate" if key == "electorate" else "Ballot papers verified"
                changes[key] = whole_number(value, what)
        for key, text in (
            ("officer_name", officer_name),
            ("officer_title", officer_title),
            ("imprint_address", imprint_address),
        ):
            if text is not None:
                changes[key] = printed_text(text, _FACT_NAMES[key])
        if kind is not None:
            kind = kind.strip().lower().replace("-", "_")
            if kind:
                self._refuse_if_referendum(contest_id, "it has no kinds")
            election_type_for(contest_id, kind)  # refuses a kind the type does not have (F108)
            changes["kind"] = kind
        if changes:
            self.store.update_contest(contest_id, changes, operator)
        return self.store.contest(contest_id)

    def set_election_authority(self, election_id: str, authority: str, operator: str) -> Election:
        """Set the authority printed at the head of the election's documents; return the election."""
        operator = require_operator(operator)
        self.store.election(election_id)
        for contest in self.store.contests(election_id):
            guard(self.store, contest.id, "setup")
        self.store.update_election(
            election_id, {"authority": printed_text(authority, "the authority")}, operator
        )
        return self.store.election(election_id)

    def set_contest_details(
        self,
        contest_id: str,
        operator: str,
        *,
        electorate: int | None = None,
        ballot_papers_verified: int | None = None,
        officer_name: str | None = None,
        officer_title: str | None = None,
        imprint_address: str | None = None,
        authority: str | None = None,
        kind: str | None = None,
    ) -> Contest:
        """Set a contest's facts and its election's authority in one transaction: all, or nothing.

        None leaves a fact as it is; ``authority`` is the election's (printed at the head of
        its documents). Returns the contest as saved.
        """
        with self.store.transaction():
            contest = self.set_contest_facts(
                contest_id,
                operator,
                electorate=electorate,
                ballot_papers_verified=ballot_papers_verified,
                officer_name=officer_name,
                officer_title=officer_title,
                imprint_address=imprint_address,
                kind=kind,
            )
            if authority is not None:
                self.set_election_authority(contest.election_id, authority, operator)
        return self.store.contest(contest_id)
