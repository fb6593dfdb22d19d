"""The election overview: every contest of the night, its stage, what it waits for, its result.

Read only. Each row comes from the contest's night state and the guards of its next stage
(``workflow.next_step``), the same reads and checks that refuse a step, so the overview can
never say a contest is ready when the step would be refused. The times shown and declared are
read once for all contests.
"""

from __future__ import annotations

from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status
from desktop.domain.overview import (
    ContestOverview,
    ElectionOverview,
    duly_elected,
    poll_word,
    result_summary,
    venue_totals,
)
from desktop.domain.waiting import waiting_for
from desktop.domain.workflow import next_step, stage_label
from desktop.services.night import Night
from desktop.services.reading import Reading
from desktop.storage.store import Store

#: A count whose entries are held (double entry) is not standing: its figures are not shown.
_HELD = frozenset({Code.P101, Code.P102, Code.P103})


class Overview:
    """Every contest of the election(s) in the database at a glance (``CountDesk.overview``)."""

    def __init__(self, store: Store, reading: Reading, night: Night) -> None:
        self.store = store
        self.reading = reading
        self.night = night

    def election(self, election_id: str | None = None) -> ElectionOverview:
        """Every contest of one election (all of them if None), election by election (by date),
        each by area, with the venue's totals. A CountDeskError if no election has that id."""
        if election_id and self.store.find_election(election_id) is None:
            known = ", ".join(e.id for e in self.reading.elections()) or "none yet"
            raise CountDeskError(
                f"There is no election with the id “{election_id}” in this database (its "
                f"elections: {known}). Give one of those, or none for every contest."
            )
        shown = self.store.progress.shown_times()
        declared = self.store.progress.declared_times()
        titles = self._titles()
        order = {e: n for n, e in enumerate(titles)}
        contests = sorted(self.reading.contests(election_id), key=lambda c: order[c.election_id])
        rows = tuple(self._row(c.id, shown.get(c.id), declared.get(c.id), titles) for c in contests)
        return ElectionOverview(rows, venue_totals(rows))

    def contest(self, contest_id: str) -> ContestOverview:
        """One contest's row (a CountDeskError if there is none with that id)."""
        self.store.contest(contest_id)
        shown = self.store.progress.shown_times().get(contest_id)
        declared = self.store.progress.declared_times().get(contest_id)
        return self._row(contest_id, shown, declared, self._titles())

    def _titles(self) -> dict[str, str]:
        """Each election's title, or its type's name where it has none."""
        return {e.id: e.title or e.type.name for e in self.reading.elections()}

    def data_version(self) -> int:
        """A number that changes when another program (the command line, another station)
        writes to the database: the window polls it to notice their changes."""
        return self.store.progress.data_version()

    def _row(
        self,
        contest_id: str,
        shown_at: datetime | None,
        declared_at: datetime | None,
        titles: dict[str, str],
    ) -> ContestOverview:
        state = self.night.night_state(contest_id)
        contest = state.contest
        following, blockers, uncontested = next_step(state)

        def stage(status: Status) -> str:
            """A stage of this contest in the workflow's words (the one place they come from)."""
            return stage_label(contest, status)

        waiting, codes = waiting_for(
            contest.status,
            following,
            blockers,
            uncontested=uncontested,
            declared_at=declared_at,
            verification=state.verification,
            label=stage,
        )
        held = state.result is not None and any(f.code in _HELD for f in state.result.findings)
        declared = contest.status is Status.DECLARED
        result = None if held else result_summary(state.result, declared=declared)
        if contest.is_local_count:
            # A local count decides nothing: its totals are sent on, nobody is elected here.
            result = None
        if uncontested and declared:
            result = duly_elected(contest, self.store.candidates(contest.id))
        return ContestOverview(
            contest_id=contest.id,
            election_id=contest.election_id,
            election_title=titles.get(contest.election_id, ""),
            area=contest.area,
            seats=None if contest.type.referendum else contest.seats,
            status=contest.status,
            stage=stage(contest.status),
            waiting=waiting,
            codes=codes,
            boxes=len(state.verification),
            boxes_verified=sum(1 for line in state.verification if line.counted is not None),
            papers_verified=contest.ballot_papers_verified,
            shown_at=shown_at if contest.status is not Status.SETUP else None,
            declared_at=declared_at,
            uncontested=uncontested,
            result=result,
            local_count=contest.is_local_count,
            poll=poll_word(contest),
        )
