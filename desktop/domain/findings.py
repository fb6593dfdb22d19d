"""The validation catalogue: every finding has a stable code, a severity and a plain message.

The codes are the same on screen, in the CLI, in exports and in the audit log. The table in
docs/findings.md is checked against ``CATALOGUE`` by the tests, so the two cannot drift.
Errors mean the figures contradict each other and block the next stage; warnings are
plausibility checks a supervisor acknowledges; info is for the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain.codes import Code


class Severity(StrEnum):
    """How much a finding matters: errors block, warnings need acknowledging, info informs."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class CatalogueEntry:
    """One kind of finding: its code, severity and a title for lists and documentation."""

    code: Code
    severity: Severity
    title: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE: dict[Code, CatalogueEntry] = {
    e.code: e
    for e in (
        CatalogueEntry(Code.F101, _E, "A required figure is empty"),
        CatalogueEntry(Code.F102, _E, "A figure has a decimal point"),
        CatalogueEntry(Code.F103, _E, "A figure is negative"),
        CatalogueEntry(Code.F104, _E, "A figure is not a whole number"),
        CatalogueEntry(Code.F105, _E, "A figure's thousands separators are misplaced"),
        CatalogueEntry(Code.F106, _E, "A figure is larger than any count could be"),
        CatalogueEntry(Code.F107, _E, "Not a rejected-paper heading of this election type"),
        CatalogueEntry(Code.F108, _E, "An election type CountDesk does not support"),
        CatalogueEntry(Code.F109, _E, "A part-bundle is not less than the bundle size"),
        CatalogueEntry(Code.C201, _E, "Unaccounted ballot papers (single seat)"),
        CatalogueEntry(Code.C202, _E, "More votes than the valid papers allow (several seats)"),
        CatalogueEntry(Code.C203, _E, "A candidate has more votes than there are valid papers"),
        CatalogueEntry(Code.C204, _E, "More rejected papers than ballot papers verified"),
        CatalogueEntry(Code.C205, _E, "Rejected headings do not add up to the rejected total"),
        CatalogueEntry(Code.C206, _E, "A candidate's votes are not entered"),
        CatalogueEntry(Code.C207, _E, "A rejected-paper heading is not entered"),
        CatalogueEntry(Code.C208, _E, "Ballot papers verified are not entered"),
        CatalogueEntry(Code.C210, _E, "The contest has no candidates"),
        CatalogueEntry(Code.C212, _E, "More papers rejected in part than valid papers"),
        CatalogueEntry(Code.C213, _E, "Papers rejected in part in a single-seat contest"),
        CatalogueEntry(Code.C214, _E, "Fewer votes than valid papers (several seats)"),
        CatalogueEntry(
            Code.C220, _E, "Valid ballot papers counted are not entered (several seats)"
        ),
        CatalogueEntry(
            Code.C221, _E, "Papers counted and rejected differ from papers verified (several seats)"
        ),
        CatalogueEntry(Code.C222, _E, "Votes outside papers counted to seats × papers counted"),
        CatalogueEntry(Code.T301, _E, "Turnout over 100%"),
        CatalogueEntry(Code.T302, _W, "Electorate not entered"),
        CatalogueEntry(Code.T303, _E, "Declaring officer's name not set"),
        CatalogueEntry(Code.T304, _E, "The declaration's authority or imprint address not set"),
        CatalogueEntry(Code.L401, _E, "A tie that must be decided by lot"),
        CatalogueEntry(Code.L402, _W, "Lots recorded earlier no longer match the figures"),
        CatalogueEntry(Code.L403, _I, "The result was decided by lot"),
        CatalogueEntry(Code.L406, _E, "Lots already recorded for this count"),
        CatalogueEntry(Code.L407, _E, "Lots before counting is complete and reconciles"),
        CatalogueEntry(Code.W601, _W, "Rejected papers over 1% of papers verified"),
        CatalogueEntry(Code.W602, _W, "A candidate has 0 votes"),
        CatalogueEntry(Code.W603, _W, "Turnout outside 10–90%"),
        CatalogueEntry(Code.W604, _W, "Majority under 0.5% of valid votes: a recount is likely"),
        CatalogueEntry(
            Code.W605, _W, "A count recorded before valid ballot papers counted were asked for"
        ),
        CatalogueEntry(Code.V501, _W, "A verification variance has no explanation"),
        CatalogueEntry(Code.V502, _E, "Ballot boxes not yet counted at verification"),
        CatalogueEntry(Code.V503, _E, "No box with that reference in the verification"),
        CatalogueEntry(Code.V504, _E, "A box cannot be removed once a count is recorded"),
        CatalogueEntry(Code.V505, _E, "Not a kind of ballot box: box or postal"),
        CatalogueEntry(
            Code.V506, _W, "Papers of one poll may be in another poll's box (combined polls)"
        ),
        CatalogueEntry(Code.V507, _E, "A combined boxes file names a poll that is not known"),
        CatalogueEntry(Code.V508, _E, "A box is listed twice for the same poll"),
        CatalogueEntry(Code.V509, _E, "One box reference with different names or kinds"),
        CatalogueEntry(Code.S801, _E, "A change of status that is not allowed"),
        CatalogueEntry(Code.S802, _E, "The contest is declared: its figures are locked"),
        CatalogueEntry(Code.S803, _E, "A recount after the declaration"),
        CatalogueEntry(Code.S804, _E, "A warning is not acknowledged"),
        CatalogueEntry(Code.S805, _E, "No count is recorded yet"),
        CatalogueEntry(Code.S806, _E, "The declaration needs the officer's confirmation"),
        CatalogueEntry(Code.S807, _E, "Ballot papers verified come from the verification"),
        CatalogueEntry(Code.S808, _E, "Figures keyed in since the count was recorded"),
        CatalogueEntry(Code.S809, _E, "The provisional result is shown: figures change by recount"),
        CatalogueEntry(Code.S810, _E, "A recount request that is incomplete"),
        CatalogueEntry(
            Code.S811, _E, "An error found after the declaration is incomplete, or changes nothing"
        ),
        CatalogueEntry(Code.S812, _E, "Candidates are fixed once a count is recorded"),
        CatalogueEntry(Code.S813, _E, "An uncontested contest has no poll"),
        CatalogueEntry(Code.I701, _I, "No more candidates than seats: all are elected"),
        CatalogueEntry(Code.N101, _W, "A surname split at a particle is not confirmed"),
        CatalogueEntry(Code.P101, _E, "The second entry is awaited"),
        CatalogueEntry(Code.P102, _E, "First and second entry differ"),
        CatalogueEntry(Code.P103, _E, "Figures sent back to be keyed again"),
        CatalogueEntry(Code.A101, _E, "The voting area of a local count is not named"),
        CatalogueEntry(Code.A109, _E, "Voting areas' local totals are awaited"),
        CatalogueEntry(Code.A110, _E, "The electorate of a local count is not entered"),
        CatalogueEntry(Code.R104, _I, "Equal votes at a referendum: neither answer carried"),
    )
}


