"""After the declaration, in the window: Night › Record an error found after the declaration…
records it, the Documents tab shows its memorandum, and the declaration stays the one given out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import CountDesk
from desktop.ui.night import running
from desktop.ui.night.error_found_dialog import ErrorFoundDialog
from desktop.ui.window.main_window import MainWindow
from tests.declared import LEGACY_REASON, declare_batley, ids, legacy_corrected_database
from tests.reports.sheets import pages
from tests.sample import BATLEY


def _window(qtbot, desk: CountDesk, path) -> MainWindow:
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_contest(BATLEY)
    return window


@pytest.fixture
def declared(qtbot, tmp_path):
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    pdf = declare_batley(desk)
    return _window(qtbot, desk, path), pdf


def test_an_error_found_is_recorded_from_the_night_menu_and_its_memorandum_shown(
    qtbot, monkeypatch, declared
):
    window, declaration = declared
    desk = window.desk
    action = window.record_error_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+K"
    assert action in window.menuBar().actions()[3].menu().actions()  # the Night menu
    seen: list[str] = []

    def fill(dialog: ErrorFoundDialog) -> bool:
        assert isinstance(dialog, ErrorFoundDialog)
        assert "The declaration made at" in dialog.intro_label.text()
        assert "only an election court can change it" in dialog.intro_label.text()
        by_name = ids(desk)
        smith = dialog.field("votes", by_name["Andrew Smith"])
        smith.edit.setText("8.264")
        smith.edit.textEdited.emit("8.264")
        assert "F102" in smith.message.text()
        assert not dialog.record_button.isEnabled()
        for name, figure in (("Andrew Smith", "73"), ("Anne Marie Waters", "99")):
            field = dialog.field("votes", by_name[name])
            field.edit.setText(figure)
            field.edit.textEdited.emit(figure)
        assert dialog.differences() == [
            "Votes for SMITH, Andrew: 75 as declared, 73 as now found",
            "Votes for WATERS, Anne Marie: 97 as declared, 99 as now found",
        ]
        seen.append(dialog.needed_label.text())
        assert not dialog.record_button.isEnabled()
        qtbot.keyClicks(dialog.found_by_edit, "Deputy Returning Officer")
        qtbot.keyClicks(dialog.reason_edit, "Two votes for WATERS were in SMITH's bundle")
        assert dialog.record_button.isEnabled()
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(running, "exec_dialog", fill)
    action.trigger()
    assert seen == ["To record the error: say who found the error; say what was found."]
    (error,) = desk.errors_found(BATLEY)
    assert error.found_by == "Deputy Returning Officer"
    documents = window.documents_view
    assert window.tabs.currentWidget() is documents
    assert documents.memorandum_choice.isVisible() and documents.memorandum_choice.isChecked()
    assert documents.current_pdf() == desk.memorandum_pdf(BATLEY)
    assert documents.heading.text().startswith("Memorandum of an error found after the declaration")
    assert "This is not a declaration of result." in pages(documents.current_pdf())[0]
    # The declaration given out is still the one declared, byte for byte.
    documents.declaration_choice.click()
    assert documents.current_pdf() == declaration == desk.declaration_pdf(BATLEY)
    documents.memorandum_choice.click()
    assert documents.current_pdf() == desk.memorandum_pdf(BATLEY)
    assert desk.kept_declarations(BATLEY)[0].pdf == declaration
    assert len(desk.kept_declarations(BATLEY)) == 1


def test_a_refusal_is_shown_in_the_dialog_and_nothing_is_recorded(qtbot, declared):
    window, _declaration = declared
    dialog = ErrorFoundDialog(window.ctx, BATLEY, window)
    qtbot.addWidget(dialog)
    smith = dialog.field("votes", ids(window.desk)["Andrew Smith"])
    smith.edit.setText("76")  # one vote more, and no other: the papers no longer add up
    smith.edit.textEdited.emit("76")
    dialog.found_by_edit.setText("Deputy RO")
    dialog.reason_edit.setText("A miscount")
    dialog.accept()
    assert dialog.message().startswith("Nothing was recorded – C201: ")
    assert dialog.recorded is None and window.desk.errors_found(BATLEY) == ()


def test_a_corrected_declaration_kept_from_before_is_shown_for_what_it_is(qtbot, tmp_path):
    path = tmp_path / "legacy.sqlite"
    original = legacy_corrected_database(path)
    window = _window(qtbot, CountDesk.open(path, create=False), path)
    window.tabs.setCurrentWidget(window.documents_view)
    qtbot.waitUntil(lambda: window.documents_view.current_pdf() is not None)
    assert window.documents_view.current_pdf() == original
    window.tabs.setCurrentWidget(window.history_view)
    history = window.history_view
    qtbot.waitUntil(lambda: len(history.declaration_labels) == 2)
    assert "Count 1 (stands)" in history.model.column_title(0)
    legacy = history.declaration_labels[1].text()
    assert "of no effect: the original declaration stands" in legacy
    assert legacy.endswith(f"Reason: {LEGACY_REASON}")
