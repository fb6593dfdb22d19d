"""Verification: each ballot box and postal batch counted face up against its ballot paper account.

The total counted is the contest's ballot papers verified (DOMAIN.md §3). A variance (counted −
issued) is normal in small numbers, but each needs an explanation, or a supervisor's
acknowledgement, before the count goes on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.codes import Code
from desktop.domain.figures import format_figure
from desktop.domain.findings import Finding


class BoxKind(StrEnum):
    """A polling station's ballot box, or a batch of postal ballot papers."""

    BOX = "box"
    POSTAL = "postal"


@dataclass(frozen=True)
class VerificationLine:
    """One box or postal batch: papers issued per its account, and counted at verification."""

    reference: str
    name: str
    kind: BoxKind
    issued: int
    counted: int | None = None
    explanation: str = ""
    #: Unused, spoilt and tendered ballot papers, where the box's ballot paper account gives
    #: them (optional; a polling station's box only).
    unused: int | None = None
    spoilt: int | None = None
    tendered: int | None = None

    @property
    def account_figures(self) -> tuple[int | None, int | None, int | None]:
        """Unused, spoilt and tendered papers (None where the account gives no figure)."""
        return self.unused, self.spoilt, self.tendered

    @property
    def account_word(self) -> str:
        """What the account's figure is: papers "issued" at a polling station, postal papers
        "returned" (counted from the postal vote openings)."""
        return "returned" if self.kind is BoxKind.POSTAL else "issued"

    @property
    def variance(self) -> int | None:
        """Counted − issued (positive: more papers found than the account says)."""
        return None if self.counted is None else self.counted - self.issued


@dataclass(frozen=True)
class VerificationTotals:
    """Totals of the statement of verification, overall and by kind."""

    issued: int
    counted: int
    #: Papers issued in the boxes counted so far (so a part-done variance is meaningful).
    issued_of_counted: int
    uncounted: int
    boxes_issued: int
    boxes_counted: int
    postal_issued: int
    postal_counted: int

    @property
    def variance(self) -> int:
        """Counted − issued over the lines counted so far."""
        return self.counted - self.issued_of_counted


def verification_totals(lines: Iterable[VerificationLine]) -> VerificationTotals:
    """Add up the lines: issued, counted (the ballot papers verified), and what is left to count."""
    lines = list(lines)

    def total(kind: BoxKind | None, counted: bool) -> int:
        return sum(
            (line.counted or 0) if counted else line.issued
            for line in lines
            if kind is None or line.kind is kind
        )

    return VerificationTotals(
        issued=total(None, False),
        counted=total(None, True),
        issued_of_counted=sum(line.issued for line in lines if line.counted is not None),
        uncounted=sum(1 for line in lines if line.counted is None),
        boxes_issued=total(BoxKind.BOX, False),
        boxes_counted=total(BoxKind.BOX, True),
        postal_issued=total(BoxKind.POSTAL, False),
        postal_counted=total(BoxKind.POSTAL, True),
    )


def verification_findings(lines: Iterable[VerificationLine]) -> tuple[Finding, ...]:
    """Boxes not yet counted (errors) and variances with no explanation (warnings)."""
    findings: list[Finding] = []
    lines = list(lines)
    uncounted = [line for line in lines if line.counted is None]
    if uncounted:
        refs = ", ".join(line.reference for line in uncounted[:6])
        more = f" and {len(uncounted) - 6} more" if len(uncounted) > 6 else ""
        findings.append(
            Finding(
                Code.V502,
                f"{len(uncounted)} box{'es are' if len(uncounted) != 1 else ' is'} not yet "
                f"counted at verification ({refs}{more}): enter the papers counted.",
                {"uncounted": len(uncounted)},
            )
        )
    for line in lines:
        variance = line.variance
        if variance and not line.explanation.strip():
            findings.append(
                Finding(
                    Code.V501,
                    f"{line.reference} {line.name}: {format_figure(line.counted)} counted against "
                    f"{format_figure(line.issued)} {line.account_word}, a variance of "
                    f"{variance:+,}, with no "
                    "explanation: record why, or a supervisor acknowledges it.",
                    {"issued": line.issued, "counted": line.counted or 0, "variance": variance},
                    subject=line.reference,
                )
            )
    return tuple(findings)
