"""The history's declarations and files in words (times and decisions are
``desktop.domain.wording``'s)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.domain.after_declaration import LEGACY_CORRECTION_WORDS
from desktop.domain.records import Declaration


def open_file(path: str) -> bool:
    """Open a file in the desktop's own viewer (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def declaration_kind(declaration: Declaration) -> str:
    """Which kind of declaration this is, in words (short, for buttons and titles)."""
    return "corrected declaration" if declaration.is_legacy_correction else "declaration"


def declaration_heading(declaration: Declaration) -> str:
    """What a kept declaration is, as its line in the history begins: a corrected declaration
    kept by an earlier CountDesk is marked as of no effect (the declaration stands)."""
    if declaration.is_legacy_correction:
        return LEGACY_CORRECTION_WORDS[:1].upper() + LEGACY_CORRECTION_WORDS[1:]
    return "Declaration (stands)"


def declaration_file_name(contest_id: str, declaration: Declaration, index: int) -> str:
    """The name offered for a kept declaration's PDF: its kind, contest and time."""
    prefix = "corrected-declaration" if declaration.is_legacy_correction else "declaration"
    at = declaration.declared_at.astimezone()
    return f"{prefix}-{contest_id}-{at:%Y%m%d-%H%M}-{index + 1}.pdf"
