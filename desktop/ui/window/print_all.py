"""File › Print all declarations…: every declared contest's declaration saved into a folder
(the bytes kept at each declaration), with a progress dialog that can be cancelled, then, if
asked, sent to the printer one declaration after another.

The folder comes first: a count centre needs the files (for the website, the press and the
record) as well as the paper, and a printer that jams must not lose the batch. Dialogs are
reached as this module's attributes so that tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.wording import plural
from desktop.services import CountDesk
from desktop.services.batch import BatchOutcome
from desktop.ui.printing import ask_for_printer, print_pdf, printed_where

TITLE = "Print all declarations"


def print_all_declarations(parent: QWidget, desk: CountDesk) -> BatchOutcome | None:
    """Ask for a folder, save every declared contest's declaration into it with a progress
    dialog (Cancel stops before the next one; those saved are kept), say what was saved and
    left out, and offer to print them. The outcome, or None if nothing was saved."""
    try:
        total = len(desk.batch.contests())
    except CountDeskError as error:
        QMessageBox.information(parent, TITLE, str(error))
        return None
    chosen = QFileDialog.getExistingDirectory(
        parent, "Choose the folder to save every declaration in (a USB stick, or a new folder)"
    )
    if not chosen:
        return None
    progress = _progress(parent, "Saving the declarations…", total)
    try:
        outcome = desk.batch.print_all(
            Path(chosen),
            progress=lambda done, _total, contest: _step(progress, done, contest, "Saved"),
            cancelled=progress.wasCanceled,
        )
    except CountDeskError as error:
        QMessageBox.warning(parent, "Declarations not saved", str(error))
        return None
    finally:
        progress.close()
        progress.deleteLater()
    if show_summary(parent, outcome) and outcome.written:
        print_written(parent, desk, outcome)
    return outcome


def _progress(parent: QWidget, label: str, total: int) -> QProgressDialog:
    """A window-modal progress dialog with Cancel, shown once the work takes half a second."""
    dialog = QProgressDialog(label, "Cancel", 0, total, parent)
    dialog.setWindowTitle(TITLE)
    dialog.setMinimumWidth(480)  # the label changes as it goes: the dialog keeps its size
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


def _step(dialog: QProgressDialog, done: int, contest_id: str, verb: str) -> None:
    """One contest done: the bar moves on (a window-modal dialog takes Cancel as it does)."""
    dialog.setLabelText(f"{verb} {done} of {dialog.maximum()}: {contest_id}")
    dialog.setValue(done)


def show_summary(parent: QWidget, outcome: BatchOutcome) -> bool:
    """Say what was saved and left out; True if the user asks to print what was saved."""
    box = QMessageBox(parent)
    box.setWindowTitle(TITLE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(outcome.describe())
    print_button = None
    if outcome.written:
        print_button = box.addButton(
            f"Print {'them' if len(outcome.written) > 1 else 'it'}…",
            QMessageBox.ButtonRole.AcceptRole,
        )
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return print_button is not None and clicked is print_button


def print_written(parent: QWidget, desk: CountDesk, outcome: BatchOutcome) -> int:
    """Send each declaration saved to one printer, in the batch's order, each its own job;
    Cancel stops before the next. How many were printed."""
    n = len(outcome.written)
    printer = ask_for_printer(parent, TITLE, f"Print {plural(n, 'declaration')}")
    if printer is None:
        return 0
    progress = _progress(parent, "Printing the declarations…", n)
    printed = 0
    problem: str | None = None
    try:
        for line in outcome.written:
            if progress.wasCanceled():
                break
            try:
                pdf = desk.batch.document(line.contest_id).pdf
            except CountDeskError as error:
                problem = str(error)
                break
            problem = print_pdf(pdf, printer)
            if problem is not None:
                break
            printed += 1
            _step(progress, printed, line.contest_id, "Printed")
    finally:
        progress.close()
        progress.deleteLater()
    said = f"Printed {plural(printed, 'declaration')} of {n} on {printed_where(printer)}."
    if problem is not None:
        QMessageBox.warning(parent, "Printing stopped", f"{said} {problem}")
    elif printed < n:
        QMessageBox.information(
            parent, TITLE, f"Cancelled. {said} Every declaration is saved in {outcome.folder}."
        )
    else:
        QMessageBox.information(parent, TITLE, said)
    return printed
