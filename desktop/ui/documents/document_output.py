"""The Documents tab's document printed and saved: the very bytes its preview shows, so the
screen, the paper and the file cannot differ."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from desktop.domain.wording import plural
from desktop.ui.documents.document_buttons import DECLARATION, LOCAL_TOTALS, PRESS, PROVISIONAL
from desktop.ui.printing import ask_for_printer, print_document, printed_where
from desktop.ui.saving import ask_pdf_path, not_saved, write_pdf

if TYPE_CHECKING:
    # The view prints and saves with this module: only its type is needed here.
    from desktop.ui.documents.documents_view import DocumentsView

#: How a saved file's suggested name starts, by the document shown (any other: a memorandum).
FILE_PREFIXES = {
    DECLARATION: "declaration",
    PROVISIONAL: "provisional",
    PRESS: "results-summary",
    LOCAL_TOTALS: "local-totals",
}


def print_shown(view: DocumentsView) -> None:
    """Ask for a printer and print the document shown, one page per sheet of A4."""
    view._ensure_current()
    if view.current_pdf() is None:
        view._say("Nothing to print yet: " + view.message_label.text())
        return
    kind = view._shown_kind
    printer = ask_for_printer(view, view.heading.text(), f"Print the {kind}")
    if printer is not None and print_shown_to(view, printer):
        pages = view.document.pageCount()
        view._say(f"Printed the {kind} ({plural(pages, 'page')}) to {printed_where(printer)}.")


def print_shown_to(view: DocumentsView, printer: QPrinter) -> bool:
    """Paint each page of the document shown on its own sheet; False if printing failed."""
    if view.current_pdf() is None:
        return False
    problem = print_document(view.document, printer)
    if problem is not None:
        QMessageBox.warning(view, "Printing failed", problem)
        return False
    return True


def save_shown(view: DocumentsView, path: str | None) -> str | None:
    """Write the document shown to ``path`` (asking where if None); the path saved, or None."""
    view._ensure_current()
    pdf = view.current_pdf()
    if pdf is None:
        view._say("Nothing to save yet: " + view.message_label.text())
        return None
    kind = view._shown_kind
    if path is None:
        prefix = FILE_PREFIXES.get(kind, "memorandum")
        path = ask_pdf_path(view, f"Save the {kind} as PDF", f"{prefix}-{view.contest_id}.pdf")
        if path is None:
            return None
    problem = write_pdf(path, pdf)
    if problem is not None:
        QMessageBox.warning(view, "Not saved", not_saved(f"The {kind}", path, problem))
        return None
    view._say(f"Saved the {kind} to {path}.")
    return path
