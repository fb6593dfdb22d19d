"""Saving a document as PDF: where to, the writing, and the words when it cannot be done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.services.files import OutputFile, why_not


def ask_pdf_path(parent: QWidget | None, title: str, suggested: str) -> str | None:
    """Ask where to save a PDF (``QFileDialog``, replaced in tests); None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF files (*.pdf)")
    return path or None


def write_pdf(path: str | Path, pdf: bytes) -> str | None:
    """Write the PDF to ``path`` whole or not at all; None once written, or why not in words.

    A full disk or a pulled stick leaves no half-written file, and an earlier file of that
    name as it was (see ``OutputFile``).
    """
    try:
        OutputFile(Path(path)).write(pdf)
    except OSError as exc:
        why, todo = why_not(exc)
        return f"{why}; {todo}"
    return None


def not_saved(what: str, path: str | Path, reason: str) -> str:
    """Why a document was not saved and what to do, e.g. "The statement could not be…"."""
    return (
        f"{what} could not be saved to {path}: {reason}. Choose another folder or name and "
        "save again."
    )
