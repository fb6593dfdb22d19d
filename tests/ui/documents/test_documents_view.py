"""The documents tab: the preview shows, prints and saves the very bytes the services render."""

from __future__ import annotations

import errno
import io
import os
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QDialog

from desktop.services import CountDesk
from desktop.ui import printing, saving
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.documents import document_output
from desktop.ui.documents.documents_view import DocumentsView
from tests.sample import BATLEY_REJECTED, BATLEY_VOTES

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

PRINTED_ON = date(2021, 7, 2)


def _desk(tmp_path: Path) -> tuple[CountDesk, str]:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    # A fixed "today", so two renderings either side of midnight still match byte for byte.
    desk.today = lambda: PRINTED_ON
    cid = desk.open_demo("Tester")
    desk.set_contest_facts(cid, "Tester", officer_name="Jane Officer")
    return desk, cid


def _record(desk: CountDesk, cid: str, extra_for: str | None = None) -> None:
    votes = {desk.candidate_by_name(cid, n).id: v for n, v in BATLEY_VOTES.items()}
    if extra_for is not None:
        votes[desk.candidate_by_name(cid, extra_for).id] += 1
    desk.record_count(cid, votes, BATLEY_REJECTED, "Tester")


def _view(qtbot, desk: CountDesk, cid: str | None) -> DocumentsView:
    ctx = UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Tester")
    view = DocumentsView(ctx)
    qtbot.addWidget(view)
    view.set_contest(cid)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def counted(tmp_path):
    """The demo with its officer set and the published Batley count recorded."""
    desk, cid = _desk(tmp_path)
    _record(desk, cid)
    return desk, cid


def test_preview_loads_the_declaration_the_cli_writes(qtbot, counted):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    assert view.document.status() == QPdfDocument.Status.Ready
    assert view.document.pageCount() >= 1
    assert view.current_pdf() == desk.declaration_pdf(cid)
    assert view.declaration_choice.isChecked()
    assert view.declaration_choice.isEnabled()
    assert view.banner.isHidden()
    assert "Batley and Spen" in view.heading.text()


def test_provisional_sheet_can_be_chosen_without_errors(qtbot, counted):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    view.provisional_choice.click()
    assert view.current_pdf() == desk.declaration_pdf(cid, provisional=True)
    assert view.banner.isHidden()
    view.declaration_choice.click()
    assert view.current_pdf() == desk.declaration_pdf(cid)


def test_errors_show_the_provisional_sheet_and_say_why(qtbot, tmp_path):
    desk, cid = _desk(tmp_path)
    _record(desk, cid, extra_for="Jack Thomson")
    assert [f.code for f in desk.result(cid).errors] == ["C201"]
    view = _view(qtbot, desk, cid)
    assert view.current_pdf() == desk.declaration_pdf(cid, provisional=True)
    assert view.banner.isVisible()
    text = view.banner_text()
    assert text.startswith("Provisional result – not for publication")
    assert view.banner.accessibleName() == text
    assert "C201" in text
    assert desk.result(cid).errors[0].message in text
    assert view.provisional_choice.isChecked()
    assert not view.declaration_choice.isEnabled()
    assert "errors stand" in view.declaration_choice.toolTip()


def test_correcting_the_count_brings_the_declaration_back(qtbot, tmp_path):
    desk, cid = _desk(tmp_path)
    _record(desk, cid, extra_for="Jack Thomson")
    view = _view(qtbot, desk, cid)
    _record(desk, cid)
    view._ctx.events.count_changed.emit(cid)
    qtbot.waitUntil(lambda: view.current_pdf() == desk.declaration_pdf(cid))
    assert view.banner.isHidden() and view.banner_text() == ""
    assert view.declaration_choice.isEnabled() and view.declaration_choice.isChecked()


def test_no_recorded_count_says_what_to_do(qtbot, tmp_path):
    desk, cid = _desk(tmp_path)
    view = _view(qtbot, desk, cid)
    assert view.current_pdf() is None
    assert view.message_label.text() == (
        "No count recorded yet for Batley and Spen: enter and record the count first (Ctrl+3)."
    )
    assert view.stack.currentWidget() is view.message_label
    assert not view.print_button.isEnabled() and not view.save_button.isEnabled()
    assert view.save_document(str(tmp_path / "x.pdf")) is None
    assert not (tmp_path / "x.pdf").exists()


def test_no_contest_chosen(qtbot, tmp_path):
    desk, _ = _desk(tmp_path)
    view = _view(qtbot, desk, None)
    assert view.current_pdf() is None
    assert "Choose a contest" in view.message_label.text()


def test_renders_once_per_refresh_and_only_when_shown(qtbot, counted, monkeypatch):
    desk, cid = counted
    calls: list[bool] = []
    real = desk.declaration_pdf

    def counting(contest_id: str, **kwargs: object) -> bytes:
        calls.append(bool(kwargs.get("provisional")))
        return real(contest_id, **kwargs)

    monkeypatch.setattr(desk, "declaration_pdf", counting)
    view = _view(qtbot, desk, cid)
    assert calls == [False]
    view.refresh()
    assert len(calls) == 2

    view.hide()
    for _ in range(5):
        view._ctx.events.count_changed.emit(cid)
        view._ctx.events.setup_changed.emit(cid)
    view._ctx.events.count_changed.emit("some.other.contest")
    qtbot.wait(10)
    assert len(calls) == 2  # hidden: marked out of date, not rendered

    view.show()
    qtbot.waitExposed(view)
    assert len(calls) == 3
    view._ctx.events.count_changed.emit("some.other.contest")
    qtbot.wait(10)
    assert len(calls) == 3


