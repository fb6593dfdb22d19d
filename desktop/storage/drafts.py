"""The count being keyed in: each figure saved as it is accepted, in typed tables.

Votes (with the bundles and part-bundle they came from) by candidate, rejected papers by
heading, the valid ballot papers counted (several seats) and the mark of a full recount begun.
Every change has one audit row of old → new, naming the figures as "votes:ID", "rejected:KEY",
"bundles:ID", "part:ID", "papers_counted" and "recount".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from desktop.domain.draft import SavedDraft
from desktop.storage.connection import Connection

#: The whole saved draft of a contest in one read: (kind, key, a, b, c) rows, where kind is
#: "m" (the recount mark: a), "q" (valid ballot papers counted: a), "r" (rejected papers: key
#: heading, a papers) or "v" (a candidate's votes, bundles and part-bundle: key candidate id;
#: a, b, c), and "e" where a first entry of double entry is held (a: who keyed it;
#: desktop/storage/entries.py).
_READ = """
    SELECT 'v', candidate_id, votes, bundles, part FROM draft_votes WHERE contest_id = ?
    UNION ALL
    SELECT 'r', heading, papers, NULL, NULL FROM draft_rejected WHERE contest_id = ?
    UNION ALL
    SELECT 'm', NULL, recount_request_id, NULL, NULL FROM drafts WHERE contest_id = ?
    UNION ALL
    SELECT 'q', NULL, valid_papers_counted, NULL, NULL FROM draft_papers WHERE contest_id = ?
    UNION ALL
    SELECT 'e', entry, operator, NULL, NULL FROM keyed_entries WHERE contest_id = ? AND entry = 1
    ORDER BY 1, 2
