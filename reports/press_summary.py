"""The results summary for the press: one A4 page per declared contest (DOMAIN.md §4, §6).

It says first, boxed under its title, that it is not the declaration of result. Then who is
elected and whether the seat was held or gained; the candidates in order of votes with each
one's share of the valid votes and the change since the previous election (or "new"); with
several seats, each party's votes, share, change and seats; the valid votes, the majority (or
margin) in votes and as a share, the turnout and its basis, and the swing; and a bar chart of
the shares, which takes the room left on the page so that 16 candidates fit as well as 2.

Input is a frozen PressSnapshot; output is PDF bytes, the same for the same snapshot.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.blocks import boxed, header_block
from reports.fonts import BOLD
from reports.page import build_pdf, footer_refs
from reports.press_chart import MIN_ROW, chart_height, share_chart
from reports.press_snapshot import Bar, LegendEntry, PressSnapshot, Row
from reports.style import (
    CONTENT_WIDTH,
    ELECTED_FILL,
    HEADER_FILL,
    SECTION_GAP,
    cell,
    grid_style,
    lead_in,
    para,
)

COL_VOTES = 18 * mm
COL_SHARE = 17 * mm
COL_CHANGE = 21 * mm
COL_ELECTED = 16 * mm
COL_NAME = 40 * mm
#: With more candidates than this the table's rows are set closer, to leave the chart room.
MANY = 10
COL_DESCRIPTION = CONTENT_WIDTH - COL_NAME - COL_VOTES - COL_SHARE - COL_CHANGE - COL_ELECTED
LABEL_WIDTH = 76 * mm


class ChartFlowable(Flowable):
    """The chart, as tall as the room left on the page allows (and no taller than it wants)."""

    def __init__(self, bars: tuple[Bar, ...], legend: tuple[LegendEntry, ...], **kw: Any):
        super().__init__()
        self._bars = bars
        self._legend = legend
        self._kw = kw
        self._drawing: Any = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        wanted = chart_height(self._bars, self._legend, availWidth)
        least = len(self._bars) * MIN_ROW + 30
        height = max(least, min(wanted, availHeight))
        self._drawing = share_chart(self._bars, self._legend, availWidth, height, **self._kw)
        self.width, self.height = availWidth, self._drawing.height
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics import renderPDF

        renderPDF.draw(self._drawing, self.canv, 0, 0)


def _table(snap: PressSnapshot) -> Table:
    """The candidates (or answers) in order of votes: the change column only where each
    candidate's party has one (one seat), the description and "Elected" only at an election."""
    election = not snap.referendum
    change = any(row.change for row in snap.rows)
    columns: list[tuple[str, float, bool]] = [
        ("Answer" if snap.referendum else "Candidate", 0, False)
    ]
    if election:
        columns.append(("Description", 0, False))
    columns += [("Votes", COL_VOTES, True), ("Share %", COL_SHARE, True)]
    if change:
        columns.append((snap.change_heading, COL_CHANGE, True))
    if election:
        columns.append(("Elected", COL_ELECTED, False))
    fixed = sum(width for _, width, _ in columns)
    widths = [COL_NAME, CONTENT_WIDTH - fixed - COL_NAME] if election else [CONTENT_WIDTH - fixed]
    widths += [width for _, width, _ in columns[len(widths) :]]
    rows: list[list[Any]] = [
        [para(head, "head_right" if right else "head") for head, _, right in columns]
    ]
    style = grid_style(1.0 if len(snap.rows) > MANY else 1.6)
    first_figure = 2 if election else 1
    style += [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (first_figure, 1), (first_figure + 1 + int(change), -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ]
    for i, row in enumerate(snap.rows, start=1):
        line: list[Any] = [cell(row.name, widths[0], bold=row.elected)]
        if election:
            line.append(cell(row.description, widths[1]))
        line += [row.votes, row.share]
        if change:
            line.append(row.change)
        if election:
            line.append("Elected" if row.elected else "")
        rows.append(line)
        if row.elected:
            style += [
                ("BACKGROUND", (0, i), (-1, i), ELECTED_FILL),
                ("FONTNAME", (0, i), (-1, i), BOLD),
            ]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _party_table(rows: tuple[Row, ...], change_heading: str) -> Table:
    """Several seats: each party's votes, share, change and seats."""
    head = [
        para("Party", "head"),
        para("Seats won", "head"),
        para("Votes", "head_right"),
        para("Share %", "head_right"),
        para(change_heading, "head_right"),
    ]
    body: list[list[Any]] = [head]
    name_width = COL_NAME + COL_ELECTED
    for row in rows:
        body.append(
            [
                cell(row.name, name_width, bold=row.elected),
                cell(row.description, COL_DESCRIPTION),
                row.votes,
                row.share,
                row.change,
            ]
        )
    style = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (2, 1), (4, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ]
    widths = [name_width, COL_DESCRIPTION, COL_VOTES, COL_SHARE, COL_CHANGE]
    table = Table(body, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _facts(snap: PressSnapshot) -> Table:
    label_width = 30 * mm
    rows = [[para(label, "cell_bold"), para(value, "cell")] for label, value in snap.facts]
    table = Table(rows, colWidths=[label_width, CONTENT_WIDTH - label_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
            ]
        )
    )
    return table


def story(snap: PressSnapshot) -> list[Flowable]:
    """The page's flowables, the chart last so that it takes the room left."""
    parts: list[Flowable] = header_block(snap, "Results summary")
    parts.append(Spacer(0, 1.5 * mm))
    parts.append(boxed([lead_in("Not the declaration of result.", snap.not_declaration)]))
    parts.append(Spacer(0, SECTION_GAP))
    if snap.question:
        parts.append(lead_in("The question:", snap.question, "body_left"))
        parts.append(Spacer(0, 1.5 * mm))
    headline = ". ".join(part for part in (snap.headline, snap.outcome) if part)
    if headline:
        parts.append(para(headline.rstrip(".") + ".", "closing"))
    parts.append(Spacer(0, 1.5 * mm))
    parts.append(_table(snap))
    if snap.party_rows:
        parts.append(Spacer(0, 2 * mm))
        parts.append(_party_table(snap.party_rows, snap.change_heading))
    parts.append(Spacer(0, SECTION_GAP))
    parts.append(_facts(snap))
    parts.append(Spacer(0, 1.5 * mm))
    parts.append(KeepTogether([para(note, "note") for note in snap.notes]))
    parts.append(Spacer(0, SECTION_GAP))
    parts.append(
        ChartFlowable(
            snap.bars,
            snap.legend,
            label_width=LABEL_WIDTH if not snap.referendum else 30 * mm,
            party_under=not snap.referendum,
        )
    )
    return parts


def render_press_summary(snap: PressSnapshot) -> bytes:
    """The results summary of one contest as PDF bytes."""
    return build_pdf(
        story(snap),
        footer_left=footer_refs("Results summary", snap.data_hash, snap.record_ref),
        footer_centre=snap.contest_id,
        title=f"Results summary – {snap.contest_heading}",
        author=snap.authority or "CountDesk",
        subject="Results summary for the press: not the declaration of result",
        running_left="Results summary – not the declaration of result",
        running_right=snap.contest_heading,
    )