def test_save_writes_exactly_the_bytes_shown(qtbot, counted, tmp_path, monkeypatch):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    target = tmp_path / "out" / "saved.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def fake_save(parent, caption, directory, filter_):
        asked.append(directory)
        return str(target), filter_

    monkeypatch.setattr(saving.QFileDialog, "getSaveFileName", fake_save)
    assert view.save_document() == str(target)
    assert asked == [f"declaration-{cid}.pdf"]
    assert target.read_bytes() == view.current_pdf()
    assert str(target) in view.status_label.text()


def test_save_cancelled_writes_nothing(qtbot, counted, monkeypatch):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    monkeypatch.setattr(saving.QFileDialog, "getSaveFileName", lambda *a: ("", "PDF files (*.pdf)"))
    assert view.save_document() is None


def test_save_failure_is_a_plain_warning(qtbot, counted, tmp_path, monkeypatch):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    warnings: list[str] = []
    monkeypatch.setattr(
        document_output.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    missing = tmp_path / "no such folder" / "declaration.pdf"
    assert view.save_document(str(missing)) is None
    assert len(warnings) == 1 and str(missing) in warnings[0]
    assert "Traceback" not in warnings[0]


def test_a_full_disk_leaves_no_half_written_pdf_and_keeps_the_earlier_file(
    qtbot, counted, tmp_path, monkeypatch
):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    warnings: list[str] = []
    monkeypatch.setattr(
        document_output.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    target = tmp_path / "saved" / "declaration.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the earlier file")
    real_write = os.write

    def disk_fills(fd: int, data) -> int:
        real_write(fd, bytes(data[:100]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_fills)
    assert view.save_document(str(target)) is None
    monkeypatch.setattr(os, "write", real_write)
    assert target.read_bytes() == b"the earlier file"
    assert [p.name for p in target.parent.iterdir()] == ["declaration.pdf"]  # no part-file
    assert len(warnings) == 1 and str(target) in warnings[0] and "the disk is full" in warnings[0]


def test_print_paints_every_page_on_a4(qtbot, counted, tmp_path, monkeypatch):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    out = tmp_path / "printed.pdf"
    seen: list[QPrinter] = []

    class FakePrintDialog:
        """Stands in for the user choosing to print to a PDF file and pressing Print."""

        def __init__(self, printer: QPrinter, parent=None) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            seen.append(printer)

        def setWindowTitle(self, title: str) -> None:
            pass

        def deleteLater(self) -> None:
            pass

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", FakePrintDialog)
    view.print_document()
    assert out.exists()
    assert out.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == view.document.pageCount()
    page = PdfReader(out).pages[0]
    width_mm = float(page.mediabox.width) * 25.4 / 72
    assert round(width_mm) == 210
    assert "printed.pdf" in view.status_label.text()


def test_print_cancelled_prints_nothing(qtbot, counted, tmp_path, monkeypatch):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    out = tmp_path / "printed.pdf"

    class CancelledPrintDialog:
        def __init__(self, printer: QPrinter, parent=None) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def setWindowTitle(self, title: str) -> None:
            pass

        def deleteLater(self) -> None:
            pass

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(printing, "QPrintDialog", CancelledPrintDialog)
    view.print_document()
    assert not out.exists()


def test_buttons_are_named_and_show_their_shortcuts(qtbot, counted):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    for button in view.findChildren(QAbstractButton):
        assert button.accessibleName(), button.text()
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence(QKeySequence.StandardKey.Print).toString(native) in (
        view.print_button.toolTip()
    )
    assert QKeySequence(QKeySequence.StandardKey.Save).toString(native) in (
        view.save_button.toolTip()
    )
    if sys.platform != "darwin":
        assert "Ctrl+P" in view.print_button.toolTip()
        assert "Ctrl+S" in view.save_button.toolTip()


def test_zoom_buttons_change_the_zoom(qtbot, counted):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    view.zoom_in_button.click()
    bigger = view.pdf_view.zoomFactor()
    view.zoom_out_button.click()
    assert view.pdf_view.zoomFactor() < bigger
    view.fit_width_button.click()
    assert view.pdf_view.zoomMode() == view.pdf_view.ZoomMode.FitToWidth
    view.whole_page_button.click()
    assert view.pdf_view.zoomMode() == view.pdf_view.ZoomMode.FitInView


def test_save_after_a_change_writes_the_count_that_stands(qtbot, tmp_path):
    desk, cid = _desk(tmp_path)
    _record(desk, cid, extra_for="Jack Thomson")
    view = _view(qtbot, desk, cid)
    view.hide()
    _record(desk, cid)
    view._ctx.events.count_changed.emit(cid)
    target = tmp_path / "after-change.pdf"
    assert view.save_document(str(target)) == str(target)
    assert target.read_bytes() == desk.declaration_pdf(cid)


def test_another_contest_while_hidden_drops_the_old_bytes(qtbot, counted):
    desk, cid = counted
    view = _view(qtbot, desk, cid)
    assert view.current_pdf() is not None
    view.hide()
    view.set_contest(None)
    assert view.current_pdf() is None


def test_an_uncontested_contest_shows_the_draft_notice_not_a_declaration_of_a_poll(qtbot, tmp_path):
    desk = CountDesk.open(tmp_path / "db.sqlite")
    contest = desk.create_contest(
        "T", type_code="parl", poll_date=date(2024, 7, 4), area="Testshire"
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann")
    view = _view(qtbot, desk, contest.id)
    assert view.stack.currentWidget() is view.pdf_view
    assert view.heading.text() == "Notice of uncontested election – Testshire"
    pdf = view.current_pdf()
    assert pdf is not None
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Notice of Uncontested Election" in text and "Draft for checking" in text
    assert "T303" in text and "T304" in text  # what the notice still needs, listed
    assert "Declaration of Result of Poll" not in text and "Turnout" not in text
    assert not view.provisional_choice.isEnabled()
