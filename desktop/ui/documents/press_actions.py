"""The results summary for the press in the window: import the previous election's result of
the open contest's seat, and save the election summary (File menu). The contest's own results
summary is a choice of the Documents tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.ui.context import UiContext
from desktop.ui.saving import ask_pdf_path, not_saved, write_pdf

PREVIOUS_COLUMNS = (
    "person_name, election_id, ballot_paper_id, election_date, party_name, party_id, "
    "votes_cast, elected"
)


def import_previous_result(
    parent: QWidget | None,
    ctx: UiContext,
    contest_id: str | None,
    path: str | Path | None = None,
) -> bool:
    """Import the previous election's result for the open contest's seat from a Democracy Club
    results CSV (asking for the file if none is given), replacing any imported before; what
    happened is said in a message. True once imported."""
    if contest_id is None:
        QMessageBox.information(
            parent, "No contest open", "Open a contest first: the previous result is its seat's."
        )
        return False
    contest = ctx.desk.contest(contest_id)
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent,
            f"Previous result of {contest.area} – a Democracy Club results CSV with the "
            f"columns {PREVIOUS_COLUMNS}",
            str(Path.home()),
            "CSV files (*.csv);;All files (*)",
        )
        if not path:
            return False
    try:
        previous = ctx.desk.press.import_previous(contest_id, path, ctx.operator())
    except CountDeskError as error:
        text = str(error)
        if "nothing was imported" not in text.lower():
            text += "\n\nNothing was imported from the file."
        QMessageBox.warning(parent, "Previous result not imported", text)
        return False
    winners = ", ".join(c.person_name for c in previous.elected)
    QMessageBox.information(
        parent,
        "Previous result imported",
        f"The result of {previous.ballot_id} ({previous.poll_date:%d %B %Y}: "
        f"{len(previous.candidates)} candidates, {format_figure(previous.valid_votes)} votes; "
        f"elected: {winners}) is now the previous result of {contest.area}. The results "
        "summary (Documents, once declared) shows the change since then.",
    )
    ctx.events.announce(contest_id)
    return True


def save_election_summary(
    parent: QWidget | None,
    ctx: UiContext,
    contest_id: str | None,
    path: str | Path | None = None,
) -> str | None:
    """Save the election summary (the open contest's election) as PDF; the path, or None."""
    if contest_id is None:
        QMessageBox.information(
            parent, "No contest open", "Open a contest of the election to summarise first."
        )
        return None
    election_id = ctx.desk.contest(contest_id).election_id
    try:
        pdf = ctx.desk.press.election_pdf(election_id)
    except CountDeskError as error:
        QMessageBox.warning(parent, "No election summary", str(error))
        return None
    if path is None:
        path = ask_pdf_path(
            parent,
            "Save the election summary (press) as PDF",
            f"election-summary-{election_id}.pdf",
        )
        if path is None:
            return None
    problem = write_pdf(path, pdf)
    if problem is not None:
        QMessageBox.warning(parent, "Not saved", not_saved("The election summary", path, problem))
        return None
    return str(path)
