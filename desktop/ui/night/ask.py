"""The dialogs of the count night's decisions: a request for a recount and the Returning
Officer's decision on it, the drawing of lots for a tie, the declaration, and the record of an
error found after the declaration (which stands: no second declaration is ever made).

Each is asked for through an ``ask_…(parent, ctx, contest_id)`` function that returns what was
recorded, or None when cancelled. Dialogs run through ``running.exec_dialog`` and messages
through ``QMessageBox`` (module attributes), so tests can replace them. A refusal by
the services is shown inside the dialog, with its code, and the dialog stays open so that what
was typed can be put right. After a change every view hears ``setup_changed`` and
``count_changed`` for the contest.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.arithmetic import ContestResult
from desktop.domain.model import Status
from desktop.domain.records import RecountRequest
from desktop.domain.workflow import status_label
from desktop.ui.context import UiContext
from desktop.ui.night import running
from desktop.ui.night.area_dialog import VotingAreasDialog
from desktop.ui.night.common import lots_needed
from desktop.ui.night.declare_dialog import DeclareDialog
from desktop.ui.night.differences_dialog import DifferencesDialog
from desktop.ui.night.error_found_dialog import ErrorFoundDialog
from desktop.ui.night.lots_dialog import LotsDialog
from desktop.ui.night.recount_dialog import RecountDialog
from desktop.ui.night.running import run_dialog
from desktop.ui.night.send_dialog import SendDialog


def ask_recount(parent: QWidget | None, ctx: UiContext, contest_id: str) -> RecountRequest | None:
    """Record a request for a recount and the decision on it; the request, or None."""
    return run_dialog(RecountDialog(ctx, contest_id, parent), "request")


def ask_compare(parent: QWidget | None, ctx: UiContext, contest_id: str) -> str | None:
    """The supervisor compares the two entries that differ and keeps one or sends figures back;
    what was done ("first", "second", "sent back"), or None. Says so when nothing differs."""
    if not ctx.desk.entry_differences(contest_id):
        QMessageBox.information(
            parent,
            "No entries to compare",
            "The two entries of this count do not differ: there is nothing to compare.",
        )
        return None
    done: str | None = run_dialog(DifferencesDialog(ctx, contest_id, parent), "resolved")
    return done


def ask_lots(parent: QWidget | None, ctx: UiContext, contest_id: str) -> ContestResult | None:
    """Record on whom the lot fell for the tie in the count that stands; the new result, or None.

    When there is no tie to decide, or it is not yet time to decide it, says so instead.
    """
    result = ctx.desk.result(contest_id)
    if not lots_needed(result):
        if ctx.desk.draft(contest_id).recorded_as is None and lots_needed(
            ctx.desk.draft_result(contest_id)
        ):
            QMessageBox.information(
                parent,
                "Record the count first",
                "The figures keyed in show a tie, but they are not recorded yet: record the count "
                "(Count tab, Ctrl+Return) and show the provisional result, then record the "
                "drawing of lots.",
            )
            return None
        QMessageBox.information(
            parent,
            "No lots to draw",
            "The lots already drawn decide the tie in the count that stands."
            if result.tie is not None
            else "The count that stands has no tie that one more vote would decide, so no lots "
            "are needed.",
        )
        return None
    blockers = ctx.desk.lots_blockers(contest_id)
    if blockers:
        QMessageBox.information(
            parent,
            "Not yet: lots come after the count",
            "\n".join(f"{f.code}: {f.message}" for f in blockers),
        )
        return None
    return run_dialog(LotsDialog(ctx, contest_id, parent), "recorded_result")


def ask_declare(parent: QWidget | None, ctx: UiContext, contest_id: str) -> bytes | None:
    """Declare the result once the officer confirms; the declaration's PDF, or None. A local
    count is not declared: its local totals are sent instead (the statement's PDF)."""
    if ctx.desk.contest(contest_id).is_local_count:
        return run_dialog(SendDialog(ctx, contest_id, parent), "pdf")
    return run_dialog(DeclareDialog(ctx, contest_id, parent), "pdf")


def ask_voting_areas(parent: QWidget | None, ctx: UiContext, contest_id: str) -> bool:
    """The area result's voting areas, in and awaited, with a local totals file imported (or the
    contest set up as the area result); whether anything changed."""
    contest = ctx.desk.contest(contest_id)
    if not contest.type.counted_locally:
        QMessageBox.information(
            parent,
            "Not counted in voting areas",
            f"{contest.area} is a {contest.type.name}: only a Police and Crime Commissioner or "
            "combined authority mayoral election is counted in voting areas and added up.",
        )
        return False
    dialog = VotingAreasDialog(ctx, contest_id, parent)
    try:
        running.exec_dialog(dialog)
        return dialog.changed
    finally:
        dialog.deleteLater()


def ask_error_found(parent: QWidget | None, ctx: UiContext, contest_id: str) -> ErrorFound | None:
    """Record an error found after the declaration; the record, or None. The declaration stands.

    Before the declaration, says to change the figures through the count instead.
    """
    contest = ctx.desk.contest(contest_id)
    if contest.status is not Status.DECLARED:
        QMessageBox.information(
            parent,
            "Not declared",
            f"{contest.area} is not declared (it is at {status_label(contest.status)}): change "
            "the figures through the Count tab instead.",
        )
        return None
    return run_dialog(ErrorFoundDialog(ctx, contest_id, parent), "recorded")
