"""How a contest's counts are keyed, chosen in Setup: double entry (the default) or single
entry, switched with the keyboard, audited, and refused in plain words while an entry is held."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.double_entry import EntryMode
from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(BATLEY, "Supervisor", ballot_papers_verified=37786)
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_contest(BATLEY)
    window.operator_edit.setText("Deputy RO")
    window.operator_edit.editingFinished.emit()
    return window


def _choose(qtbot, window: MainWindow, key: Qt.Key) -> None:
    """In Setup (Ctrl+1), Alt+G goes to the entry mode; an arrow key chooses."""
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_G, ALT)
    row = window.setup_view.facts_box.entry_mode_row
    assert QApplication.focusWidget() is row.combo
    qtbot.keyClick(row.combo, key)


def test_a_contest_is_switched_to_single_entry_in_setup(qtbot, window):
    row = window.setup_view.facts_box.entry_mode_row
    assert row.combo.currentText() == "Double: keyed twice"
    _choose(qtbot, window, Qt.Key.Key_Down)
    assert window.desk.entry_mode(BATLEY) is EntryMode.SINGLE
    switched = [r for r in window.desk.store.audit(BATLEY) if r.action == "entry mode"]
    assert switched[-1].operator == "Deputy RO" and switched[-1].new == {"entry": "single"}
    line = window.count_view.entry_line.text()
    assert line == "Single entry (switched by Deputy RO): the count stands once recorded."
    assert window.count_view.record_button.text().replace("&", "") == "Record count"


def test_the_switch_is_refused_in_plain_words_while_an_entry_is_held(qtbot, window):
    by = {c.person_name: c.id for c in window.desk.candidates(BATLEY)}
    votes = {by[name]: v for name, v in BATLEY_VOTES.items()}
    window.desk.enter_count(BATLEY, votes, BATLEY_REJECTED, "Clerk 1")
    window.events.announce(BATLEY)
    _choose(qtbot, window, Qt.Key.Key_Down)
    row = window.setup_view.facts_box.entry_mode_row
    assert window.desk.entry_mode(BATLEY) is EntryMode.DOUBLE
    assert row.message.text().startswith("Not changed – P106: An entry of Batley and Spen's")
    assert row.combo.currentText() == "Double: keyed twice"
