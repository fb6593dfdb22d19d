"""The A4 page every printed document is laid out on.

A first-page template and a continuation template with a running header, a canvas that
holds the pages back so each footer can say "data ref. · contest id · Page x of y", and
``build_pdf``, which lays a story out on them and returns the bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from reports.fonts import REGULAR, register_fonts
from reports.style import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    fit_text,
)

#: Baseline of the footer text, and the rule above it.
FOOTER_BASELINE = 9 * mm
FOOTER_RULE_Y = 13 * mm
#: The running header on continuation pages takes this much from the top of the frame.
RUNNING_HEADER_HEIGHT = 9 * mm
RUNNING_HEADER_SIZE = 8.5


class NumberedCanvas(Canvas):
    """Holds pages back until the end so that each footer can say "Page x of y"."""

    def __init__(self, *args: Any, footer_left: str = "", footer_centre: str = "", **kw: Any):
        super().__init__(*args, **kw)
        self._footer_left = footer_left
        self._footer_centre = footer_centre
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_LEFT, FOOTER_RULE_Y, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_RULE_Y)
        self.setFillColor(MUTED)
        page = f"Page {number} of {total}"
        line, size = footer_line(self._footer_left, self._footer_centre, page)
        self.setFont(REGULAR, size)
        self.drawString(MARGIN_LEFT, FOOTER_BASELINE, line)
        self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, FOOTER_BASELINE, page)
        self.restoreState()


def footer_line(left: str, centre: str, page: str) -> tuple[str, float]:
    """The footer's references as one line, and the size that keeps it clear of the page
    number: two strings drawn side by side would overprint each other once the references
    grow (a record reference beside the contest's)."""
    line = " · ".join(part for part in (left, centre) if part)
    room = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - stringWidth(page, REGULAR, 8) - 12
    size = 8.0
    while size > 5.5 and stringWidth(line, REGULAR, size) > room:
        size -= 0.5
    return line, size


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}


class SheetDoc(BaseDocTemplate):
    """A4 with a first-page template and a continuation template with a running header.

    ``running_left`` and ``running_right`` are printed at the top of every page after the
    first; ``on_page_end`` (if given) draws over each page's content, e.g. a watermark.
    """

    def __init__(
        self,
        buffer: io.BytesIO,
        *,
        title: str,
        author: str,
        subject: str,
        running_left: str,
        running_right: str,
        on_page_end: Callable[[Canvas], None] | None = None,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            creator="CountDesk",
            lang="en-GB",
            invariant=1,
        )
        self._running_left = running_left
        self._running_right = running_right
        self._page_end = on_page_end
        frame_height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        first = Frame(
            MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, frame_height, id="first", **_NO_PADDING
        )
        later = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            CONTENT_WIDTH,
            frame_height - RUNNING_HEADER_HEIGHT,
            id="later",
            **_NO_PADDING,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    "first",
                    [first],
                    onPageEnd=self._on_page_end,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(
                    "later", [later], onPage=self._on_later_page, onPageEnd=self._on_page_end
                ),
            ]
        )

    def _on_page_end(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if self._page_end is not None:
            self._page_end(canvas)

    def _on_later_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, RUNNING_HEADER_SIZE)
        top = PAGE_HEIGHT - MARGIN_TOP - 8
        canvas.drawString(MARGIN_LEFT, top, self._running_left)
        room = CONTENT_WIDTH - stringWidth(self._running_left, REGULAR, RUNNING_HEADER_SIZE)
        right = fit_text(self._running_right, REGULAR, RUNNING_HEADER_SIZE, room - 8 * mm)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, top, right)
        canvas.restoreState()


def page_count(pdf: bytes) -> int:
    """How many pages a PDF made here has."""
    return len(re.findall(rb"/Type /Page\b", pdf))


def footer_refs(label: str, data_hash: str, record_ref: str) -> str:
    """The footer's references: the printed data's, and the record's (the audit chain's head)."""
    record = f" · Record ref. {record_ref}" if record_ref else ""
    return f"{label} data ref. {data_hash}{record}"


def build_pdf(
    story: list[Flowable],
    *,
    footer_left: str,
    footer_centre: str,
    **doc_args: Any,
) -> bytes:
    """Lay the story out on A4 in the house style and return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SheetDoc(buffer, **doc_args)
    canvasmaker = _canvas_maker(footer_left, footer_centre)
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


def _canvas_maker(footer_left: str, footer_centre: str) -> Callable[..., NumberedCanvas]:
    def make(*args: Any, **kw: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, footer_left=footer_left, footer_centre=footer_centre, **kw)

    return make
