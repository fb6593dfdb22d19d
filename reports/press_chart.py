"""The press summary's bar chart of shares, drawn with reportlab's own graphics.

Horizontal bars in order of votes, each labelled with its name (and party) at the left and its
share at its end, on an axis from 0 to the next ten per cent above the largest share, with a
light rule every ten per cent; a legend of the colours under it. Every bar says in words what
its colour says, so the chart reads the same in black and white. The bars are sized to the
room given, so 16 candidates fit on the page as well as 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.fonts import BOLD, REGULAR
from reports.press_snapshot import Bar, LegendEntry
from reports.style import INK, MUTED, RULE, fit_text

LABEL_SIZE = 8.0
SMALL_SIZE = 6.8
AXIS_SIZE = 7.0
#: Room for the share after the longest bar, and under the axis for its figures.
END_ROOM = 42.0
AXIS_ROOM = 12.0
LEGEND_ROW = 12.0
SWATCH = 8.0
MIN_ROW, MAX_ROW = 9.5, 18.0


def axis_top(bars: Sequence[Bar]) -> Fraction:
    """The axis' end: the next tenth at or above the largest share (at least a tenth)."""
    largest = max((b.share for b in bars), default=Fraction(0))
    tenths = -(-largest * 10 // 1)
    return Fraction(max(1, int(tenths)), 10)


def legend_rows(legend: Sequence[LegendEntry], width: float) -> list[list[LegendEntry]]:
    """The legend's entries laid out in rows that fit ``width``."""
    rows: list[list[LegendEntry]] = [[]]
    used = 0.0
    for entry in legend:
        need = SWATCH + 4 + stringWidth(entry.name, REGULAR, LABEL_SIZE) + 14
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append(entry)
        used += need
    return [r for r in rows if r]


def chart_height(bars: Sequence[Bar], legend: Sequence[LegendEntry], width: float) -> float:
    """The height the chart wants with its rows as tall as they may be."""
    rows = legend_rows(legend, width)
    return len(bars) * MAX_ROW + AXIS_ROOM + len(rows) * LEGEND_ROW + (3 if rows else 0)


def percent_ticks(top: Fraction) -> list[tuple[Fraction, str]]:
    """A rule every ten per cent up to ``top``."""
    return [(Fraction(k, 10), f"{k * 10}%") for k in range(int(top * 10) + 1)]


def hatch(drawing: Drawing, x: float, y: float, w: float, h: float, pattern: str) -> None:
    """Lines over a bar or swatch, so that two colours of one grey still differ in print:
    "/" diagonal, "-" horizontal, "|" vertical, "x" both diagonals; "" none."""
    step = 3.2
    ink = {"strokeColor": INK, "strokeWidth": 0.45}
    if "-" in pattern:
        k = y + step / 2
        while k < y + h:
            drawing.add(Line(x, k, x + w, k, **ink))
            k += step
    if "|" in pattern:
        k = x + step / 2
        while k < x + w:
            drawing.add(Line(k, y, k, y + h, **ink))
            k += step
    for rising in (True, False):
        if not ("x" in pattern or (rising and "/" in pattern)):
            continue
        # Lines at 45°, each clipped to the rectangle.
        c = -h
        while c < w:
            x0, x1 = max(0.0, c), min(w, c + h)
            if x1 > x0:
                y0, y1 = x0 - c, x1 - c
                if not rising:
                    y0, y1 = h - y0, h - y1
                drawing.add(Line(x + x0, y + y0, x + x1, y + y1, **ink))
            c += step * 1.4


def share_chart(
    bars: Sequence[Bar],
    legend: Sequence[LegendEntry],
    width: float,
    height: float,
    *,
    label_width: float,
    party_under: bool = True,
    top: Fraction | None = None,
    ticks: Sequence[tuple[Fraction, str]] | None = None,
) -> Drawing:
    """The chart in ``width`` × ``height`` points (rows shrink to fit, down to ``MIN_ROW``).

    The axis runs from 0 to ``top`` (default: the next ten per cent above the largest share),
    with a rule at each of ``ticks`` (default: every ten per cent).
    """
    rows = legend_rows(legend, width)
    legend_height = len(rows) * LEGEND_ROW + (3 if rows else 0)
    room = height - AXIS_ROOM - legend_height
    row = max(MIN_ROW, min(MAX_ROW, room / max(1, len(bars))))
    height = len(bars) * row + AXIS_ROOM + legend_height
    drawing = Drawing(width, height)
    top = top if top is not None else axis_top(bars)
    ticks = ticks if ticks is not None else percent_ticks(top)
    left = label_width
    span = width - left - END_ROOM
    plot_top = height
    plot_bottom = height - len(bars) * row
    two_lines = party_under and row >= 16
    # The axis: a light rule at each tick, with its figure under the bars.
    for at, label in ticks:
        x = left + float(span * at / top)
        drawing.add(Line(x, plot_bottom, x, plot_top, strokeColor=RULE, strokeWidth=0.25))
        drawing.add(
            String(
                x, plot_bottom - AXIS_SIZE - 2, label, fontName=REGULAR, fontSize=AXIS_SIZE,
                fillColor=MUTED, textAnchor="middle",
            )
        )  # fmt: skip
    for i, bar in enumerate(bars):
        y = plot_top - (i + 1) * row
        bar_height = row * 0.7
        bar_y = y + (row - bar_height) / 2
        length = float(span * bar.share / top)
        fill = colors.HexColor(bar.colour)
        drawing.add(
            Rect(left, bar_y, max(length, 0.6), bar_height, fillColor=fill, strokeColor=INK,
                 strokeWidth=0.4)
        )  # fmt: skip
        hatch(drawing, left, bar_y, length, bar_height, bar.pattern)
        font = BOLD if bar.elected else REGULAR
        name = fit_text(bar.label, font, LABEL_SIZE, label_width - 6)
        if two_lines and bar.party:
            drawing.add(
                String(left - 4, y + row / 2 + 0.5, name, fontName=font, fontSize=LABEL_SIZE,
                       fillColor=INK, textAnchor="end")
            )  # fmt: skip
            party = fit_text(bar.party, REGULAR, SMALL_SIZE, label_width - 6)
            drawing.add(
                String(left - 4, y + row / 2 - SMALL_SIZE - 0.5, party, fontName=REGULAR,
                       fontSize=SMALL_SIZE, fillColor=MUTED, textAnchor="end")
            )  # fmt: skip
        else:
            text = name
            if bar.party and party_under:
                text = fit_text(f"{bar.label} · {bar.party}", font, LABEL_SIZE, label_width - 6)
            drawing.add(
                String(left - 4, y + (row - LABEL_SIZE) / 2 + 1.5, text, fontName=font,
                       fontSize=LABEL_SIZE, fillColor=INK, textAnchor="end")
            )  # fmt: skip
        # On white, so that a rule of the axis does not run through the figure.
        text_x = left + length + 2
        drawing.add(
            Rect(text_x, bar_y, stringWidth(bar.share_text, font, LABEL_SIZE) + 2, bar_height,
                 fillColor=colors.white, strokeColor=None)
        )  # fmt: skip
        drawing.add(
            String(text_x + 1, y + (row - LABEL_SIZE) / 2 + 1.5, bar.share_text,
                   fontName=font, fontSize=LABEL_SIZE, fillColor=INK)
        )  # fmt: skip
    y = plot_bottom - AXIS_ROOM - LEGEND_ROW + 3
    for entries in rows:
        x = 0.0
        for entry in entries:
            drawing.add(
                Rect(x, y - 1, SWATCH, SWATCH, fillColor=colors.HexColor(entry.colour),
                     strokeColor=INK, strokeWidth=0.4)
            )  # fmt: skip
            hatch(drawing, x, y - 1, SWATCH, SWATCH, entry.pattern)
            drawing.add(
                String(x + SWATCH + 4, y, entry.name, fontName=REGULAR, fontSize=LABEL_SIZE,
                       fillColor=INK)
            )  # fmt: skip
            x += SWATCH + 4 + stringWidth(entry.name, REGULAR, LABEL_SIZE) + 14
        y -= LEGEND_ROW
    return drawing
