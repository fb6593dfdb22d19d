"""A count night with the keyboard alone, at 1024×768: every step by a shortcut, a mnemonic,
typing and Enter, as a clerk works without a mouse. (The operating system's file chooser and
the "Advance to …?" question are answered for the clerk; each still has to be asked.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.domain.model import Status
from desktop.domain.workflow import RecountDecision
from desktop.services import CountDesk
from desktop.ui.night import running
from desktop.ui.night.recount_dialog import RecountDialog
from desktop.ui.verification import box_list_buttons
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key pressed wherever the keyboard is now (as a clerk presses it)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def _type(qtbot, window: MainWindow, text: str) -> None:
    """Figures or words typed where the keyboard is, then Enter."""
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_a_whole_night_with_the_keyboard_alone(qtbot, tmp_path, monkeypatch, confirmed_stages):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

    _press(qtbot, window, Qt.Key.Key_D, CTRL)  # open the demo
    assert window.contest_id == BATLEY

    # Setup: the officer's name by its mnemonic; Enter saves it and moves on.
    _press(qtbot, window, Qt.Key.Key_1, CTRL)
    _press(qtbot, window, Qt.Key.Key_M, ALT)
    assert QApplication.focusWidget().accessibleName() == "Declaring officer's name"
    _type(qtbot, window, "Jacqui Gedman")
    assert desk.contest(BATLEY).officer_name == "Jacqui Gedman"
    # The imprint's address, which the declaration cannot be made without (T304).
    _press(qtbot, window, Qt.Key.Key_P, ALT)
    assert QApplication.focusWidget().accessibleName() == "Imprint address"
    _type(qtbot, window, "Town Hall, Huddersfield")
    assert desk.contest(BATLEY).imprint_address == "Town Hall, Huddersfield"

    _press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)  # on to verification, asked first
    assert desk.contest(BATLEY).status is Status.VERIFICATION

    # Verification: import the boxes (Alt+M on that page), then each counted figure, Enter.
    monkeypatch.setattr(
        box_list_buttons.QFileDialog, "getOpenFileName", lambda *a, **k: (str(BOXES_CSV), "")
    )
    _press(qtbot, window, Qt.Key.Key_2, CTRL)
    _press(qtbot, window, Qt.Key.Key_M, ALT)  # a button's mnemonic clicks it a moment later
    qtbot.waitUntil(lambda: bool(desk.verification(BATLEY)))
    lines = desk.verification(BATLEY)
    for line in lines:
        table = QApplication.focusWidget()
        qtbot.keyClicks(table, str(line.issued)[0])  # the first key opens the cell's editor
        _type(qtbot, window, str(line.issued)[1:])
    assert desk.contest(BATLEY).ballot_papers_verified == 37786
    _press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    assert desk.contest(BATLEY).status is Status.COUNT

    # The count: every figure typed with Enter, then recorded with Ctrl+Return.
    _press(qtbot, window, Qt.Key.Key_3, CTRL)
    for candidate in desk.candidates(BATLEY):
        assert QApplication.focusWidget().accessibleName() == f"Votes for {candidate.display_name}"
        _type(qtbot, window, f"{BATLEY_VOTES[candidate.person_name]:,}")
    for papers in BATLEY_REJECTED.values():
        _type(qtbot, window, str(papers))
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert desk.latest_count(BATLEY) is not None

    _press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)  # the provisional result is shown
    assert desk.contest(BATLEY).status is Status.PROVISIONAL

    # A candidate asks for a recount; the Returning Officer grants a bundle check. The request
    # is typed into its dialog with Tab, Space, letters and arrows, and recorded with Enter.
    def recount_typed(dialog: QDialog) -> bool:
        assert isinstance(dialog, RecountDialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)  # as exec() makes it: the keyboard is in it

        def key(key: Qt.Key) -> None:
            qtbot.keyClick(dialog.focusWidget(), key)

        assert dialog.focusWidget() is dialog.who_edit
        key(Qt.Key.Key_Tab)
        key(Qt.Key.Key_Space)  # asked as the candidate
        key(Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "GO")  # the list goes to GORDON, Tom
        key(Qt.Key.Key_Tab)  # the time, which is now: Tab goes past its hours and minutes
        key(Qt.Key.Key_Tab)
        key(Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.full_choice
        key(Qt.Key.Key_Right)  # from "Full recount" to "Bundle check"
        key(Qt.Key.Key_Space)
        key(Qt.Key.Key_Return)
        # Closed, the window it was opened over is active again, as after exec().
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(running, "exec_dialog", recount_typed)
    _press(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT)
    request = desk.pending_recount_request(BATLEY)
    assert request is not None
    assert (request.requested_by, request.role, request.decision) == (
        "Tom GORDON", "candidate", RecountDecision.BUNDLE_CHECK,
    )  # fmt: skip
    assert desk.contest(BATLEY).status is Status.COUNT
    # The bundle check finds the figures right: they are recorded again as count 2.
    _press(qtbot, window, Qt.Key.Key_3, CTRL)
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert desk.latest_count(BATLEY).number == 2
    _press(qtbot, window, Qt.Key.Key_A, CTRL_SHIFT)
    assert desk.contest(BATLEY).status is Status.PROVISIONAL

    # The declaration: the officer confirms by typing their name in the dialog, then Enter.
    def typed_into(dialog: QDialog) -> bool:
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        qtbot.keyClicks(dialog.focusWidget(), "Jacqui Gedman")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(running, "exec_dialog", typed_into)
    _press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    assert desk.contest(BATLEY).status is Status.DECLARED
    assert desk.result(BATLEY).majority == 323
    assert [stage for _area, stage in confirmed_stages] == [
        "verification", "count", "provisional", "provisional",
    ]  # fmt: skip
