"""Migration 0007: errors found after the declaration are kept, and a database made before it
that holds a "corrected declaration" still opens and reads, the original declaration standing."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain.errors import CountDeskError
from desktop.domain.model import CountFigures
from desktop.services import CountDesk
from desktop.storage.migrations import applied_migrations
from tests.declared import (
    LEGACY_PDF,
    LEGACY_REASON,
    declare_batley,
    ids,
    legacy_corrected_database,
)
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES


def test_a_database_holding_a_corrected_declaration_opens_and_reads(db_path):
    original = legacy_corrected_database(db_path)
    with sqlite3.connect(db_path) as raw:
        assert "0007_errors_found" not in applied_migrations(raw)
        audit_rows = raw.execute(
            "SELECT COUNT(*) FROM audit WHERE entity != 'database'"
        ).fetchone()[0]
    desk = CountDesk.open(db_path, create=False)
    assert "0007_errors_found" in applied_migrations(desk.store.db.conn)
    kept = desk.kept_declarations(BATLEY)
    assert [(d.kind, d.is_legacy_correction) for d in kept] == [
        ("declaration", False),
        ("correction", True),
    ]
    assert kept[0].pdf == original and kept[1].pdf == LEGACY_PDF
    assert kept[1].reason == LEGACY_REASON
    # The declaration stands: it is what is printed, and its count is the one that stands.
    assert desk.declaration_pdf(BATLEY) == original
    assert desk.latest_count(BATLEY).number == 1
    by_name = ids(desk)
    assert desk.result(BATLEY).line(by_name["Andrew Smith"]).votes == BATLEY_VOTES["Andrew Smith"]
    history = desk.history(BATLEY)
    assert [(c.count.kind, c.stands) for c in history.counts] == [
        ("count", True),
        ("correction", False),
    ]
    assert history.counts[1].title == (
        "Count 2 – corrected figures after the declaration (of no effect)"
    )
    assert history.counts[1].count.figures.votes[by_name["Andrew Smith"]] == 73
    # Nothing is written but the chain's seal of the migrated database.
    audit = "SELECT COUNT(*) FROM audit WHERE entity != 'database'"
    assert desk.store.db.execute(audit).fetchone()[0] == audit_rows


def test_after_the_migration_the_database_refuses_a_correction_or_second_declaration(db_path):
    legacy_corrected_database(db_path)
    desk = CountDesk.open(db_path, create=False)
    store = desk.store
    figures = desk.latest_count(BATLEY).figures
    for attempt in (
        lambda: store.record_count(BATLEY, figures, "S", kind="correction", reason="x"),
        lambda: store.record_count(BATLEY, figures, "S"),
        lambda: store.add_declaration(
            BATLEY, 1, "S", declared_at=store.clock(), officer="O", data_ref="r", pdf=b"%PDF"
        ),
    ):
        with pytest.raises(CountDeskError) as info:
            attempt()
        assert info.value.code == "S802"
    assert len(desk.kept_declarations(BATLEY)) == 2
    assert len(desk.history(BATLEY).counts) == 2


def test_an_error_found_is_kept_with_its_figures_and_audit_row_and_never_changed(db_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    store = desk.store
    found = CountFigures(
        votes={**desk.latest_count(BATLEY).figures.votes, ids(desk)["Andrew Smith"]: 73},
        rejected=dict(BATLEY_REJECTED),
    )
    error = store.add_error_found(
        BATLEY, 1, "Supervisor", found_by="Deputy RO", reason="A bundle misfiled", found=found
    )
    assert store.errors_found(BATLEY) == [error]
    assert dict(error.found.votes) == dict(found.votes)
    assert dict(error.found.rejected) == BATLEY_REJECTED
    row = store.audit(BATLEY)[-1]
    assert (row.action, row.entity, row.new["found_by"]) == (
        "record error found",
        "error_found",
        "Deputy RO",
    )
    for sql in (
        "UPDATE errors_found SET reason = 'x'",
        "DELETE FROM errors_found",
        "UPDATE error_found_votes SET votes = 1",
        "DELETE FROM error_found_rejected",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="never changed or removed"):
            store.db.execute(sql)


def test_the_database_keeps_no_error_found_before_the_declaration(db_path):
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    desk.store.db.execute("INSERT INTO elections (id, poll_date) VALUES ('parl.x', '2024-07-04')")
    desk.store.db.execute(
        "INSERT INTO contests (id, election_id, area, seats, poll_date) "
        "VALUES ('parl.x.y', 'parl.x', 'Y', 1, '2024-07-04')"
    )
    with pytest.raises(CountDeskError) as info:
        desk.store.add_error_found(
            "parl.x.y", 1, "S", found_by="X", reason="Y", found=CountFigures(votes={})
        )
    assert info.value.code == "S801"