"""
_PAPERS = "papers_counted"
#: ``set_draft(papers_counted=KEEP)``: the valid ballot papers counted are left as they are.
KEEP: Any = object()
# The one read says whether each row exists, so a write is a plain INSERT or UPDATE: an upsert
# over an existing row would run both the INSERT and the UPDATE trigger of the declared lock.
_INSERT_VOTES = (
    "INSERT INTO draft_votes (votes, bundles, part, contest_id, candidate_id) "
    "VALUES (?, ?, ?, ?, ?)"
)
_UPDATE_VOTES = (
    "UPDATE draft_votes SET votes = ?, bundles = ?, part = ? "
    "WHERE contest_id = ? AND candidate_id = ?"
)
_INSERT_REJECTED = "INSERT INTO draft_rejected (papers, contest_id, heading) VALUES (?, ?, ?)"
_UPDATE_REJECTED = "UPDATE draft_rejected SET papers = ? WHERE contest_id = ? AND heading = ?"
_INSERT_MARK = "INSERT INTO drafts (recount_request_id, contest_id) VALUES (?, ?)"
_UPDATE_MARK = "UPDATE drafts SET recount_request_id = ? WHERE contest_id = ?"
_INSERT_PAPERS = "INSERT INTO draft_papers (valid_papers_counted, contest_id) VALUES (?, ?)"
_UPDATE_PAPERS = "UPDATE draft_papers SET valid_papers_counted = ? WHERE contest_id = ?"


def _audit_fields(draft: SavedDraft) -> dict[str, int]:
    fields: dict[str, int] = {}
    for cid, v in draft.votes.items():
        fields[f"votes:{cid}"] = v
    for cid, v in draft.bundles.items():
        fields[f"bundles:{cid}"] = v
    for cid, v in draft.parts.items():
        fields[f"part:{cid}"] = v
    for key, v in draft.rejected.items():
        fields[f"rejected:{key}"] = v
    if draft.recount_request_id is not None:
        fields["recount"] = draft.recount_request_id
    if draft.valid_papers_counted is not None:
        fields[_PAPERS] = draft.valid_papers_counted
    return fields


def _from_fields(fields: Mapping[str, int | None]) -> SavedDraft:
    """The draft these audit-named figures make (a None figure is not saved)."""
    votes: dict[int, int] = {}
    bundles: dict[int, int] = {}
    parts: dict[int, int] = {}
    rejected: dict[str, int] = {}
    recount = None
    papers_counted = None
    into: dict[str, dict[int, int]] = {"votes": votes, "bundles": bundles, "part": parts}
    for name, value in fields.items():
        if value is None:
            continue
        prefix, _, key = name.partition(":")
        if prefix == "recount":
            recount = value
        elif prefix == _PAPERS:
            papers_counted = value
        elif prefix == "rejected":
            rejected[key] = value
        else:
            into[prefix][int(key)] = value
    return SavedDraft(votes, rejected, bundles, parts, recount, papers_counted)


class Drafts:
    """The saved figures of the count being keyed in, per contest."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def draft(self, contest_id: str) -> SavedDraft:
        """The figures saved so far (only those entered) and any recount begun (one read).

        Inside a write transaction the draft is read once: the transaction holds the write
        lock, and every change to it in the meantime goes through this class.
        """
        memo = self._conn.memo
        kept = ("draft", contest_id)
        if memo is not None and kept in memo:
            saved: SavedDraft = memo[kept]
            return saved
        votes: dict[int, int] = {}
        bundles: dict[int, int] = {}
        parts: dict[int, int] = {}
        rejected: dict[str, int] = {}
        recount = None
        papers_counted = None
        held = False
        first_operator = ""
        for kind, key, a, b, c in self._conn.db.execute(_READ, [contest_id] * 5):
            if kind == "v":
                for value, into in ((a, votes), (b, bundles), (c, parts)):
                    if value is not None:
                        into[key] = value
            elif kind == "r":
                rejected[key] = a
            elif kind == "q":
                papers_counted = a
            elif kind == "e":
                held, first_operator = True, a
            else:
                recount = a
        saved = SavedDraft(
            votes, rejected, bundles, parts, recount, papers_counted, held, first_operator
        )
        if memo is not None:
            memo[kept] = saved
        return saved

    def set_draft(
        self,
        contest_id: str,
        operator: str,
        *,
        votes: Mapping[int, int | None] | None = None,
        bundles: Mapping[int, int | None] | None = None,
        parts: Mapping[int, int | None] | None = None,
        rejected: Mapping[str, int | None] | None = None,
        recount_request_id: int | None = None,
        papers_counted: int | None = KEEP,
        action: str = "enter",
    ) -> SavedDraft:
        """Save draft figures (None clears one), with one audit row of old → new for the change.

        ``recount_request_id`` marks a full recount begun. ``papers_counted``, the valid
        ballot papers counted, is saved when given (None clears it; ``KEEP`` leaves it). Returns the draft as saved. Reads the
        draft once; writes one row per candidate or heading changed, and the audit row.
        """
        wanted: dict[str, int | None] = {}
        for prefix, values in (
            ("votes", votes),
            ("bundles", bundles),
            ("part", parts),
            ("rejected", rejected),
        ):
            for key, value in (values or {}).items():
                wanted[f"{prefix}:{key}"] = value
        if recount_request_id is not None:
            wanted["recount"] = recount_request_id
        if papers_counted is not KEEP:
            wanted[_PAPERS] = papers_counted
        return self._apply(contest_id, wanted, operator, action)

    def clear(self, contest_id: str, operator: str, action: str) -> SavedDraft:
        """Clear every saved figure and any recount mark, with one audit row (if any was saved)."""
        return self._apply(contest_id, None, operator, action)

    def _apply(
        self,
        contest_id: str,
        wanted: Mapping[str, int | None] | None,
        operator: str,
        action: str,
    ) -> SavedDraft:
        """Apply ``wanted`` (None: clear every figure) and return the draft as saved.

        The draft after the change is worked out from the one read and the change, not read
        back: the transaction holds the write lock, so nothing else changes it meanwhile.
        """
        with self._conn.transaction():
            before = self.draft(contest_id)
            current = _audit_fields(before)
            if wanted is None:
                wanted = dict.fromkeys(current)
            old = {f: current.get(f) for f in wanted if current.get(f) != wanted[f]}
            if not old:
                return before
            new = {f: wanted[f] for f in old}
            after = replace(
                _from_fields({**current, **new}),
                entry_held=before.entry_held,
                first_operator=before.first_operator,
            )
            self._write(contest_id, before, after, new)
            self._conn.audit(
                operator, action, "draft", contest_id, old=old, new=new, contest_id=contest_id
            )
            return after

    def _write(
        self, contest_id: str, before: SavedDraft, after: SavedDraft, changed: Iterable[str]
    ) -> None:
        """Write the rows of the changed figures as they stand in ``after``."""
        db = self._conn.db
        candidates: set[int] = set()
        headings: set[str] = set()
        mark = papers_changed = False
        for name in changed:
            prefix, _, key = name.partition(":")
            if prefix == "recount":
                mark = True
            elif prefix == _PAPERS:
                papers_changed = True
            elif prefix == "rejected":
                headings.add(key)
            else:
                candidates.add(int(key))
        had = set(before.votes) | set(before.bundles) | set(before.parts)
        for cid in sorted(candidates):
            row = (after.votes.get(cid), after.bundles.get(cid), after.parts.get(cid))
            where = (contest_id, cid)
            if cid not in had:
                db.execute(_INSERT_VOTES, (*row, *where))
                continue
            # Clearing a candidate's last figure removes the row; the update first lets the
            # database's lock on a declared contest refuse it, as it refuses any other change.
            db.execute(_UPDATE_VOTES, (*row, *where))
            if row == (None, None, None):
                db.execute(
                    "DELETE FROM draft_votes WHERE contest_id = ? AND candidate_id = ?", where
                )
        for heading in sorted(headings):
            papers = after.rejected.get(heading)
            if papers is None:
                db.execute(
                    "DELETE FROM draft_rejected WHERE contest_id = ? AND heading = ?",
                    (contest_id, heading),
                )
            else:
                sql = _UPDATE_REJECTED if heading in before.rejected else _INSERT_REJECTED
                db.execute(sql, (papers, contest_id, heading))
        if mark:
            if after.recount_request_id is None:
                db.execute("DELETE FROM drafts WHERE contest_id = ?", [contest_id])
            else:
                sql = _UPDATE_MARK if before.recount_request_id is not None else _INSERT_MARK
                db.execute(sql, (after.recount_request_id, contest_id))
        if papers_changed:
            if after.valid_papers_counted is None:
                db.execute("DELETE FROM draft_papers WHERE contest_id = ?", [contest_id])
            else:
                sql = _UPDATE_PAPERS if before.valid_papers_counted is not None else _INSERT_PAPERS
                db.execute(sql, (after.valid_papers_counted, contest_id))
        memo = self._conn.memo
        if memo is not None:
            memo[("draft", contest_id)] = after
