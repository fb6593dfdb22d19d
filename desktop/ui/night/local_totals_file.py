"""Saving a local count's local totals as a file for the area's returning officer.

Once sent, the figures sent are saved as JSON (or CSV, by the name's ending): the file the area
result imports (`countdesk-cli area add`, or Night › Voting areas' local totals…).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import CountDeskError
from desktop.ui.context import UiContext
from desktop.ui.saving import write_pdf


def save_local_totals(
    parent: QWidget | None, ctx: UiContext, contest_id: str, path: str | None = None
) -> str | None:
    """Save the local totals sent (asking where if ``path`` is None); the path, or None."""
    contest = ctx.desk.contest(contest_id)
    if path is None:
        suggested = f"local-totals-{contest.voting_area or contest.area}.json".replace(" ", "-")
        path, _ = QFileDialog.getSaveFileName(
            parent,
            "Save the local totals for the area's returning officer",
            suggested,
            "Local totals (*.json *.csv)",
        )
        if not path:
            return None
    fmt = "csv" if path.lower().endswith(".csv") else "json"
    try:
        text = ctx.desk.local_totals.file_text(contest_id, fmt)
    except CountDeskError as error:
        QMessageBox.information(parent, "Local totals not saved", str(error))
        return None
    problem = write_pdf(path, text.encode("utf-8"))
    if problem is not None:
        QMessageBox.warning(
            parent, "Not saved", f"The local totals were not saved to {path}: {problem}."
        )
        return None
    return path
