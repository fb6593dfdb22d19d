"""The blocks the printed documents share: header, boxed notices, signature and imprint.

Each is built from the house style (``reports.style``) and knows nothing of a particular
document, so that every document of the night opens and closes the same way.
"""

from __future__ import annotations

from typing import Protocol

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from reports.style import (
    ALERT,
    ALERT_FILL,
    CONTENT_WIDTH,
    INK,
    NOTICE_BORDER,
    NOTICE_FILL,
    SIGNATURE_SPACE,
    SIGNATURE_WIDTH,
    para,
)


class Heading(Protocol):
    """What the header of every document prints; each document's snapshot has these fields."""

    @property
    def authority(self) -> str:
        """e.g. "Kirklees Council"; "" prints no authority line."""

    @property
    def election_title(self) -> str:
        """e.g. "Batley and Spen by-election"."""

    @property
    def contest_heading(self) -> str:
        """e.g. "Election of a Member of Parliament for the Batley and Spen Constituency"."""

    @property
    def poll_date_text(self) -> str:
        """e.g. "Thursday 1 July 2021"."""


def header_block(
    heading: Heading, title: str, *, date_label: str = "Date of poll"
) -> list[Flowable]:
    """Authority, election, contest and date of poll, a rule, then the document's title.

    ``date_label`` names the date where there was no poll (an uncontested election).
    """
    parts: list[Flowable] = []
    if heading.authority:
        parts.append(para(heading.authority, "authority"))
    parts.append(para(heading.election_title, "election"))
    parts.append(para(heading.contest_heading, "contest"))
    parts.append(para(f"{date_label}: {heading.poll_date_text}", "poll_date"))
    parts.append(Spacer(0, 3 * mm))
    parts.append(HRFlowable(width="100%", thickness=1.2, color=INK, spaceAfter=3.5 * mm))
    parts.append(para(title, "title"))
    return parts


def boxed(content: list[Flowable], *, alert: bool = False) -> Table:
    """Flowables in a box the width of the page.

    ``alert`` draws it in the alert colour (the words say what is wrong; the colour only
    repeats it); otherwise it is black on light grey.
    """
    border, fill = (ALERT, ALERT_FILL) if alert else (INK, NOTICE_FILL)
    table = Table([[item] for item in content], colWidths=[CONTENT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), NOTICE_BORDER, border),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, 0), 3.5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4.5),
            ]
        )
    )
    return table


def notice_box(head: str, lines: list[str], *, alert: bool = False) -> Table:
    """A boxed notice: a bold first line, then plain lines (see ``boxed``)."""
    content = [para(head, "alert_head" if alert else "notice_head")]
    content += [para(line, "notice") for line in lines]
    return boxed(content, alert=alert)


def dated_lines(declared_at_text: str, dated_text: str) -> list[str]:
    """The line above the signature: the time of the declaration, which carries its date, or
    else the date the sheet is dated."""
    if declared_at_text:
        return [f"Declared at {declared_at_text}"]
    return [f"Dated {dated_text}"]


def signature_block(
    *,
    dated_lines: list[str],
    officer_name: str,
    officer_title: str,
    imprint_address: str,
    before: list[Flowable] | None = None,
) -> list[Flowable]:
    """The date line(s), the officer's signature line, name and title, and the imprint.

    Kept together (with ``before``, e.g. the closing declaration) so that the signature is
    never left alone at the top of a page.
    """
    dated = [para(line, "sign") for line in dated_lines]
    signature = Table(
        [
            [dated, ""],
            ["", para(officer_name, "sign_name")],
            ["", para(officer_title, "sign")],
        ],
        colWidths=[CONTENT_WIDTH - SIGNATURE_WIDTH, SIGNATURE_WIDTH],
        rowHeights=[max(SIGNATURE_SPACE, 13 * len(dated_lines) + 2 * mm), None, None],
    )
    signature.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
                ("TOPPADDING", (1, 1), (1, 1), 2),
            ]
        )
    )
    imprint = f"Printed and published by the {officer_title}"
    if imprint_address:
        imprint += f", {imprint_address}"
    parts = list(before or [])
    parts += [signature, Spacer(0, 4 * mm), para(imprint, "imprint")]
    return [KeepTogether(parts)]
