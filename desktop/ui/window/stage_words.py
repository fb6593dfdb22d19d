"""Stages, times and findings in the words of the stage panel."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.workflow import status_label

NEEDS_ACKNOWLEDGING = "S804"


def stage_name(status: Status) -> str:
    label = status_label(status)
    return label[:1].upper() + label[1:]


def time_words(at: datetime) -> str:
    return f"{at.astimezone():%H:%M}"


def listed(findings: tuple[Finding, ...]) -> str:
    return "\n".join(f"{f.code}: {f.message}" for f in findings)
