"""Saving a document as PDF: where to, the writing, and the words when it cannot be done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_pdf_path(parent: QWidget | None, title: str, suggested: str) -> str | None:
    """Ask where to save a PDF (``QFileDialog``, replaced in tests); None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF files (*.pdf)")
    return path or None


def write_pdf(path: str | Path, pdf: bytes) -> str | None:
    """Write the PDF to ``path``; None once written, or the system's reason why not."""
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:
        return str(exc.strerror or exc)
    return None


def not_saved(what: str, path: str | Path, reason: str) -> str:
    """Why a document was not saved and what to do, e.g. "The statement could not be…"."""
    return (
        f"{what} could not be saved to {path}: {reason}. Choose another folder or name and "
        "save again."
    )
