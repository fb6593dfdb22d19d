"""How many SQL statements the keyed-entry services run, counted with the trace callback.

The trace callback also reports each trigger a statement fires (the declared-contest lock) as a
repeat of that statement, so those count too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

#: A figure saved: the contest and its candidates (the guard), BEGIN, the audit chain's head,
#: the count that stands, the draft, the write (its lock and its chain trigger reported again)
#: in a savepoint, the rows it wrote taken for the chain, the audit row, COMMIT.
SAVE_A_FIGURE = 15


@pytest.fixture
def desk(db_path) -> Iterator[CountDesk]:
    desk = CountDesk.open(db_path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_facts(BATLEY, "Supervisor", electorate=79373, ballot_papers_verified=37786)
    first = desk.candidates(BATLEY)[0].id
    desk.set_draft_votes(BATLEY, first, 100, "Clerk")  # keying in has begun
    yield desk
    desk.close()


def _statements(desk: CountDesk, call: Callable[[], Any]) -> list[str]:
    statements: list[str] = []
    desk.store.db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        desk.store.db.conn.set_trace_callback(None)
    return statements


def _save_votes(desk: CountDesk) -> list[str]:
    second = desk.candidates(BATLEY)[1].id
    return _statements(desk, lambda: desk.set_draft_votes(BATLEY, second, 250, "Clerk"))


def _save_rejected(desk: CountDesk) -> list[str]:
    return _statements(desk, lambda: desk.set_draft_rejected(BATLEY, "official_mark", 3, "Clerk"))


def test_saving_a_figure_runs_one_transaction_and_few_statements(desk):
    statements = _save_votes(desk)
    assert len(statements) <= SAVE_A_FIGURE, statements
    assert statements.count("BEGIN IMMEDIATE") == 1
    assert statements.count("COMMIT") == 1
    assert not any("sqlite_master" in s or "PRAGMA" in s for s in statements)


def test_saving_rejected_papers_runs_few_statements(desk):
    statements = _save_rejected(desk)
    assert len(statements) <= SAVE_A_FIGURE, statements


def test_the_live_count_is_read_in_at_most_eight_statements(desk):
    statements = _statements(desk, lambda: desk.live_count(BATLEY))
    assert len(statements) <= 8, statements


def test_a_contest_is_one_read(desk):
    assert len(_statements(desk, lambda: desk.contest(BATLEY))) == 1


def test_the_latest_count_reads_only_that_count(desk):
    assert len(_statements(desk, lambda: desk.latest_count(BATLEY))) == 1  # none yet
    votes = {c.id: 10 for c in desk.candidates(BATLEY)}
    rejected = dict.fromkeys(desk.draft(BATLEY).rejected, 0)
    for n in range(3):
        desk.record_count(BATLEY, {c: v + n for c, v in votes.items()}, rejected, "Clerk")
    statements = _statements(desk, lambda: desk.latest_count(BATLEY))
    assert len(statements) <= 3, statements
    assert desk.latest_count(BATLEY).number == 3
