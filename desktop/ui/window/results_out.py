"""Results out in the window (File menu): publish the results web pages into a folder, and
export the declared results in the formats aggregators read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import CountDeskError
from desktop.services.files import output_file, write_file
from desktop.services.web_publish import Published
from desktop.ui.context import UiContext

PUBLISH_SHORTCUT = "Ctrl+Alt+W"
EXPORT_SHORTCUT = "Ctrl+Shift+X"  # not Ctrl+Alt+E: AltGr+E is é on UK keyboards

DC_FILTER = "Democracy Club results CSV (*.csv)"
CDF_FILTER = "NIST Election Results CDF v2, JSON (*.json)"


def publish_results(
    parent: QWidget | None,
    ctx: UiContext,
    election_id: str | None,
    folder: str | Path | None = None,
) -> Published | None:
    """Write the election's results pages into a folder (asked for if not given) and say where;
    a refusal (a folder that cannot be written, another site's index) is said in words."""
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            parent,
            "Publish results – choose the folder for the web pages (an empty one, or the one "
            "published to before)",
            str(Path.home()),
        )
        if not folder:
            return None
    try:
        done = ctx.desk.publishing.publish(election_id, folder)
    except CountDeskError as error:
        QMessageBox.warning(parent, "Nothing was published", str(error))
        return None
    awaited = done.contests - done.declared
    QMessageBox.information(
        parent,
        "Results published",
        f"Published {done.declared} declared result{'s' if done.declared != 1 else ''}"
        f"{f' and {awaited} awaited (shown without figures)' if awaited else ''}, with "
        f"{done.pdfs} declaration PDF{'s' if done.pdfs != 1 else ''}, to:\n{done.folder}\n\n"
        f"The index is {done.index.name}: copy the whole folder to the council's website.",
    )
    return done


def export_results(
    parent: QWidget | None, ctx: UiContext, path: str | Path | None = None, fmt: str | None = None
) -> Path | None:
    """Export every declared contest as Democracy Club results CSV or NIST CDF JSON (the file's
    type chosen in the dialog); say what was exported, or why nothing was."""
    if path is None:
        chosen, kind = QFileDialog.getSaveFileName(
            parent,
            "Export declared results for aggregators",
            str(Path.home() / "results.csv"),
            f"{DC_FILTER};;{CDF_FILTER}",
        )
        if not chosen:
            return None
        path = chosen
        fmt = "cdf" if kind == CDF_FILTER or chosen.lower().endswith(".json") else "dc-results"
    target = Path(path)
    try:
        exported = ctx.desk.publishing.export(None, fmt or "dc-results")
        with output_file(target) as out:
            write_file(out, exported.text.encode("utf-8"))
    except CountDeskError as error:
        QMessageBox.warning(parent, "Nothing was exported", str(error))
        return None
    QMessageBox.information(
        parent, "Results exported", f"Exported {exported.summary()} to:\n{target}"
    )
    return target
