"""The results summary for the press: a declared contest's shares, change since the previous
election, majority, turnout, swing and gain or hold, with a chart; and the election summary.
Never the declaration (DOMAIN.md §4): a separate document, headed that it is not one.

``CountDesk.press`` is this service. ``result`` and ``election`` are the reads the press
summary, the results web page and any other publication share, so that they cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Status
from desktop.domain.press import PressResult, PreviousResult, press_result
from desktop.domain.press_election import ElectionSummary, Unopposed, election_summary
from desktop.domain.workflow import is_uncontested
from desktop.services.common import require_operator
from desktop.services.previous_csv import read_previous_csv
from desktop.services.proof import Proof
from desktop.services.reading import Reading
from desktop.storage.store import Store

_LOCAL_COUNT = (
    "{area} is a local count: its totals are sent to the area's returning officer, who adds up "
    "every voting area and declares. The results summary (and its previous result) belong to "
    "the area result."
)


class PressSummary:
    """Previous results, and the press summary of declared contests and of an election."""

    def __init__(
        self, store: Store, reading: Reading, proof: Proof, today: Callable[[], date]
    ) -> None:
        self.store = store
        self.reading = reading
        self.proof = proof
        self.today = today

    # -- the previous result -------------------------------------------------------------

    def import_previous(
        self, contest_id: str, path: str | Path, operator: str, *, ballot: str | None = None
    ) -> PreviousResult:
        """Import the previous election's result for this contest's seat from a Democracy Club
        results CSV, replacing any imported before (audited); the result as stored.

        Refused whole, with nothing stored, where the file is of another seat or not an earlier
        election (E101), has no votes (E102), votes that are not whole numbers (E103) or cannot
        be read as one result (E104); and for a referendum or an uncontested contest (E106).
        """
        operator = require_operator(operator)
        contest = self.reading.contest(contest_id)
        self._refuse_without_parties(contest)
        previous = read_previous_csv(path, contest, ballot)
        self.store.previous.set_previous_result(previous, operator)
        found = self.store.previous.previous_result(contest_id)
        assert found is not None
        return found

    def previous(self, contest_id: str) -> PreviousResult | None:
        """The previous result imported for this contest, or None."""
        self.reading.contest(contest_id)
        return self.store.previous.previous_result(contest_id)

    def _refuse_without_parties(self, contest: Contest) -> None:
        if contest.type.referendum:
            raise CountDeskError(
                f"{contest.area} is a referendum: its answers have no parties, so there is no "
                "previous result to compare with. Its summary shows each answer's share.",
                Code.E106,
            )
        if is_uncontested(contest, len(self.store.candidates(contest.id))):
            raise CountDeskError(
                f"{contest.area} is uncontested (no more candidates than seats): there is no "
                "poll, so no shares to compare with a previous result.",
                Code.E106,
            )
        if contest.is_local_count:
            raise CountDeskError(_LOCAL_COUNT.format(area=contest.area), Code.E106)

    # -- the summaries -------------------------------------------------------------------

    def result(self, contest_id: str) -> PressResult:
        """The press summary's figures of a declared contest (E105 before the declaration)."""
        contest = self.reading.contest(contest_id)
        if contest.is_local_count:
            raise CountDeskError(_LOCAL_COUNT.format(area=contest.area), Code.E105)
        if contest.status is not Status.DECLARED:
            raise CountDeskError(
                f"{contest.area} is not declared yet, so there is no result to publish: the "
                "results summary is made once the Returning Officer has declared.",
                Code.E105,
            )
        if is_uncontested(contest, len(self.store.candidates(contest_id))):
            raise CountDeskError(
                f"{contest.area} was uncontested: the candidates were declared duly elected "
                "without a poll, so there are no votes or shares to summarise.",
                Code.E105,
            )
        return press_result(
            self.reading.result(contest_id),
            self.store.previous.parties(contest_id),
            self.store.previous.previous_result(contest_id),
        )

    def election(self, election_id: str) -> ElectionSummary:
        """Every declared contest of the election (uncontested ones aside), seats won per party
        and gains; E107 while none is declared."""
        election = self.store.election(election_id)
        # A local count sends its totals to the area result, which is the contest declared.
        contests = [c for c in self.reading.contests(election.id) if not c.is_local_count]
        declared: list[PressResult] = []
        unopposed: list[Unopposed] = []
        for c in contests:
            if c.status is not Status.DECLARED:
                continue
            if is_uncontested(c, len(self.store.candidates(c.id))):
                parties = self.store.previous.parties(c.id)
                elected = tuple(
                    (cand.name_in_words, parties[cand.id]) for cand in self.reading.candidates(c.id)
                )
                unopposed.append(Unopposed(c.id, c.area, c.seats, elected))
            else:
                declared.append(self.result(c.id))
        if not declared and not unopposed:
            raise CountDeskError(
                f"No contest of {election.title or election.id} is declared yet: the election "
                "summary lists the contests declared so far, so print it after the first "
                "declaration.",
                Code.E107,
            )
        return election_summary(election.id, len(contests), declared, unopposed)

    def contest_pdf(self, contest_id: str, printed_on: date | None = None) -> bytes:
        """The results summary of one declared contest as PDF bytes (one A4 page)."""
        from reports.press_snapshot import contest_snapshot
        from reports.press_summary import render_press_summary

        press = self.result(contest_id)
        contest = self.reading.contest(contest_id)
        snapshot = contest_snapshot(
            press,
            contest,
            self.reading.election_of(contest),
            printed_on=printed_on or self.today(),
            record_ref=self.proof.record_ref(),
        )
        return render_press_summary(snapshot)

    def election_pdf(self, election_id: str, printed_on: date | None = None) -> bytes:
        """The election summary as PDF bytes."""
        from reports.press_election import render_election_summary
        from reports.press_election_snapshot import election_snapshot

        summary = self.election(election_id)
        snapshot = election_snapshot(
            summary,
            self.store.election(election_id),
            printed_on=printed_on or self.today(),
            record_ref=self.proof.record_ref(),
        )
        return render_election_summary(snapshot)
