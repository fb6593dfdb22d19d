"""Combined polls in the window: import the combined boxes CSV, print or save the combined
statement of verification (File menu)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.wording import plural
from desktop.services.combined_import import CombinedImport
from desktop.ui.context import UiContext
from desktop.ui.printing import ask_for_printer, print_pdf, printed_where
from desktop.ui.saving import ask_pdf_path, not_saved, write_pdf

COMBINED_COLUMNS = (
    "reference, name, kind (box or postal), poll (the contest whose papers the row is about), "
    "issued"
)


def import_combined_boxes(
    parent: QWidget | None, ctx: UiContext, path: str | Path | None = None
) -> CombinedImport | None:
    """Import a combined boxes CSV (asking for the file if none is given): each row into its
    poll's verification, the whole file or none of it. What happened is said in a message."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            f"Import combined boxes – a CSV file with the columns {COMBINED_COLUMNS}",
            str(Path.home()),
            "CSV files (*.csv);;All files (*)",
        )
        if not path:
            return None
    try:
        done = ctx.desk.polls.import_csv(path, ctx.operator())
    except CountDeskError as error:
        text = str(error)
        if "nothing was imported" not in text.lower():
            text += "\n\nNothing was imported from the file."
        QMessageBox.warning(parent, "Nothing was imported", text)
        return None
    polls = []
    for contest_id, refs in done.polls:
        contest = ctx.desk.contest(contest_id)
        polls.append(
            f"• {contest.area} ({contest_id}): {plural(len(refs), 'box or batch', 'boxes and batches')}"
        )
        # Ballot papers verified now come from the boxes: a fact of the contest, and the count's.
        ctx.events.announce(contest_id)
    QMessageBox.information(
        parent,
        "Combined boxes imported",
        f"Imported {plural(done.boxes, 'ballot box or postal batch', 'ballot boxes and postal batches')} "
        f"shared by {plural(len(done.polls), 'poll')} from {Path(path).name}:\n"
        + "\n".join(polls)
        + "\n\nType each poll's papers counted on its Verification screen (Ctrl+2).",
    )
    return done


def _statement(parent: QWidget | None, ctx: UiContext, election_id: str | None) -> bytes | None:
    try:
        return ctx.desk.polls.statement_pdf(election_id)
    except CountDeskError as error:
        QMessageBox.warning(parent, "No combined statement", str(error))
        return None


def save_combined_statement(
    parent: QWidget | None,
    ctx: UiContext,
    election_id: str | None,
    path: str | Path | None = None,
) -> str | None:
    """Save the combined statement of verification (of the open contest's election's polls, or
    the database's only combined verification); the path saved to, or None."""
    pdf = _statement(parent, ctx, election_id)
    if pdf is None:
        return None
    if path is None:
        path = ask_pdf_path(
            parent,
            "Save the combined statement of verification as PDF",
            "verification-combined.pdf",
        )
        if path is None:
            return None
    problem = write_pdf(path, pdf)
    if problem is not None:
        QMessageBox.warning(parent, "Not saved", not_saved("The combined statement", path, problem))
        return None
    return str(path)


def print_combined_statement(
    parent: QWidget | None, ctx: UiContext, election_id: str | None
) -> bool:
    """Ask for a printer and print the combined statement of verification; True if printed."""
    pdf = _statement(parent, ctx, election_id)
    if pdf is None:
        return False
    printer = ask_for_printer(
        parent,
        "Statement of verification – combined polls",
        "Print the combined statement of verification",
    )
    if printer is None:
        return False
    problem = print_pdf(pdf, printer)
    if problem:
        QMessageBox.warning(parent, "Not printed", problem)
        return False
    QMessageBox.information(
        parent,
        "Printed",
        f"Printed the combined statement of verification to {printed_where(printer)}.",
    )
    return True
