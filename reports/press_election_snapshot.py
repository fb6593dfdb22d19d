"""The frozen snapshot the election summary (press) is printed from: every contest declared so
far, seats won per party with gains and losses, and the seats chart's bars (see
``reports.press_snapshot`` for the contest's own summary)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from desktop.domain.figures import format_figure
from desktop.domain.model import Election
from desktop.domain.press import press_percent
from desktop.domain.press_election import ElectionSummary
from desktop.domain.wording import date_in_words, plural
from reports.party_colours import party_colour
from reports.press_snapshot import PATTERNS, Bar
from reports.snapshot import data_reference, printed_election_title


def axis_step(seats: int) -> int:
    """The seats between two rules of the seats chart: at most ten rules."""
    return max(1, -(-seats // 10))


@dataclass(frozen=True)
class ContestRow:
    """One declared contest of the election summary."""

    area: str
    seats: int
    elected: str
    majority: str
    outcome: str


@dataclass(frozen=True)
class ElectionSnapshot:
    """Everything the election summary prints."""

    election_id: str
    authority: str
    election_title: str
    poll_date_text: str
    printed_on_text: str
    declared_text: str
    contests: tuple[ContestRow, ...]
    #: Party, seats, gains, losses, net: as printed.
    parties: tuple[tuple[str, str, str, str, str], ...]
    bars: tuple[Bar, ...]
    #: Where the seats chart's axis ends: the most seats any party won, rounded up to a whole
    #: number of its steps (``axis_step``).
    most_seats: int = 1
    record_ref: str = ""

    @property
    def contest_heading(self) -> str:
        """The header's line under the election's title."""
        return "The contests declared so far"

    @property
    def data_hash(self) -> str:
        """12 hex digits of the printed figures, for the footer."""
        return data_reference(
            {
                "election_id": self.election_id,
                "contests": [
                    [c.area, c.seats, c.elected, c.majority, c.outcome] for c in self.contests
                ],
                "parties": [list(p) for p in self.parties],
            }
        )


def election_snapshot(
    summary: ElectionSummary,
    election: Election,
    *,
    printed_on: date,
    record_ref: str = "",
) -> ElectionSnapshot:
    """Freeze what the election summary prints."""
    contests = []
    for press in (*summary.declared, *summary.referendums):
        if press.referendum:
            elected, outcome = "–", press.outcome
        else:
            elected = "; ".join(
                f"{line.name_in_words} ({line.description or 'Independent'})"
                for line in press.lines
                if line.elected
            )
            outcome = press.outcome_words or "no previous result"
        share = "" if press.majority_share is None else f" ({press_percent(press.majority_share)}%)"
        majority = "–" if press.majority is None else f"{format_figure(press.majority)}{share}"
        contests.append(ContestRow(press.area, press.seats, elected, majority, outcome))
    for contest in summary.unopposed:
        names = "; ".join(f"{name} ({party.printed_name})" for name, party in contest.elected)
        contests.append(ContestRow(contest.area, contest.seats, names, "–", "elected unopposed"))
    won = max((p.seats for p in summary.parties), default=0) or 1
    most = -(-won // axis_step(won)) * axis_step(won)
    parties = tuple(
        (
            p.name,
            str(p.seats),
            str(p.gains),
            str(p.losses),
            f"{p.net:+d}".replace("-", "\u2212") if p.net else "0",
        )
        for p in summary.parties
    )
    bars = tuple(
        Bar(
            p.name,
            "",
            Fraction(p.seats, most),
            plural(p.seats, "seat"),
            party_colour("", p.name),
            False,
            PATTERNS[i % len(PATTERNS)],
        )
        for i, p in enumerate(q for q in summary.parties if q.seats)
    )
    return ElectionSnapshot(
        election_id=election.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        poll_date_text=date_in_words(election.poll_date),
        printed_on_text=date_in_words(printed_on),
        declared_text=(
            f"Declared so far: {summary.contests_declared} of "
            f"{plural(summary.contests_total, 'contest')}, "
            f"{plural(summary.seats_declared, 'seat')} filled."
        ),
        contests=tuple(contests),
        parties=parties,
        bars=bars,
        most_seats=most,
        record_ref=record_ref,
    )
