"""Double entry in the window, at 1024×740 with the keyboard: the first operator keys and
records the count sheet; the second keys it again, blind; a supervisor compares entries that
differ (two figures transposed, as at Nelson in 2023) and sends them back, or keeps one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QTableWidget

from desktop.domain.figures import format_figure
from desktop.services import CountDesk
from desktop.ui import context as context_module
from desktop.ui.night import differences_dialog as differences_module
from desktop.ui.night import running
from desktop.ui.night.differences_dialog import DifferencesDialog
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
#: The Nelson case: two candidates' figures swapped on the way from the sheet.
TRANSPOSED = {"Kim Leadbeater": 12973, "Ryan Stephenson": 13296}


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(
        BATLEY, "Supervisor", ballot_papers_verified=37786, electorate=79373,
        officer_name="Jacqui Gedman",
    )  # fmt: skip
    for stage in ("verification", "count"):
        desk.advance(BATLEY, stage, "Supervisor")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_contest(BATLEY)
    return window


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """What the window told the operator in a message box (a refusal)."""
    told: list[str] = []
    monkeypatch.setattr(context_module.QMessageBox, "warning", lambda *a: told.append(a[2]))
    return told


def _press(qtbot, window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def _operator(qtbot, window: MainWindow, name: str) -> None:
    """A new operator types their name top right (Alt+O), then Enter."""
    _press(qtbot, window, Qt.Key.Key_O, ALT)
    assert QApplication.focusWidget() is window.operator_edit
    window.operator_edit.selectAll()
    qtbot.keyClicks(window.operator_edit, name)
    qtbot.keyClick(window.operator_edit, Qt.Key.Key_Return)
    assert window.operator() == name


def _key_sheet(qtbot, window: MainWindow, changes: dict[str, int] | None = None) -> None:
    """Key the whole count sheet on the count screen, each figure then Enter."""
    _press(qtbot, window, Qt.Key.Key_3, CTRL)
    figures = {**BATLEY_VOTES, **(changes or {})}
    for candidate in window.desk.candidates(BATLEY):
        qtbot.keyClicks(QApplication.focusWidget(), format_figure(figures[candidate.person_name]))
        _press(qtbot, window, Qt.Key.Key_Return)
    for papers in BATLEY_REJECTED.values():
        qtbot.keyClicks(QApplication.focusWidget(), str(papers))
        _press(qtbot, window, Qt.Key.Key_Return)


def _line(window: MainWindow) -> str:
    return window.count_view.entry_line.text()


def _texts(window: MainWindow) -> str:
    """Every word and figure the window's widgets hold."""
    parts = [w.text() for w in window.findChildren(QLineEdit)]
    parts += [w.text() for w in window.findChildren(QLabel)]
    parts += [w.text() for w in window.findChildren(QAbstractButton)]
    for table in window.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                parts.append(item.text() if item is not None else "")
    return "\n".join(parts)


def _compare(qtbot, window: MainWindow, monkeypatch, keys: list[tuple[Qt.Key, object]]) -> list:
    """The supervisor opens the comparison (Ctrl+Shift+E) and presses these keys in it;
    every question asked is answered Yes. Returns what was shown and asked."""
    seen: list = []

    def driven(dialog) -> bool:
        assert isinstance(dialog, DifferencesDialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        table = dialog.table
        seen.append([[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())])
        seen.append(dialog.grab().size())
        for key, modifiers in keys:
            qtbot.keyClick(dialog.focusWidget(), key, modifiers)
        # A button's mnemonic clicks it a moment later.
        qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.message()), timeout=3000)
        seen.append(dialog.message())
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return dialog.result() == dialog.DialogCode.Accepted

    def yes(_parent, title, text, *_args):
        seen.append((title, text))
        return differences_module.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(running, "exec_dialog", driven)
    monkeypatch.setattr(differences_module.QMessageBox, "question", yes)
    _press(qtbot, window, Qt.Key.Key_E, CTRL_SHIFT)
    return seen


