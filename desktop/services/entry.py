"""Keying in the count: the draft saved figure by figure, recording a count, and lots.

Every write validates first, then runs in one transaction with its audit row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.codes import Code
from desktop.domain.double_entry import EntryMode
from desktop.domain.draft import Draft, SavedDraft
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import bundle_total, whole_number
from desktop.domain.model import Candidate, Contest, CountFigures, ballot_order
from desktop.domain.records import StoredCount
from desktop.domain.workflow import RecountDecision, uncontested_refusal
from desktop.services.common import (
    figure_or_none,
    guard,
    name_key,
    papers_counted_of,
    pending_request,
    require_operator,
    same_figures,
)
from desktop.services.live import LiveCount
from desktop.services.reading import Reading
from desktop.storage.drafts import KEEP
from desktop.storage.store import Store


def _one_of(candidates: Sequence[Candidate], candidate_id: int) -> Candidate:
    """One candidate of the contest, or C211."""
    for c in candidates:
        if c.id == candidate_id:
            return c
    raise CountDeskError(f"Candidate {candidate_id} is not a candidate of this contest.", Code.C211)


def _refuse_no_poll(contest: Contest, candidates: Sequence[Candidate]) -> None:
    """S813: an uncontested contest has no poll, so nothing is counted for it."""
    refusal = uncontested_refusal(contest, len(candidates))
    if refusal is not None:
        raise CountDeskError(f"{refusal.message} No figure was saved.", refusal.code)


def _draft(
    contest: Contest,
    candidates: Sequence[Candidate],
    saved: SavedDraft,
    latest: StoredCount | None,
    pending: bool,
) -> Draft:
    """The count being keyed in, from what was read: the saved draft figures or, before any
    change since, those of the count that stands. ``pending``: a granted recount or bundle
    check awaits its count, so even the same figures make a new count. While a first entry is
    held (double entry) the draft is the next entry, keyed blind: it starts empty."""
    keys = contest.type.heading_keys
    if not saved.started and latest is not None and not saved.entry_held:
        votes = {c.id: latest.figures.votes.get(c.id) for c in candidates}
        rejected = {k: latest.figures.rejected.get(k) for k in keys}
        recorded = None if pending else latest.number
        counted = latest.figures.valid_papers_counted
        return Draft(votes, rejected, dict.fromkeys(votes), dict.fromkeys(votes), recorded, counted)
    votes = {c.id: saved.votes.get(c.id) for c in candidates}
    rejected = {k: saved.rejected.get(k) for k in keys}
    bundles = {c.id: saved.bundles.get(c.id) for c in candidates}
    parts = {c.id: saved.parts.get(c.id) for c in candidates}
    counted = saved.valid_papers_counted
    same = (
        latest is not None
        and not pending
        and not saved.entry_held
        and same_figures(latest, votes, rejected, counted)
    )
    recorded = latest.number if same and latest else None
    return Draft(votes, rejected, bundles, parts, recorded, counted)


class Entry:
    """The count being keyed in, recorded counts, and lots drawn for a tie."""

    def __init__(self, store: Store, reading: Reading) -> None:
        self.store = store
        self.reading = reading

    # -- the draft ------------------------------------------------------------------------

    def draft(self, contest_id: str) -> Draft:
        """The count being keyed in: saved draft figures, else those of the count that stands."""
        contest = self.store.contest(contest_id)
        latest = self.store.latest_count(contest_id)
        return _draft(
            contest,
            self.store.candidates(contest_id),
            self.store.draft(contest_id),
            latest,
            pending_request(self.store, contest_id, latest) is not None,
        )

    def set_draft_votes(
        self, contest_id: str, candidate_id: int, votes: int | None, operator: str
    ) -> Draft:
        """Save one candidate's votes in the count being keyed in (None clears it)."""
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        candidates = self.store.candidates(contest_id)
        _refuse_no_poll(contest, candidates)
        name = _one_of(candidates, candidate_id).display_name
        votes = figure_or_none(votes, f"Votes for {name}")
        return self._save(contest, candidates, operator, votes={candidate_id: votes})

    def set_draft_bundles(
        self,
        contest_id: str,
        candidate_id: int,
        bundles: int | None,
        part: int | None,
        operator: str,
    ) -> int | None:
        """Save a candidate's votes as bundles + part-bundle; return the total saved (None if either is empty)."""
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        candidates = self.store.candidates(contest_id)
        _refuse_no_poll(contest, candidates)
        name = _one_of(candidates, candidate_id).display_name
        bundles = figure_or_none(bundles, f"Full bundles for {name}")
        part = figure_or_none(part, f"The part-bundle for {name}")
        total = None
        if bundles is not None and part is not None:
            total = bundle_total(bundles, contest.bundle_size, part, what=f"Votes for {name}")
        self._save(
            contest,
            candidates,
            operator,
            bundles={candidate_id: bundles},
            parts={candidate_id: part},
            votes={candidate_id: total},
        )
        return total

    def set_draft_rejected(
        self, contest_id: str, key: str, papers: int | None, operator: str
    ) -> Draft:
        """Save the rejected papers under one heading in the count being keyed in."""
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        heading = contest.type.heading(key)
        papers = figure_or_none(papers, f"Rejected papers ({heading.letter}) {heading.label}")
        candidates = self.store.candidates(contest_id)
        _refuse_no_poll(contest, candidates)
        return self._save(contest, candidates, operator, rejected={key: papers})

    def set_draft_papers_counted(self, contest_id: str, papers: int | None, operator: str) -> Draft:
        """Save the valid ballot papers counted (several seats) in the count being keyed in."""
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        if contest.seats == 1:
            raise CountDeskError(
                f"{contest.area} elects one member: its papers are reconciled on the votes "
                "(valid votes + rejected = papers verified), so there are no valid ballot papers "
                "counted to enter. Nothing was saved."
            )
        papers = figure_or_none(papers, "Valid ballot papers counted")
        candidates = self.store.candidates(contest_id)
        return self._save(contest, candidates, operator, papers_counted=papers)

    def _save(
        self,
        contest: Contest,
        candidates: Sequence[Candidate],
        operator: str,
        *,
        votes: Mapping[int, int | None] | None = None,
        bundles: Mapping[int, int | None] | None = None,
        parts: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
        papers_counted: int | None = KEEP,
    ) -> Draft:
        """Save draft figures in one transaction; return the draft as saved, read once."""
        contest_id = contest.id
        with self.store.transaction():
            latest = self.store.latest_count(contest_id)
            pending = latest is not None and (
                pending_request(self.store, contest_id, latest) is not None
            )
            saved = self.store.draft(contest_id)
            if saved.entry_held and name_key(saved.first_operator) == name_key(operator):
                # The second entry is keyed by another operator, blind: not by the first.
                raise CountDeskError(
                    f"{operator} keyed the first entry of this count: the second entry is keyed "
                    "by another operator, without seeing the first (change the operator). "
                    "Nothing was saved.",
                    Code.P104,
                )
            if not saved.started:
                # The first change after a recorded count starts from that count's figures.
                start = _draft(contest, candidates, saved, latest, pending)
                seed_votes = {c: v for c, v in start.votes.items() if v is not None}
                seed_rejected = {k: v for k, v in start.rejected.items() if v is not None}
                seed_papers = start.valid_papers_counted
                if seed_votes or seed_rejected or seed_papers is not None:
                    self.store.set_draft(
                        contest_id,
                        operator,
                        votes=seed_votes,
                        rejected=seed_rejected,
                        papers_counted=KEEP if seed_papers is None else seed_papers,
                        action="start draft",
                    )
            saved = self.store.set_draft(
                contest_id,
                operator,
                votes=votes,
                bundles=bundles,
                parts=parts,
                rejected=rejected,
                papers_counted=papers_counted,
            )
        return _draft(contest, candidates, saved, latest, pending)

    def live_count(self, contest_id: str) -> LiveCount:
        """A snapshot of the count being keyed in that recomputes the checks without the database.

        Build it again after a change made elsewhere; after a figure saved here, ``with_draft``
        takes the draft the save returned. Between saves, ``result()`` takes typed figures.
        """
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        latest = self.store.latest_count(contest_id)
        stored = self.store.lots_for_count(latest.id) if latest is not None else None
        pending = pending_request(self.store, contest_id, latest)
        draft = _draft(
            contest, candidates, self.store.draft(contest_id), latest, pending is not None
        )
        return LiveCount(
            contest,
            tuple(candidates),
            draft,
            latest,
            stored.drawing if stored else None,
            papers_from_verification=self.reading.papers_from_verification(contest_id),
            pending_recount=pending,
        )

    def draft_result(
        self,
        contest_id: str,
        votes: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
    ) -> ContestResult:
        """The live result of the count being keyed in, with any typed figures not yet saved."""
        return self.live_count(contest_id).result(votes, rejected)

    def draft_figures(
        self, contest_id: str, *, partial: bool = False
    ) -> tuple[dict[int, int], dict[str, int], int | None]:
        """The figures of the count being keyed in, to be recorded: votes, rejected, papers.

        Refused where they are already the count that stands, or (unless ``partial``: figures
        sent back to be keyed again) where a figure is missing.
        """
        guard(self.store, contest_id, "count")
        draft = self.draft(contest_id)
        if draft.recorded_as is not None:
            raise CountDeskError(
                f"These figures are already recorded as count {draft.recorded_as}: change a figure "
                "first, or print the documents."
            )
        result = self.draft_result(contest_id)
        missing = [f for f in result.errors if f.code in {Code.C206, Code.C207, Code.C220}]
        if missing and not partial:
            raise CountDeskError(
                missing[0].message + " The count was not recorded.", missing[0].code
            )
        votes = {cid: v for cid, v in draft.votes.items() if v is not None}
        rejected = {k: v for k, v in draft.rejected.items() if v is not None}
        counted = draft.valid_papers_counted if result.seats > 1 else None
        return votes, rejected, counted

    # -- recorded counts ------------------------------------------------------------------

    def record_count(
        self,
        contest_id: str,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        operator: str,
        valid_papers_counted: int | None = None,
    ) -> StoredCount:
        """Record a new count: a figure for every candidate (by id); headings not given are 0;
        with several seats, the valid ballot papers counted too.

        The count that stood stays on record; this one supersedes it. After a granted recount
        or bundle check, the new count is recorded as that recount. Only for a contest keyed
        once (single entry): a contest keyed twice records its counts as entries (P106).
        """
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        _refuse_no_poll(contest, self.store.candidates(contest_id))
        if self.store.entry_mode(contest_id) is EntryMode.DOUBLE:
            raise CountDeskError(
                f"{contest.area} is keyed twice (double entry): a count is recorded as the first "
                "or second entry (countdesk-cli enter, or Record count in the window), and "
                "stands once both agree. Nothing was recorded.",
                Code.P106,
            )
        figures = self.checked_figures(contest, votes, rejected, valid_papers_counted)
        return self.stand(contest, figures, operator)

    def stand(self, contest: Contest, figures: CountFigures, operator: str) -> StoredCount:
        """Record these checked figures as the count that stands (in one transaction)."""
        contest_id = contest.id
        previous = self.store.latest_count(contest_id)
        pending = pending_request(self.store, contest_id, previous)
        kind = "count"
        if pending is not None:
            kind = "recount" if pending.decision is RecountDecision.FULL else "bundle_check"
        with self.store.transaction():
            stored = self.store.record_count(
                contest_id,
                figures,
                operator,
                kind=kind,
                request_id=pending.id if pending else None,
            )
            self._carry_lots_forward(contest, previous, stored, operator)
            # The figures being keyed in are now the count that stands.
            self.store.clear_draft(contest_id, operator, action="recorded")
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

    def checked_figures(
        self,
        contest: Contest,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        valid_papers_counted: int | None = None,
    ) -> CountFigures:
        """A whole count's figures, checked: every candidate of the contest (and no other) has a
        whole number, every heading is one of the type's (those not given are 0), and several
        seats have the valid ballot papers counted (one seat has none)."""
        candidates = {c.id: c for c in self.store.candidates(contest.id)}
        if not candidates:
            raise CountDeskError(
                f"{contest.area} has no candidates: import them before entering a count.",
                Code.C210,
            )
        unknown = [cid for cid in votes if cid not in candidates]
        if unknown:
            raise CountDeskError(
                f"Candidate id {unknown[0]} is not a candidate of {contest.area}.", Code.C211
            )
        for c in ballot_order(candidates.values()):
            if votes.get(c.id) is None:
                raise CountDeskError(
                    f"No votes given for {c.display_name}: every candidate needs a figure "
                    "(0 if none); nothing was recorded.",
                    Code.C206,
                )
        etype = contest.type
        headings = {key: etype.heading(key) for key in rejected}
        for c in ballot_order(candidates.values()):
            whole_number(votes[c.id], f"Votes for {c.display_name}")
        for key, heading in headings.items():
            whole_number(rejected[key], f"Rejected papers ({heading.letter}) {heading.label}")
        return CountFigures(
            votes=dict(votes),
            rejected={key: rejected.get(key, 0) for key in etype.heading_keys},
            valid_papers_counted=papers_counted_of(contest, valid_papers_counted),
        )
