"""The bar chart of a declared result, as inline SVG drawn by hand.

Each candidate (or answer) is a label line and a bar under it, in order of votes, so that the
label never has to share a line with the bar at a phone's width. The SVG is an image with a
text alternative (``role="img"``, its ``<title>`` and ``<desc>`` listing every figure); the
result table on the same page is the accessible equivalent. Bar lengths are whole numbers
computed from the votes with integer arithmetic.
"""

from __future__ import annotations

from html import escape

from desktop.domain.figures import format_figure, format_percent
from reports.web.snapshot import WebCandidate, WebContest

#: The drawing's own units: it scales to the width of the page (see style.py).
WIDTH = 400
LABEL = 20  # height of a label line
BAR = 18  # height of a bar
GAP = 12  # space after each bar
#: Elected (or the answer carried): dark blue; the others: grey. Both have 3:1 or more
#: against white (WCAG 1.4.11), and "elected" is said in words too, never by colour alone.
ELECTED_FILL = "#1d4f91"
OTHER_FILL = "#5f6b7a"


def bar_chart(contest: WebContest, chart_id: str) -> str:
    """The chart of a declared contest's votes, or "" where there are no votes (no poll)."""
    lines = [c for c in contest.candidates if c.votes is not None]
    if not lines:
        return ""
    ranked = sorted(lines, key=lambda c: -(c.votes or 0))
    top = max(c.votes or 0 for c in ranked) or 1
    height = len(ranked) * (LABEL + BAR + GAP)
    what = "answer" if contest.referendum else "candidate"
    title = f"Votes for each {what}, {contest.area}"
    desc = "; ".join(_described(c, contest.referendum) for c in ranked)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    y = 0
    for c in ranked:
        votes = c.votes or 0
        length = max(1, votes * (WIDTH - 2) // top) if votes else 0
        fill = ELECTED_FILL if c.elected else OTHER_FILL
        label = f"{c.name} – {format_figure(votes)}"
        if c.elected:
            label += " (carried)" if contest.referendum else " (elected)"
        parts.append(
            f'<text x="0" y="{y + LABEL - 5}" font-size="15" fill="#1a1a1a">{escape(label)}</text>'
        )
        if length:
            parts.append(
                f'<rect x="0" y="{y + LABEL}" width="{length}" height="{BAR}" fill="{fill}"/>'
            )
        y += LABEL + BAR + GAP
    parts.append("</svg>")
    return "\n".join(parts)


def _described(c: WebCandidate, referendum: bool) -> str:
    share = "" if c.share is None else f" ({format_percent(c.share)}%)"
    mark = ""
    if c.elected:
        mark = ", carried" if referendum else ", elected"
    return f"{c.name} {format_figure(c.votes)} votes{share}{mark}"