def _first_and_differing_second(qtbot, window: MainWindow, said: list[str]) -> None:
    view = window.count_view
    _operator(qtbot, window, "Clerk 1")
    assert _line(window) == "First entry — keyed by Clerk 1."
    assert view.record_button.text().replace("&", "") == "Record first entry"
    _key_sheet(qtbot, window)
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.desk.latest_count(BATLEY) is None
    assert _line(window).startswith("First entry by Clerk 1 is in: the second entry is keyed")
    assert "First entry recorded, keyed by Clerk 1" in view.state_label.text()

    # The first operator tries the second entry: refused in plain words, nothing recorded.
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert said and said[-1].startswith("P104: Clerk 1 keyed the first entry of this count")
    assert "Traceback" not in said[-1] and window.desk.latest_count(BATLEY) is None
    assert all(not row.edit.isEnabled() for row in view.count_form.rows)

    # The second operator: a blind form, the first entry's figures nowhere in the window.
    _operator(qtbot, window, "Clerk 2")
    assert _line(window) == "Second entry — keyed by Clerk 2, blind."
    assert view.record_button.text().replace("&", "") == "Record second entry"
    assert all(row.edit.text() == "" for row in view.count_form.rows if row.kind != "papers")
    # Nor can Undo and Redo bring them back, or name them in the Edit menu.
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    everything = _texts(window) + window.undo_action.text() + window.redo_action.text()
    for name in ("Kim Leadbeater", "Ryan Stephenson", "George Galloway"):
        figure = BATLEY_VOTES[name]
        assert format_figure(figure) not in everything and str(figure) not in everything
    _key_sheet(qtbot, window, TRANSPOSED)
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.desk.latest_count(BATLEY) is None
    assert _line(window).startswith("The entries differ in 2 figures: a supervisor compares")
    assert window.compare_action.isEnabled()
    assert "Ctrl+Shift+E" in window.compare_action.shortcut().toString()


def test_a_count_keyed_twice_with_two_figures_transposed_is_sent_back_and_keyed_again(
    qtbot, window, monkeypatch, said
):
    _first_and_differing_second(qtbot, window, said)

    _operator(qtbot, window, "Supervisor")
    seen = _compare(
        qtbot, window, monkeypatch,
        [(Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
         (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
         (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
         (Qt.Key.Key_B, ALT)],
    )  # fmt: skip
    assert seen[0] == [
        ["Votes for LEADBEATER, Kim", "13,296", "12,973"],
        ["Votes for STEPHENSON, Ryan", "12,973", "13,296"],
    ]
    title, text = seen[2]
    assert seen[3] == ""  # nothing refused
    assert title == "Send figures back to be keyed again?"
    assert "votes for LEADBEATER, Kim; votes for STEPHENSON, Ryan" in text
    assert not window.compare_action.isEnabled()
    assert _line(window).startswith("Figures sent back: key again from the count sheet: votes")

    # Keyed again from the paper: only the two figures sent back can be keyed, blind.
    _operator(qtbot, window, "Clerk 2")
    view = window.count_view
    open_rows = [row.what for row in view.count_form.rows if row.edit.isEnabled()]
    assert open_rows == ["Votes for LEADBEATER, Kim", "Votes for STEPHENSON, Ryan"]
    assert all(row.edit.text() == "" for row in view.count_form.rows if row.kind == "votes")
    assert view.record_button.text().replace("&", "") == "Record the figures keyed again"
    _press(qtbot, window, Qt.Key.Key_3, CTRL)
    for name in ("Kim Leadbeater", "Ryan Stephenson"):
        qtbot.keyClicks(QApplication.focusWidget(), format_figure(BATLEY_VOTES[name]))
        _press(qtbot, window, Qt.Key.Key_Return)
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)
    stands = window.desk.latest_count(BATLEY)
    assert stands is not None and stands.number == 1
    by_name = {c.id: c.person_name for c in window.desk.candidates(BATLEY)}
    assert {by_name[cid]: v for cid, v in stands.figures.votes.items()} == BATLEY_VOTES
    assert "the count that stands" in view.state_label.text()
    assert view.entry_line.text().startswith("Count 1 stands, its figures keyed twice")
    # Nothing is keyed now: the greyed button names no entry that nobody is keying.
    assert not view.record_button.isEnabled()
    assert view.record_button.text().replace("&", "") == "Record count"
    # A figure changed from the count that stands: that would be a new count's first entry.
    first = view.count_form.rows[0].edit
    first.setFocus()
    first.selectAll()
    qtbot.keyClicks(first, "1")
    _press(qtbot, window, Qt.Key.Key_Return)
    assert view.record_button.text().replace("&", "") == "Record first entry"
    actions = [r.action for r in window.desk.store.audit(BATLEY)]
    assert {"first entry", "second entry", "send back to key again", "entries agree"} <= set(
        actions
    )


def test_the_supervisor_keeps_the_first_entry(qtbot, window, monkeypatch, said):
    _first_and_differing_second(qtbot, window, said)
    _operator(qtbot, window, "Supervisor")
    seen = _compare(qtbot, window, monkeypatch, [(Qt.Key.Key_F, ALT)])
    title, text = seen[2]
    assert seen[3] == ""  # nothing refused
    assert title == "Keep the first entry?" and "keyed by Clerk 1" in text
    stands = window.desk.latest_count(BATLEY)
    assert stands is not None
    by_name = {c.id: c.person_name for c in window.desk.candidates(BATLEY)}
    assert {by_name[cid]: v for cid, v in stands.figures.votes.items()} == BATLEY_VOTES
    assert not window.compare_action.isEnabled()
    assert [
        r.new["kept"] for r in window.desk.store.audit(BATLEY) if r.action == "keep first entry"
    ] == ["first"]
