"""The statement of verification's optional table: unused, spoilt and tendered papers of each
box, where the ballot paper accounts give them."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from reports.style import CONTENT_WIDTH, HEADER_FILL, SECTION_GAP, cell, grid_style, para
from reports.verification_snapshot import VerificationRow

ACCOUNT_HEADS = ("Unused ballot papers", "Spoilt ballot papers", "Tendered ballot papers")


def account_figures(
    rows: tuple[VerificationRow, ...], *, col_ref: float, col_name: float, min_height: float
) -> list[Flowable]:
    """Unused, spoilt and tendered papers of each box, where the ballot paper accounts give them."""
    if not any(v is not None for row in rows for v in row.account_figures):
        return []
    figure_width = (CONTENT_WIDTH - col_ref - col_name) / 3
    data: list[list[Any]] = [
        [
            para("Ref.", "head"),
            para("Polling station", "head"),
            *(para(h, "head_right") for h in ACCOUNT_HEADS),
        ]
    ]
    for row in rows:
        data.append(
            [
                cell(row.reference, col_ref),
                cell(row.name, col_name),
                *(format_figure(v) for v in row.account_figures),
            ]
        )
    table = Table(
        data, colWidths=[col_ref, col_name, *[figure_width] * 3], repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                *grid_style(),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    note = para(
        "As recorded on each box's ballot paper account; a dash where the account gives no figure.",
        "body_left",
    )
    return [
        CondPageBreak(min_height),
        para("Other figures of the ballot paper accounts", "section"),
        note,
        Spacer(0, 1.5 * mm),
        table,
        Spacer(0, SECTION_GAP),
    ]
