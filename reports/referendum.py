"""A referendum's declaration of result, and its provisional sheet (DOMAIN.md §5).

The Counting Officer gives notice of the question, the number of votes cast in favour of each
answer, the ballot papers counted and rejected under each head, and declares which answer had
the majority, or that the votes were equal. No candidates, seats, deposits or "elected".

Input is a frozen ReferendumSnapshot; output is A4 PDF bytes, the same for the same snapshot.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from reports.blocks import boxed, dated_lines, header_block, notice_box, signature_block
from reports.declaration import COL_FIGURE, draw_watermark
from reports.fonts import BOLD
from reports.page import build_pdf, footer_refs
from reports.referendum_snapshot import ReferendumSnapshot
from reports.style import (
    CONTENT_WIDTH,
    HEADER_FILL,
    HEADING_FONT_SIZE,
    SECTION_GAP,
    cell,
    grid_style,
    lead_in,
    para,
)

#: The label column takes what the figure leaves of the page.
COL_LABEL = CONTENT_WIDTH - COL_FIGURE


def _header(snap: ReferendumSnapshot) -> list[Flowable]:
    parts = header_block(snap, snap.heading_title)
    if snap.provisional and snap.shown_at_text:
        parts.append(para(f"Shown at {snap.shown_at_text}", "shown_at"))
    if snap.provisional and snap.keyed_twice is not None:
        keyed = (
            "Every figure was keyed twice, by two operators independently, and the two entries agree."
            if snap.keyed_twice
            else f"The figures were keyed once (single entry), as the {snap.officer_title} "
            "allowed for this count."
        )
        parts.append(para(keyed, "shown_at"))
    if snap.draft:
        parts.append(
            para(f"Draft for checking – not yet declared by the {snap.officer_title}", "shown_at")
        )
    parts.append(Spacer(0, 2.5 * mm))
    if (snap.provisional or snap.draft) and snap.outstanding_checks:
        lines = [f"{c.code}  {c.message}" for c in snap.outstanding_checks]
        head = "Outstanding checks – this result cannot be declared until they are resolved"
        parts += [notice_box(head, lines, alert=True), Spacer(0, 4 * mm)]
    return parts


def _opening(snap: ReferendumSnapshot) -> list[Flowable]:
    if snap.provisional:
        text = (
            "These are the provisional figures of the count, shown before the result is "
            "declared. The votes cast in favour of each answer to the question asked in the "
            "referendum:"
        )
    else:
        text = (
            f"I, {snap.officer_name}, being the {snap.officer_title} for the above referendum, "
            "hereby give notice that the number of votes cast in favour of each answer to the "
            "question asked in the referendum was as follows:"
        )
    question = boxed([lead_in("Question:", snap.question, "body_left")])
    return [para(text, "body"), Spacer(0, 2.5 * mm), question, Spacer(0, 3 * mm)]


def _figures(rows: list[tuple[str, str, bool]], head: tuple[str, str] | None = None) -> Table:
    data: list[list[Any]] = []
    if head is not None:
        data.append([para(head[0], "head"), para(head[1], "head_right")])
    data += [[cell(label, COL_LABEL, bold=bold), figure] for label, figure, bold in rows]
    style = [*grid_style(), ("ALIGN", (1, 0), (1, -1), "RIGHT")]
    first = 0 if head is None else 1
    if head is not None:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("FONTSIZE", (0, 0), (-1, 0), HEADING_FONT_SIZE),
        ]
    for row, (_label, _figure, bold) in enumerate(rows, first):
        if bold:
            style.append(("FONTNAME", (0, row), (1, row), BOLD))
            style.append(("BACKGROUND", (0, row), (-1, row), HEADER_FILL))
    table = Table(data, colWidths=[COL_LABEL, COL_FIGURE], repeatRows=first, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _answers(snap: ReferendumSnapshot) -> list[Flowable]:
    rows = [(a.answer, format_figure(a.votes), False) for a in snap.answers]
    rows.append(
        ("Total number of votes cast for the answers", format_figure(snap.valid_votes), True)
    )
    table = _figures(rows, head=("Answer", "Number of votes cast in favour"))
    return [table, Spacer(0, SECTION_GAP)]


def _rejected(snap: ReferendumSnapshot) -> list[Flowable]:
    rows = [(r.printed_label, format_figure(r.count), False) for r in snap.rejected]
    rows.append(
        ("Total number of ballot papers rejected", format_figure(snap.rejected_total), True)
    )
    heading = para("The number of ballot papers rejected was as follows:", "section")
    return [KeepTogether([heading, _figures(rows)]), Spacer(0, SECTION_GAP)]


def _facts(snap: ReferendumSnapshot) -> list[Flowable]:
    turnout = "–" if snap.turnout_percent is None else f"{snap.turnout_percent}%"
    rows = [
        ("Total number of ballot papers counted", format_figure(snap.ballot_papers_counted), False),
        ("Electorate", format_figure(snap.electorate), False),
        ("Ballot papers verified", format_figure(snap.ballot_papers_verified), False),
        ("Turnout (ballot papers verified as a percentage of the electorate)", turnout, False),
    ]
    return [KeepTogether([_figures(rows)]), Spacer(0, SECTION_GAP)]


def _equal_votes_notice(snap: ReferendumSnapshot) -> list[Flowable]:
    """On the provisional sheet: votes equal, and that no lot decides a referendum."""
    if not (snap.provisional and snap.equal_votes):
        return []
    lines = [
        "The votes cast in favour of the leading answers are equal. No lots are drawn at a "
        "referendum: if these figures stand, neither answer will have received a majority of "
        "the votes cast."
    ]
    return [notice_box("Equality of votes", lines), Spacer(0, 4 * mm)]


def _closing(snap: ReferendumSnapshot) -> list[Flowable]:
    imprint = f"Printed and published by the {snap.officer_title}"
    if snap.imprint_address:
        imprint += f", {snap.imprint_address}"
    if snap.draft:
        closing = (
            f"Draft – not a declaration. If these figures are declared, the {snap.officer_title} "
            f"would declare that {snap.outcome}. This draft is not signed: the "
            f"{snap.officer_title} declares the result and signs the declaration."
        )
        return [
            KeepTogether([para(closing, "closing"), Spacer(0, 4 * mm), para(imprint, "imprint")])
        ]
    return signature_block(
        dated_lines=dated_lines(snap.declared_at_text, snap.dated_text),
        officer_name=snap.officer_name,
        officer_title=snap.officer_title,
        imprint_address=snap.imprint_address,
        before=[para(f"And I hereby declare that {snap.outcome}.", "closing"), Spacer(0, 3 * mm)],
    )


def story(snap: ReferendumSnapshot) -> list[Flowable]:
    """The flowables of the sheet, in reading order."""
    parts = [*_header(snap), *_equal_votes_notice(snap), *_opening(snap), *_answers(snap)]
    parts += [*_rejected(snap), *_facts(snap)]
    if not snap.provisional:
        parts += _closing(snap)
    return parts


def render_referendum(snapshot: ReferendumSnapshot) -> bytes:
    """The declaration of result of referendum as A4 PDF bytes (the provisional sheet if
    provisional, watermarked; a draft watermarked DRAFT)."""
    return build_pdf(
        story(snapshot),
        footer_left=footer_refs("Result", snapshot.data_hash, snapshot.record_ref),
        footer_centre=f"Contest ref. {snapshot.contest_id}",
        title=f"{snapshot.heading_title}: {snapshot.contest_heading}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left=f"{snapshot.heading_title} (continued)",
        running_right=snapshot.contest_heading,
        on_page_end=(
            draw_watermark
            if snapshot.provisional
            else (lambda canvas: draw_watermark(canvas, "DRAFT"))
            if snapshot.draft
            else None
        ),
    )


__all__ = ["render_referendum", "story"]
