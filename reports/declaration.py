"""The declaration of result of poll, and the provisional result sheet (DOMAIN.md §6).

Input is a frozen DeclarationSnapshot; output is A4 PDF bytes. Nothing here reads the clock,
the database or the domain: the same snapshot always gives byte-identical output.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.domain.figures import format_figure
from reports.blocks import dated_lines, header_block, notice_box, signature_block
from reports.fonts import BOLD, REGULAR
from reports.page import build_pdf, footer_refs, page_count
from reports.snapshot import DeclarationSnapshot, join_names
from reports.style import (
    ALERT,
    ALERT_FILL,
    CELL_PAD_X,
    CELL_PAD_Y,
    CONTENT_WIDTH,
    ELECTED_FILL,
    HEADER_FILL,
    HEADING_FONT_SIZE,
    NBSP,
    NOTICE_BORDER,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SECTION_GAP,
    TABLE_FONT_SIZE,
    cell,
    grid_style,
    para,
    stylesheet,
)

# --- Geometry (points; reportlab's unit); the page itself is reports.style's ------------------

# The candidate table's columns; the rejected and figures tables reuse the figure column's
# position so that every figure on the sheet lines up on one right edge.
COL_NAME = 54 * mm
COL_DESCRIPTION = 69 * mm
COL_FIGURE = 30 * mm
COL_MARK = CONTENT_WIDTH - COL_NAME - COL_DESCRIPTION - COL_FIGURE
WATERMARK_SIZE = 96
#: The finding-code column of the outstanding checks box.
CODE_WIDTH = 16 * mm

WATERMARK = colors.HexColor("#7a7a7a")
WATERMARK_ALPHA = 0.16

ASTERISK = "*"
#: Longer names may break across lines, or they would not fit the width of the page.
UNBROKEN_NAME_MAX = 40


def draw_watermark(canvas: Canvas, word: str = "PROVISIONAL") -> None:
    """A diagonal word over the page's content, translucent so the figures read through it."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFillAlpha(WATERMARK_ALPHA)
    canvas.setFont(BOLD, WATERMARK_SIZE)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
    canvas.drawCentredString(0, -WATERMARK_SIZE * 0.35, word)
    canvas.restoreState()


# --- The parts of the sheet -------------------------------------------------------------------


def _header(snap: DeclarationSnapshot) -> list[Flowable]:
    parts = header_block(snap, snap.document_title)
    if snap.provisional and snap.shown_at_text:
        parts.append(para(f"Shown to candidates and agents at {snap.shown_at_text}", "shown_at"))
    if snap.provisional and snap.keyed_twice is not None:
        keyed = (
            "Every figure was keyed twice, by two operators independently, and the two entries agree."
            if snap.keyed_twice
            else "The figures were keyed once (single entry), as the Returning Officer allowed "
            "for this contest."
        )
        parts.append(para(keyed, "shown_at"))
    if snap.draft:
        parts.append(
            para(f"Draft for checking – not yet declared by the {snap.officer_title}", "shown_at")
        )
    parts.append(Spacer(0, 2.5 * mm))
    return parts


