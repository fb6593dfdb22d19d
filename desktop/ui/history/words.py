"""The history's declarations and files in words (times and decisions are
``desktop.domain.wording``'s)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.domain.records import Declaration


def open_file(path: str) -> bool:
    """Open a file in the desktop's own viewer (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def declaration_kind(declaration: Declaration) -> str:
    """Which kind of declaration this is, in words."""
    return "corrected declaration" if declaration.kind == "correction" else "declaration"


def declaration_file_name(contest_id: str, declaration: Declaration, index: int) -> str:
    """The name offered for a kept declaration's PDF: its kind, contest and time."""
    prefix = "corrected-declaration" if declaration.kind == "correction" else "declaration"
    at = declaration.declared_at.astimezone()
    return f"{prefix}-{contest_id}-{at:%Y%m%d-%H%M}-{index + 1}.pdf"
