"""Ways to get a contest to work on: the demo, a Democracy Club CSV, or one made by hand.

The main window's menus and the start page both call these. Each returns the id of the contest
to open, or None if the user cancelled or the services refused (the refusal has been shown).
Dialogs are reached as module attributes (``QFileDialog.getOpenFileName``,
``QMessageBox.information``/``warning``, ``exec_dialog``) so tests can replace them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.wording import plural
from desktop.ui.context import UiContext
from desktop.ui.dialogs import exec_dialog
from desktop.ui.start.new_contest_dialog import NewContestDialog

#: Contests, and names to confirm, listed after an import (a whole night's file says how many
#: more): the message still fits a 1024×768 screen.
LISTED = 12
NAMES_LISTED = 5


def import_progress(parent: QWidget | None) -> QProgressDialog:
    """The import's progress: shown once it has taken a second, with Cancel (nothing of the
    file is then imported)."""
    dialog = QProgressDialog("Importing the candidates…", "Cancel", 0, 100, parent)
    dialog.setWindowTitle("Import candidates")
    dialog.setMinimumWidth(480)  # the label changes as it goes: the dialog keeps its size
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(1000)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


def _step(dialog: QProgressDialog, done: int, total: int) -> None:
    """The bar moves on; past the half, the rows are being written (Cancel still undoes all)."""
    dialog.setMaximum(total)
    rows = total // 2
    dialog.setLabelText(
        f"Checked {done:,} of {rows:,} rows…"
        if done < rows
        else f"Saving {rows:,} rows (Cancel leaves nothing imported)…"
    )
    dialog.setValue(done)


def open_demo(parent: QWidget | None, ctx: UiContext) -> str | None:
    """Load the Batley and Spen 2021 demo and return its contest id."""
    try:
        contest_id = ctx.desk.open_demo(ctx.operator())
    except CountDeskError as exc:
        QMessageBox.warning(parent, "The demo was not opened", str(exc))
        return None
    ctx.events.contests_changed.emit()
    return contest_id


def _contest_line(ctx: UiContext, contest_id: str) -> str:
    contest = ctx.desk.contest(contest_id)
    candidates = len(ctx.desk.candidates(contest_id))
    if contest.type.referendum:
        return f"• {contest.area}: referendum, {plural(candidates, 'answer')}"
    return f"• {contest.area}: {plural(contest.seats, 'seat')}, {plural(candidates, 'candidate')}"


def import_candidates_csv(
    parent: QWidget | None, ctx: UiContext, path: str | None = None
) -> str | None:
    """Import a Democracy Club candidates CSV (asking for the file if none is given).

    The whole file is imported or none of it; a refusal is shown as a warning.
    """
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, "Import candidates from a Democracy Club CSV", "", "CSV files (*.csv)"
        )
        if not path:
            return None
    progress = import_progress(parent)
    try:
        summary = ctx.desk.import_candidates(
            path,
            ctx.operator(),
            progress=lambda done, total: _step(progress, done, total),
            cancelled=progress.wasCanceled,
        )
    except CountDeskError as exc:
        text = str(exc)
        if "nothing was imported" not in text.lower() and "nothing of it" not in text.lower():
            text += "\n\nNothing was imported from the file."
        QMessageBox.warning(parent, "Nothing was imported", text)
        return None
    finally:
        progress.close()
        progress.deleteLater()
    text = summary.describe()
    if summary.contests_created:
        lines = [_contest_line(ctx, cid) for cid in summary.contests_created[:LISTED]]
        more = len(summary.contests_created) - LISTED
        if more > 0:
            lines.append(f"…and {plural(more, 'contest')} more")
        text += "\n\nContests created:\n" + "\n".join(lines)
    splits = summary.describe_splits()
    if splits:
        listed = [f"• {line}" for line in splits[1 : NAMES_LISTED + 1]]
        if len(splits) > NAMES_LISTED + 1:
            listed.append(f"…and {plural(len(splits) - NAMES_LISTED - 1, 'name')} more")
        text += "\n\n" + splits[0] + "\n" + "\n".join(listed)
    QMessageBox.information(parent, "Candidates imported", text)
    if summary.changed:
        ctx.events.contests_changed.emit()
    # The services do not say which contests an unchanged file holds, so nothing new
    # means nothing to open.
    return summary.contests_created[0] if summary.contests_created else None


def create_contest(parent: QWidget | None, ctx: UiContext) -> str | None:
    """Ask for a new election and contest, create them, and return the contest id."""

    def create(**values: Any) -> str:
        if values.get("type_code") == "ref":
            return ctx.desk.referendums.create(
                ctx.operator(),
                poll_date=values["poll_date"],
                name=values["area"],
                council=values["organisation"],
                question=values["question"],
                answers=values["answers"],
            ).id
        return ctx.desk.create_contest(ctx.operator(), **values).id

    dialog = NewContestDialog(create, parent)
    try:
        exec_dialog(dialog)
        if dialog.created is None:  # cancelled: a refusal keeps the dialog open
            return None
        ctx.events.contests_changed.emit()
        return str(dialog.created)
    finally:
        dialog.deleteLater()
