"""A whole count night run in the window: verification, count, provisional, declaration, lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.night import running
from desktop.ui.verification import box_list_buttons
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "db.sqlite"
    window = MainWindow(CountDesk.open(path), path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _action(window: MainWindow, name: str):
    return next(a for a in window.findChildren(type(window.print_action)) if a.objectName() == name)


def _type_cell(qtbot, view, text: str) -> None:
    qtbot.keyClicks(view.table, text[0])
    editor = view.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_whole_night_in_the_window(qtbot, window, monkeypatch):
    desk = window.desk
    _action(window, "Open the demo").trigger()
    desk.set_contest_details(
        BATLEY,
        "Supervisor",
        officer_name="Jacqui Gedman",
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    window.events.setup_changed.emit(BATLEY)

    # Stage by stage through the panel's Advance button.
    panel = window.status_panel
    qtbot.mouseClick(panel.advance_button, Qt.MouseButton.LeftButton)
    assert desk.contest(BATLEY).status is Status.VERIFICATION

    # Verification: import the boxes, key each counted figure with Enter moving down.
    _action(window, "Show verification").trigger()
    monkeypatch.setattr(
        box_list_buttons.QFileDialog, "getOpenFileName", lambda *a, **k: (str(BOXES_CSV), "")
    )
    window.verification_view.import_csv()
    window.verification_view.focus_first_uncounted()
    for line in desk.verification(BATLEY):
        _type_cell(qtbot, window.verification_view, str(line.issued))
    assert desk.contest(BATLEY).ballot_papers_verified == 37786
    qtbot.mouseClick(panel.advance_button, Qt.MouseButton.LeftButton)
    assert desk.contest(BATLEY).status is Status.COUNT

    # The count, keyboard only, then recorded with Ctrl+Return.
    _action(window, "Show count").trigger()
    view = window.count_view
    assert view.focusWidget().accessibleName() == "Votes for BICKERDIKE, Paul"
    for candidate in desk.candidates(BATLEY):
        qtbot.keyClicks(view.focusWidget(), str(BATLEY_VOTES[candidate.person_name]))
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    for papers in BATLEY_REJECTED.values():
        qtbot.keyClicks(view.focusWidget(), str(papers))
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert view.live_panel.value_text("majority").startswith("323 votes")
    _action(window, "Record count").trigger()
    assert desk.latest_count(BATLEY) is not None

    # Provisional, then the declaration confirmed by the officer's name.
    qtbot.mouseClick(panel.advance_button, Qt.MouseButton.LeftButton)
    assert desk.contest(BATLEY).status is Status.PROVISIONAL

    def confirm(dialog) -> bool:
        dialog.name_edit.setText("Jacqui Gedman")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(running, "exec_dialog", confirm)
    qtbot.mouseClick(panel.advance_button, Qt.MouseButton.LeftButton)
    assert desk.contest(BATLEY).status is Status.DECLARED
    assert window.tabs.currentWidget() is window.documents_view
    assert window.documents_view.current_pdf() == desk.kept_declarations(BATLEY)[0].pdf

    # Locked everywhere: the count, the setup and the verification are read-only.
    assert all(row.edit.isReadOnly() for row in view._rows)
    assert not view.record_button.isEnabled()
    assert window.verification_view.is_read_only()
    assert "▶ Declared (now)" in window.status_panel.stages_text()
    window.history_view.refresh()
    assert window.history_view.records().declarations[0].kind == "declaration"
