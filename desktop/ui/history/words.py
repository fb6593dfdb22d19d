"""The history's times, decisions and files in words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.domain.model import Status
from desktop.domain.workflow import RecountDecision, status_label


def open_file(path: str) -> bool:
    """Open a file in the desktop's own viewer (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def when(at: datetime) -> str:
    """A time of the night in words, e.g. "02:12 on Friday 2 July 2021" (local time)."""
    local = at.astimezone()
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def decision_words(decision: str, reason: str = "") -> str:
    """The Returning Officer's decision on a recount request, in words."""
    words = {
        RecountDecision.FULL.value: "full recount granted",
        RecountDecision.BUNDLE_CHECK.value: "bundle check granted",
        RecountDecision.REFUSED.value: "refused as unreasonable",
    }.get(decision, decision)
    return f"{words}: {reason}" if reason else words


def status_words(status: str) -> str:
    """A stage of the contest in words (an unknown stage as it is stored)."""
    try:
        return status_label(Status(status))
    except ValueError:
        return status


def declaration_kind(declaration: dict[str, Any]) -> str:
    """Which kind of declaration this is, in words."""
    return "corrected declaration" if declaration["kind"] == "correction" else "declaration"


def declaration_file_name(contest_id: str, declaration: dict[str, Any], index: int) -> str:
    """The name offered for a kept declaration's PDF: its kind, contest and time."""
    prefix = "corrected-declaration" if declaration["kind"] == "correction" else "declaration"
    at = declaration["declared_at"].astimezone()
    return f"{prefix}-{contest_id}-{at:%Y%m%d-%H%M}-{index + 1}.pdf"
