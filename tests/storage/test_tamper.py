"""The tamper suite: fourteen kinds of edit made with plain sqlite3 to a declared night, each named
by ``countdesk-cli verify`` (with its contest and row) and warned of on opening.

Each edit is made the way someone with a database browser would: the database's own guard
(the trigger that refuses the change) removed, the change made, the guard put back. Then again
by someone who removes every trigger, the chain's capture triggers too, and restores them all:
the quick check on opening cannot see that, the full check still names every edit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import BATLEY
from tests.storage.night_db import (
    build_declared_night,
    copy_of,
    past_every_trigger,
    past_guard,
    raw,
)

LATEST = f"(SELECT MAX(id) FROM counts WHERE contest_id = '{BATLEY}')"
FIRST_CANDIDATE = f"(SELECT MIN(id) FROM candidates WHERE contest_id = '{BATLEY}')"

#: Each kind of edit: the guard it gets past (None: no guard stands in its way), its SQL, and
#: the words ``verify`` must use for it.
EDITS: dict[str, tuple[str | None, str, tuple[str, ...]]] = {
    "a vote changed": (
        "count_votes_no_update",
        f"UPDATE count_votes SET votes = votes + 100 WHERE count_id = {LATEST} "
        f"AND candidate_id = {FIRST_CANDIDATE}",
        ("a candidate's votes in a count", "changed outside CountDesk"),
    ),
    "a rejected figure changed": (
        "count_rejected_no_update",
        f"UPDATE count_rejected SET papers = papers + 1 WHERE count_id = {LATEST} "
        "AND heading = 'official_mark'",
        ("rejected papers in a count", "heading official_mark", "changed outside"),
    ),
    "an audit row deleted": (
        "audit_no_delete",
        "DELETE FROM audit WHERE id = 5",
        ("Audit row 5", "removed outside CountDesk"),
    ),
    "an audit row altered": (
        "audit_no_update",
        "UPDATE audit SET operator = 'Someone else' WHERE id = 7",
        ("Audit row 7", "changed outside CountDesk"),
    ),
    "a count inserted": (
        "counts_declared_insert",
        "INSERT INTO counts (contest_id, number, recorded_at, operator, kind, reason) VALUES "
        f"('{BATLEY}', 9, '2021-07-02T05:00:00+00:00', 'X', 'count', 'quietly')",
        ("a count [counts id", "added outside CountDesk", "number 9"),
    ),
    "a kept declaration PDF replaced": (
        "declarations_no_update",
        "UPDATE declarations SET pdf = CAST('%PDF-1.4 forged' AS BLOB)",
        ("a kept declaration", "changed outside CountDesk", "pdf 15 bytes"),
    ),
    "the electorate changed": (
        "contests_declared_update",
        f"UPDATE contests SET electorate = 80373 WHERE id = '{BATLEY}'",
        ("the contest's facts", "changed outside", "electorate 80373"),
    ),
    "a declared contest set back to provisional": (
        "contests_declared_update",
        f"UPDATE contests SET status = 'provisional' WHERE id = '{BATLEY}'",
        ("the contest's facts", "changed outside", "status 'provisional'"),
    ),
    "a candidate renamed": (
        "candidates_declared_update",
        f"UPDATE candidates SET surname = 'SOMEONE' WHERE id = {FIRST_CANDIDATE}",
        ("a candidate [candidates id", "changed outside", "surname 'SOMEONE'"),
    ),
    "a candidate's description changed": (
        "candidates_declared_update",
        f"UPDATE candidates SET description = 'Another Party' WHERE id = {FIRST_CANDIDATE}",
        ("a candidate [candidates id", "changed outside", "description 'Another Party'"),
    ),
    "a verification line's counted figure changed": (
        "verification_lines_declared_update",
        "UPDATE verification_lines SET counted = counted + 5 WHERE reference = 'BS01'",
        ("a verification line", "reference BS01", "changed outside"),
    ),
    "lots changed": (
        "lots_no_update",
        "UPDATE lots SET winners = '[]'",
        ("the drawing of lots", "changed outside", "winners '[]'"),
    ),
    "a status-change row deleted": (
        "status_changes_no_delete",
        "DELETE FROM status_changes WHERE id = (SELECT MAX(id) FROM status_changes)",
        ("a change of status", "removed outside CountDesk"),
    ),
    "an acknowledgement inserted": (
        "acknowledgements_declared_insert",
        "INSERT INTO acknowledgements (contest_id, code, subject, reason, at, operator) VALUES "
        f"('{BATLEY}', 'W604', '', 'looks fine', '2021-07-02T05:00:00+00:00', 'X')",
        ("an acknowledgement of a warning", "added outside CountDesk", "W604"),
    ),
}


@pytest.fixture(scope="module")
def declared_night(tmp_path_factory) -> Path:
    return build_declared_night(tmp_path_factory.mktemp("night") / "declared.sqlite")


@pytest.fixture
def night(declared_night, tmp_path) -> Path:
    return copy_of(declared_night, tmp_path)


def _verify(path: Path, *args: str):
    return CliRunner().invoke(cli, ["verify", "--db", str(path), *args])


def _edit(path: Path, kind: str) -> tuple[str, ...]:
    guard, sql, words = EDITS[kind]
    if guard is None:
        raw(path, sql)
    else:
        past_guard(path, guard, sql)
    return words


def test_there_are_fourteen_distinct_kinds_of_edit():
    assert len(EDITS) == 14
    assert len({sql for _, sql, _ in EDITS.values()}) == 14


def test_the_declared_night_verifies_intact(night):
    result = _verify(night)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Intact: ")
    opened = CliRunner().invoke(cli, ["contests", "--db", str(night)])
    assert opened.exit_code == 0 and "Warning" not in opened.stderr


@pytest.mark.parametrize("kind", list(EDITS))
def test_verify_names_each_kind_of_edit_with_its_contest_and_row(night, kind):
    words = _edit(night, kind)
    result = _verify(night)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("This database was changed outside CountDesk")
    found = [line for line in result.stderr.splitlines() if all(w in line for w in words)]
    assert found, result.stderr
    if not found[0].startswith("- Audit row"):
        assert f"Contest {BATLEY}" in found[0]


@pytest.mark.parametrize("kind", list(EDITS))
def test_every_command_warns_on_opening_after_each_kind_of_edit(night, kind):
    _edit(night, kind)
    result = CliRunner().invoke(cli, ["contests", "--db", str(night)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Warning: this database was changed outside CountDesk")
    assert "countdesk-cli verify" in result.stderr
    assert BATLEY in result.stdout  # the command still does its work


@pytest.mark.parametrize("kind", list(EDITS))
def test_the_full_check_names_an_edit_made_past_every_trigger_and_restored(night, kind):
    _guard, sql, words = EDITS[kind]
    past_every_trigger(night, sql)
    result = _verify(night)
    assert result.exit_code == 1, result.output
    assert any(all(w in line for w in words) for line in result.stderr.splitlines()), result.stderr


def test_a_kept_declaration_replaced_is_not_given_out(night):
    _edit(night, "a kept declaration PDF replaced")
    desk = CountDesk.open(night)
    try:
        with pytest.raises(CountDeskError) as info:
            desk.declaration_pdf(BATLEY)
    finally:
        desk.close()
    assert info.value.code == "D908"
    assert "a kept declaration" in str(info.value)
    result = CliRunner().invoke(cli, ["declaration", BATLEY, "--db", str(night), "-o", "x.pdf"])
    assert result.exit_code == 1 and "D908" in result.stderr


def test_the_kept_declaration_is_given_out_while_the_chain_vouches_for_it(night):
    desk = CountDesk.open(night)
    try:
        assert desk.declaration_pdf(BATLEY).startswith(b"%PDF")
    finally:
        desk.close()