def _outstanding_checks(snap: DeclarationSnapshot) -> list[Flowable]:
    if not snap.outstanding_checks:
        return []
    rows: list[list[Any]] = [
        [
            para(
                "Outstanding checks – this result cannot be declared until they are resolved",
                "alert_head",
            ),
            "",
        ]
    ]
    rows += [
        [para(c.code, "alert_code"), para(c.message, "alert")] for c in snap.outstanding_checks
    ]
    table = Table(rows, colWidths=[CODE_WIDTH, CONTENT_WIDTH - CODE_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BOX", (0, 0), (-1, -1), NOTICE_BORDER, ALERT),
                ("BACKGROUND", (0, 0), (-1, -1), ALERT_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(0, 4 * mm)]


def _tie_to_decide(snap: DeclarationSnapshot) -> list[Flowable]:
    """On the provisional sheet: candidates tied for a seat, and that the lot will decide."""
    if not snap.tie_names:
        return []
    either = "either" if len(snap.tie_names) == 2 else "any"
    falls = (
        "the candidate on whom the lot falls will be"
        if snap.tie_places == 1
        else f"the {snap.tie_places} candidates on whom the lot falls will each be"
    )
    lines = [
        f"{join_names(_unbroken(snap.tie_names))} have each received "
        f"{format_figure(snap.tie_votes)} votes, and the addition of one vote would entitle "
        f"{either} of them to be elected.",
        "If these figures stand once counting, including any recount, is complete, the "
        f"{snap.officer_title} will decide between them by lot, and {falls} treated as having "
        "received one additional vote. No one is elected until then.",
    ]
    return [notice_box("Equality of votes", lines), Spacer(0, 4 * mm)]


def _opening(snap: DeclarationSnapshot) -> list[Flowable]:
    if snap.provisional:
        text = (
            "These are the provisional figures of the count, shown to the candidates and their "
            "agents before the result is declared. Any candidate or election agent present may "
            "ask for a recount."
        )
    else:
        text = (
            f"I, {snap.officer_name}, being the {snap.officer_title} at the above election, give "
            "notice that the total number of votes recorded for each candidate at the said "
            "election is as follows:"
        )
    return [para(text, "body"), Spacer(0, 3 * mm)]


#: A sheet of up to this many candidates is set tighter, if it must be, to stay on one page.
ONE_PAGE_CANDIDATES = 24
#: The tighter setting: less padding in the tables and less space between the sections.
TIGHT_PAD_Y = 0.9
TIGHT_GAP = 2 * mm


def _pad(tight: bool) -> float:
    return TIGHT_PAD_Y if tight else CELL_PAD_Y


def _gap(tight: bool) -> float:
    return TIGHT_GAP if tight else SECTION_GAP


def _candidates_table(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    # Nobody is elected before the declaration: the provisional sheet has no "Elected" column
    # and marks no one out (DOMAIN.md §3, step 4).
    marked = not snap.provisional
    head = ["Name of candidate", "Description (if any)", "Number of votes"]
    rows: list[list[Any]] = [[*head, ""] if marked else head]
    style = [
        *grid_style(_pad(tight)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, 0), HEADING_FONT_SIZE),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
    ]
    if marked:
        style += [("ALIGN", (3, 1), (3, -1), "CENTRE"), ("FONTNAME", (3, 1), (3, -1), BOLD)]
    asterisk_width = stringWidth(ASTERISK, REGULAR, TABLE_FONT_SIZE)
    any_lot = any(line.lot_vote for line in snap.candidates)
    # One row per candidate: the figures are read from the same object as the name.
    for row, line in enumerate(snap.candidates, start=1):
        votes = format_figure(line.printed_votes)
        if line.lot_vote:
            votes += ASTERISK
        elif any_lot:
            # Keeps the digits of every row on one right edge despite the asterisk.
            style.append(("RIGHTPADDING", (2, row), (2, row), CELL_PAD_X + asterisk_width))
        elected = marked and line.elected
        cells = [
            cell(line.display_name, COL_NAME, bold=elected),
            cell(line.description, COL_DESCRIPTION),
            votes,
        ]
        rows.append([*cells, "Elected" if elected else ""] if marked else cells)
        if elected:
            style.append(("BACKGROUND", (0, row), (-1, row), ELECTED_FILL))
            style.append(("FONTNAME", (0, row), (0, row), BOLD))
            style.append(("FONTNAME", (2, row), (2, row), BOLD))
    # Without the mark column the figures keep their edge, in line with the tables below.
    widths = [COL_NAME, COL_DESCRIPTION, COL_FIGURE] + ([COL_MARK] if marked else [])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    parts: list[Flowable] = [table]
    if snap.lots_applied:
        parts.append(Spacer(0, 1.5 * mm))
        parts.append(
            para(
                f"{ASTERISK} Includes one additional vote allotted by lot, as explained below.",
                "note",
            )
        )
    parts.append(Spacer(0, _gap(tight)))
    return parts


def _figures_table(rows: Sequence[tuple[str, str, bool]], tight: bool = False) -> Table:
    """Label and figure rows (bold where flagged) whose figures line up with the votes above."""
    label_width = CONTENT_WIDTH - COL_FIGURE - COL_MARK
    data = [[cell(label, label_width, bold=bold), figure] for label, figure, bold in rows]
    style = [*grid_style(_pad(tight)), ("ALIGN", (1, 0), (1, -1), "RIGHT")]
    for row, (_label, _figure_text, bold) in enumerate(rows):
        if bold:
            style.append(("FONTNAME", (0, row), (1, row), BOLD))
            style.append(("BACKGROUND", (0, row), (-1, row), HEADER_FILL))
    table = Table(data, colWidths=[label_width, COL_FIGURE], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _rejected(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    # Every head in its letter's order, "rejected in part" among them saying what became of its
    # papers' good votes; then the total of the papers wholly rejected, which reconciles.
    rows = [(r.printed_label, format_figure(r.count), False) for r in snap.rejected]
    rows.append((snap.rejected_total_label, format_figure(snap.rejected_total), True))
    heading = para("The number of ballot papers rejected was as follows:", "section")
    return [KeepTogether([heading, _figures_table(rows, tight)]), Spacer(0, _gap(tight))]


def _facts(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    turnout = "–" if snap.turnout_percent is None else f"{snap.turnout_percent}%"
    rows = [
        ("Electorate", format_figure(snap.electorate), False),
        ("Ballot papers verified", format_figure(snap.ballot_papers_verified), False),
    ]
    if snap.valid_papers_counted is not None:
        rows.append(
            ("Valid ballot papers counted", format_figure(snap.valid_papers_counted), False)
        )
    rows += [
        ("Turnout (ballot papers verified as a percentage of the electorate)", turnout, False),
        ("Number of vacant seats", format_figure(snap.seats), False),
    ]
    if snap.majority is not None:
        label = snap.majority_label
        if snap.lots_applied:
            label += ", before the vote allotted by lot"
        figure = format_figure(snap.majority)
        if snap.tie_names and snap.majority == 0:
            label, figure = f"{label} (equality of votes: the lot will decide)", "none"
        rows.append((label, figure, False))
    return [KeepTogether([_figures_table(rows, tight)]), Spacer(0, _gap(tight))]


def _unbroken(names: tuple[str, ...]) -> list[str]:
    """Names that a line break may not split: "Marcus VAN DYKE" stays on one line."""
    return [name.replace(" ", NBSP) if len(name) <= UNBROKEN_NAME_MAX else name for name in names]


def _lots(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    if not snap.lots_applied:
        return []
    # In the words of the rules: the officer decides between them by lot and proceeds as if
    # the candidate on whom the lot falls had received an additional vote.
    decider = f"the {snap.officer_title}" if snap.provisional else "I"
    whom = "who is" if len(snap.lots_winners) == 1 else "who are each"
    either = "either" if len(snap.lots_tied) == 2 else "any"
    text = (
        f"An equality of votes having been found between {join_names(_unbroken(snap.lots_tied))}, "
        f"and the addition of a vote entitling {either} of them to be elected, {decider} decided "
        f"between them by lot. The lot fell on {join_names(_unbroken(snap.lots_winners))}, "
        f"{whom} treated as having received one additional vote."
    )
    return [para(text, "body"), Spacer(0, _gap(tight))]


def _draft_closing(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    """A draft's end: who would be declared, said as a draft, with no declaring words, no date
    and no place to sign, so that a copy cannot pass for the declaration."""
    names = join_names(_unbroken(snap.elected_names))
    closing = (
        f"Draft – not a declaration. If these figures are declared, {names} would be "
        f"declared duly elected as {snap.elected_as}. This draft is not signed: the "
        f"{snap.officer_title} declares the result and signs the declaration."
    )
    imprint = f"Printed and published by the {snap.officer_title}"
    if snap.imprint_address:
        imprint += f", {snap.imprint_address}"
    closing_parts = [*_lots(snap, tight), para(closing, "closing"), Spacer(0, 4 * mm)]
    return [KeepTogether([*closing_parts, para(imprint, "imprint")])]


def _closing(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    if snap.draft:
        return _draft_closing(snap, tight)
    names = join_names(_unbroken(snap.elected_names))
    verb = "is" if len(snap.elected_names) == 1 else "are"
    declaration = f"And I do hereby declare that {names} {verb} duly elected as {snap.elected_as}."
    return signature_block(
        dated_lines=dated_lines(snap.declared_at_text, snap.dated_text),
        officer_name=snap.officer_name,
        officer_title=snap.officer_title,
        imprint_address=snap.imprint_address,
        # The lots sentence explains the declaration that follows it: they stay together.
        before=[*_lots(snap, tight), para(declaration, "closing"), Spacer(0, 3 * mm)],
    )


def story(snap: DeclarationSnapshot, tight: bool = False) -> list[Flowable]:
    """The flowables of the sheet, in the order DOMAIN.md §6 prints them."""
    parts = _header(snap)
    if snap.provisional or snap.draft:
        parts += _outstanding_checks(snap)
        parts += _tie_to_decide(snap)
    parts += _opening(snap)
    parts += _candidates_table(snap, tight)
    parts += _rejected(snap, tight)
    parts += _facts(snap, tight)
    if snap.provisional:
        parts += _lots(snap, tight)
    else:
        parts += _closing(snap, tight)
    return parts


def render_declaration(snapshot: DeclarationSnapshot) -> bytes:
    """The declaration of result of poll as A4 PDF bytes; the provisional sheet if provisional.

    A sheet of up to ONE_PAGE_CANDIDATES candidates that runs onto a second page (a lots
    sentence) is set again a little tighter, so that the closing
    declaration and signature stay on the page with the figures.
    """
    pdf = _render(snapshot, tight=False)
    if page_count(pdf) > 1 and len(snapshot.candidates) <= ONE_PAGE_CANDIDATES:
        tighter = _render(snapshot, tight=True)
        if page_count(tighter) == 1:
            return tighter
    return pdf


def _render(snapshot: DeclarationSnapshot, *, tight: bool) -> bytes:
    return render_sheet(snapshot, story(snapshot, tight), snapshot.data_hash)


def render_sheet(snapshot: DeclarationSnapshot, parts: list[Flowable], data_ref: str) -> bytes:
    """A result sheet's story on the declaration's pages: its footer (the data reference
    ``data_ref`` and the record's), running heads and watermark (provisional, or draft)."""
    return build_pdf(
        parts,
        footer_left=footer_refs("Result", data_ref, snapshot.record_ref),
        footer_centre=f"Contest ref. {snapshot.contest_id}",
        title=f"{snapshot.document_title}: {snapshot.area_name} {snapshot.area_word}",
        author=snapshot.officer_title,
        subject=snapshot.contest_id,
        running_left=f"{snapshot.document_title} (continued)",
        running_right=f"{snapshot.area_name} {snapshot.area_word.title()}",
        on_page_end=(
            draw_watermark
            if snapshot.provisional
            else (lambda canvas: draw_watermark(canvas, "DRAFT"))
            if snapshot.draft
            else None
        ),
    )


__all__ = ["render_declaration", "story", "stylesheet"]
