"""Batch printing: every declared contest's declaration, byte for byte as kept, into a folder;
with draft, every contest's document now, the same bytes the single command writes; an index of
what was written and what was left out and why; progress, cancelling, and folders that cannot
be written."""

from __future__ import annotations

import csv
import errno
import os
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.services import files as files_module
from desktop.services.batch import INDEX_NAME, file_name
from desktop.services.contest_document import DocumentKind
from tests.declared import declare_batley
from tests.sample import BATLEY, WARD, WARD_CSV

TODAY = date(2026, 5, 8)


def _open(path: Path) -> CountDesk:
    desk = CountDesk.open(path)
    desk.today = lambda: TODAY
    return desk


def _uncontested(desk: CountDesk, area: str = "Abbey") -> str:
    contest = desk.create_contest(
        "T",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area=area,
        seats=2,
        organisation="Testborough Borough Council",
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann", "Labour Party")
    desk.set_contest_details(
        contest.id,
        "T",
        officer_name="Jane Officer",
        imprint_address="Town Hall, Testborough",
        authority="Testborough Borough Council",
    )
    return contest.id


@pytest.fixture
def desk(db_path) -> CountDesk:
    """Batley and Spen declared; the Earlsfield ward imported, not counted; Abbey uncontested."""
    desk = _open(db_path)
    declare_batley(desk)
    desk.import_candidates(WARD_CSV, "Importer")
    _uncontested(desk)
    yield desk
    desk.close()


def _index(folder: Path) -> list[dict[str, str]]:
    with open(folder / INDEX_NAME, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_declared_contest_gets_the_declaration_kept_byte_for_byte(desk, tmp_path):
    out = tmp_path / "declarations"
    outcome = desk.batch.print_all(out)
    kept = desk.kept_declarations(BATLEY)[0].pdf
    written = out / file_name(BATLEY, DocumentKind.DECLARATION)
    assert written.read_bytes() == kept
    assert [line.contest_id for line in outcome.written] == [BATLEY]
    assert sorted(p.name for p in out.iterdir()) == sorted([written.name, INDEX_NAME])


def test_contests_not_declared_are_left_out_and_the_index_says_why(desk, tmp_path):
    outcome = desk.batch.print_all(tmp_path / "out")
    rows = {row["contest_id"]: row for row in _index(tmp_path / "out")}
    assert rows[BATLEY]["outcome"] == "written"
    assert rows[BATLEY]["document"] == "declaration of result"
    assert rows[WARD]["outcome"] == "left out"
    assert rows[WARD]["code"] == "B102"
    assert rows[WARD]["reason"] == "not declared (status: setup)"
    assert len(outcome.left_out) == 2
    said = outcome.describe()
    assert said.startswith(f"Wrote 1 declaration to {tmp_path / 'out'}; 2 contests not declared")
    assert "Earlsfield" in said and "Abbey" in said and "countdesk-index.csv" in said


def test_draft_writes_each_contests_document_now_as_the_single_command_would(desk, tmp_path):
    notice_id = next(c.id for c in desk.contests() if c.area == "Abbey")
    outcome = desk.batch.print_all(tmp_path / "out", draft=True)
    by_id = {line.contest_id: line for line in outcome.lines}
    assert by_id[BATLEY].kind is DocumentKind.DECLARATION
    assert by_id[notice_id].kind is DocumentKind.DRAFT_NOTICE
    assert (tmp_path / "out" / by_id[notice_id].file_name).read_bytes() == (
        desk.uncontested_notice_pdf(notice_id)
    )
    assert by_id[WARD].code is Code.S805
    assert by_id[WARD].reason == "no count recorded yet"


def test_a_draft_declaration_is_the_bytes_of_the_single_contest_document(db_path, tmp_path):
    desk = _open(db_path)
    declare_batley(desk)
    desk.close()
    # Batley again, counted but not declared, in a second database.
    other = _open(tmp_path / "other.sqlite")
    from tests.declared import ids
    from tests.sample import BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

    other.import_candidates(BATLEY_CSV, "Importer")
    other.set_contest_details(
        BATLEY, "S", electorate=79373, ballot_papers_verified=37786, officer_name="RO"
    )
    by_name = ids(other)
    votes = {by_name[n]: v for n, v in BATLEY_VOTES.items()}
    other.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 1")
    other.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 2")
    outcome = other.batch.print_all(tmp_path / "out", draft=True)
    (line,) = outcome.written
    assert line.kind is DocumentKind.DRAFT_DECLARATION
    assert (tmp_path / "out" / line.file_name).read_bytes() == other.declaration_pdf(BATLEY)


def test_figures_that_do_not_reconcile_are_left_out_with_their_code(tmp_path):
    desk = _open(tmp_path / "n.sqlite")
    from tests.declared import ids
    from tests.sample import BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(BATLEY, "S", electorate=79373, ballot_papers_verified=37786)
    by_name = ids(desk)
    votes = {by_name[n]: v for n, v in BATLEY_VOTES.items()}
    votes[by_name["Kim Leadbeater"]] += 10
    desk.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 1")
    desk.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 2")
    outcome = desk.batch.print_all(tmp_path / "out", draft=True)
    (line,) = outcome.left_out
    assert line.code is Code.C201
    assert "1 contest with an error standing (C201): Batley and Spen" in outcome.describe()
    assert not (tmp_path / "out" / file_name(BATLEY, DocumentKind.DRAFT_DECLARATION)).exists()


def test_progress_is_told_after_each_contest(desk, tmp_path):
    heard: list[tuple[int, int, str]] = []
    desk.batch.print_all(tmp_path / "out", progress=lambda *p: heard.append(p))
    ids = [c.id for c in desk.contests()]
    assert heard == [(n + 1, 3, cid) for n, cid in enumerate(ids)]


def test_cancelling_keeps_the_files_written_and_lists_those_not_reached(desk, tmp_path):
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # cancelled once the first contest is done

    out = tmp_path / "out"
    outcome = desk.batch.print_all(out, draft=True, cancelled=cancelled)
    assert outcome.cancelled
    assert [line.contest_id for line in outcome.written] == [BATLEY]
    assert (out / file_name(BATLEY, DocumentKind.DECLARATION)).read_bytes() == (
        desk.kept_declarations(BATLEY)[0].pdf
    )
    rows = _index(out)
    assert [row["outcome"] for row in rows] == ["written", "not reached", "not reached"]
    assert {row["code"] for row in rows[1:]} == {"B104"}
    said = outcome.describe()
    assert said.startswith("Cancelled after 1 of 3 contests. Wrote 1 document to ")
    assert "(each whole, and kept); 2 contests not reached" in said


def test_only_one_elections_contests_with_election(desk, tmp_path):
    outcome = desk.batch.print_all(tmp_path / "out", election_id="parl.2021-07-01")
    assert [line.contest_id for line in outcome.lines] == [BATLEY]


def test_no_such_election_is_refused_plainly(desk, tmp_path):
    with pytest.raises(CountDeskError) as refused:
        desk.batch.print_all(tmp_path / "out", election_id="parl.2099-01-01")
    assert refused.value.code is Code.B103
    assert not (tmp_path / "out").exists()


def test_a_file_in_place_of_the_folder_is_refused_naming_it(desk, tmp_path):
    in_the_way = tmp_path / "out"
    in_the_way.write_text("a file")
    with pytest.raises(CountDeskError) as refused:
        desk.batch.print_all(in_the_way)
    assert refused.value.code is Code.B101
    assert str(in_the_way) in refused.value.message and "is a file" in refused.value.message
    assert in_the_way.read_text() == "a file"


def test_a_missing_parent_folder_is_refused_naming_it(desk, tmp_path):
    with pytest.raises(CountDeskError) as refused:
        desk.batch.print_all(tmp_path / "gone" / "out")
    assert refused.value.code is Code.B101
    assert f"no folder {tmp_path / 'gone'}" in refused.value.message


def test_a_read_only_folder_is_refused_before_anything_is_written(desk, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    with pytest.raises(CountDeskError) as refused:
        desk.batch.print_all(out)
    assert refused.value.code is Code.B101
    assert f"The folder {out} cannot be written (the disk is read-only)" in refused.value.message
    assert "Nothing was written" in refused.value.message
    assert list(out.iterdir()) == []


def test_a_disk_that_fills_says_what_was_written_and_keeps_it(desk, tmp_path, monkeypatch):
    real_write = os.write
    written: list[int] = []

    def filling(fd, data):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(1)
        return real_write(fd, data)

    monkeypatch.setattr(files_module.os, "write", filling)
    out = tmp_path / "out"
    with pytest.raises(CountDeskError) as refused:
        desk.batch.print_all(out, draft=True)
    message = refused.value.message
    assert refused.value.code is Code.B101
    assert f"The folder {out} cannot be written (the disk is full)" in message
    assert "The 1 document written before it is whole and kept" in message
    names = sorted(p.name for p in out.iterdir())
    assert names == [file_name(BATLEY, DocumentKind.DECLARATION)]  # no half-written file


def test_file_names_are_safe_and_stable():
    assert file_name("local.a-b.ward.2026-05-07", DocumentKind.DECLARATION) == (
        "declaration-local.a-b.ward.2026-05-07.pdf"
    )
    assert file_name("../Evil/Name", DocumentKind.DRAFT_DECLARATION) == (
        "draft-declaration-evil_name.pdf"
    )


def test_a_count_keyed_once_of_twice_is_left_out_awaiting_the_second_entry(tmp_path):
    desk = _open(tmp_path / "n.sqlite")
    from tests.declared import ids
    from tests.sample import BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(BATLEY, "S", electorate=79373, ballot_papers_verified=37786)
    desk.set_entry_mode(BATLEY, "double", "S")
    by_name = ids(desk)
    votes = {by_name[n]: v for n, v in BATLEY_VOTES.items()}
    desk.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 1")
    outcome = desk.batch.print_all(tmp_path / "out", draft=True)
    (line,) = outcome.left_out
    assert line.code is Code.P101
    assert "whose two entries are not yet one count (P101)" in outcome.describe()


def test_ids_alike_but_for_an_accent_get_files_of_their_own(tmp_path):
    desk = _open(tmp_path / "n.sqlite")
    accented, plain = _uncontested(desk, "Llŷn"), _uncontested(desk, "Llyn")
    outcome = desk.batch.print_all(tmp_path / "out", draft=True)
    names = {line.contest_id: line.file_name for line in outcome.written}
    assert names[plain] == f"draft-notice-{plain}.pdf"
    assert names[accented] == f"draft-notice-{plain}-2.pdf"
    for cid, name in names.items():
        assert (tmp_path / "out" / name).read_bytes() == desk.uncontested_notice_pdf(cid)


def test_a_folder_that_goes_mid_way_says_so_and_what_was_written(desk, tmp_path):
    import shutil

    out = tmp_path / "stick"

    def pulled_out(done: int, _total: int, _contest: str) -> None:
        if done == 1:
            shutil.rmtree(out)  # the USB stick pulled out after the first declaration

    with pytest.raises(CountDeskError) as refused:
        desk.batch.print_all(out, draft=True, progress=pulled_out)
    message = refused.value.message
    assert refused.value.code is Code.B101
    assert message == (
        f"The folder {out} cannot be written (it is no longer there, as when a USB stick is "
        "pulled out). To print them all, plug it back in or choose another folder, then print "
        "them again."
    )


def test_a_batch_again_in_the_same_folder_leaves_no_document_of_the_earlier_one(desk, tmp_path):
    """The drafts of 1 a.m. do not lie beside the declarations of 4 a.m.: a batch into the
    folder of an earlier one removes the documents that batch wrote and this one does not;
    files CountDesk did not write are never touched."""
    out = tmp_path / "out"
    notice_id = next(c.id for c in desk.contests() if c.area == "Abbey")
    desk.batch.print_all(out, draft=True)
    draft_notice = out / file_name(notice_id, DocumentKind.DRAFT_NOTICE)
    assert draft_notice.exists()
    own = out / "agenda.pdf"
    own.write_bytes(b"%PDF-1.4 the council's own file")
    outcome = desk.batch.print_all(out)
    assert not draft_notice.exists()
    assert own.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [file_name(BATLEY, DocumentKind.DECLARATION), INDEX_NAME, "agenda.pdf"]
    )
    assert outcome.removed == (draft_notice.name,)
    assert "Removed 1 document of the earlier batch in this folder" in outcome.describe()
