"""Results out: the formats aggregators read (Democracy Club results CSV, NIST CDF JSON) and
the results web page for the council's website, all from the declared results alone.

Exposed on the facade as ``CountDesk.publishing``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Election
from desktop.services.cdf import cdf_json
from desktop.services.dc_results import dc_results_csv
from desktop.services.declared import DeclaredContest, DeclaredResults
from desktop.services.documents import Documents
from desktop.services.reading import Reading
from desktop.services.web_publish import Published, write_site
from desktop.storage.store import Store

#: The formats for aggregators, by the name ``export --format`` takes.
AGGREGATOR_FORMATS = ("dc-results", "cdf")


def vendor_id() -> str:
    """CountDesk and its version, as the CDF's VendorApplicationId: "CountDesk 0.1.0"."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"CountDesk {version('countdesk')}"
    except PackageNotFoundError:  # run from a tree that was never installed
        return "CountDesk"


@dataclass(frozen=True)
class Exported:
    """An export for aggregators: its text, the contests in it and those left out (with why)."""

    text: str
    contests: int
    #: Contests asked for but not declared: no result goes out before the declaration.
    not_declared: int
    #: Referendums left out of a Democracy Club file (not a DC ballot).
    referendums: int = 0

    def summary(self) -> str:
        """What was exported and what was left out, in one sentence."""
        left = []
        if self.not_declared:
            left.append(f"{self.not_declared} not yet declared")
        if self.referendums:
            left.append(
                f"{self.referendums} referendum{'s' if self.referendums > 1 else ''} (not a "
                "Democracy Club ballot: use --format cdf)"
            )
        tail = f"; left out: {', '.join(left)}" if left else ""
        return f"{self.contests} declared contest{'s' if self.contests != 1 else ''}{tail}"


class Publishing:
    """Declared results for the aggregators and the council's website."""

    def __init__(
        self,
        store: Store,
        reading: Reading,
        documents: Documents,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.reading = reading
        self.documents = documents
        self.declared = DeclaredResults(store, reading)
        #: The time stamped on what is generated (tests replace it).
        self.now = now

    def export(self, contest_ids: Iterable[str] | None, fmt: str) -> Exported:
        """Declared results of these contests (None: every contest) as ``dc-results`` or ``cdf``.

        A contest asked for by id that is not declared is refused (H101), as is a referendum
        asked for alone as Democracy Club results (H103); with several, those are left out and
        counted in ``Exported``.
        """
        if fmt not in AGGREGATOR_FORMATS:
            raise CountDeskError(
                f"“{fmt}” is not a results format for aggregators: use dc-results or cdf."
            )
        ids = None if contest_ids is None else list(contest_ids)
        declared, not_declared = self.declared.select(ids)
        if fmt == "cdf":
            text = cdf_json(declared, self.now(), vendor_id())
            return Exported(text, len(declared), not_declared)
        referendums = sum(1 for d in declared if d.contest.type.referendum)
        if referendums == len(declared):
            raise CountDeskError(
                "A referendum is not a Democracy Club ballot (it has answers, not candidates), "
                "so it has no Democracy Club results rows: export it with --format cdf, which "
                "carries it as a ballot measure.",
                Code.H103,
            )
        text = dc_results_csv(declared)
        return Exported(text, len(declared) - referendums, not_declared, referendums)

    def publish(self, election_id: str | None, folder: str | Path) -> Published:
        """Write the results web pages of an election (None: the database's only election)
        into ``folder``: index.html, style.css, a page per contest and the declaration PDFs
        kept. Contests not declared are listed as awaited, with no figures."""
        election = self._election(election_id)
        contests = self.reading.contests(election.id)
        read = [(c, self.declared.read(c)) for c in contests]
        return write_site(Path(folder), election, read, self._kept_pdf, self.now())

    def _kept_pdf(self, declared: DeclaredContest) -> bytes:
        """The declaration (or notice of uncontested election) kept, byte for byte."""
        contest_id = declared.contest.id
        today = self.now().date()
        if declared.uncontested:
            return self.documents.uncontested_notice_pdf(contest_id, printed_on=today)
        return self.documents.declaration_pdf(contest_id, printed_on=today)

    def _election(self, election_id: str | None) -> Election:
        elections = self.reading.elections()
        if election_id is None:
            if len(elections) == 1:
                return elections[0]
            listed = ", ".join(e.id for e in elections) or "none"
            raise CountDeskError(
                f"Say which election to publish (--election ID): this database holds {listed}."
            )
        for election in elections:
            if election.id == election_id:
                return election
        listed = ", ".join(e.id for e in elections) or "none"
        raise CountDeskError(
            f"There is no election “{election_id}” in this database: it holds {listed}."
        )
