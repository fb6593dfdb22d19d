"""The area result: every voting area's local totals imported, added up and declared.

In the police area (or combined authority) returning officer's database, the contest is set up
as the *area result* with the list of its voting areas. Each voting area's local totals file
(the JSON or CSV its local count wrote) is imported as it arrives, checked — the same election
and contest, the same candidates by name as on the ballot paper, a voting area listed and not
already in with other figures, figures that reconcile — and kept. Once every voting area is in,
their sum is recorded as the contest's count (ballot papers verified and electorate are the
sums too), and the night goes on as for any single-seat result: the same checks, lots by the
area's returning officer on a tie, deposits at the type's amount, and the declaration, which
lists each voting area's totals (``reports.area_declaration``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.local_totals import (
    LocalTotals,
    add_up,
    awaited_finding,
    match_candidates,
    name_key,
    reconcile,
)
from desktop.domain.model import Contest, CountFigures, Status
from desktop.services.common import require_operator
from desktop.services.entry import Entry
from desktop.services.local_totals_files import read_totals, to_json
from desktop.storage.store import Store


@dataclass(frozen=True)
class VotingAreaLine:
    """One voting area of the area result: its local totals, once imported."""

    name: str
    totals: LocalTotals | None = None
    imported_at: datetime | None = None
    operator: str = ""

    @property
    def is_in(self) -> bool:
        """Whether this voting area's local totals are in."""
        return self.totals is not None


@dataclass(frozen=True)
class AreaStatus:
    """Which voting areas are in and which are awaited, and what that means for the result."""

    contest: Contest
    areas: tuple[VotingAreaLine, ...]
    #: A109 while any voting area is awaited (or none is listed).
    findings: tuple[Finding, ...]
    #: Whether the sum of every voting area's totals is recorded as the contest's count.
    added_up: bool

    @property
    def awaited(self) -> tuple[str, ...]:
        """The voting areas whose local totals are not yet in."""
        return tuple(a.name for a in self.areas if not a.is_in)

    @property
    def received(self) -> tuple[VotingAreaLine, ...]:
        """The voting areas whose local totals are in, in the order listed."""
        return tuple(a for a in self.areas if a.is_in)


def require_area_result(contest: Contest) -> None:
    """Refuse (A102) unless the contest is set up as the area result."""
    if not contest.is_area_result:
        what = (
            "a local count (a voting area's count: it sends its local totals)"
            if contest.is_local_count
            else f"a {contest.type.name}, which is not counted in voting areas"
        )
        raise CountDeskError(
            f"{contest.area} is {what}, not the area result: set it up as the area result with "
            "its voting areas first (countdesk-cli area setup ID --voting-area NAME …).",
            Code.A102,
        )


