"""The ballot paper's names and order: set against the SOPN and confirmed (DOMAIN.md §3 step 1).

The order is alphabetical by surname unless the statement of persons nominated (SOPN) says
otherwise, in which case the SOPN's order is set explicitly. A surname proposed by splitting
a full name at a particle ("Ó Briain") is confirmed against the SOPN before the contest leaves
setup (N101). Both are audited.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Candidate
from desktop.domain.names import unconfirmed_splits
from desktop.services.common import guard, require_operator
from desktop.services.reading import Reading
from desktop.storage.store import Store


class BallotPaper:
    """Setting the ballot order from the SOPN, and confirming the names and order."""

    def __init__(self, store: Store, reading: Reading) -> None:
        self.store = store
        self.reading = reading

    def set_ballot_order(
        self, contest_id: str, ordered_ids: Sequence[int], operator: str, *, confirm: bool = False
    ) -> tuple[Candidate, ...]:
        """Set the ballot paper's order as the SOPN gives it: every candidate once, first first.

        Refused once a count is recorded (S812): the figures stand against the lines as they
        were. With ``confirm``, the names and order are confirmed in the same transaction.
        Returns the candidates in their new order.
        """
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "setup")
        if self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                "The ballot order cannot be changed once a count is recorded: the figures "
                "recorded stand against the candidates as they were.",
                Code.S812,
            )
        candidates = {c.id: c for c in self.store.candidates(contest_id)}
        ordered = list(ordered_ids)
        twice = sorted({cid for cid in ordered if ordered.count(cid) > 1})
        strangers = [cid for cid in ordered if cid not in candidates]
        if strangers:
            raise CountDeskError(
                f"Candidate {strangers[0]} is not a candidate of {contest.area}: nothing was "
                "changed.",
                Code.C211,
            )
        if twice:
            raise CountDeskError(
                f"{candidates[twice[0]].display_name} is given twice: give each candidate once, "
                "in the order of the statement of persons nominated; nothing was changed."
            )
        missing = [c for c in self.reading.candidates(contest_id) if c.id not in ordered]
        if missing:
            listed = "; ".join(c.display_name for c in missing)
            raise CountDeskError(
                f"The order leaves out {listed}: give every candidate of {contest.area} once, "
                "in the order of the statement of persons nominated; nothing was changed."
            )
        names = [candidates[cid].display_name for cid in ordered]
        with self.store.transaction():
            self.store.set_ballot_order(contest_id, ordered, operator, names)
            if confirm:
                self.confirm_names(contest_id, operator)
        return self.reading.candidates(contest_id)

    def confirm_names(self, contest_id: str, operator: str) -> tuple[Candidate, ...]:
        """Record that the names, descriptions and order were checked against the SOPN.

        Clears every N101. It changes no name, so it is allowed until the declaration (after a
        count too, when the names can no longer be corrected). Returns the candidates.
        """
        operator = require_operator(operator)
        guard(self.store, contest_id, "setup")
        candidates = self.reading.candidates(contest_id)
        if not candidates:
            contest = self.store.contest(contest_id)
            raise CountDeskError(
                f"{contest.area} has no candidates to confirm: import or add them first.",
                Code.C210,
            )
        self.store.confirm_names(contest_id, operator, [c.display_name for c in candidates])
        return self.reading.candidates(contest_id)

    def names_to_confirm(self, contest_id: str) -> list[Finding]:
        """N101 for each name split at a particle and not yet confirmed, in ballot order."""
        return unconfirmed_splits(self.reading.candidates(contest_id))
