"""Combined polls: one boxes list for several polls of one day, and each box as a whole.

A combined boxes CSV has the columns of a contest's boxes list and a ``poll`` column naming,
on each row, the poll whose papers the row is about: a contest id, or the id of an election
with just one contest in the database (a PCC poll, a parish poll, a referendum). An election
of several contests (a district's wards) is refused, naming its contests: which ward a box
belongs to is not in the file, so the row must name the ward's contest. Each row becomes a
verification line of its poll; the same reference on several polls' rows is one physical box
(``desktop.domain.combined``). A combined verification is the polls of one day that share
boxes, found from the references, so no record of its own is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.combined import (
    CrossPollSuggestion,
    SharedBox,
    cross_poll_findings,
    cross_poll_suggestions,
    poll_label,
    poll_order,
    shared_boxes,
)
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Contest
from desktop.domain.verification import VerificationLine
from desktop.domain.wording import plural
from desktop.services.combined_import import CombinedBoxesFile, CombinedImport
from desktop.services.common import require_operator
from desktop.services.proof import Proof
from desktop.services.verification import Boxes, accepted_variances
from desktop.storage.store import Store


@dataclass(frozen=True)
class CombinedVerification:
    """The polls of one day that share boxes, and each box as a whole."""

    poll_date: date
    #: The polls, each contest with its short name, in the order printed.
    polls: tuple[tuple[Contest, str], ...]
    boxes: tuple[SharedBox, ...]

    @property
    def suggestions(self) -> tuple[CrossPollSuggestion, ...]:
        """Every box where one poll is k papers over and another k under."""
        return cross_poll_suggestions(self.boxes)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """V506 for each cross-poll variance not yet explained on both polls."""
        return cross_poll_findings(self.boxes)


class CombinedPolls:
    """The verification of polls that share their ballot boxes."""

    def __init__(
        self, store: Store, boxes: Boxes, proof: Proof, today: Callable[[], date] = date.today
    ) -> None:
        self.store = store
        self._boxes = boxes
        self._proof = proof
        self._today = today

    def import_csv(self, path: str | Path, operator: str) -> CombinedImport:
        """Import a combined boxes CSV into each named poll's verification: all or nothing."""
        return CombinedBoxesFile(self.store, self._boxes).import_csv(path, operator)

    # -- the box as a whole -----------------------------------------------------------------

    def days(self) -> tuple[date, ...]:
        """The days with a combined verification (polls sharing a box), in order."""
        return tuple(sorted({g.poll_date for g in self._groups()}))

    def verification(self, election_id: str | None = None) -> CombinedVerification:
        """The combined verification of the election's day (the polls sharing boxes with its
        contests), or the database's only one; CountDeskError saying which to choose."""
        groups = self._groups()
        if election_id:
            election = self.store.election(election_id)
            ids = {c.id for c in self.store.contests(election_id)}
            mine = [g for g in groups if ids & {c.id for c, _ in g.polls}]
            if not mine:
                raise CountDeskError(
                    f"No box of {election.title or election_id} is shared with another poll: "
                    "import the combined boxes file, with its poll column, first."
                )
            return _merged(mine)
        if not groups:
            raise CountDeskError(
                "No polls in this database share their ballot boxes yet: import a combined "
                "boxes file (columns reference, name, kind, poll, issued) first."
            )
        if len({g.poll_date for g in groups}) > 1 or len(groups) > 1:
            names = sorted({c.election_id for g in groups for c, _ in g.polls})
            raise CountDeskError(
                f"This database has {plural(len(groups), 'combined verification')}: say which, "
                f"by one of its elections ({', '.join(names[:6])})."
            )
        return groups[0]

    def shared_with(self, contest_id: str) -> dict[str, SharedBox]:
        """The contest's boxes that hold other polls' papers too, by reference."""
        contest = self.store.contest(contest_id)
        for group in self._groups(contest.poll_date):
            if any(c.id == contest_id for c, _ in group.polls):
                return {
                    b.reference: b
                    for b in group.boxes
                    if len(b.polls) > 1 and b.poll(contest_id) is not None
                }
        return {}

    def suggestions_for(
        self, contest_id: str, shared: dict[str, SharedBox] | None = None
    ) -> tuple[CrossPollSuggestion, ...]:
        """The cross-poll suggestions involving one contest's boxes (``shared``: its shared
        boxes, if already read)."""
        shared = self.shared_with(contest_id) if shared is None else shared
        return tuple(
            s
            for s in cross_poll_suggestions(shared.values())
            if contest_id in (s.over.contest_id, s.under.contest_id)
        )

    def explain_suggested(
        self, reference: str, operator: str, election_id: str | None = None
    ) -> CrossPollSuggestion:
        """Record a box's cross-poll suggestion as both polls' explanation, in one step."""
        return self.apply(operator, explain=[reference], election_id=election_id)[1][0]

    def apply(
        self,
        operator: str,
        *,
        import_file: str | Path | None = None,
        explain: Iterable[str] = (),
        election_id: str | None = None,
    ) -> tuple[CombinedImport | None, tuple[CrossPollSuggestion, ...]]:
        """Import a combined file, then record the suggestions of these boxes as both polls'
        explanations (where a poll's has none yet): in one transaction, all of it or nothing."""
        operator = require_operator(operator)
        done: CombinedImport | None = None
        used: list[CrossPollSuggestion] = []
        with self.store.transaction():
            if import_file is not None:
                done = self.import_csv(import_file, operator)
            for reference in explain:
                combined = self.verification(election_id)
                found = [s for s in combined.suggestions if s.reference == reference]
                if not found:
                    raise CountDeskError(
                        f"Box {reference} has no papers of one poll over and another's under by "
                        "as many: there is no suggestion to record. Explain each poll's variance "
                        "on its own; nothing was saved.",
                        Code.V503,
                    )
                for suggestion in found:
                    for side in (suggestion.over, suggestion.under):
                        # An explanation already typed for one poll is kept, never overwritten.
                        if not side.line.explanation.strip():
                            self._boxes.set_box_explanation(
                                side.contest_id, reference, suggestion.explanation, operator
                            )
                used += found
        return done, tuple(used)

    def statement_pdf(
        self, election_id: str | None = None, printed_on: date | None = None
    ) -> bytes:
        """The statement of verification of the combined polls (``verification``'s choice of
        polls) as PDF bytes: each box as a whole and each poll's papers in it."""
        from reports.verification_combined import (
            build_combined_snapshot,
            render_combined_verification,
        )

        combined = self.verification(election_id)
        elections = {c.election_id for c, _ in combined.polls}
        snapshot = build_combined_snapshot(
            combined.polls,
            [self.store.election(e) for e in sorted(elections)],
            combined.boxes,
            poll_date=combined.poll_date,
            printed_on=printed_on or self._today(),
            record_ref=self._proof.record_ref(),
        )
        return render_combined_verification(snapshot)

    def _groups(self, day: date | None = None) -> list[CombinedVerification]:
        """Each set of polls of one day joined by shared box references (read only where a
        reference is shared: a night of single-contest lists costs one query)."""
        by_day: dict[date, dict[str, list[str]]] = {}
        for poll_date, contest_id, reference in self.store.shared_references(day):
            by_day.setdefault(poll_date, {}).setdefault(reference, []).append(contest_id)
        groups: list[CombinedVerification] = []
        for poll_date, holders in sorted(by_day.items()):
            ids = list(dict.fromkeys(cid for held in holders.values() for cid in held))
            contests = [self.store.contest(cid) for cid in ids]
            lines = {cid: self.store.verification(cid) for cid in ids}
            for group in _joined(contests, holders.values()):
                groups.append(self._combined(poll_date, group, lines))
        return groups

    def _combined(
        self,
        poll_date: date,
        contests: Iterable[Contest],
        lines: dict[str, list[VerificationLine]],
    ) -> CombinedVerification:
        ordered = sorted(contests, key=poll_order)
        # A supervisor's acceptance matters only where a variance has no explanation.
        accepted = {
            c.id: accepted_variances(self.store, c.id)
            for c in ordered
            if any(x.variance and not x.explanation.strip() for x in lines[c.id])
        }
        return CombinedVerification(
            poll_date,
            tuple((c, poll_label(c)) for c in ordered),
            shared_boxes(((c, lines[c.id]) for c in ordered), accepted),
        )


def _joined(contests: list[Contest], holders: Iterable[list[str]]) -> list[list[Contest]]:
    """The contests joined by a box they share (directly or through another poll)."""
    parent = {c.id: c.id for c in contests}

    def root(cid: str) -> str:
        while parent[cid] != cid:
            parent[cid] = parent[parent[cid]]
            cid = parent[cid]
        return cid

    for ids in holders:
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    members: dict[str, list[Contest]] = {}
    for c in contests:
        members.setdefault(root(c.id), []).append(c)
    return list(members.values())


def _merged(groups: list[CombinedVerification]) -> CombinedVerification:
    """Several combined verifications of one election as one (its contests join them)."""
    if len(groups) == 1:
        return groups[0]
    polls = sorted(
        {c.id: (c, label) for g in groups for c, label in g.polls}.values(),
        key=lambda p: poll_order(p[0]),
    )
    boxes = [b for g in groups for b in g.boxes]
    return CombinedVerification(groups[0].poll_date, tuple(polls), tuple(boxes))