@dataclass(frozen=True)
class Finding:
    """One check's outcome: code, severity, one plain sentence, and the figures involved.

    ``subject`` is the candidate id or heading key the finding is about, where it has one.
    """

    code: Code
    message: str
    figures: dict[str, int | str] = field(default_factory=dict, hash=False, compare=False)
    subject: int | str | None = None

    def __post_init__(self) -> None:
        # A code given as text must be one of the catalogue's: a typo fails here, not on screen.
        object.__setattr__(self, "code", Code(self.code))

    @property
    def severity(self) -> Severity:
        """The severity fixed by the catalogue for this code."""
        return CATALOGUE[self.code].severity

    @property
    def is_error(self) -> bool:
        """Whether this finding blocks the next stage."""
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, object]:
        """The finding as plain data for JSON, exports and the audit log."""
        data: dict[str, object] = {
            "code": self.code.value,
            "severity": self.severity.value,
            "message": self.message,
        }
        if self.figures:
            data["figures"] = dict(self.figures)
        return data


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_POSITION = {code: i for i, code in enumerate(CATALOGUE)}


def sort_findings(findings: list[Finding]) -> tuple[Finding, ...]:
    """Errors first, then warnings, then info; within each, in catalogue order (stable)."""
    return tuple(sorted(findings, key=lambda f: (_ORDER[f.severity], _POSITION[f.code])))
