"""Double entry: a contest's entry mode, and the entries held for the count being keyed.

The first and second entries are kept by field name ("votes:ID", "rejected:KEY",
"papers_counted", as the draft's audit rows name them) until they agree or a supervisor keeps
one; the fields sent back to be keyed again are listed beside them. Every write has its audit
row, in the transaction of the action it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.domain.double_entry import EntryMode, EntryState, KeyedEntry
from desktop.storage.connection import Connection

#: The entries of one contest in one read: ('e', entry, operator, NULL), ('f', entry, field,
#: value) and ('r', NULL, field, NULL) rows.
_READ = """
    SELECT 'e', entry, operator, NULL FROM keyed_entries WHERE contest_id = ?
    UNION ALL
    SELECT 'f', entry, field, value FROM keyed_figures WHERE contest_id = ?
    UNION ALL
    SELECT 'r', NULL, field, NULL FROM keyed_rekey WHERE contest_id = ?
"""


class Entries:
    """Entry modes and the entries held, per contest."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def entry_mode(self, contest_id: str) -> EntryMode:
        """Double entry unless the contest was switched to single entry."""
        row = self._conn.db.execute(
            "SELECT mode FROM entry_modes WHERE contest_id = ?", [contest_id]
        ).fetchone()
        return EntryMode(row[0]) if row else EntryMode.DOUBLE

    def set_entry_mode(self, contest_id: str, mode: EntryMode, operator: str) -> None:
        """Switch the contest's entry mode, with an audit row of old → new."""
        with self._conn.transaction():
            old = self.entry_mode(contest_id)
            if old is mode:
                return
            self._conn.db.execute(
                "INSERT INTO entry_modes (contest_id, mode) VALUES (?, ?) "
                "ON CONFLICT (contest_id) DO UPDATE SET mode = excluded.mode",
                [contest_id, mode.value],
            )
            self._conn.audit(
                operator,
                "entry mode",
                "contest",
                contest_id,
                old={"entry": old.value},
                new={"entry": mode.value},
                contest_id=contest_id,
            )

    def entry_mode_switched_by(self, contest_id: str) -> str:
        """Who last switched the contest's entry mode, from the audit log ("" if nobody)."""
        row = self._conn.db.execute(
            "SELECT operator FROM audit WHERE contest_id = ? AND action = 'entry mode' "
            "ORDER BY id DESC LIMIT 1",
            [contest_id],
        ).fetchone()
        return str(row[0]) if row else ""

    def entry_state(self, contest_id: str) -> EntryState:
        """The entries held for the count being keyed (one read)."""
        operators: dict[int, str] = {}
        fields: dict[int, dict[str, int]] = {1: {}, 2: {}}
        rekey: set[str] = set()
        for kind, entry, text, value in self._conn.db.execute(_READ, [contest_id] * 3):
            if kind == "e":
                operators[entry] = text
            elif kind == "f":
                fields[entry][text] = value
            else:
                rekey.add(text)
        held = {n: KeyedEntry(n, operators[n], fields[n]) for n in (1, 2) if n in operators}
        return EntryState(held.get(1), held.get(2), frozenset(rekey))

    def hold_entry(
        self,
        contest_id: str,
        number: int,
        operator: str,
        fields: Mapping[str, int],
        action: str,
        note: Mapping[str, object] | None = None,
    ) -> None:
        """Hold an entry (replacing any entry of that number), with its audit row."""
        db = self._conn.db
        with self._conn.transaction():
            where = [contest_id, number]
            db.execute("DELETE FROM keyed_figures WHERE contest_id = ? AND entry = ?", where)
            db.execute("DELETE FROM keyed_entries WHERE contest_id = ? AND entry = ?", where)
            db.execute("DELETE FROM keyed_rekey WHERE contest_id = ?", [contest_id])
            db.execute(
                "INSERT INTO keyed_entries (contest_id, entry, operator) VALUES (?, ?, ?)",
                [contest_id, number, operator],
            )
            self._conn.insert_all(
                "keyed_figures",
                ("contest_id", "entry", "field", "value"),
                ((contest_id, number, name, v) for name, v in sorted(fields.items())),
            )
            self._conn.audit(
                operator,
                action,
                "entry",
                f"{contest_id}#{number}",
                new={"entry": number, "operator": operator, **dict(fields), **dict(note or {})},
                contest_id=contest_id,
            )
            self._forget_draft(contest_id)

    def send_back(self, contest_id: str, names: Iterable[str], operator: str) -> None:
        """Clear these fields from the second entry and list them to be keyed again (audited)."""
        names = sorted(set(names))
        db = self._conn.db
        with self._conn.transaction():
            db.executemany(
                "DELETE FROM keyed_figures WHERE contest_id = ? AND entry = 2 AND field = ?",
                [(contest_id, n) for n in names],
            )
            self._conn.insert_all(
                "keyed_rekey", ("contest_id", "field"), ((contest_id, n) for n in names)
            )
            self._conn.audit(
                operator,
                "send back to key again",
                "entry",
                contest_id,
                new={"fields": names},
                contest_id=contest_id,
            )
            self._forget_draft(contest_id)

    def clear_entries(
        self, contest_id: str, operator: str, action: str, note: Mapping[str, object]
    ) -> None:
        """Remove every entry held (the count now stands), with an audit row saying why."""
        db = self._conn.db
        with self._conn.transaction():
            for table in ("keyed_rekey", "keyed_figures", "keyed_entries"):
                db.execute(f"DELETE FROM {table} WHERE contest_id = ?", [contest_id])
            self._conn.audit(
                operator, action, "entry", contest_id, new=dict(note), contest_id=contest_id
            )
            self._forget_draft(contest_id)

    def _forget_draft(self, contest_id: str) -> None:
        """The draft read kept for this transaction says whether an entry is held: drop it."""
        memo = self._conn.memo
        if memo is not None:
            memo.pop(("draft", contest_id), None)
