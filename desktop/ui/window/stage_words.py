"""Stages and findings in the words of the stage panel."""

from __future__ import annotations

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.workflow import status_label
from desktop.ui.text import sentence_case

NEEDS_ACKNOWLEDGING = Code.S804


def stage_name(status: Status, *, local_count: bool = False) -> str:
    """A stage of the night as a heading, e.g. "Provisional result" ("Sent", a local count's
    last stage)."""
    return sentence_case(status_label(status, local_count=local_count))


def listed(findings: tuple[Finding, ...]) -> str:
    """Findings one to a line, each with its code."""
    return "\n".join(f"{f.code}: {f.message}" for f in findings)
