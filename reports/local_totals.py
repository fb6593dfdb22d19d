"""The statement of local totals (DOMAIN.md §3, step 6).

At a Police and Crime Commissioner or combined authority mayoral election, the local returning
officer of each voting area counts that area's votes and does not declare a result: the
statement certifies the local totals — the votes for each candidate, the ballot papers rejected
under each heading, the ballot papers verified and the electorate — for the police area (or
combined authority) returning officer, who adds up every voting area's totals and declares.

So it has no "Elected" column, no majority, no deposits and no "duly elected"; it says plainly
that it is not a declaration. Input is a frozen LocalStatementSnapshot; output is A4 PDF bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.domain.contest_facts import ballot_box_turnout
from desktop.domain.election_types import ElectionType
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.local_totals import LocalTotals
from desktop.domain.model import Contest, Election
from desktop.domain.wording import date_in_words, time_in_words
from reports.blocks import header_block, notice_box, signature_block
from reports.declaration import COL_FIGURE, COL_NAME, draw_watermark
from reports.fonts import BOLD
from reports.page import build_pdf, footer_refs
from reports.printable import require_own_election
from reports.snapshot import (
    OutstandingCheck,
    data_reference,
    printed_contest_heading,
    printed_election_title,
)
from reports.style import CONTENT_WIDTH, HEADER_FILL, SECTION_GAP, cell, grid_style, para

TITLE = "Statement of Local Totals"
NOT_A_DECLARATION = (
    "This statement is not a declaration of result. The result for the {area} is declared by "
    "the {area_officer}, once the local totals of every voting area have been added up."
)


@dataclass(frozen=True)
class LocalStatementSnapshot:
    """Everything the statement of local totals prints, frozen at one moment."""

    contest_id: str
    authority: str
    election_title: str
    contest_heading: str
    area_name: str
    area_word: str
    area_officer: str
    voting_area: str
    poll_date_text: str
    officer_name: str
    officer_title: str
    imprint_address: str
    #: (SURNAME, Forenames as on the ballot paper, description, votes), in ballot order.
    candidates: tuple[tuple[str, str, int], ...]
    #: (letter, label, papers) under each heading of the election type.
    rejected: tuple[tuple[str, str, int], ...]
    rejected_total: int
    valid_votes: int
    ballot_papers_verified: int
    electorate: int | None
    dated_text: str
    sent_at_text: str = ""
    draft: bool = False
    outstanding_checks: tuple[OutstandingCheck, ...] = ()
    record_ref: str = ""

    @property
    def turnout_percent(self) -> str:
        """Ballot papers verified as a percentage of the electorate, or "–"."""
        turnout = ballot_box_turnout(self.ballot_papers_verified, self.electorate)
        return "–" if turnout is None else f"{format_percent(turnout)}%"

    @property
    def data_hash(self) -> str:
        """A short reference to the figures the statement records: 12 hex digits of a SHA-256."""
        return data_reference(
            {
                "contest_id": self.contest_id,
                "statement": "local totals",
                "voting_area": self.voting_area,
                "candidates": [list(c) for c in self.candidates],
                "rejected": [list(r) for r in self.rejected],
                "ballot_papers_verified": self.ballot_papers_verified,
                "electorate": self.electorate,
                "officer": [self.officer_name, self.officer_title],
            }
        )


def build_local_statement(
    totals: LocalTotals,
    contest: Contest,
    election: Election,
    *,
    printed_on: date,
    sent_at: datetime | None = None,
    draft: bool = False,
    needed: tuple[OutstandingCheck, ...] = (),
    record_ref: str = "",
) -> LocalStatementSnapshot:
    """Freeze the statement of ``totals`` (``sent_at`` dates it; a draft lists ``needed``)."""
    require_own_election(contest, election)
    etype: ElectionType = contest.type
    given = dict(totals.rejected)
    on = printed_on if sent_at is None else sent_at.date()
    return LocalStatementSnapshot(
        contest_id=contest.id,
        authority=election.authority.strip(),
        election_title=printed_election_title(election),
        contest_heading=printed_contest_heading(contest),
        area_name=contest.area,
        area_word=etype.area_word,
        area_officer=etype.officer_title,
        voting_area=totals.voting_area,
        poll_date_text=date_in_words(contest.poll_date),
        officer_name=contest.officer_name.strip(),
        officer_title=contest.officer_title_or_default,
        imprint_address=contest.imprint_address.strip(),
        candidates=tuple((c.ballot_name, c.description, c.votes) for c in totals.candidates),
        rejected=tuple((h.letter, h.label, given.get(h.key, 0)) for h in etype.headings),
        rejected_total=totals.rejected_total,
        valid_votes=totals.valid_votes,
        ballot_papers_verified=totals.ballot_papers_verified,
        electorate=totals.electorate,
        dated_text=date_in_words(on),
        sent_at_text="" if sent_at is None else time_in_words(sent_at),
        draft=draft,
        outstanding_checks=needed if draft else (),
        record_ref=record_ref,
    )


def _header(snap: LocalStatementSnapshot) -> list[Flowable]:
    parts = header_block(snap, TITLE)
    parts.append(para(f"Voting area: {snap.voting_area or '(not named)'}", "election"))
    if snap.draft:
        parts.append(para("Draft for checking – the local totals are not yet sent", "shown_at"))
    parts.append(Spacer(0, 2.5 * mm))
    if snap.outstanding_checks:
        lines = [f"{c.code}  {c.message}" for c in snap.outstanding_checks]
        head = "Outstanding checks – these local totals cannot be sent until they are resolved"
        parts += [notice_box(head, lines, alert=True), Spacer(0, 4 * mm)]
    return parts


def _opening(snap: LocalStatementSnapshot) -> list[Flowable]:
    text = (
        f"I, {snap.officer_name or '…'}, being the {snap.officer_title} for the voting area of "
        f"{snap.voting_area or '…'} at the above election, certify that the local totals of "
        "that voting area were as follows:"
    )
    return [para(text, "body"), Spacer(0, 3 * mm)]


def _table(rows: list[list[Any]], widths: list[float], *, head: bool, bold_last: bool) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if head else 0, hAlign="LEFT")
    style = [*grid_style(), ("ALIGN", (-1, 0), (-1, -1), "RIGHT")]
    if head:
        style += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("FONTNAME", (0, 0), (-1, 0), BOLD)]
    if bold_last:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL),
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
        ]
    table.setStyle(TableStyle(style))
    return table


def _votes(snap: LocalStatementSnapshot) -> list[Flowable]:
    description = CONTENT_WIDTH - COL_NAME - COL_FIGURE
    rows: list[list[Any]] = [
        ["Name of candidate", "Description (if any)", cell("Local total of votes", COL_FIGURE)]
    ]
    rows += [
        [cell(name, COL_NAME, bold=True), cell(desc, description), format_figure(votes)]
        for name, desc, votes in snap.candidates
    ]
    rows.append(["Total valid votes", "", format_figure(snap.valid_votes)])
    table = _table(rows, [COL_NAME, description, COL_FIGURE], head=True, bold_last=True)
    return [table, Spacer(0, SECTION_GAP)]


def _rejected_and_facts(snap: LocalStatementSnapshot) -> list[Flowable]:
    label = CONTENT_WIDTH - COL_FIGURE
    rows: list[list[Any]] = [
        [cell(f"({letter}) {text}", label), format_figure(n)] for letter, text, n in snap.rejected
    ]
    rows.append(["Total rejected ballot papers", format_figure(snap.rejected_total)])
    heading = para("The number of ballot papers rejected was as follows:", "section")
    facts: list[list[Any]] = [
        ["Electorate of the voting area", format_figure(snap.electorate)],
        ["Ballot papers verified", format_figure(snap.ballot_papers_verified)],
        [
            cell("Turnout (ballot papers verified as a percentage of the electorate)", label),
            snap.turnout_percent,
        ],
    ]
    return [
        KeepTogether([heading, _table(rows, [label, COL_FIGURE], head=False, bold_last=True)]),
        Spacer(0, SECTION_GAP),
        _table(facts, [label, COL_FIGURE], head=False, bold_last=False),
        Spacer(0, SECTION_GAP),
    ]


def _closing(snap: LocalStatementSnapshot) -> list[Flowable]:
    note = NOT_A_DECLARATION.format(
        area=f"{snap.area_name} {snap.area_word.title()}", area_officer=snap.area_officer
    )
    dated = [f"Dated {snap.dated_text}"]
    if snap.sent_at_text:
        dated.append(f"Sent at {snap.sent_at_text}")
    return signature_block(
        dated_lines=dated,
        officer_name=snap.officer_name,
        officer_title=snap.officer_title,
        imprint_address=snap.imprint_address,
        before=[para(note, "closing"), Spacer(0, 3 * mm)],
    )


def render_local_statement(snapshot: LocalStatementSnapshot) -> bytes:
    """The statement of local totals as A4 PDF bytes; watermarked DRAFT if a draft."""
    story = [*_header(snapshot), *_opening(snapshot), *_votes(snapshot)]
    story += [*_rejected_and_facts(snapshot), *_closing(snapshot)]
    return build_pdf(
        story,
        footer_left=footer_refs("Local totals", snapshot.data_hash, snapshot.record_ref),
        footer_centre=f"Contest ref. {snapshot.contest_id}",
        title=f"{TITLE}: {snapshot.voting_area}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left=f"{TITLE} (continued)",
        running_right=snapshot.voting_area,
        on_page_end=(lambda canvas: draw_watermark(canvas, "DRAFT")) if snapshot.draft else None,
    )


__all__ = ["build_local_statement", "render_local_statement"]
