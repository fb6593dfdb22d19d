"""The results pages as HTML text: the election's index and one page per contest.

Plain HTML5 with one stylesheet and no script. Accessible by construction: ``lang="en-GB"``,
one ``h1`` then ``h2``s, tables with a caption and scoped headers, "Elected" said in words, the
chart an image with a text alternative beside the table it repeats. Every text from the
database (names, descriptions, areas, the question, the authority) goes through ``escape``.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

from desktop.domain.figures import format_figure, format_percent
from desktop.domain.wording import date_in_words, short_time, time_in_words
from reports.web.chart import bar_chart
from reports.web.snapshot import WebCandidate, WebContest, WebElection

#: Marks a page CountDesk wrote, so that publishing again never overwrites anyone else's.
GENERATOR = "CountDesk"


def _page(title: str, authority: str, body: str, updated: str, home: str | None) -> str:
    back = f'<p><a href="{escape(home)}">All results</a></p>' if home else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{GENERATOR}">
<title>{escape(title)}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<header class="site"><div class="wrap"><p>{escape(authority)}</p></div></header>
<main class="wrap">
{back}
{body}
<p class="muted">Last updated: {escape(updated)}.</p>
</main>
<footer class="site"><div class="wrap"><p>Results as declared. \
Published by {escape(authority)}.</p></div></footer>
</body>
</html>
"""


def _votes(value: int | None) -> str:
    return escape(format_figure(value))


def _percent(value: Fraction | None) -> str:
    return "" if value is None else f"{format_percent(value)}%"


def _names(people: tuple[WebCandidate, ...]) -> str:
    return ", ".join(
        escape(c.name_in_words) + (f" ({escape(c.description)})" if c.description else "")
        for c in people
    )


def index_html(election: WebElection) -> str:
    """The election's index: every contest, its stage, who is elected and the majority."""
    declared = sum(1 for c in election.contests if c.declared)
    rows = []
    for contest in election.contests:
        link = f'<a href="{escape(contest.page)}">{escape(contest.area)}</a>'
        if not contest.declared:
            rows.append(
                f'<tr><th scope="row">{link}</th><td class="stage">Awaited</td><td></td>'
                '<td class="num"></td></tr>'
            )
            continue
        assert contest.declared_at is not None
        stage = f"Declared {escape(short_time(contest.declared_at))}"
        if contest.referendum:
            who = escape(contest.outcome)
        elif contest.uncontested:
            who = f"{_names(contest.elected)} (elected unopposed)"
        else:
            who = _names(contest.elected)
        majority = "" if contest.majority is None else _votes(contest.majority)
        rows.append(
            f'<tr><th scope="row">{link}</th><td class="stage">{stage}</td><td>{who}</td>'
            f'<td class="num">{majority}</td></tr>'
        )
    title = election.title or election.election_id
    body = f"""<h1>{escape(title)}</h1>
<p>Poll held on {escape(date_in_words(election.poll_date))}. \
{declared} of {len(election.contests)} result{"s" if len(election.contests) != 1 else ""} declared.</p>
<table class="index">
<caption>Results by area (majority or margin in votes)</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Stage</th>\
<th scope="col">Elected</th><th scope="col" class="num">Majority</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>"""
    return _page(
        f"{title}: results – {election.authority}",
        election.authority,
        body,
        time_in_words(election.updated),
        None,
    )


def contest_html(election: WebElection, contest: WebContest) -> str:
    """One contest's page: the declared result, or that it is awaited (no figures)."""
    title = election.title or election.election_id
    heading = (
        f"<h1>{escape(contest.area)}</h1>\n<p>{escape(title)}: poll held on "
        f"{escape(date_in_words(election.poll_date))}.</p>"
    )
    if not contest.declared:
        body = (
            f'{heading}\n<p class="outcome">Result awaited.</p>\n<p>The result has not been '
            "declared yet. This page shows it once the Returning Officer has declared it.</p>"
        )
    elif contest.uncontested:
        body = heading + "\n" + _uncontested(contest)
    else:
        body = heading + "\n" + _declared(contest)
    return _page(
        f"{contest.area}: result – {title}",
        election.authority,
        body,
        time_in_words(election.updated),
        "index.html",
    )


