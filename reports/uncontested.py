"""The notice of uncontested election (DOMAIN.md §3, step 1).

No more candidates stood than there are seats, so there is no poll: the Returning Officer gives
notice that those nominated are duly elected, and of any seats left unfilled. The notice has
no votes, no turnout, no electorate and no "Declaration of Result of Poll"; it opens and closes
like every document of the night (``reports.blocks``).

Input is a frozen UncontestedSnapshot; output is A4 PDF bytes, the same for the same snapshot.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from reports.blocks import header_block, notice_box, signature_block
from reports.declaration import COL_NAME, draw_watermark
from reports.fonts import BOLD
from reports.page import build_pdf, footer_refs
from reports.style import (
    CONTENT_WIDTH,
    HEADER_FILL,
    HEADING_FONT_SIZE,
    SECTION_GAP,
    cell,
    grid_style,
    para,
)
from reports.uncontested_snapshot import UncontestedSnapshot

#: The header's date line: the day the poll would have been held, had there been one.
DATE_LABEL = "Day of election (uncontested: no poll taken)"
#: The description column takes what the name leaves of the page.
COL_WIDE_DESCRIPTION = CONTENT_WIDTH - COL_NAME


def _header(snap: UncontestedSnapshot) -> list[Flowable]:
    parts = header_block(snap, snap.title, date_label=DATE_LABEL)
    if snap.draft:
        parts.append(
            para(
                "Draft for checking – the candidates are not yet declared duly elected",
                "shown_at",
            )
        )
    parts.append(Spacer(0, 2.5 * mm))
    if snap.outstanding_checks:
        lines = [f"{c.code}  {c.message}" for c in snap.outstanding_checks]
        head = "Outstanding checks – this notice cannot be given until they are resolved"
        parts += [notice_box(head, lines, alert=True), Spacer(0, 4 * mm)]
    return parts


def _opening(snap: UncontestedSnapshot) -> list[Flowable]:
    one = len(snap.elected) == 1
    who = "person was" if one else "persons were"
    text = (
        f"I, {snap.officer_name}, being the {snap.officer_title} at the above election, hereby "
        "give notice that no poll is to be taken, the number of persons validly nominated not "
        f"exceeding the number of seats to be filled, and that the following {who} duly "
        f"elected as {snap.elected_as}:"
    )
    return [para(text, "body"), Spacer(0, 3 * mm)]


def _elected_table(snap: UncontestedSnapshot) -> list[Flowable]:
    rows: list[list[Any]] = [["Name of candidate", "Description (if any)"]]
    rows += [
        [cell(e.display_name, COL_NAME, bold=True), cell(e.description, COL_WIDE_DESCRIPTION)]
        for e in snap.elected
    ]
    table = Table(rows, colWidths=[COL_NAME, COL_WIDE_DESCRIPTION], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *grid_style(),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, 0), HEADING_FONT_SIZE),
                ("FONTNAME", (0, 1), (0, -1), BOLD),
            ]
        )
    )
    return [table, Spacer(0, SECTION_GAP)]


def _unfilled(snap: UncontestedSnapshot) -> list[Flowable]:
    if snap.unfilled <= 0:
        return []
    seats = "1 seat remains" if snap.unfilled == 1 else f"{snap.unfilled} seats remain"
    text = (
        f"And I further give notice that {seats} unfilled, fewer persons having been validly "
        f"nominated ({len(snap.elected)}) than there are seats to be filled ({snap.seats})."
    )
    return [para(text, "closing"), Spacer(0, SECTION_GAP)]


def _closing(snap: UncontestedSnapshot) -> list[Flowable]:
    dated = [f"Dated {snap.dated_text}"]
    if snap.declared_at_text:
        dated.append(f"Declared duly elected at {snap.declared_at_text}")
    return signature_block(
        dated_lines=dated,
        officer_name=snap.officer_name,
        officer_title=snap.officer_title,
        imprint_address=snap.imprint_address,
        before=[Spacer(0, 2 * mm)],
    )


def story(snap: UncontestedSnapshot) -> list[Flowable]:
    """The flowables of the notice, in reading order."""
    return [
        *_header(snap),
        *_opening(snap),
        *_elected_table(snap),
        *_unfilled(snap),
        *_closing(snap),
    ]


def render_uncontested(snapshot: UncontestedSnapshot) -> bytes:
    """The notice of uncontested election as A4 PDF bytes; watermarked DRAFT if a draft."""
    return build_pdf(
        story(snapshot),
        footer_left=footer_refs("Notice", snapshot.data_hash, snapshot.record_ref),
        footer_centre=f"Contest ref. {snapshot.contest_id}",  # one footer line, as on the others
        title=f"{snapshot.title}: {snapshot.area_name} {snapshot.area_word}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left=f"{snapshot.title} (continued)",
        running_right=f"{snapshot.area_name} {snapshot.area_word.title()}",
        on_page_end=(lambda canvas: draw_watermark(canvas, "DRAFT")) if snapshot.draft else None,
    )


__all__ = ["render_uncontested", "story"]