class AreaResult:
    """The police area or combined authority returning officer's adding up of local totals."""

    def __init__(self, store: Store, entry: Entry) -> None:
        self.store = store
        self.entry = entry

    def setup(self, contest_id: str, voting_areas: Sequence[str], operator: str) -> AreaStatus:
        """Make the contest the area result and list its voting areas (audited). Until their sum
        is recorded the list may be put right (a voting area misspelt, one left out), but every
        voting area whose totals are in stays listed."""
        operator = require_operator(operator)
        contest = self.store.contest(contest_id)
        if not contest.type.counted_locally:
            require_area_result(contest)
        names = [" ".join(n.split()) for n in voting_areas]
        names = [n for n in names if n]
        if not names:
            raise CountDeskError("List at least one voting area of the area result.", Code.A107)
        twice = sorted({n for n in names if [name_key(m) for m in names].count(name_key(n)) > 1})
        if twice:
            raise CountDeskError(f"A voting area is listed twice: {', '.join(twice)}.", Code.A107)
        if self.store.latest_count(contest_id):
            raise CountDeskError(
                f"{contest.area} has every voting area's local totals added up (a count is "
                "recorded): its voting areas and role are fixed.",
                Code.A102,
            )
        listed = {name_key(n) for n in names}
        returns = self.store.local_totals.returns(contest_id)
        kept = sorted({r.voting_area for r in returns if name_key(r.voting_area) not in listed})
        if kept:
            raise CountDeskError(
                f"The local totals of {', '.join(kept)} are in, so "
                f"{'it stays' if len(kept) == 1 else 'they stay'} listed: list "
                f"{'it' if len(kept) == 1 else 'them'} with the other voting areas.",
                Code.A107,
            )
        if contest.status is Status.DECLARED:
            raise CountDeskError(f"{contest.area} is declared: it is locked.", Code.S802)
        with self.store.transaction():
            if contest.role != "area":
                self.store.update_contest(contest_id, {"role": "area"}, operator)
            self.store.local_totals.set_voting_areas(contest_id, names, operator)
        return self.status(contest_id)

    def status(self, contest_id: str) -> AreaStatus:
        """The voting areas in and awaited."""
        contest = self.store.contest(contest_id)
        require_area_result(contest)
        returns = {name_key(r.voting_area): r for r in self.store.local_totals.returns(contest_id)}
        lines = []
        for name in self.store.local_totals.voting_areas(contest_id):
            kept = returns.get(name_key(name))
            lines.append(
                VotingAreaLine(name)
                if kept is None
                else VotingAreaLine(
                    name,
                    read_totals(kept.totals_json, f"the local totals of {name} kept"),
                    kept.imported_at,
                    kept.operator,
                )
            )
        awaited = [line.name for line in lines if not line.is_in]
        finding = awaited_finding(awaited, len(lines))
        findings: tuple[Finding, ...] = () if finding is None else (finding,)
        added = bool(lines) and not awaited and self.store.latest_count(contest_id) is not None
        return AreaStatus(contest, tuple(lines), findings, added)

    def add(self, contest_id: str, text: str, source: str, operator: str) -> AreaStatus:
        """Import one voting area's local totals from a JSON or CSV file's text (``source``
        names it in messages). The same file again changes nothing; anything refused leaves
        the stored data as it was. Once every voting area is in, their sum is recorded as the
        contest's count, in the same transaction."""
        operator = require_operator(operator)
        contest = self.store.contest(contest_id)
        require_area_result(contest)
        if contest.status in (Status.PROVISIONAL, Status.DECLARED):
            raise CountDeskError(
                f"The provisional result of {contest.area} has been shown: every voting area's "
                "totals are in and added up, and no more are imported.",
                Code.S809 if contest.status is Status.PROVISIONAL else Code.S802,
            )
        totals = read_totals(text, source)
        self._check(contest, totals, source)
        before = self.status(contest_id)
        line = next(a for a in before.areas if name_key(a.name) == name_key(totals.voting_area))
        if line.totals is not None:
            if line.totals.digest == totals.digest:
                return before  # the same figures again: nothing to do
            raise CountDeskError(
                f"The local totals of {line.name} are already in, with different figures "
                f"(imported at {line.imported_at:%H:%M} by {line.operator}). Ask the local "
                "returning officer which statement was sent; the figures in stand. Nothing was "
                "imported.",
                Code.A107,
            )
        with self.store.transaction():
            self.store.local_totals.add_return(
                contest_id,
                line.name,
                operator,
                digest=totals.digest,
                totals_json=to_json(totals, contest.type),
            )
            after = self.status(contest_id)
            if not after.awaited:
                self._record_sum(contest, after, operator)
        return self.status(contest_id)

    def _check(self, contest: Contest, totals: LocalTotals, source: str) -> None:
        if totals.election_id != contest.election_id or totals.contest_id != contest.id:
            raise CountDeskError(
                f"{source} holds the local totals of {totals.contest_id} ({totals.election_id}), "
                f"not of {contest.id}: import each voting area's file of this contest. Nothing "
                "was imported.",
                Code.A105,
            )
        if not totals.sent_at:
            raise CountDeskError(
                f"{source} was not sent by its local returning officer (it has no time sent): "
                "only local totals that were sent are added up. Nothing was imported.",
                Code.A104,
            )
        listed = self.store.local_totals.voting_areas(contest.id)
        if name_key(totals.voting_area) not in {name_key(n) for n in listed}:
            raise CountDeskError(
                f"{source} is of the voting area “{totals.voting_area}”, which is not one of "
                f"{contest.area}'s: {', '.join(listed)}. Nothing was imported.",
                Code.A107,
            )
        names = [c.display_name for c in self.store.candidates(contest.id)]
        match_candidates(totals, names)
        reconcile(totals, contest.type)

    def _record_sum(self, contest: Contest, status: AreaStatus, operator: str) -> None:
        """Record every voting area's totals, added up, as the contest's count."""
        candidates = self.store.candidates(contest.id)
        summed = add_up(
            (a.totals for a in status.areas if a.totals is not None),
            {c.id: c.display_name for c in candidates},
            contest.type,
        )
        self.store.update_contest(
            contest.id,
            {
                "ballot_papers_verified": summed.ballot_papers_verified,
                "electorate": summed.electorate,
            },
            operator,
        )
        figures = CountFigures(votes=dict(summed.votes), rejected=dict(summed.rejected))
        self.entry.stand(self.store.contest(contest.id), figures, operator)


def area_schedule(store: Store, contest: Contest) -> list[tuple[str, LocalTotals]] | None:
    """Each voting area's local totals, in the order listed, for the area declaration; None
    unless the contest is the area result."""
    if not contest.is_area_result:
        return None
    returns = {name_key(r.voting_area): r for r in store.local_totals.returns(contest.id)}
    schedule = []
    for name in store.local_totals.voting_areas(contest.id):
        kept = returns.get(name_key(name))
        if kept is not None:
            schedule.append((name, read_totals(kept.totals_json, name)))
    return schedule
