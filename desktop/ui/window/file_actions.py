"""The File menu's own actions: another database, the demo, an import or a new contest; the
open contest's declaration printed or saved; and Help › About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.ui.start import contest_actions

if TYPE_CHECKING:
    # The window builds its menus with this module: only its type is needed here.
    from desktop.ui.window.main_window import MainWindow


def open_demo(window: MainWindow) -> None:
    """Load the demo contest (Batley and Spen 2021) and open it."""
    contest_id = contest_actions.open_demo(window, window.ctx)
    if contest_id:
        window.open_contest(contest_id)


def import_candidates(window: MainWindow) -> None:
    """Import a candidates CSV and open the contest it made."""
    contest_id = contest_actions.import_candidates_csv(window, window.ctx)
    if contest_id:
        window.open_contest(contest_id)


def create_contest(window: MainWindow) -> None:
    """Create an election and contest, then open its Setup to enter the candidates."""
    contest_id = contest_actions.create_contest(window, window.ctx)
    if contest_id:
        window.open_contest(contest_id, tab=0)


def print_declaration(window: MainWindow) -> None:
    """Print the open contest's document from the Documents tab, shown first."""
    if window.contest_id is not None:
        window._show_tab(window.tabs.indexOf(window.documents_view))
        window.documents_view.print_document()


def save_declaration(window: MainWindow) -> None:
    """Save the open contest's document as PDF from the Documents tab, shown first."""
    if window.contest_id is not None:
        window._show_tab(window.tabs.indexOf(window.documents_view))
        window.documents_view.save_document()


def open_database(window: MainWindow) -> None:
    """Open another database in a window of its own, in place of this one."""
    path, _ = QFileDialog.getOpenFileName(
        window, "Open a CountDesk database", str(window.database_path.parent),
        "CountDesk databases (*.sqlite *.db);;All files (*)",
    )  # fmt: skip
    if not path:
        return
    try:
        desk = CountDesk.open(path)
    except CountDeskError as error:
        QMessageBox.warning(window, "Database not opened", str(error))
        return
    # The window's own class: importing MainWindow here would be a circular import.
    replacement = type(window)(desk, path)
    replacement.resize(window.size())
    replacement.show()
    window.replacement = replacement
    window.close()


def about(window: MainWindow) -> None:
    """What CountDesk is, and the database the window is over."""
    QMessageBox.about(
        window,
        "About CountDesk",
        "CountDesk: results entry for UK count centres.\n\n"
        f"Database: {window.database_path}\n"
        "Finding codes are listed in docs/findings.md.",
    )
