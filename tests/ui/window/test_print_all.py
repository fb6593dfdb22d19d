"""File › Print all declarations…: every declared contest's declaration saved into the folder
chosen, with a progress dialog that can be cancelled, a summary, and printing if asked."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from desktop.domain.codes import Code
from desktop.services import CountDesk
from desktop.services.batch import INDEX_NAME, file_name
from desktop.services.contest_document import DocumentKind
from desktop.ui.window import print_all as print_all_module
from desktop.ui.window.main_window import MainWindow
from tests.declared import declare_batley
from tests.sample import BATLEY, WARD_CSV


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    declare_batley(desk)
    desk.import_candidates(WARD_CSV, "Importer")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def chosen_folder(tmp_path, monkeypatch):
    folder = tmp_path / "declarations"
    folder.mkdir()
    monkeypatch.setattr(
        print_all_module.QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder)
    )
    return folder


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """The summary shown (and the answer: close, not print); other messages too."""
    shown: list[str] = []

    def summary(_parent, outcome) -> bool:
        shown.append(outcome.describe())
        return False

    monkeypatch.setattr(print_all_module, "show_summary", summary)
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda _p, _t, text, *a: shown.append(text))
        )
    return shown


def _trigger(window: MainWindow) -> None:
    action = window.print_all_action
    assert action.text() == "Print &all declarations…"
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()


def test_every_declaration_is_saved_in_the_folder_chosen(window, chosen_folder, said):
    _trigger(window)
    kept = window.desk.kept_declarations(BATLEY)[0].pdf
    assert (chosen_folder / file_name(BATLEY, DocumentKind.DECLARATION)).read_bytes() == kept
    assert (chosen_folder / INDEX_NAME).is_file()
    (summary,) = said
    assert summary.startswith(f"Wrote 1 declaration to {chosen_folder}; 1 contest not declared")


def test_choosing_no_folder_saves_nothing(window, tmp_path, said, monkeypatch):
    monkeypatch.setattr(print_all_module.QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    _trigger(window)
    assert said == []


def test_cancel_stops_before_the_next_and_keeps_what_was_saved(
    window, chosen_folder, said, monkeypatch
):
    asked: list[int] = []

    def cancelled_after_the_first(self) -> bool:
        asked.append(1)
        return len(asked) > 1

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled_after_the_first)
    _trigger(window)
    (summary,) = said
    assert summary.startswith("Cancelled after 1 of 2 contests. Wrote 1 declaration")
    assert "(each whole, and kept); 1 contest not reached" in summary
    assert (chosen_folder / file_name(BATLEY, DocumentKind.DECLARATION)).is_file()


def test_a_folder_that_cannot_be_written_is_a_plain_message(window, tmp_path, said, monkeypatch):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("x")
    monkeypatch.setattr(
        print_all_module.QFileDialog, "getExistingDirectory", lambda *a, **k: str(in_the_way)
    )
    _trigger(window)
    (message,) = said
    assert message.startswith(f"{Code.B101}: {in_the_way} is a file, not a folder")


def test_printing_them_sends_each_kept_declaration_to_the_printer(
    window, chosen_folder, said, monkeypatch
):
    monkeypatch.setattr(print_all_module, "show_summary", lambda _p, _o: True)
    printer = QPrinter()
    printer.setPrinterName("Hall printer")
    monkeypatch.setattr(print_all_module, "ask_for_printer", lambda *a: printer)
    printed: list[bytes] = []
    monkeypatch.setattr(
        print_all_module, "print_pdf", lambda pdf, p: printed.append(pdf) if p is printer else 1
    )
    _trigger(window)
    assert printed == [window.desk.kept_declarations(BATLEY)[0].pdf]
    assert said[-1].startswith("Printed 1 declaration of 1 on ")


def test_with_no_contests_it_says_there_is_nothing_to_print(qtbot, tmp_path, said, monkeypatch):
    path = tmp_path / "empty.sqlite"
    window = MainWindow(CountDesk.open(path), path)
    qtbot.addWidget(window)
    asked: list[object] = []
    monkeypatch.setattr(
        print_all_module.QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append(a)
    )
    _trigger(window)
    assert asked == []  # no folder asked for
    (message,) = said
    assert (
        message
        == f"{Code.B103}: There are no contests in this database, so there is nothing to print."
    )
