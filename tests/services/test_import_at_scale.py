"""An import in bulk: the same elections, contests, candidates and places as one row at a
time, an audit chain that verifies, progress told, and Cancel leaving nothing imported."""

from __future__ import annotations

import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.sample import WARD, WARD_CSV, many_contests_csv


@pytest.fixture
def desk(db_path):
    desk = CountDesk.open(db_path)
    yield desk
    desk.close()


def _state(desk: CountDesk) -> tuple:
    db = desk.store.db
    return (
        list(db.query("SELECT * FROM elections ORDER BY id")),
        list(db.query("SELECT * FROM contests ORDER BY id")),
        list(db.query("SELECT * FROM candidates ORDER BY id")),
        list(db.query("SELECT id, hash FROM audit ORDER BY id")),
    )


def test_a_contest_created_is_audited_once_with_its_candidates_and_the_chain_verifies(desk):
    summary = desk.import_candidates(WARD_CSV, "Importer")
    (created,) = [a for a in desk.store.audit(WARD) if a.action == "create"]
    assert created.entity == "contest"
    assert created.operator == "Importer"
    listed = [(c["id"], c["person_name"]) for c in created.new["candidates"]]
    assert listed == [
        (c.id, c.person_name) for c in sorted(desk.candidates(WARD), key=lambda c: c.id)
    ]
    assert summary.candidates_created == len(listed)
    assert desk.verify().intact


def test_candidates_added_to_a_contest_already_imported_go_after_those_listed(desk, tmp_path):
    desk.import_candidates(WARD_CSV, "Importer")
    before = {c.id: c.sopn_position for c in desk.candidates(WARD)}
    lines = WARD_CSV.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1]
    columns = header.split(",")
    row = dict(zip(columns, first.split(","), strict=True))
    row["person_name"] = "Zara Newcomer"
    row["person_id"] = "999999" if "person_id" in row else ""
    more = tmp_path / "more.csv"
    more.write_text(header + "\n" + ",".join(row[c] for c in columns) + "\n", encoding="utf-8")
    summary = desk.import_candidates(more, "Importer 2")
    assert summary.candidates_created == 1 and not summary.contests_created
    added = next(c for c in desk.candidates(WARD) if c.person_name == "Zara Newcomer")
    assert added.id == max(before) + 1
    assert added.sopn_position == max(before.values()) + 1
    last = desk.store.audit(WARD)[-1]
    assert (last.action, last.entity, last.operator) == ("create", "candidates", "Importer 2")
    assert [c["person_name"] for c in last.new] == ["Zara Newcomer"]
    assert desk.verify().intact


def test_progress_is_told_and_ends_at_all_steps(desk, tmp_path):
    heard: list[tuple[int, int]] = []
    desk.import_candidates(
        many_contests_csv(tmp_path / "may.csv", 1000, 3), "I", progress=lambda *p: heard.append(p)
    )
    totals = {total for _, total in heard}
    assert totals == {6000}  # each of 3,000 rows checked, then written
    done = [d for d, _ in heard]
    assert done == sorted(done) and done[-1] == 6000 and len(heard) > 4


@pytest.mark.parametrize("stage", ["checking", "writing"])
def test_cancel_leaves_the_database_as_it_was(desk, tmp_path, stage):
    desk.import_candidates(WARD_CSV, "Importer")
    before = _state(desk)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    def cancelled() -> bool:
        # Mid-way through checking the rows, or once the writing has begun.
        if stage == "checking":
            return bool(seen) and seen[-1] >= 1000
        return bool(seen) and seen[-1] > 3000

    with pytest.raises(CountDeskError) as refused:
        desk.import_candidates(
            many_contests_csv(tmp_path / "may.csv", 1000, 3),
            "I",
            progress=progress,
            cancelled=cancelled,
        )
    assert refused.value.code is Code.B105
    assert "cancelled, so nothing of it was imported" in refused.value.message
    assert _state(desk) == before
    assert desk.verify().intact
    # And the same file imports whole afterwards.
    assert len(desk.import_candidates(tmp_path / "may.csv", "I").contests_created) == 1000