def _declared(contest: WebContest) -> str:
    assert contest.declared_at is not None
    what = "answer" if contest.referendum else "candidate"
    parts = [f"<p>Declared at {escape(time_in_words(contest.declared_at))}.</p>"]
    if contest.referendum:
        parts.append(f"<p><strong>The question:</strong> {escape(contest.question)}</p>")
        parts.append(f'<p class="outcome">{escape(contest.outcome)}</p>')
    else:
        word = "is" if len(contest.elected) == 1 else "are"
        parts.append(f'<p class="outcome">{_names(contest.elected)} {word} elected.</p>')
    parts.append(_result_table(contest, what))
    parts.append(_facts(contest))
    chart = bar_chart(contest, "chart")
    if chart:
        parts.append(
            f"<h2>Chart</h2>\n<figure>\n{chart}\n<figcaption>Votes for each {what}, most "
            "votes first. The table above gives the same figures.</figcaption>\n</figure>"
        )
    parts.append(_pdf_link(contest, "Declaration of result"))
    return "\n".join(parts)


def _result_table(contest: WebContest, what: str) -> str:
    rows = []
    for c in contest.candidates:
        mark = "Elected" if c.elected and not contest.referendum else ""
        if contest.referendum and c.elected:
            mark = "Carried"
        lot = " (and one vote by lot)" if c.lot else ""
        description = (
            f'<span class="description">{escape(c.description)}</span>' if c.description else ""
        )
        # At a phone's width the Result column gives way to the same word under the name.
        narrow = f'<span class="mark-narrow">{mark}</span>' if mark else ""
        row_class = ' class="elected"' if c.elected else ""
        rows.append(
            f'<tr{row_class}><th scope="row">{escape(c.name)}{description}{narrow}</th>'
            f'<td class="num">{_votes(c.votes)}{lot}</td><td class="num">{_percent(c.share)}</td>'
            f'<td class="mark"><span class="badge">{mark}</span></td></tr>'
        )
    order = "in the order of the ballot paper"
    return f"""<h2>Result</h2>
<table class="result">
<caption>Votes for each {what}, {order}</caption>
<thead><tr><th scope="col">{what.capitalize()}</th><th scope="col" class="num">Votes</th>\
<th scope="col" class="num">Share</th><th scope="col" class="mark">Result</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
<tfoot><tr><th scope="row">Valid votes</th><td class="num">{_votes(contest.valid_votes)}</td>\
<td class="num"></td><td class="mark"></td></tr></tfoot>
</table>"""


def _facts(contest: WebContest) -> str:
    facts = []
    if contest.majority is not None:
        word = "Majority" if contest.seats == 1 else "Margin"
        share = _percent(contest.majority_share)
        facts.append(
            (word, f"{_votes(contest.majority)}" + (f" ({share} of valid votes)" if share else ""))
        )
    facts.append(("Valid votes", _votes(contest.valid_votes)))
    if contest.valid_papers_counted is not None:
        # Several seats: each paper carries up to one vote a seat, so papers ≠ votes.
        facts.append(("Valid ballot papers counted", _votes(contest.valid_papers_counted)))
    facts += [
        ("Rejected ballot papers", _votes(contest.rejected)),
        ("Ballot papers verified", _votes(contest.papers_verified)),
        ("Electorate", _votes(contest.electorate)),
    ]
    if contest.turnout is not None:
        facts.append(
            ("Turnout", f"{_percent(contest.turnout)} (ballot papers verified ÷ electorate)")
        )
    if any(c.lot for c in contest.candidates):
        fell = ", ".join(escape(c.name_in_words) for c in contest.candidates if c.lot)
        facts.append(("Lots", f"Votes were equal; the lot fell on {fell} (one additional vote)."))
    items = "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    return f'<h2>The poll</h2>\n<dl class="facts">\n{items}\n</dl>'


def _uncontested(contest: WebContest) -> str:
    assert contest.declared_at is not None
    people = "\n".join(
        f"<li>{escape(c.name_in_words)}"
        + (f" ({escape(c.description)})" if c.description else "")
        + "</li>"
        for c in contest.candidates
    )
    unfilled = (
        f"<p>{contest.unfilled} seat{'s' if contest.unfilled > 1 else ''} remain"
        f"{'' if contest.unfilled > 1 else 's'} unfilled.</p>"
        if contest.unfilled
        else ""
    )
    return (
        f"<p>Declared at {escape(time_in_words(contest.declared_at))}.</p>\n"
        '<p class="outcome">No poll was needed: no more candidates stood than there are seats, '
        "so they are elected unopposed.</p>\n<h2>Elected</h2>\n"
        f"<ul>\n{people}\n</ul>\n{unfilled}" + _pdf_link(contest, "Notice of uncontested election")
    )


def _pdf_link(contest: WebContest, what: str) -> str:
    if not contest.pdf:
        return ""
    size = max(1, (contest.pdf_bytes + 1023) // 1024)
    return (
        f'<h2>{escape(what)}</h2>\n<p><a href="{escape(contest.pdf)}">{escape(what)}, '
        f"{escape(contest.area)} (PDF, {size} KB)</a>: the document as declared.</p>"
    )
