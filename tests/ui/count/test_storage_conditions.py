"""Keying a figure when the database cannot take it: the window says so in one plain sentence,
keeps what was typed, and saves nothing (no traceback, no "saved")."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.services import CountDesk
from desktop.storage.database import open_database
from desktop.storage.store import Store
from desktop.ui import context as context_module
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.count.count_view import CountView
from tests.sample import BATLEY


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "countdesk.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("Tester")
    desk.close()
    return path


def _view(qtbot, desk: CountDesk) -> CountView:
    view = CountView(UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Clerk 1"))
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _key_first_figure(qtbot, view: CountView, monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(
        context_module.QMessageBox, "warning", lambda _parent, _title, text: said.append(text)
    )
    field = view.first_field()
    assert field is not None
    field.setFocus()
    qtbot.keyClicks(field, "8,264")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "8,264"  # what was typed is still there, to save again
    assert view._rows[0].message.text() == f"✖ Not saved. {said[0]}"
    return said


def _nothing_keyed(path) -> None:
    with sqlite3.connect(path) as conn:
        keyed = conn.execute("SELECT count(*) FROM draft_votes WHERE votes IS NOT NULL")
        assert keyed.fetchone()[0] == 0


def test_a_database_another_program_holds(qtbot, path, monkeypatch):
    desk = CountDesk(Store(open_database(path, busy_timeout=0.1)))
    view = _view(qtbot, desk)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        said = _key_first_figure(qtbot, view, monkeypatch)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(said) == 1
    assert "Another program (perhaps another CountDesk window) is holding" in said[0]
    assert str(path) in said[0] and "Nothing was saved" in said[0]
    _nothing_keyed(path)
    # Once the other program lets go, Enter saves what is in the field.
    view.first_field().setFocus()
    qtbot.keyClick(view.first_field(), Qt.Key.Key_Return)
    assert desk.draft(BATLEY).votes[view.live.candidates[0].id] == 8264


def test_a_read_only_database(qtbot, path, monkeypatch):
    desk = CountDesk(Store(open_database(path, read_only=True)))
    said = _key_first_figure(qtbot, _view(qtbot, desk), monkeypatch)
    assert len(said) == 1 and str(path) in said[0]
    assert "read-only" in said[0] or "read only" in said[0]
    assert "report" not in said[0].lower()
    _nothing_keyed(path)


def test_a_full_disk(qtbot, path, monkeypatch):
    db = open_database(path)
    # SQLite refuses to grow the file past max_page_count with SQLITE_FULL, as on a full disk:
    # figures keyed fill the last free room, and then one is refused.
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    desk = CountDesk(Store(db))
    view = _view(qtbot, desk)
    said: list[str] = []
    monkeypatch.setattr(
        context_module.QMessageBox, "warning", lambda _parent, _title, text: said.append(text)
    )
    field = view.first_field()
    assert field is not None
    first = view.live.candidates[0].id
    for figure in range(1000, 2000):
        saved = desk.draft(BATLEY).votes[first]
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, str(figure))
        qtbot.keyClick(field, Qt.Key.Key_Return)
        if said:
            break
    assert len(said) == 1 and str(path) in said[0] and "full" in said[0]
    assert "report" not in said[0].lower()
    assert field.text() == str(figure)  # what was typed is still there, to save again
    assert view._rows[0].message.text() == f"✖ Not saved. {said[0]}"
    assert desk.draft(BATLEY).votes[first] == saved


def test_an_undo_the_database_cannot_take_now_can_be_pressed_again(qtbot, path, monkeypatch):
    desk = CountDesk(Store(open_database(path, busy_timeout=0.1)))
    stack = QUndoStack()
    view = CountView(UiContext(desk, stack, ContestEvents(), lambda: "Clerk 1"))
    qtbot.addWidget(view)
    view.set_contest(BATLEY)
    view.show()
    qtbot.waitExposed(view)
    said: list[str] = []
    monkeypatch.setattr(
        context_module.QMessageBox, "warning", lambda _parent, _title, text: said.append(text)
    )
    first = view.live.candidates[0].id
    field = view.first_field()
    field.setFocus()
    qtbot.keyClicks(field, "8264")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert desk.draft(BATLEY).votes[first] == 8264 and stack.index() == 1

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        stack.undo()
        qtbot.waitUntil(lambda: stack.index() == 1)  # put back: the step is still to undo
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(said) == 1 and "Another program" in said[0]
    assert desk.draft(BATLEY).votes[first] == 8264
    assert stack.canUndo() and stack.count() == 1

    stack.undo()  # the other program has let go
    assert stack.index() == 0 and desk.draft(BATLEY).votes[first] is None
    stack.redo()
    assert stack.index() == 1 and desk.draft(BATLEY).votes[first] == 8264
