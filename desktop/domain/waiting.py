"""What a contest waits for, in a few words, from the guards of its next stage: the overview's
"3 boxes to verify", "second entry", "entries differ (2 figures)", "ready to declare". What
must happen first is said first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.verification import VerificationLine
from desktop.domain.wording import clock_time, plural
from desktop.domain.workflow import status_label


def _acknowledging(finding: Finding) -> str:
    """The phrase for a warning not acknowledged (S804), by the warning it is about."""
    warning = str(finding.figures.get("warning", ""))
    if warning == Code.V501:
        return "variances to explain"
    return "warnings to acknowledge"


def _phrase(finding: Finding, boxes_left: int) -> str:
    """What one blocking finding means the contest waits for, in a few words."""
    code = finding.code
    if code == Code.P102:
        fields = [f for f in str(finding.figures.get("fields", "")).split(",") if f.strip()]
        return f"entries differ ({plural(len(fields), 'figure')})" if fields else "entries differ"
    if code == Code.V502:
        return f"{plural(boxes_left, 'box', 'boxes')} to verify"
    if code == Code.S804:
        return _acknowledging(finding)
    fixed = {
        Code.C210: "candidates to add",
        Code.N101: "names to confirm",
        Code.C208: "ballot papers verified",
        Code.S805: "count to key in",
        Code.P101: "second entry",
        Code.P103: "figures to key again",
        Code.S808: "figures keyed not recorded",
        Code.L401: "lots to draw",
        Code.T303: "officer's name to set",
        Code.T304: "authority or imprint to set",
        Code.S801: "a step not allowed",
    }
    if code in fixed:
        return fixed[code]
    if finding.is_error:
        return f"figures to check ({code})"
    return f"{code} to resolve"


def waiting_for(
    status: Status,
    following: Status | None,
    blockers: Sequence[Finding],
    *,
    uncontested: bool,
    declared_at: datetime | None,
    verification: Sequence[VerificationLine] = (),
    label: Callable[[Status], str] = status_label,
) -> tuple[str, tuple[str, ...]]:
    """What a contest waits for, as a short phrase, and the codes that block its next stage.

    Derived only from the guards' findings for the next stage (``workflow.next_step``);
    ``label`` words a stage of this contest (the workflow's labels).
    """
    if following is None:
        if declared_at is None:
            return label(status), ()
        what = "declared duly elected" if uncontested else label(status)
        return f"{what} {clock_time(declared_at)}", ()
    codes = tuple(dict.fromkeys(str(f.code) for f in blockers))
    if not blockers:
        if uncontested:
            return "ready to declare duly elected", ()
        if following is Status.DECLARED:
            # "declared", or the last stage's own word where it has one ("ready to be sent").
            words = label(following)
            return ("ready to declare" if words == "declared" else f"ready to be {words}"), ()
        return f"ready for {label(following)}", ()
    boxes_left = sum(1 for line in verification if line.counted is None)
    ordered = sorted(blockers, key=_urgency)
    phrases = list(dict.fromkeys(_phrase(f, boxes_left) for f in ordered))
    return "; ".join(phrases), codes


#: What is said first when several things block a stage: what must happen before anything
#: else can (candidates, names, boxes, the count and its two entries), then the figures, lots,
#: warnings and the declaration's details.
_FIRST = (
    Code.C210,
    Code.N101,
    Code.V502,
    Code.C208,
    Code.S805,
    Code.P101,
    Code.P102,
    Code.P103,
    Code.S808,
)
_LAST = (Code.L401, Code.S804, Code.T303, Code.T304)


def _urgency(finding: Finding) -> int:
    if finding.code in _FIRST:
        return _FIRST.index(finding.code)
    if finding.code in _LAST:
        return len(_FIRST) + 1 + _LAST.index(finding.code)
    return len(_FIRST)  # figures that do not add up
