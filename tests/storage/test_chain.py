"""The audit chain: every raw write to a declared contest refused, every table covered (even one a
later migration adds), an older database sealed as it stands, and the record's reference."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.storage import migrations
from desktop.storage.database import open_database
from tests.reports.sheets import pages
from tests.sample import BATLEY, BATLEY_CSV
from tests.storage.night_db import build_declared_night, copy_of, past_guard, raw

B = f"'{BATLEY}'"
COUNT = f"(SELECT MAX(id) FROM counts WHERE contest_id = {B})"
FIRST_COUNT = f"(SELECT MIN(id) FROM counts WHERE contest_id = {B})"
CANDIDATE = f"(SELECT MIN(id) FROM candidates WHERE contest_id = {B})"
AT = "'2021-07-02T05:00:00+00:00'"

#: Every INSERT, UPDATE and DELETE on each table holding a declared contest's rows: 41 writes
#: (the contest itself is not inserted). Nine of them were let through before migration 0011.
RAW_WRITES = {
    "contests": [
        f"UPDATE contests SET electorate = 1 WHERE id = {B}",
        f"DELETE FROM contests WHERE id = {B}",
    ],
    "candidates": [
        f"INSERT INTO candidates (contest_id, source_key, person_name, surname) "
        f"VALUES ({B}, 'x', 'X', 'X')",
        f"UPDATE candidates SET surname = 'X' WHERE contest_id = {B}",
        f"DELETE FROM candidates WHERE contest_id = {B}",
    ],
    "counts": [
        f"INSERT INTO counts (contest_id, number, recorded_at, operator) VALUES ({B}, 9, {AT}, 'X')",
        f"UPDATE counts SET operator = 'X' WHERE contest_id = {B}",
        f"DELETE FROM counts WHERE contest_id = {B}",
    ],
    "count_votes": [
        f"INSERT INTO count_votes (count_id, candidate_id, votes) VALUES ({COUNT}, 9999, 5)",
        f"UPDATE count_votes SET votes = 1 WHERE count_id = {COUNT}",
        f"DELETE FROM count_votes WHERE count_id = {COUNT}",
    ],
    "count_rejected": [
        f"INSERT INTO count_rejected (count_id, heading, papers) VALUES ({COUNT}, 'extra', 5)",
        f"UPDATE count_rejected SET papers = 1 WHERE count_id = {COUNT}",
        f"DELETE FROM count_rejected WHERE count_id = {COUNT}",
    ],
    "lots": [
        f"INSERT INTO lots (contest_id, count_id, tied, winners, recorded_at, operator) "
        f"VALUES ({B}, {COUNT}, '[]', '[]', {AT}, 'X')",
        "UPDATE lots SET winners = '[]'",
        "DELETE FROM lots",
    ],
    "verification_lines": [
        f"INSERT INTO verification_lines (contest_id, reference, position, name, kind, issued) "
        f"VALUES ({B}, 'ZZ', 99, 'Z', 'box', 5)",
        f"UPDATE verification_lines SET counted = 1 WHERE contest_id = {B}",
        f"DELETE FROM verification_lines WHERE contest_id = {B}",
    ],
    "status_changes": [
        f"INSERT INTO status_changes (contest_id, from_status, to_status, at, operator) "
        f"VALUES ({B}, 'declared', 'provisional', {AT}, 'X')",
        f"UPDATE status_changes SET operator = 'X' WHERE contest_id = {B}",
        f"DELETE FROM status_changes WHERE contest_id = {B}",
    ],
    "acknowledgements": [
        f"INSERT INTO acknowledgements (contest_id, code, reason, at, operator) "
        f"VALUES ({B}, 'W604', 'x', {AT}, 'X')",
        f"UPDATE acknowledgements SET reason = 'X' WHERE contest_id = {B}",
        f"DELETE FROM acknowledgements WHERE contest_id = {B}",
    ],
    "recount_requests": [
        f"INSERT INTO recount_requests (contest_id, count_id, requested_by, role, requested_at, "
        f"decision, operator, at) VALUES ({B}, {COUNT}, 'X', 'agent', {AT}, 'full', 'X', {AT})",
        f"UPDATE recount_requests SET reason = 'X' WHERE contest_id = {B}",
        f"DELETE FROM recount_requests WHERE contest_id = {B}",
    ],
    "declarations": [
        f"INSERT INTO declarations (contest_id, count_id, kind, declared_at, operator, officer, "
        f"data_ref, pdf) VALUES ({B}, {FIRST_COUNT}, 'correction', {AT}, 'X', 'X', 'x', X'00')",
        f"UPDATE declarations SET officer = 'X' WHERE contest_id = {B}",
        f"DELETE FROM declarations WHERE contest_id = {B}",
    ],
    "draft_votes": [
        f"INSERT INTO draft_votes (contest_id, candidate_id, votes) VALUES ({B}, 9999, 5)",
        f"UPDATE draft_votes SET votes = 1 WHERE contest_id = {B}",
        f"DELETE FROM draft_votes WHERE contest_id = {B}",
    ],
    "draft_rejected": [
        f"INSERT INTO draft_rejected (contest_id, heading, papers) VALUES ({B}, 'extra', 5)",
        f"UPDATE draft_rejected SET papers = 1 WHERE contest_id = {B}",
        f"DELETE FROM draft_rejected WHERE contest_id = {B}",
    ],
    "draft_papers": [
        f"INSERT INTO draft_papers (contest_id, valid_papers_counted) VALUES ({B}, 5)",
        f"UPDATE draft_papers SET valid_papers_counted = 1 WHERE contest_id = {B}",
        f"DELETE FROM draft_papers WHERE contest_id = {B}",
    ],
    "drafts": [
        f"INSERT INTO drafts (contest_id, recount_request_id) VALUES ({B}, 1)",
        f"UPDATE drafts SET recount_request_id = 2 WHERE contest_id = {B}",
        f"DELETE FROM drafts WHERE contest_id = {B}",
    ],
    # A declared poll's contest has no notice to change (its own triggers refuse any change:
    # tests/services/test_uncontested_notice.py); a notice added to it is refused.
    "uncontested_notices": [
        f"INSERT INTO uncontested_notices (contest_id, declared_at, operator, officer, data_ref, "
        f"pdf) VALUES ({B}, {AT}, 'X', 'X', 'x', X'00')",
    ],
    # A local count's totals sent, an area result's voting areas and the local totals it
    # imported: none for a declared poll's contest can be added (their own triggers refuse any
    # change: tests/services/test_area_result.py).
    "local_totals_sent": [
        f"INSERT INTO local_totals_sent (contest_id, count_id, sent_at, operator, officer, "
        f"data_ref, totals, pdf) VALUES ({B}, 1, {AT}, 'X', 'X', 'x', '{{}}', X'00')",
    ],
    "area_voting_areas": [
        f"INSERT INTO area_voting_areas (contest_id, position, name) VALUES ({B}, 1, 'X')",
    ],
    "area_returns": [
        f"INSERT INTO area_returns (contest_id, voting_area, imported_at, operator, digest, "
        f"totals) VALUES ({B}, 'X', {AT}, 'X', 'x', '{{}}')",
    ],
    "entry_modes": [
        f"INSERT INTO entry_modes (contest_id, mode) VALUES ({B}, 'single')",
        f"UPDATE entry_modes SET mode = 'double' WHERE contest_id = {B}",
        f"DELETE FROM entry_modes WHERE contest_id = {B}",
    ],
    "keyed_entries": [
        f"INSERT INTO keyed_entries (contest_id, entry, operator) VALUES ({B}, 2, 'X')",
        f"UPDATE keyed_entries SET operator = 'X' WHERE contest_id = {B}",
        f"DELETE FROM keyed_entries WHERE contest_id = {B}",
    ],
    "keyed_figures": [
        f"INSERT INTO keyed_figures (contest_id, entry, field, value) VALUES ({B}, 1, 'x', 5)",
        f"UPDATE keyed_figures SET value = 1 WHERE contest_id = {B}",
        f"DELETE FROM keyed_figures WHERE contest_id = {B}",
    ],
    "keyed_rekey": [
        f"INSERT INTO keyed_rekey (contest_id, field) VALUES ({B}, 'x')",
        f"UPDATE keyed_rekey SET field = 'y' WHERE contest_id = {B}",
        f"DELETE FROM keyed_rekey WHERE contest_id = {B}",
    ],
}
WRITES = [(table, sql) for table, sqls in RAW_WRITES.items() for sql in sqls]


@pytest.fixture(scope="module")
def declared_night(tmp_path_factory) -> Path:
    path = build_declared_night(tmp_path_factory.mktemp("chain") / "declared.sqlite")
    # The figures being keyed in are empty once declared: give each draft table a row (past
    # its guard), so that changing and removing one is tried too.
    past_guard(
        path,
        "draft_votes_declared_insert",
        f"INSERT INTO draft_votes (contest_id, candidate_id, votes) VALUES ({B}, {CANDIDATE}, 1)",
    )
    past_guard(
        path,
        "draft_rejected_declared_insert",
        f"INSERT INTO draft_rejected (contest_id, heading, papers) VALUES ({B}, 'official_mark', 1)",
    )
    past_guard(
        path,
        "draft_papers_declared_insert",
        f"INSERT INTO draft_papers (contest_id, valid_papers_counted) VALUES ({B}, 1)",
    )
    past_guard(
        path,
        "drafts_declared_insert",
        f"INSERT INTO drafts (contest_id, recount_request_id) VALUES ({B}, 1)",
    )
    # Likewise a held entry, a figure sent back and an entry mode (the count stood once both
    # entries agreed, which left none of them).
    for table, sql in (
        ("entry_modes", f"INSERT INTO entry_modes (contest_id, mode) VALUES ({B}, 'double')"),
        (
            "keyed_entries",
            f"INSERT INTO keyed_entries (contest_id, entry, operator) VALUES ({B}, 1, 'A')",
        ),
        (
            "keyed_figures",
            f"INSERT INTO keyed_figures (contest_id, entry, field, value) VALUES ({B}, 1, 'papers_counted', 1)",
        ),
        ("keyed_rekey", f"INSERT INTO keyed_rekey (contest_id, field) VALUES ({B}, 'votes:1')"),
    ):
        past_guard(path, f"{table}_declared_insert", sql)
    return path


def test_every_table_of_a_declared_contest_is_tried():
    conn = open_database(":memory:").conn
    owned = {
        t
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if t not in {"elections", "audit", "migrations", "chain_pending", "settings"}
        # Errors found are written *after* the declaration by design; their own triggers
        # refuse any change or removal (tests/storage/test_errors_found_migration.py).
        and t not in {"errors_found", "error_found_votes", "error_found_rejected"}
        # The previous election's result is no figure of this night: the press asks for the
        # change since last time after the declaration, so it is imported then (audited).
        and t not in {"previous_results", "previous_candidates"}
    }
    assert owned == set(RAW_WRITES)
    assert len(WRITES) == 60


@pytest.mark.parametrize(("table", "sql"), WRITES, ids=[s[:40] for _, s in WRITES])
def test_every_raw_write_to_a_declared_contest_is_refused_by_a_trigger(
    declared_night, tmp_path, table, sql
):
    path = copy_of(declared_night, tmp_path)
    conn = sqlite3.connect(path)
    try:
        before = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        assert before > 0 or sql.startswith("INSERT"), "nothing there to change"
        with pytest.raises(sqlite3.IntegrityError) as info:
            conn.execute(sql)
        assert "declared" in str(info.value) or "never changed" in str(info.value)
    finally:
        conn.close()


def test_a_table_a_later_migration_adds_is_chained_without_code_changes(tmp_path, monkeypatch):
    def m9999_notes(db) -> None:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, contest_id TEXT, text TEXT)")

    path = tmp_path / "later.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ("9999", m9999_notes)])
    desk = CountDesk.open(path)
    with desk.store.transaction():
        desk.store.connection.insert("notes", {"contest_id": BATLEY, "text": "kept"})
        desk.store.connection.audit("Clerk", "note", "note", 1, contest_id=BATLEY)
    assert desk.verify().intact
    desk.close()
    raw(path, "UPDATE notes SET text = 'changed'")
    result = CliRunner().invoke(cli, ["verify", "--db", str(path)])
    assert result.exit_code == 1
    assert f"Contest {BATLEY}: a row of notes [notes id 1]: changed outside" in result.stderr


def test_a_database_made_before_the_chain_opens_with_its_data_and_is_sealed(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    before = [m for m in migrations.MIGRATIONS if m[0] != "0011_audit_chain"]
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "MIGRATIONS", before)
        desk = CountDesk.open(path)
        desk.import_candidates(BATLEY_CSV, "Importer")
        desk.set_contest_facts(BATLEY, "Supervisor", electorate=79373)
        old_audit = [(e.id, e.action, e.new) for e in desk.store.audit()]
        candidates = desk.candidates(BATLEY)
        desk.close()
    assert "hash" not in {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(audit)")}
    desk = CountDesk.open(path)
    assert desk.contest(BATLEY).electorate == 79373
    assert desk.candidates(BATLEY) == candidates
    assert [(e.id, e.action, e.new) for e in desk.store.audit()] == old_audit
    assert desk.verify().intact and desk.opening_check() == []
    desk.set_contest_facts(BATLEY, "Supervisor", electorate=79374)
    assert desk.verify().intact
    desk.close()
    raw(path, f"UPDATE contests SET electorate = 1 WHERE id = {B}")
    assert not CountDesk.open(path).verify().intact


def test_a_change_made_before_an_upgrade_is_still_reported_after_it(tmp_path, monkeypatch):
    path = build_declared_night(tmp_path / "night.sqlite")
    past_guard(path, "lots_no_update", "UPDATE lots SET winners = '[]'")
    monkeypatch.setattr(
        migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ("9999", lambda db: None)]
    )
    verdict = CountDesk.open(path).verify()
    assert any("the drawing of lots" in str(p) and "upgrade" in p.kind for p in verdict.problems)


def test_recording_after_the_declaration_checks_the_whole_record_first(tmp_path):
    path = build_declared_night(tmp_path / "night.sqlite")
    desk = CountDesk.open(path)
    ref = desk.record_ref()
    assert len(ref) == 12
    assert desk.verify(ref).ref_row is not None
    desk.close()
    past_guard(path, "audit_no_update", "UPDATE audit SET operator = 'X' WHERE id = 3")
    desk = CountDesk.open(path)
    with pytest.raises(CountDeskError) as info:
        desk.record_error_found(
            BATLEY, "Supervisor", found_by="An agent", reason="x", votes={}, rejected={}
        )
    assert info.value.code == "D908" and "Audit row 3" in str(info.value)
    desk.close()


def test_verify_ref_says_whether_the_database_still_has_a_printed_state(tmp_path):
    path = build_declared_night(tmp_path / "night.sqlite")
    desk = CountDesk.open(path)
    ref = desk.record_ref()
    desk.close()
    result = CliRunner().invoke(cli, ["verify", "--db", str(path), "--ref", ref])
    assert result.exit_code == 0, result.output
    assert f"still has the record behind Record ref. {ref}" in result.output
    result = CliRunner().invoke(cli, ["verify", "--db", str(path), "--ref", "0123456789ab"])
    assert result.exit_code == 1 and "Record ref. 0123456789ab: not found" in result.stderr
    past_guard(path, "count_votes_no_update", "UPDATE count_votes SET votes = votes + 1")
    result = CliRunner().invoke(cli, ["verify", "--db", str(path), "--ref", ref])
    assert result.exit_code == 1 and "changed outside CountDesk" in result.stderr


def test_every_document_prints_the_record_ref_in_its_footer(tmp_path):
    path = build_declared_night(tmp_path / "night.sqlite")
    desk = CountDesk.open(path)
    kept = desk.declaration_pdf(BATLEY)
    statement = desk.verification_pdf(BATLEY)
    ref = desk.record_ref()
    kept_ref = desk.store.declarations(BATLEY)[0]
    desk.close()
    assert f"Record ref. {ref}" in " ".join(pages(statement))
    # The kept declaration carries the record as it stood just before it was declared.
    printed = " ".join(pages(kept)).split("Record ref. ")[1][:12]
    assert printed != ref and kept_ref.pdf == kept
    result = CliRunner().invoke(cli, ["verify", "--db", str(path), "--ref", printed])
    assert result.exit_code == 0, result.output
