"""A database from before double entry (migration 0016) opens with its counts and draft as they
were, and its contests are keyed twice from then on."""

from __future__ import annotations

from desktop.domain.double_entry import EntryMode, EntryStage
from desktop.services.desk import CountDesk
from tests.storage.test_papers_counted_migration import CONTEST, VOTES, _old_database


def test_an_older_database_keeps_its_draft_and_counts_and_is_keyed_twice(tmp_path):
    path = tmp_path / "old.sqlite"
    _old_database(path)
    desk = CountDesk.open(path, create=False)
    names = {r["name"] for r in desk.store.db.query("SELECT name FROM migrations")}
    assert "0016_double_entry" in names
    (count,) = desk.store.counts(CONTEST)
    assert dict(count.figures.votes) == VOTES
    assert desk.draft(CONTEST).votes[1] == 701
    assert desk.entry_mode(CONTEST) is EntryMode.DOUBLE
    assert desk.entry_state(CONTEST).stage is EntryStage.NONE
