"""The night's records as they are kept: counts, lots, status changes, acknowledgements,
recount requests, declarations and audit rows. Storage returns these; nothing is a dict.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from desktop.domain.model import CountFigures, LotsDrawing, Status
from desktop.domain.workflow import RecountDecision


@dataclass(frozen=True)
class StoredCount:
    """A recorded count: its number in the night, who recorded it and when, and its figures."""

    id: int
    contest_id: str
    number: int
    recorded_at: datetime
    operator: str
    figures: CountFigures
    #: "count", "recount", "bundle_check", or "correction" for one kept from before CountDesk
    #: stopped correcting declared results (it never stands: the declared count does).
    kind: str = "count"
    request_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class StoredLots:
    """A recorded drawing of lots, tied to the count whose tie it settled."""

    id: int
    count_id: int
    drawing: LotsDrawing
    recorded_at: datetime
    operator: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of the append-only audit log."""

    id: int
    at: datetime
    operator: str
    action: str
    contest_id: str | None
    entity: str
    entity_id: str
    old: Any
    new: Any


@dataclass(frozen=True)
class StatusChange:
    """One move of a contest from one status to another."""

    id: int
    contest_id: str
    from_status: Status
    to_status: Status
    at: datetime
    operator: str
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The change as the facade's plain data (statuses as their text)."""
        data = asdict(self)
        data["from_status"] = self.from_status.value
        data["to_status"] = self.to_status.value
        return data


@dataclass(frozen=True)
class Acknowledgement:
    """A supervisor's acknowledgement of a warning, with the reason given.

    ``count_id`` is None for a warning of the verification; ``figures`` is the warning's
    figures as canonical JSON, so a warning whose figures change is open again.
    """

    id: int
    contest_id: str
    count_id: int | None
    code: str
    subject: str
    reason: str
    at: datetime
    operator: str
    figures: str

    def as_dict(self) -> dict[str, Any]:
        """The acknowledgement as the facade's plain data."""
        return asdict(self)


@dataclass(frozen=True)
class RecountRequest:
    """A request for a recount and the Returning Officer's decision on it."""

    id: int
    contest_id: str
    #: The count the request was made against.
    count_id: int
    requested_by: str
    #: "candidate" or "agent".
    role: str
    for_candidate: int | None
    requested_at: datetime
    decision: RecountDecision
    reason: str
    operator: str
    at: datetime

    @property
    def granted(self) -> bool:
        """Whether a full recount or a bundle check was granted."""
        return self.decision is not RecountDecision.REFUSED

    def as_dict(self) -> dict[str, Any]:
        """The request as the facade's plain data (the decision as its text)."""
        data = asdict(self)
        data["decision"] = self.decision.value
        return data


@dataclass(frozen=True)
class Declaration:
    """A declaration as kept, with its PDF bytes.

    A database may also keep a "corrected declaration" (kind "correction") that CountDesk made
    before it stopped making them: kept and readable, it has no effect, and the declaration
    stands (DOMAIN.md §3, step 5).
    """

    id: int
    contest_id: str
    count_id: int
    #: "declaration", or "correction" for a kept corrected declaration.
    kind: str
    declared_at: datetime
    operator: str
    officer: str
    reason: str
    data_ref: str
    pdf: bytes

    def as_dict(self, *, pdf: bool = True) -> dict[str, Any]:
        """The declaration as the facade's plain data (without the PDF if ``pdf`` is False)."""
        data = asdict(self)
        if not pdf:
            del data["pdf"]
        return data

    @property
    def is_legacy_correction(self) -> bool:
        """Whether this is a corrected declaration kept from before corrections were withdrawn."""
        return self.kind == "correction"


@dataclass(frozen=True)
class UncontestedNotice:
    """The notice of uncontested election as kept when the officer declared the candidates duly
    elected, with its PDF bytes. A contest with no poll has no count, so this is not a
    declaration of result."""

    id: int
    contest_id: str
    declared_at: datetime
    operator: str
    officer: str
    data_ref: str
    pdf: bytes
