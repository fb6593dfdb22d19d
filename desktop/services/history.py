"""The history of a contest: every count of the night side by side, and every record kept."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.arithmetic import ContestResult, compute_result, figure_changes
from desktop.domain.model import Candidate, ballot_order
from desktop.domain.records import (
    Acknowledgement,
    Declaration,
    RecountRequest,
    StatusChange,
    StoredCount,
)
from desktop.domain.wording import count_kind_words
from desktop.storage.store import Store


@dataclass(frozen=True)
class CountRecord:
    """One count of the night as the history shows it."""

    count: StoredCount
    result: ContestResult
    stands: bool
    #: The granted recount or bundle check this count was keyed for, if any.
    request: RecountRequest | None

    @property
    def title(self) -> str:
        """e.g. "Count 2 – full recount"."""
        kind = count_kind_words(self.count.kind)
        return f"Count {self.count.number}" + ("" if kind == "count" else f" – {kind}")


@dataclass(frozen=True)
class HistoryRecords:
    """The typed records behind a contest's history, oldest first."""

    requests: tuple[RecountRequest, ...]
    declarations: tuple[Declaration, ...]
    status_changes: tuple[StatusChange, ...]
    acknowledgements: tuple[Acknowledgement, ...] = field(default=())
    #: Errors found after the declaration (the declaration stands).
    errors_found: tuple[ErrorFound, ...] = field(default=())


@dataclass(frozen=True)
class ContestHistory:
    """Every count of the night side by side, the requests, the declarations and the statuses."""

    candidates: tuple[Candidate, ...]
    heading_keys: tuple[str, ...]
    counts: tuple[CountRecord, ...]
    #: The recount requests, declarations, changes of stage and acknowledgements.
    records: HistoryRecords

    def change(self, index: int, kind: str, key: int | str | None = None) -> int | None:
        """How a figure moved since the count before (None if it did not, or for the first).

        ``kind`` is "votes" (key: candidate id), "rejected" (key: heading), "valid",
        "rejected_total" or "majority".
        """
        if index == 0:
            return None
        moved = figure_changes(self.counts[index - 1].result, self.counts[index].result)
        return moved.get((kind, key))

    def differs(self, index: int, key: int | str) -> bool:
        """Whether count ``index`` has a different figure for a candidate id or heading key
        than the count before it."""
        if index == 0:
            return False
        before, after = self.counts[index - 1].count.figures, self.counts[index].count.figures
        if isinstance(key, int):
            return before.votes.get(key) != after.votes.get(key)
        return before.rejected.get(key) != after.rejected.get(key)


class History:
    """Reads of everything kept for a contest."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def records(self, contest_id: str) -> HistoryRecords:
        """The recount requests, declarations, status changes, acknowledgements and errors
        found after the declaration, typed."""
        self.store.contest(contest_id)
        return HistoryRecords(
            requests=tuple(self.store.recount_requests(contest_id)),
            declarations=tuple(self.store.declarations(contest_id)),
            status_changes=tuple(self.store.status_changes(contest_id)),
            acknowledgements=tuple(self.store.all_acknowledgements(contest_id)),
            errors_found=tuple(self.store.errors_found(contest_id)),
        )

    def history(self, contest_id: str) -> ContestHistory:
        """Every count of the night, oldest first, with the one that stands marked."""
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        counts = self.store.counts(contest_id)
        kept = self.records(contest_id)
        by_id = {r.id: r for r in kept.requests}
        standing = self.store.latest_count(contest_id)
        records = []
        for count in counts:
            stored_lots = self.store.lots_for_count(count.id)
            result = compute_result(
                contest,
                candidates,
                count.figures,
                stored_lots.drawing if stored_lots else None,
            )
            records.append(
                CountRecord(
                    count,
                    result,
                    standing is not None and count.id == standing.id,
                    by_id.get(count.request_id or -1),
                )
            )
        return ContestHistory(
            candidates=ballot_order(candidates),
            heading_keys=contest.type.heading_keys,
            counts=tuple(records),
            records=kept,
        )
