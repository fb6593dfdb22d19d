"""The frozen snapshot a statement of verification is printed from, and the sums it prints.

The snapshot holds only the rows as entered (each box and postal batch, with the figure from
its ballot paper account, the figure counted and any explanation); ``tally`` works out the
sums printed from them, with whole numbers. Nothing here reads the clock or the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Election
from desktop.domain.wording import date_in_words
from reports.printable import require_own_election
from reports.snapshot import (
    data_reference,
    printed_contest_heading,
    printed_election_title,
)

BOX = "box"
POSTAL = "postal"
KINDS = (BOX, POSTAL)


class AgainstAccount:
    """A row of a statement of verification: papers counted against a ballot paper account,
    with the explanation or acceptance of any difference. Shared by the statement of one poll
    and the combined statement."""

    issued: int
    counted: int | None
    explanation: str
    accepted: str

    @property
    def variance(self) -> int | None:
        """Counted − issued; None while not yet counted."""
        return None if self.counted is None else self.counted - self.issued

    @property
    def unexplained(self) -> bool:
        """A variance with neither an explanation nor a supervisor's acceptance."""
        return bool(self.variance) and not self.explanation.strip() and not self.accepted.strip()


@dataclass(frozen=True)
class VerificationRow(AgainstAccount):
    """One ballot box (a polling station's) or one batch of postal ballot papers."""

    #: e.g. "BS01", "PV3".
    reference: str
    #: The polling station's name, or e.g. "Postal votes opening session 3".
    name: str
    #: "box" or "postal".
    kind: str
    #: Ballot papers issued, from the ballot paper account.
    issued: int
    #: Ballot papers counted at verification; None while the box is not yet counted.
    counted: int | None
    #: Why the count differs from the account; "" where none was given.
    explanation: str = ""
    #: The reason a supervisor gave for accepting a variance with no explanation; "" if none.
    accepted: str = ""
    #: Unused, spoilt and tendered ballot papers, where the box's ballot paper account gives
    #: them (polling station boxes only); None where not given.
    unused: int | None = None
    spoilt: int | None = None
    tendered: int | None = None

    def __post_init__(self) -> None:
        where = f"{self.reference} {self.name}".strip() or "A verification row"
        if self.kind not in KINDS:
            raise CountDeskError(f'{where}: the kind must be "box" or "postal", not "{self.kind}".')
        for label, value in (
            ("ballot papers issued", self.issued),
            ("counted", self.counted),
            ("unused papers", self.unused),
            ("spoilt papers", self.spoilt),
            ("tendered papers", self.tendered),
        ):
            if value is None and label != "ballot papers issued":
                continue
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise CountDeskError(f"{where}: {label} must be a whole number, 0 or more.")

    @property
    def account_figures(self) -> tuple[int | None, int | None, int | None]:
        """Unused, spoilt and tendered papers from the ballot paper account (None: not given)."""
        return self.unused, self.spoilt, self.tendered


@dataclass(frozen=True)
class VerificationSnapshot:
    """Everything the statement of verification prints, frozen at one moment."""

    contest_id: str
    election_id: str
    #: e.g. "Kirklees Council"; "" prints no authority line.
    authority: str
    #: e.g. "Batley and Spen by-election".
    election_title: str
    #: e.g. "Election of a Member of Parliament for the Batley and Spen Constituency".
    contest_heading: str
    #: e.g. "Thursday 1 July 2021".
    poll_date_text: str
    #: The date the statement is dated, written out.
    printed_on_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    #: Boxes and postal batches, each printed in its own table in the order given here.
    rows: tuple[VerificationRow, ...]
    #: e.g. "Batley and Spen Constituency", for the running header of later pages; "" prints
    #: the contest heading there instead (shortened if need be).
    area_text: str = ""
    #: The head of the database's audit chain when printed ("" for none), in the footer.
    record_ref: str = ""
    #: What the officer is at: "election", or "referendum" (whose Counting Officer verifies).
    poll_word: str = "election"

    @property
    def boxes(self) -> tuple[VerificationRow, ...]:
        return tuple(r for r in self.rows if r.kind == BOX)

    @property
    def postal(self) -> tuple[VerificationRow, ...]:
        return tuple(r for r in self.rows if r.kind == POSTAL)

    @property
    def data_hash(self) -> str:
        """A short reference to the verification data printed: 12 hex digits of a SHA-256.

        As for the declaration, dates and titles are left out: the same figures carry the same
        reference whenever they are printed; any changed figure, name or explanation changes it.
        """
        rows: list[list[object]] = []
        for r in self.rows:
            row: list[object] = [r.reference, r.name, r.kind, r.issued, r.counted, r.explanation]
            # Added only where given, so that a statement without them keeps its reference.
            if r.accepted:
                row.append({"accepted": r.accepted})
            if any(v is not None for v in r.account_figures):
                row.append({"account": list(r.account_figures)})
            rows.append(row)
        data = {
            "contest_id": self.contest_id,
            "officer": [self.officer_name, self.officer_title],
            "rows": rows,
        }
        return data_reference(data)


def build_verification_snapshot(
    contest: Contest,
    election: Election,
    rows: Iterable[VerificationRow],
    *,
    printed_on: date,
    record_ref: str = "",
) -> VerificationSnapshot:
    """Freeze the statement of verification of ``contest`` with these rows, in this order.

    The header (authority, titles, officer, imprint) is worded exactly as on the declaration.
    Raises CountDeskError if the contest is not of this election.
    """
    require_own_election(contest, election)
    etype = contest.type
    return VerificationSnapshot(
        contest_id=contest.id,
        election_id=election.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        poll_date_text=date_in_words(contest.poll_date),
        printed_on_text=date_in_words(printed_on),
        officer_name=contest.officer_name.strip(),
        officer_title=contest.officer_title_or_default,
        poll_word="referendum" if contest.type.referendum else "election",
        imprint_address=contest.imprint_address.strip(),
        rows=tuple(rows),
        area_text=f"{contest.area} {etype.area_word.title()}",
        record_ref=record_ref,
    )


# --- The sums printed ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """The sums of some rows, as printed: whole numbers only."""

    rows: int
    #: Ballot papers issued, over every row (counted or not).
    issued: int
    #: Ballot papers counted, over the rows counted so far.
    counted: int
    #: Ballot papers issued, over the rows counted so far.
    issued_counted: int
    #: References of the rows not yet counted, in order.
    not_counted: tuple[str, ...]
    #: References of the rows whose variance has no explanation, in order.
    unexplained: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Every row counted (and there is at least one row)."""
        return self.rows > 0 and not self.not_counted

    @property
    def variance(self) -> int:
        """Counted − issued over the rows counted so far (all rows when complete)."""
        return self.counted - self.issued_counted


def tally(rows: Iterable[VerificationRow]) -> Tally:
    """Sum the rows: issued over all, counted and variance over those counted."""
    rows = tuple(rows)
    counted = [r for r in rows if r.counted is not None]
    return Tally(
        rows=len(rows),
        issued=sum(r.issued for r in rows),
        counted=sum(r.counted for r in counted if r.counted is not None),
        issued_counted=sum(r.issued for r in counted),
        not_counted=tuple(r.reference for r in rows if r.counted is None),
        unexplained=tuple(r.reference for r in rows if r.unexplained),
    )


__all__ = [
    "BOX",
    "KINDS",
    "POSTAL",
    "Tally",
    "VerificationRow",
    "VerificationSnapshot",
    "build_verification_snapshot",
    "tally",
]
