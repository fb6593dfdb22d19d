"""The count being keyed in: each figure saved as it is accepted, in typed tables.

Votes (with the bundles and part-bundle they came from) by candidate, rejected papers by
heading, and the mark of a full recount begun. Every change has one audit row of old → new,
naming the figures as "votes:ID", "rejected:KEY", "bundles:ID", "part:ID" and "recount".
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.draft import SavedDraft
from desktop.storage.connection import Connection

#: The columns of draft_votes, and the audit log's name for each.
_VOTE_COLUMNS = {"votes": "votes", "bundles": "bundles", "part": "part"}


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
    return fields


class Drafts:
    """The saved figures of the count being keyed in, per contest."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def draft(self, contest_id: str) -> SavedDraft:
        """The figures saved so far (only those entered) and any recount begun."""
        db = self._conn.db
        votes: dict[int, int] = {}
        bundles: dict[int, int] = {}
        parts: dict[int, int] = {}
        for r in db.query("SELECT * FROM draft_votes WHERE contest_id = ?", [contest_id]):
            for column, into in (("votes", votes), ("bundles", bundles), ("part", parts)):
                if r[column] is not None:
                    into[r["candidate_id"]] = r[column]
        rejected = {
            r["heading"]: r["papers"]
            for r in db.query("SELECT * FROM draft_rejected WHERE contest_id = ?", [contest_id])
        }
        marks = list(db.query("SELECT * FROM drafts WHERE contest_id = ?", [contest_id]))
        recount = marks[0]["recount_request_id"] if marks else None
        return SavedDraft(votes, rejected, bundles, parts, recount)

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
        action: str = "enter",
    ) -> SavedDraft:
        """Save draft figures (None clears one), with one audit row of old → new for the change.

        ``recount_request_id`` marks a full recount begun. Returns the draft as saved.
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
        return self._apply(contest_id, wanted, operator, action)

    def clear(self, contest_id: str, operator: str, action: str) -> SavedDraft:
        """Clear every saved figure and any recount mark, with one audit row (if any was saved)."""
        current = _audit_fields(self.draft(contest_id))
        return self._apply(contest_id, dict.fromkeys(current), operator, action)

    def _apply(
        self, contest_id: str, wanted: Mapping[str, int | None], operator: str, action: str
    ) -> SavedDraft:
        with self._conn.transaction():
            current = _audit_fields(self.draft(contest_id))
            old = {f: current.get(f) for f in wanted if current.get(f) != wanted[f]}
            if not old:
                return self.draft(contest_id)
            for name in old:
                self._write(contest_id, name, wanted[name])
            new = {f: wanted[f] for f in old}
            self._conn.audit(
                operator, action, "draft", contest_id, old=old, new=new, contest_id=contest_id
            )
            return self.draft(contest_id)

    def _write(self, contest_id: str, name: str, value: int | None) -> None:
        db = self._conn.db
        prefix, _, key = name.partition(":")
        if prefix == "recount":
            db.execute("DELETE FROM drafts WHERE contest_id = ?", [contest_id])
            if value is not None:
                self._conn.table("drafts").insert(
                    {"contest_id": contest_id, "recount_request_id": value}
                )
        elif prefix == "rejected":
            if value is None:
                db.execute(
                    "DELETE FROM draft_rejected WHERE contest_id = ? AND heading = ?",
                    [contest_id, key],
                )
            else:
                self._conn.table("draft_rejected").upsert(
                    {"contest_id": contest_id, "heading": key, "papers": value},
                    pk=("contest_id", "heading"),
                )
        else:
            column = _VOTE_COLUMNS[prefix]
            self._conn.table("draft_votes").upsert(
                {"contest_id": contest_id, "candidate_id": int(key), column: value},
                pk=("contest_id", "candidate_id"),
            )
            db.execute(
                "DELETE FROM draft_votes WHERE contest_id = ? AND candidate_id = ? AND "
                "votes IS NULL AND bundles IS NULL AND part IS NULL",
                [contest_id, int(key)],
            )
