"""Proof: the audit chain checked, whole or quickly, and the record's reference for documents.

Opening a database (the window and every command) makes the quick check; ``verify`` the full
one; declaring makes the full one first, and a kept declaration is checked against the chain
before its bytes are given out.
"""

from __future__ import annotations

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.local_totals import SentTotals
from desktop.domain.proof import Problem, Verdict
from desktop.domain.records import Declaration, UncontestedNotice
from desktop.storage import tamper
from desktop.storage.store import Store

#: At most this many problems are named in a refusal; verify lists them all.
NAMED = 5


class Proof:
    """Checking that the database is as CountDesk wrote it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def verify(self, ref: str = "") -> Verdict:
        """The full check of the whole database; with ``ref``, whether it still has that state."""
        return tamper.verify(self.store.db.conn, ref)

    def opening_check(self) -> list[Problem]:
        """The quick check made on opening: anything written by another program since."""
        return tamper.quick_check(self.store.db.conn)

    def record_ref(self) -> str:
        """The reference printed in every document's footer: the head of the chain now."""
        return tamper.record_ref(self.store.db.conn)

    def require_intact(self, doing: str) -> None:
        """Refuse (D908) with what is wrong, if the full check finds anything."""
        verdict = self.verify()
        if verdict.intact:
            return
        raise changed_outside(doing, verdict.problems)

    def checked_declaration(self, declaration: Declaration) -> bytes:
        """A kept declaration's PDF, given out only if the chain still vouches for its bytes."""
        problem = tamper.kept_row_problem(
            self.store.db.conn, "declarations", declaration.id, declaration.contest_id
        )
        if problem is not None:
            raise changed_outside("give out the kept declaration", (problem,))
        return declaration.pdf

    def checked_notice(self, notice: UncontestedNotice) -> bytes:
        """A kept notice of uncontested election's PDF, given out only if the chain still
        vouches for its bytes."""
        problem = tamper.kept_row_problem(
            self.store.db.conn, "uncontested_notices", notice.id, notice.contest_id
        )
        if problem is not None:
            raise changed_outside("give out the kept notice of uncontested election", (problem,))
        return notice.pdf

    def checked_local_totals(self, sent: SentTotals) -> SentTotals:
        """The local totals kept as sent (statement and figures), given out only if the chain
        still vouches for them."""
        problem = tamper.kept_row_problem(
            self.store.db.conn, "local_totals_sent", sent.id, sent.contest_id
        )
        if problem is not None:
            raise changed_outside("give out the local totals as sent", (problem,))
        return sent


def changed_outside(doing: str, problems: tuple[Problem, ...]) -> CountDeskError:
    """The refusal when the database was changed outside CountDesk."""
    listed = " ".join(str(p) for p in problems[:NAMED])
    more = f" …and {len(problems) - NAMED} more." if len(problems) > NAMED else ""
    return CountDeskError(
        f"CountDesk will not {doing}: this database was changed outside CountDesk, so its "
        f"record cannot be vouched for. {listed}{more} Run countdesk-cli verify for the whole "
        "list, and tell the Returning Officer before going on.",
        Code.D908,
    )
