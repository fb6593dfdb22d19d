"""The election summary for the press: every contest declared so far, who was elected, the
majority and whether the seat was held or gained, then the seats won by each party with its
gains and losses, and a chart of the seats. Not a declaration: it says so under its title.

Input is a frozen ElectionSnapshot; output is PDF bytes, the same for the same snapshot.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.blocks import header_block, notice_box
from reports.page import build_pdf, footer_refs
from reports.press_election_snapshot import ElectionSnapshot, axis_step
from reports.press_summary import ChartFlowable
from reports.style import CONTENT_WIDTH, HEADER_FILL, SECTION_GAP, cell, grid_style, para

COL_AREA = 36 * mm
COL_SEATS = 15 * mm
COL_MAJORITY = 27 * mm
COL_OUTCOME = 42 * mm
COL_ELECTED = CONTENT_WIDTH - COL_AREA - COL_SEATS - COL_MAJORITY - COL_OUTCOME
NOT_DECLARATIONS = (
    "For the press and the public. The declarations of result, signed by the Returning "
    "Officer for each contest, are the legal record; this page only gathers them."
)


def _contests(snap: ElectionSnapshot) -> Table:
    head = [
        para("Contest", "head"),
        para("Seats", "head_right"),
        para("Elected", "head"),
        para("Majority or margin (%)", "head_right"),
        para("Hold or gain", "head"),
    ]
    rows: list[list[Any]] = [head]
    for c in snap.contests:
        rows.append(
            [
                cell(c.area, COL_AREA, bold=True),
                str(c.seats),
                para(c.elected, "cell"),
                c.majority,
                para(c.outcome, "cell"),
            ]
        )
    style = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (1, 1), (1, -1), "RIGHT"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 1), (0, -1), "LiberationSans-Bold"),
    ]
    table = Table(
        rows, colWidths=[COL_AREA, COL_SEATS, COL_ELECTED, COL_MAJORITY, COL_OUTCOME], repeatRows=1
    )
    table.setStyle(TableStyle(style))
    return table


def _parties(snap: ElectionSnapshot) -> Table:
    head = [
        para("Party", "head"),
        para("Seats won", "head_right"),
        para("Gains", "head_right"),
        para("Losses", "head_right"),
        para("Net", "head_right"),
    ]
    figure = 22 * mm
    name = CONTENT_WIDTH - 4 * figure
    rows: list[list[Any]] = [head]
    rows += [[cell(p[0], name), p[1], p[2], p[3], p[4]] for p in snap.parties]
    style = [
        *grid_style(),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    table = Table(rows, colWidths=[name, figure, figure, figure, figure], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def story(snap: ElectionSnapshot) -> list[Flowable]:
    """The summary's flowables: contests, then seats by party and their chart."""
    parts: list[Flowable] = header_block(snap, "Election summary")
    parts.append(Spacer(0, 1.5 * mm))
    parts.append(notice_box("Not a declaration of result.", [NOT_DECLARATIONS]))
    parts.append(Spacer(0, SECTION_GAP))
    parts.append(para(snap.declared_text, "section"))
    parts.append(_contests(snap))
    parts.append(Spacer(0, SECTION_GAP))
    seats = [para("Seats won so far, by party", "section"), _parties(snap)]
    parts.append(KeepTogether(seats))
    parts.append(Spacer(0, 2 * mm))
    parts.append(
        para(
            "Gains and losses are against the previous result of each seat, where it was "
            "imported; Independents are counted together.",
            "note",
        )
    )
    parts.append(Spacer(0, SECTION_GAP))
    most = snap.most_seats
    step = axis_step(most)
    ticks = [(Fraction(k, most), str(k)) for k in range(0, most + 1, step)]
    parts.append(
        ChartFlowable(
            snap.bars, (), label_width=60 * mm, party_under=False, top=Fraction(1), ticks=ticks
        )
    )
    return parts


def render_election_summary(snap: ElectionSnapshot) -> bytes:
    """The election summary as PDF bytes."""
    return build_pdf(
        story(snap),
        footer_left=footer_refs("Election summary", snap.data_hash, snap.record_ref),
        footer_centre=snap.election_id,
        title=f"Election summary – {snap.election_title}",
        author=snap.authority or "CountDesk",
        subject="Election summary for the press: not a declaration of result",
        running_left="Election summary – not a declaration of result",
        running_right=snap.election_title,
    )
