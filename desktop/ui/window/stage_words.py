"""Stages, times and findings in the words of the stage panel."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.workflow import status_label
from desktop.ui.text import sentence_case

NEEDS_ACKNOWLEDGING = "S804"


def stage_name(status: Status) -> str:
    """A stage of the night as a heading, e.g. "Provisional result"."""
    return sentence_case(status_label(status))


def time_words(at: datetime) -> str:
    """A time of the night as hours and minutes, in local time."""
    return f"{at.astimezone():%H:%M}"


def listed(findings: tuple[Finding, ...]) -> str:
    """Findings one to a line, each with its code."""
    return "\n".join(f"{f.code}: {f.message}" for f in findings)
