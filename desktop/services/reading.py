"""Reads of the night: elections, contests, candidates, and the result of the count that stands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.codes import Code
from desktop.domain.double_entry import EntryState, entry_finding
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import sort_findings
from desktop.domain.model import Candidate, Contest, CountFigures, Election, ballot_order
from desktop.domain.records import StoredCount
from desktop.services.common import name_key
from desktop.storage.store import Store


def _held_result(
    contest: Contest, candidates: Sequence[Candidate], held: EntryState
) -> ContestResult:
    """The first entry's figures as a result that cannot go further than the count."""
    assert held.first is not None
    result = compute_result(contest, candidates, held.first.figures)
    finding = entry_finding(held, contest, candidates)
    findings = [*result.findings, *([finding] if finding else [])]
    return replace(
        result,
        candidates=tuple(replace(line, elected=False) for line in result.candidates),
        elected=(),
        findings=sort_findings(findings),
    )


class Reading:
    """What is stored, as the window and the command line read it."""

    def __init__(self, store: Store) -> None:
        self.store = store

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
        """The result and findings of the count that stands (all figures empty before a count).

        While an entry of double entry is held, the first entry's figures, with nobody shown
        elected and the finding that holds it at the count (P101, P102 or P103).
        """
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        held = self.store.entry_state(contest_id)
        if held.first is not None:
            return _held_result(contest, candidates, held)
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
        valid_papers_counted: int | None = None,
    ) -> ContestResult:
        """The result these figures would give, without storing anything (for live checks)."""
        contest = self.store.contest(contest_id)
        figures = CountFigures(dict(votes), dict(rejected), None, valid_papers_counted)
        return compute_result(contest, self.store.candidates(contest_id), figures)

    def candidate_by_name(self, contest_id: str, name: str) -> Candidate:
        """The candidate whose imported full name is ``name`` (case and spacing ignored)."""
        matches = [
            c
            for c in self.store.candidates(contest_id)
            if name_key(c.person_name) == name_key(name)
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

    def papers_from_verification(self, contest_id: str) -> bool:
        """Whether ballot papers verified come from the verification (and cannot be typed)."""
        return bool(self.store.verification(contest_id))
