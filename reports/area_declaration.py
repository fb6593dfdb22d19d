"""The area declaration: the declaration of result with each voting area's local totals.

At a Police and Crime Commissioner or combined authority mayoral election, the area's returning
officer adds up the local totals of every voting area and declares the result (DOMAIN.md §3,
step 6). The sheet is the usual declaration (``reports.declaration``: the candidates' total
votes, the rejected papers by heading, the facts, any lots, the closing) with, before the
closing and signature, a table of each voting area's local totals: candidates down, voting
areas across, the area total last. At most ``AREAS_PER_TABLE`` voting areas fit across A4
portrait readably; more are set as further tables of the same rows, the total in the last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from desktop.domain.local_totals import LocalTotals, name_key
from reports.declaration import render_sheet, story
from reports.fonts import BOLD
from reports.page import page_count
from reports.snapshot import DeclarationSnapshot, data_reference
from reports.style import (
    CELL_PAD_X,
    CONTENT_WIDTH,
    HEADER_FILL,
    HEADING_FONT_SIZE,
    TABLE_FONT_SIZE,
    cell,
    grid_style,
    para,
    stylesheet,
)

AREAS_PER_TABLE = 4
COL_AREA_NAME = 44 * mm
COL_AREA_FIGURE = (CONTENT_WIDTH - COL_AREA_NAME) / (AREAS_PER_TABLE + 1)


def _rows(
    snap: DeclarationSnapshot, schedule: Sequence[tuple[str, LocalTotals]]
) -> list[tuple[str, list[int | None], bool]]:
    """(label, figure per voting area, bold) for each row of the table."""
    rows: list[tuple[str, list[int | None], bool]] = []
    for line in snap.candidates:
        rows.append(
            (
                line.display_name,
                [t.votes_by_name().get(name_key(line.display_name)) for _n, t in schedule],
                False,
            )
        )
    rows.append(("Total valid votes", [t.valid_votes for _n, t in schedule], True))
    for index, heading in enumerate(snap.rejected):
        rows.append(
            (
                f"Rejected ({heading.letter})",
                [t.rejected[index][1] if index < len(t.rejected) else None for _n, t in schedule],
                False,
            )
        )
    rows.append(("Total rejected ballot papers", [t.rejected_total for _n, t in schedule], True))
    rows.append(("Ballot papers verified", [t.ballot_papers_verified for _n, t in schedule], True))
    rows.append(("Electorate", [t.electorate for _n, t in schedule], False))
    return rows


def _heading(name: str, width: float) -> Any:
    """A voting area's name as a column heading, broken at spaces and after hyphens only
    ("Barrow-in-Furness" is never split inside a word)."""
    room = width - 2 * CELL_PAD_X
    if stringWidth(name, BOLD, TABLE_FONT_SIZE) <= room:
        return name
    pieces = re.findall(r"[^\s-]+-?|\s+", name)
    lines = [""]
    for piece in pieces:
        trial = lines[-1] + piece
        if lines[-1].strip() and stringWidth(trial.strip(), BOLD, TABLE_FONT_SIZE) > room:
            lines.append(piece.lstrip())
        else:
            lines[-1] = trial
    text = "<br/>".join(escape(line.strip()) for line in lines if line.strip())
    return Paragraph(text, stylesheet()["cell_bold"])


def area_data_reference(
    snapshot: DeclarationSnapshot, schedule: Sequence[tuple[str, LocalTotals]]
) -> str:
    """The data reference the area declaration prints: of its own figures and of each voting
    area's local totals (their digests), so that the table is covered too."""
    return data_reference(
        {
            "result": snapshot.data_hash,
            "voting_areas": [[name, totals.digest] for name, totals in schedule],
        }
    )


def _total(figures: list[int | None]) -> int | None:
    return None if any(f is None for f in figures) else sum(f for f in figures if f is not None)


def area_table(
    snap: DeclarationSnapshot, schedule: Sequence[tuple[str, LocalTotals]], *, tight: bool = False
) -> list[Flowable]:
    """The voting areas' local totals, in tables of at most AREAS_PER_TABLE voting areas."""
    if not schedule:
        return []
    rows = _rows(snap, schedule)
    names = [name for name, _t in schedule]
    chunks = [
        list(range(i, min(i + AREAS_PER_TABLE, len(names))))
        for i in range(0, len(names), AREAS_PER_TABLE)
    ]
    parts: list[Flowable] = [
        para(
            "The local totals of the one voting area, which are the totals above, were as follows:"
            if len(names) == 1
            else f"The local totals of each of the {len(names)} voting areas, added up to the "
            "totals above, were as follows:",
            "section",
        )
    ]
    for number, chunk in enumerate(chunks):
        last = number == len(chunks) - 1
        head: list[Any] = [cell("Voting area", COL_AREA_NAME, bold=True)]
        head += [_heading(names[i], COL_AREA_FIGURE) for i in chunk]
        if last:
            head.append(_heading(f"{snap.area_name} total", COL_AREA_FIGURE))
        data: list[list[Any]] = [head]
        for label, figures, _bold in rows:
            line: list[Any] = [cell(label, COL_AREA_NAME)]
            line += [format_figure(figures[i]) for i in chunk]
            if last:
                line.append(format_figure(_total(figures)))
            data.append(line)
        widths = [COL_AREA_NAME] + [COL_AREA_FIGURE] * (len(head) - 1)
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style: list[tuple[Any, ...]] = [
            *grid_style(0.6 if tight else 1.2),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), HEADING_FONT_SIZE),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
        for row, (_label, _figures, bold) in enumerate(rows, start=1):
            if bold:
                style += [
                    ("FONTNAME", (0, row), (-1, row), BOLD),
                    ("BACKGROUND", (0, row), (-1, row), HEADER_FILL),
                ]
        if last:
            style.append(("FONTNAME", (-1, 1), (-1, -1), BOLD))
        table.setStyle(TableStyle(style))
        parts += [KeepTogether([table]), Spacer(0, (2 if tight else 3) * mm)]
    return parts


def render_area_declaration(
    snapshot: DeclarationSnapshot, schedule: Sequence[tuple[str, LocalTotals]]
) -> bytes:
    """The area declaration (or its provisional sheet) as A4 PDF bytes: the declaration's own
    content, then each voting area's local totals before the closing and signature."""
    pdf = _render(snapshot, schedule, tight=False)
    if page_count(pdf) > 1:
        # Set a little tighter where that keeps the closing on the page with the figures.
        tighter = _render(snapshot, schedule, tight=True)
        if page_count(tighter) < page_count(pdf):
            return tighter
    return pdf


def _render(
    snapshot: DeclarationSnapshot, schedule: Sequence[tuple[str, LocalTotals]], *, tight: bool
) -> bytes:
    parts = story(snapshot, tight)
    table = area_table(snapshot, schedule, tight=tight)
    # The declaration's last flowable is its closing and signature, kept together: the table
    # goes before it. The provisional sheet has no closing: the table goes last.
    parts = parts + table if snapshot.provisional else parts[:-1] + table + parts[-1:]
    return render_sheet(snapshot, parts, area_data_reference(snapshot, schedule))
