"""One whole-number rule at every entry point: a true int (never a bool), 0 or more (1 or more
for seats and bundle size), no larger than the product's maximum; nothing saved otherwise."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import MAX_FIGURE, MAX_SEATS
from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

#: A bool, a negative, too large (10**12), and not a number at all, with the code each gets.
BAD = [(True, "F104"), (False, "F104"), (-1, "F103"), (10**12, "F106"), (2.5, "F104")]


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    return desk


def _refused(desk: CountDesk, call, code: str) -> CountDeskError:
    before = desk.store.audit()
    with pytest.raises(CountDeskError) as caught:
        call()
    assert caught.value.code == code
    assert desk.store.audit() == before, "a refused figure saved something"
    return caught.value


def _galloway(desk: CountDesk) -> int:
    return desk.candidate_by_name(BATLEY, "George Galloway").id


@pytest.mark.parametrize(("bad", "code"), BAD)
def test_draft_votes(desk, bad, code):
    error = _refused(desk, lambda: desk.set_draft_votes(BATLEY, _galloway(desk), bad, "C"), code)
    assert "Votes for GALLOWAY, George" in error.message


@pytest.mark.parametrize(("bad", "code"), BAD)
def test_draft_bundles_and_part(desk, bad, code):
    cid = _galloway(desk)
    _refused(desk, lambda: desk.set_draft_bundles(BATLEY, cid, bad, 0, "C"), code)
    _refused(desk, lambda: desk.set_draft_bundles(BATLEY, cid, 1, bad, "C"), code)


@pytest.mark.parametrize(("bad", "code"), BAD)
def test_draft_rejected(desk, bad, code):
    error = _refused(desk, lambda: desk.set_draft_rejected(BATLEY, "official_mark", bad, "C"), code)
    assert "Rejected papers (a)" in error.message


@pytest.mark.parametrize(("bad", "code"), BAD)
def test_record_count(desk, bad, code):
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    with_bad_vote = {**votes, _galloway(desk): bad}
    _refused(desk, lambda: desk.record_count(BATLEY, with_bad_vote, BATLEY_REJECTED, "C"), code)
    with_bad_heading = {**BATLEY_REJECTED, "official_mark": bad}
    _refused(desk, lambda: desk.record_count(BATLEY, votes, with_bad_heading, "C"), code)


@pytest.mark.parametrize(("bad", "code"), BAD)
def test_contest_facts(desk, bad, code):
    error = _refused(desk, lambda: desk.set_contest_facts(BATLEY, "S", electorate=bad), code)
    assert "The electorate" in error.message
    _refused(desk, lambda: desk.set_contest_facts(BATLEY, "S", ballot_papers_verified=bad), code)


@pytest.mark.parametrize(("bad", "code"), BAD)
def test_verification_figures(desk, bad, code):
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    error = _refused(desk, lambda: desk.set_box_counted(BATLEY, "BS01", bad, "S"), code)
    assert "Papers counted for BS01" in error.message
    _refused(desk, lambda: desk.correct_box(BATLEY, "BS01", "S", issued=bad), code)


@pytest.mark.parametrize(
    ("bad", "code"), [(True, "F104"), (0, "F103"), (-1, "F103"), (MAX_SEATS + 1, "F106")]
)
def test_seats(desk, bad, code):
    _refused(desk, lambda: desk.set_seats(BATLEY, bad, "S"), code)
    _refused(
        desk,
        lambda: desk.create_contest(
            "S", type_code="parl", poll_date=date(2024, 7, 4), area="Testshire", seats=bad
        ),
        code,
    )


@pytest.mark.parametrize(
    ("bad", "code"), [(True, "F104"), (0, "F103"), (MAX_FIGURE + 1, "F106"), (2.5, "F104")]
)
def test_bundle_size(desk, bad, code):
    _refused(desk, lambda: desk.set_bundle_size(BATLEY, bad, "S"), code)


def test_seats_in_a_candidates_file_are_held_to_the_maximum(desk, tmp_path):
    columns, cells = list(csv.reader(io.StringIO(BATLEY_CSV.read_text(encoding="utf-8"))))[:2]
    cells[columns.index("seats_contested")] = str(MAX_SEATS + 1)
    cells[columns.index("ballot_paper_id")] = "parl.elsewhere.2021-07-01"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([columns, cells])
    out = tmp_path / "many-seats.csv"
    out.write_text(buffer.getvalue(), encoding="utf-8")
    with pytest.raises(CountDeskError, match="seats_contested"):
        desk.import_candidates(out, "Importer")


def test_the_largest_figure_is_accepted_everywhere(desk):
    desk.set_contest_facts(BATLEY, "S", electorate=MAX_FIGURE)
    desk.set_draft_votes(BATLEY, _galloway(desk), MAX_FIGURE, "C")
    assert desk.contest(BATLEY).electorate == MAX_FIGURE
    assert desk.draft(BATLEY).votes[_galloway(desk)] == MAX_FIGURE
