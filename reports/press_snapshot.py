"""The frozen snapshots the results summary (press) and the election summary are printed from.

Every word and figure the pages print is worked out here, as strings, whole numbers and
tuples, from the domain's ``PressResult`` and ``ElectionSummary``; a bar's length is its share
as a Fraction, which only the drawing turns into points. Rendering never reaches back into the
domain or the database, and the same snapshot always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from desktop.domain.figures import format_figure, format_percent
from desktop.domain.model import Contest, Election
from desktop.domain.press import PressResult, press_change, press_percent
from desktop.domain.wording import date_in_words, day_month_year, plural
from reports.party_colours import INDEPENDENT, OTHER, party_colour
from reports.printable import require_own_election
from reports.snapshot import (
    data_reference,
    join_names,
    printed_contest_heading,
    printed_election_title,
)

#: The title, which says first that this is not the legal document (DOMAIN.md §4).
TITLE = "Results summary"
NOT_THE_DECLARATION = (
    "For the press and the public. The declaration of result signed by the {officer} is the "
    "legal record, and its figures are the ones that count."
)


@dataclass(frozen=True)
class Row:
    """One candidate (or answer) of the table, in order of votes."""

    name: str
    description: str
    votes: str
    share: str
    #: "+2.9", "−7.4", "new", or "" where no previous result is known.
    change: str
    elected: bool


@dataclass(frozen=True)
class Bar:
    """One bar of the chart: its label, the party under it, its share and its colour."""

    label: str
    party: str
    share: Fraction
    share_text: str
    #: A colour as "#rrggbb".
    colour: str
    elected: bool
    #: Lines drawn over the colour, as its legend entry's ("" none; see press_chart.hatch).
    pattern: str = ""


@dataclass(frozen=True)
class LegendEntry:
    """One colour of the chart and what it stands for."""

    name: str
    colour: str
    pattern: str = ""


#: Patterns given to the legend's colours in turn, so that each reads apart in grey.
PATTERNS = ("", "/", "-", "x", "|", "")


@dataclass(frozen=True)
class PressSnapshot:
    """Everything the results summary of one contest prints."""

    contest_id: str
    authority: str
    election_title: str
    contest_heading: str
    poll_date_text: str
    printed_on_text: str
    not_declaration: str
    #: "Elected: Kim LEADBEATER (Labour Party)", or a referendum's outcome.
    headline: str
    #: "Labour Party hold", "… gain from …", or "" where no previous result is known.
    outcome: str
    referendum: bool
    rows: tuple[Row, ...]
    #: The change column's heading, e.g. "Change since 2019" ("" for no such column).
    change_heading: str
    #: Several seats: the change is each party's, in the parties table below the candidates.
    party_rows: tuple[Row, ...]
    #: (label, value) pairs: valid votes, majority, turnout and its basis, swing.
    facts: tuple[tuple[str, str], ...]
    #: Notes under the facts (what "new" means, the previous result's source, no swing).
    notes: tuple[str, ...]
    bars: tuple[Bar, ...]
    legend: tuple[LegendEntry, ...]
    record_ref: str = ""
    #: A referendum's question, in full as on the ballot paper ("" for an election).
    question: str = ""

    @property
    def data_hash(self) -> str:
        """12 hex digits of the printed figures, for the footer."""
        return data_reference(
            {
                "contest_id": self.contest_id,
                "rows": [[r.name, r.description, r.votes, r.share, r.change] for r in self.rows],
                "party_rows": [[r.name, r.votes, r.share, r.change] for r in self.party_rows],
                "facts": [list(f) for f in self.facts],
                "outcome": self.outcome,
            }
        )


def contest_snapshot(
    press: PressResult,
    contest: Contest,
    election: Election,
    *,
    printed_on: date,
    record_ref: str = "",
) -> PressSnapshot:
    """Freeze what the results summary of one declared contest prints."""
    require_own_election(contest, election)
    previous = press.previous
    since = "" if previous is None else f"Change since {previous.year}"
    party_change = {p.key: ("new" if p.new else press_change(p.change)) for p in press.parties}
    single = press.seats == 1
    rows = tuple(
        Row(
            line.display_name,
            line.description or ("" if press.referendum else "Independent"),
            format_figure(line.votes),
            press_percent(line.share),
            party_change.get(line.party_key, "") if single and previous is not None else "",
            line.elected,
        )
        for line in press.lines
    )
    party_rows: tuple[Row, ...] = ()
    if not single and not press.referendum:
        party_rows = tuple(
            Row(
                p.name,
                plural(p.seats, "seat")
                + ("" if p.previous_seats is None else f" ({p.previous_seats} before)"),
                format_figure(p.votes),
                press_percent(p.share),
                party_change[p.key] if previous is not None else "",
                p.seats > 0,
            )
            for p in press.parties
        )
    colours = {p.key: party_colour(p.key, p.name) for p in press.parties}
    answer_colours = ("#3b6ea8", "#e3a33b", "#6f8f3a", "#8a5a9e")
    legend = () if press.referendum else legend_of(press)
    patterns = {entry.colour: entry.pattern for entry in legend}
    bars = tuple(
        Bar(
            line.display_name,
            "" if press.referendum else (line.description or "Independent"),
            line.share,
            press_percent(line.share) + "%",
            answer_colours[i % len(answer_colours)]
            if press.referendum
            else colours[line.party_key],
            line.elected,
            PATTERNS[i % 2] if press.referendum else patterns[colours[line.party_key]],
        )
        for i, line in enumerate(press.lines)
    )
    return PressSnapshot(
        contest_id=contest.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        poll_date_text=date_in_words(contest.poll_date),
        printed_on_text=date_in_words(printed_on),
        not_declaration=NOT_THE_DECLARATION.format(officer=contest.officer_title_or_default),
        headline=_headline(press),
        outcome=press.outcome_words if not press.referendum else "",
        referendum=press.referendum,
        rows=rows,
        change_heading=since if previous is not None and not press.referendum else "",
        party_rows=party_rows,
        facts=_facts(press),
        notes=_notes(press),
        bars=bars,
        legend=legend,
        record_ref=record_ref,
        question=contest.question if press.referendum else "",
    )


def legend_of(press: PressResult) -> tuple[LegendEntry, ...]:
    """One entry a colour: each party with its own, then Independents, then other parties."""
    entries: dict[str, str] = {}
    for p in press.parties:
        colour = party_colour(p.key, p.name)
        if colour == INDEPENDENT:
            entries.setdefault(colour, "Independent")
        elif colour == OTHER:
            entries.setdefault(colour, "Other parties")
        else:
            entries.setdefault(colour, p.name)
    known = [c for c in entries if c not in (INDEPENDENT, OTHER)]
    ordered = known + [c for c in (INDEPENDENT, OTHER) if c in entries]
    return tuple(
        LegendEntry(entries[c], c, PATTERNS[i % len(PATTERNS)]) for i, c in enumerate(ordered)
    )


def _headline(press: PressResult) -> str:
    if press.referendum:
        return press.outcome
    elected = [
        f"{line.name_in_words} ({line.description or 'Independent'})"
        for line in press.lines
        if line.elected
    ]
    return "Elected: " + join_names(elected) if elected else ""


def _facts(press: PressResult) -> tuple[tuple[str, str], ...]:
    facts: list[tuple[str, str]] = [("Valid votes", format_figure(press.valid_votes))]
    if press.majority is not None:
        label = "Majority" if press.seats == 1 or press.referendum else "Margin"
        share = (
            ""
            if press.majority_share is None
            else f" ({press_percent(press.majority_share)}% of valid votes)"
        )
        facts.append((label, f"{format_figure(press.majority)}{share}"))
    if press.turnout is not None and press.electorate is not None:
        facts.append(
            (
                "Turnout",
                f"{press_percent(press.turnout)}% (ballot papers verified "
                f"{format_figure(press.ballot_papers_verified)} of an electorate of "
                f"{format_figure(press.electorate)}; {format_percent(press.turnout)}% on the "
                "declaration)",
            )
        )
    if press.swing is not None and press.previous is not None:
        facts.append(
            (
                "Swing",
                f"{press_percent(press.swing.value)}% from {press.swing.from_party} to "
                f"{press.swing.to_party} since {press.previous.year}",
            )
        )
    return tuple(facts)


def _notes(press: PressResult) -> tuple[str, ...]:
    if press.referendum:
        return ("Shares are of the votes cast for the answers. A referendum has no parties, "
                "so there is no change or swing.",)  # fmt: skip
    notes = []
    previous = press.previous
    if press.seats > 1:
        notes.append(
            "Shares are of all votes cast (each voter had up to "
            f"{press.seats} votes); a party's share is its candidates' votes together."
        )
    else:
        notes.append("Shares are of the valid votes.")
    if previous is None:
        notes.append("No previous result is known for this seat, so no change or swing is given.")
        return tuple(notes)
    notes.append(
        f"Change is in percentage points since the election of "
        f"{day_month_year(previous.poll_date)} ({previous.ballot_id}), party by party; "
        "“new”: the party did not stand then. An Independent is compared only with the same "
        "person."
    )
    if press.swing is not None:
        notes.append(
            "Swing is the two-party swing between the two parties with most votes: half the "
            "difference of their changes in share."
        )
    elif press.no_swing_reason:
        notes.append(press.no_swing_reason)
    return tuple(notes)
