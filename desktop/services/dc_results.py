"""Declared results as Democracy Club's results CSV, the form the aggregators already load.

The columns are those of Democracy Club's candidates export with its "results" field group
(yournextrepresentative, ``ynr/apps/data_exports/csv_fields.py`` and the header its tests
check): the candidacy columns, then ``votes_cast``, ``elected``, ``tied_vote_winner``,
``rank``, ``turnout_reported``, ``spoilt_ballots``, ``total_electorate``,
``turnout_percentage`` and ``results_source``. How CountDesk fills them:

- ``person_id`` and ``party_id`` are those the candidates file was imported with, so that the
  rows join to Democracy Club's people (a candidate added by hand has none). The file is also
  a candidates CSV: imported again, it gives the same contests and candidates, by the same ids.
- ``party_name`` is the description on the ballot paper (DC's ``party_description_text``
  where the import had one, else its ``party_name``), as declared.
- ``turnout_reported`` is the ballot papers verified and ``turnout_percentage`` those papers as
  a share of the electorate, to 2 decimals rounded half up, which is how Democracy Club
  computes it from the two (``ResultSet.calculate_turnout_percentage``) and how the
  declaration prints it (ballot box turnout, DOMAIN.md §4).
- ``spoilt_ballots`` is the rejected ballot papers (those wholly rejected: the total of the
  headings the declaration adds up).
- ``elected`` and ``tied_vote_winner`` are ``True``/``False``, as in Democracy Club's files;
  ``rank`` is 1 for the most votes (equal votes share a rank; a vote given by lot counts).
- An uncontested contest has no poll: its candidates are elected, with no votes or turnout.

A referendum is not a Democracy Club ballot (answers, not candidates), so it has no rows here:
the CDF export carries it. Every text cell is made safe for a spreadsheet (issue 8).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from desktop.domain.figures import format_percent
from desktop.services.declared import DeclaredContest
from desktop.services.exports import spreadsheet_safe

DC_RESULTS_COLUMNS = (
    "person_id",
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "election_current",
    "party_name",
    "party_id",
    "post_label",
    "cancelled_poll",
    "seats_contested",
    "votes_cast",
    "elected",
    "tied_vote_winner",
    "rank",
    "turnout_reported",
    "spoilt_ballots",
    "total_electorate",
    "turnout_percentage",
    "results_source",
)


def _bool(value: bool) -> str:
    return "True" if value else "False"


def results_source(declared: DeclaredContest) -> str:
    """Where the figures come from, in words: the declaration, by whom and when."""
    contest = declared.contest
    when = declared.declared_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    authority = declared.election.authority or contest.election_id
    what = "Notice of uncontested election" if declared.uncontested else "Declaration of result"
    return f"{what}, {authority}, {contest.officer_title_or_default}, {when}"


def dc_rows(declared: DeclaredContest) -> list[dict[str, object]]:
    """The DC results rows of one declared contest, one per candidate in ballot order."""
    result, contest = declared.result, declared.contest
    ranked = [line.votes_with_lot for line in result.candidates]
    rows: list[dict[str, object]] = []
    for line in result.candidates:
        c = line.candidate
        mine = line.votes_with_lot
        if declared.uncontested or mine is None:
            rank: int | None = None
        else:
            rank = 1 + sum(1 for v in ranked if v is not None and v > mine)
        rows.append(
            {
                "person_id": declared.person_id(c.id),
                "person_name": c.person_name,
                "election_id": contest.election_id,
                "ballot_paper_id": contest.id,
                "election_date": contest.poll_date.isoformat(),
                "election_current": "",
                "party_name": c.description,
                "party_id": declared.party_id(c.id),
                "post_label": contest.area,
                "cancelled_poll": _bool(False),
                "seats_contested": contest.seats,
                "votes_cast": None if declared.uncontested else line.votes,
                "elected": _bool(declared.uncontested or line.elected),
                "tied_vote_winner": _bool(line.lot_vote > 0),
                "rank": rank,
                "turnout_reported": None if declared.uncontested else result.ballot_papers_verified,
                "spoilt_ballots": None if declared.uncontested else result.rejected_total,
                "total_electorate": contest.electorate,
                "turnout_percentage": (
                    None
                    if declared.uncontested or result.turnout is None
                    else format_percent(result.turnout)
                ),
                "results_source": results_source(declared),
            }
        )
    return rows


def dc_results_csv(contests: Iterable[DeclaredContest]) -> str:
    """Declared contests (referendums left out) as Democracy Club's results CSV (CRLF lines)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DC_RESULTS_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for declared in contests:
        if declared.contest.type.referendum:
            continue
        for row in dc_rows(declared):
            writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return out.getvalue()
