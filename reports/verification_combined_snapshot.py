"""The frozen snapshot the statement of verification of combined polls is printed from.

Several polls of one day share their ballot boxes (DOMAIN.md §3 step 2). The snapshot holds
each physical box (and postal batch) with each poll's papers in it as entered: the figure from
that poll's ballot paper account, the figure counted and the explanation. The sums printed are
worked out from them with whole numbers. Nothing here reads the clock or the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.combined import SharedBox, cross_poll_suggestions
from desktop.domain.model import Contest, Election
from desktop.domain.verification import BoxKind
from desktop.domain.wording import date_in_words
from reports.snapshot import data_reference, printed_election_title
from reports.verification_snapshot import AgainstAccount

BOX = "box"
POSTAL = "postal"


@dataclass(frozen=True)
class PollRow(AgainstAccount):
    """One poll's papers in one box: its account, the papers counted, the explanation."""

    contest_id: str
    #: The poll's short name, e.g. "Northgate", "Testshire PCC".
    poll: str
    issued: int
    counted: int | None
    explanation: str = ""
    #: The reason a supervisor gave for accepting the variance unexplained ("" if none).
    accepted: str = ""


@dataclass(frozen=True)
class BoxRow:
    """One physical box or postal batch, and each poll's papers in it."""

    reference: str
    name: str
    kind: str
    polls: tuple[PollRow, ...]
    #: The box as a whole, as the domain adds it up (``SharedBox``): papers issued over every
    #: poll's account, papers counted (None until every poll's are counted), the variance.
    issued: int
    counted: int | None
    variance: int | None


@dataclass(frozen=True)
class PollHeading:
    """One poll of the combined verification, as listed on the statement."""

    contest_id: str
    poll: str
    #: The election's title as printed, e.g. "Testborough Council local elections".
    election_title: str


@dataclass(frozen=True)
class CombinedSnapshot:
    """Everything the combined statement prints, frozen at one moment."""

    authority: str
    #: The elections' titles, e.g. "Local elections · Police and Crime Commissioner election".
    election_title: str
    #: e.g. "Verification of the ballot boxes shared by 4 polls".
    contest_heading: str
    poll_date_text: str
    printed_on_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    polls: tuple[PollHeading, ...]
    boxes: tuple[BoxRow, ...]
    #: Sentences on papers of one poll found in another's box, not yet explained.
    cross_poll: tuple[str, ...] = ()
    record_ref: str = ""

    @property
    def ballot_boxes(self) -> tuple[BoxRow, ...]:
        return tuple(b for b in self.boxes if b.kind == BOX)

    @property
    def postal(self) -> tuple[BoxRow, ...]:
        return tuple(b for b in self.boxes if b.kind == POSTAL)

    @property
    def rows(self) -> tuple[PollRow, ...]:
        """Every poll's line of every box, boxes first."""
        return tuple(p for b in self.boxes for p in b.polls)

    def rows_of(self, contest_id: str, kind: str | None = None) -> tuple[PollRow, ...]:
        """One poll's lines (of one kind, if given)."""
        return tuple(
            p
            for b in self.boxes
            if kind is None or b.kind == kind
            for p in b.polls
            if p.contest_id == contest_id
        )

    @property
    def data_hash(self) -> str:
        """12 hex digits naming the figures, names and explanations printed (not the dates)."""
        data = {
            "officer": [self.officer_name, self.officer_title],
            "boxes": [
                [
                    b.reference,
                    b.name,
                    b.kind,
                    [
                        [p.contest_id, p.issued, p.counted, p.explanation, p.accepted]
                        for p in b.polls
                    ],
                ]
                for b in self.boxes
            ],
        }
        return data_reference(data)


def _signing(contests: Sequence[Contest]) -> Contest:
    """The contest whose officer signs: a principal council's contest with an officer named
    (the council's Returning Officer leads a combined verification), else any with one."""

    def rank(c: Contest) -> tuple[bool, bool]:
        principal = c.id.startswith("local.") and not c.kind.startswith("parish")
        return (not c.officer_name.strip(), not principal)

    return sorted(contests, key=rank)[0]


def build_combined_snapshot(
    polls: Sequence[tuple[Contest, str]],
    elections: Iterable[Election],
    boxes: Iterable[SharedBox],
    *,
    poll_date: date,
    printed_on: date,
    record_ref: str = "",
) -> CombinedSnapshot:
    """Freeze the combined statement of these polls (contest and short name, in print order)."""
    by_id = {e.id: e for e in elections}
    boxes = tuple(boxes)
    contests = [c for c, _ in polls]
    titles: list[str] = []
    authorities: list[str] = []
    for c in contests:
        election = by_id[c.election_id]
        title = printed_election_title(election)
        if title not in titles:
            titles.append(title)
        if election.authority.strip() and election.authority.strip() not in authorities:
            authorities.append(election.authority.strip())
    signer = _signing(contests)
    rows = tuple(
        BoxRow(
            b.reference,
            b.name,
            POSTAL if b.kind is BoxKind.POSTAL else BOX,
            tuple(
                PollRow(
                    p.contest_id,
                    p.poll,
                    p.line.issued,
                    p.line.counted,
                    p.line.explanation,
                    p.accepted,
                )
                for p in b.polls
            ),
            b.issued,
            b.counted,
            b.variance,
        )
        for b in boxes
    )
    n = len(polls)
    return CombinedSnapshot(
        authority=" and ".join(authorities),
        election_title=" · ".join(titles),
        contest_heading=f"Verification of the ballot boxes shared by {n} polls",
        poll_date_text=date_in_words(poll_date),
        printed_on_text=date_in_words(printed_on),
        officer_name=signer.officer_name.strip(),
        officer_title=signer.officer_title_or_default,
        imprint_address=signer.imprint_address.strip(),
        polls=tuple(
            PollHeading(c.id, label, printed_election_title(by_id[c.election_id]))
            for c, label in polls
        ),
        boxes=rows,
        cross_poll=tuple(s.observation for s in cross_poll_suggestions(boxes) if s.open),
        record_ref=record_ref,
    )


__all__ = [
    "BOX",
    "POSTAL",
    "BoxRow",
    "CombinedSnapshot",
    "PollHeading",
    "PollRow",
    "build_combined_snapshot",
]
