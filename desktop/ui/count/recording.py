"""Before a count is recorded: never with a figure missing, and with errors only when asked."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.double_entry import EntryStage
from desktop.domain.errors import CountDeskError
from desktop.domain.wording import clock_time
from desktop.services.double_entry import Keyed
from desktop.ui.context import UiContext, show_refusal
from desktop.ui.count.entry_line import EntryLine


def record(
    parent: QWidget, ctx: UiContext, contest_id: str, line: EntryLine
) -> tuple[Keyed | None, str]:
    """Record the figures keyed in, as the entry the line names: what recording did (None if
    nothing was recorded) and words for the line under the count.

    Where the operator may not key now (the first entry's operator, entries that differ), the
    services' refusal is shown in its own words (P104, P102). Once an entry is held, Undo and
    Redo forget the figures keyed: the next operator keys blind.
    """
    operator = ctx.operator()
    if not line.locked_reason:
        go, words = may_record(parent, ctx.desk.draft_result(contest_id), partial=line.rekey)
        if not go:
            return None, words
    try:
        keyed = ctx.desk.record_draft(contest_id, operator)
    except CountDeskError as error:
        show_refusal(parent, "Not recorded", error)
        return None, f"Not recorded: {error}"
    if keyed.stage is not EntryStage.NONE:
        ctx.undo_stack.clear()
    return keyed, keyed_words(keyed, operator)


def may_record(
    parent: QWidget, result: ContestResult, *, partial: bool = False
) -> tuple[bool, str]:
    """Whether to record the figures giving ``result``, and words for the status line.

    A count with a figure missing is never recorded: what is missing is said at once, nothing
    asked (``partial``: only figures sent back are keyed again; the services check them). Figures with errors are recorded only if the clerk answers Yes; No is the default,
    so Enter alone never records them.
    """
    needed = (Code.C206, Code.C207, Code.C220)
    missing = next((f for f in result.errors if f.code in needed), None)
    if partial:
        return True, ""
    if missing is not None:
        show_refusal(parent, "Count not recorded", CountDeskError(missing.message, missing.code))
        return False, f"Not recorded: {missing.message}"
    question = errors_question(result)
    if question is None:
        return True, ""
    answer = QMessageBox.question(
        parent,
        "Record a count with errors?",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes, ""


def errors_question(result: ContestResult) -> str | None:
    """What to ask before recording figures with errors, or None when they have none."""
    # A tie is no fault of the figures: lots are drawn once the count is recorded.
    errors = [f for f in result.errors if f.code != Code.L401]
    if not errors:
        return None
    listed = "\n".join(f"{f.code}: {f.message}" for f in errors[:6])
    return (
        f"These figures have {len(errors)} error(s):\n\n{listed}\n\n"
        "Record them anyway? The declaration stays blocked until the errors are resolved."
    )


def keyed_words(keyed: Keyed, operator: str) -> str:
    """What recording did, for the line under the count: a count that stands, or an entry held."""
    if keyed.stage is EntryStage.FIRST:
        return (
            f"First entry recorded, keyed by {operator}. It does not stand yet: another operator "
            "keys the count sheet again, without seeing these figures."
        )
    if keyed.stage is EntryStage.DIFFER:
        return (
            f"Second entry recorded, keyed by {operator}: it differs from the first in "
            f"{len(keyed.labels)} figure(s) (P102): {'; '.join(keyed.labels)}. A supervisor "
            "compares them with the count sheet."
        )
    stored = keyed.count
    assert stored is not None
    return (
        f"Recorded as count {stored.number} at {clock_time(stored.recorded_at)} by "
        f"{stored.operator}: this is now the count that stands."
    )
