"""The declared results, as every format that takes results out of CountDesk reads them.

Results go out to the press, the council's website and the aggregators only once declared: a
provisional result is shown to candidates and agents and may still change by recount, so it
is never exported as a result (DOMAIN.md §3). A declared result is the count that stood at
the declaration (an error recorded afterwards changes nothing: the declaration stands).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Election, Status
from desktop.domain.workflow import is_uncontested
from desktop.services.reading import Reading
from desktop.storage.store import Store


@dataclass(frozen=True)
class DeclaredContest:
    """One declared contest: its election, the result declared, when, and each candidate's
    import key and party id (by candidate id) so that aggregators get back the ids they gave."""

    election: Election
    result: ContestResult
    declared_at: datetime
    #: No poll: the candidates were declared duly elected (no votes, no turnout).
    uncontested: bool
    #: Candidate id → (source key, party id) as imported (``person:123`` or ``name:…``).
    sources: dict[int, tuple[str, str]]

    @property
    def contest(self) -> Contest:
        """The contest declared."""
        return self.result.contest

    def person_id(self, candidate_id: int) -> str:
        """Democracy Club's person_id the candidate was imported with, or "" where none was."""
        key = self.sources.get(candidate_id, ("", ""))[0]
        return key.removeprefix("person:") if key.startswith("person:") else ""

    def party_id(self, candidate_id: int) -> str:
        """The party id the candidate was imported with, or ""."""
        return self.sources.get(candidate_id, ("", ""))[1]


class DeclaredResults:
    """Reads the declared contests, and says which of those asked for are not declared."""

    def __init__(self, store: Store, reading: Reading) -> None:
        self.store = store
        self.reading = reading

    def declared_at(self, contest: Contest) -> datetime | None:
        """When the contest was declared (or its candidates declared duly elected); None before."""
        if contest.status is not Status.DECLARED:
            return None
        kept = [d for d in self.store.declarations(contest.id) if not d.is_legacy_correction]
        if kept:
            return kept[0].declared_at
        notice = self.store.uncontested_notice(contest.id)
        return None if notice is None else notice.declared_at

    def read(self, contest: Contest) -> DeclaredContest | None:
        """The contest as declared, or None if it is not declared."""
        when = self.declared_at(contest)
        if when is None:
            return None
        candidates = len(self.store.candidates(contest.id))
        return DeclaredContest(
            election=self.reading.election_of(contest),
            result=self.reading.result(contest.id),
            declared_at=when,
            uncontested=is_uncontested(contest, candidates)
            and self.store.latest_count(contest.id) is None,
            sources=self.store.candidate_sources(contest.id),
        )

    def select(self, contest_ids: Iterable[str] | None) -> tuple[list[DeclaredContest], int]:
        """The declared contests among ``contest_ids`` (None: every contest), and how many
        of those were left out as not yet declared.

        A single contest asked for by id that is not declared is refused (H101); nothing
        declared at all is refused (H102).
        """
        asked = (
            self.reading.contests()
            if contest_ids is None
            else [self.reading.contest(cid) for cid in contest_ids]
        )
        declared = [d for d in (self.read(c) for c in asked) if d is not None]
        if contest_ids is not None and len(asked) == 1 and not declared:
            contest = asked[0]
            raise CountDeskError(
                f"{contest.area} is not declared (its stage: {contest.status.value}), so it has "
                "no result to send out: a result goes to the press, the website and the "
                "aggregators only once the Returning Officer has declared it.",
                Code.H101,
            )
        if not declared:
            raise CountDeskError(
                "No contest asked for is declared yet, so there is no result to send out: a "
                "result goes out only once it is declared.",
                Code.H102,
            )
        return declared, len(asked) - len(declared)
