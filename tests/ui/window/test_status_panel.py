"""The status panel: the stage of the night in words, advancing, what blocks it and why,
acknowledging a blocking warning, the declaration handed on, and the lock once declared."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.window import status_panel as status_module
from desktop.ui.window.acknowledge_dialog import AcknowledgeDialog
from desktop.ui.window.main_window import MainWindow
from desktop.ui.window.status_panel import StatusPanel
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once


@pytest.fixture
def desk(tmp_path) -> CountDesk:
    desk = CountDesk.open(tmp_path / "db.sqlite")
    desk.open_demo("T")
    desk.set_contest_details(
        BATLEY,
        "T",
        officer_name="Jacqui Gedman",
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    return desk


@pytest.fixture
def ctx(desk) -> UiContext:
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Supervisor")


@pytest.fixture
def panel(qtbot, ctx) -> StatusPanel:
    panel = StatusPanel(ctx)
    qtbot.addWidget(panel)
    panel.set_contest(BATLEY)
    panel.resize(1300, panel.sizeHint().height())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str]]:
    """What the panel told the user in message boxes: (title, text)."""
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        status_module.QMessageBox,
        "warning",
        lambda _parent, title, text, *a: told.append((title, text)),
    )
    return told


def _verify(desk: CountDesk, explain: bool = True) -> None:
    desk.import_verification_csv(BATLEY, BOXES_CSV, "T")
    for line in desk.verification(BATLEY):
        desk.set_box_counted(
            BATLEY, line.reference, line.issued + (1 if line.reference == "BS03" else 0), "T"
        )
    if explain:
        desk.set_box_explanation(BATLEY, "BS03", "A paper from BS04 was placed in it", "T")


def _record_count(desk: CountDesk) -> None:
    votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
    desk.record_count(BATLEY, votes, BATLEY_REJECTED, "Clerk")


def test_a_new_contest_shows_setup_and_advance_to_verification(panel):
    assert "▶ Setup (now)" in panel.stages_text()
    assert "<b>▶&nbsp;Setup</b>" in panel.stages_label.text()
    assert panel.advance_button.text() == "Advance to verification"
    assert panel.advance_button.accessibleName() == "Advance to verification"
    assert panel.advance_button.isEnabled()
    assert not panel.needs_button.isVisible()
    assert not panel.when_label.isVisible()


def test_advancing_moves_the_contest_and_tells_the_window(qtbot, panel, desk, ctx):
    heard: list[str] = []
    ctx.events.setup_changed.connect(heard.append)
    with qtbot.waitSignal(panel.status_changed) as signal:
        panel.advance_button.click()
    assert signal.args == ["verification"]
    assert desk.contest(BATLEY).status is Status.VERIFICATION
    assert heard == [BATLEY]
    assert "✔ Setup (done)" in panel.stages_text()
    assert "▶ Verification (now)" in panel.stages_text()
    assert panel.advance_button.text() == "Advance to count"


def test_a_blocked_advance_shows_the_blockers_with_their_codes(qtbot, panel, desk, ctx, said):
    desk.advance(BATLEY, "verification", "T")
    desk.import_verification_csv(BATLEY, BOXES_CSV, "T")
    ctx.events.count_changed.emit(BATLEY)
    button = panel.advance_button
    assert not button.isEnabled()
    assert "V502" in button.toolTip()
    assert panel.needs_button.isVisible()
    assert panel.needs_button.text() == "What is needed (1)…"
    panel.needs_button.click()
    dialog = panel.needs_dialog
    assert dialog is not None and dialog.isVisible()
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert "<b>V502</b>" in shown
    assert any(text.startswith("13 boxes are not yet counted") for text in shown)
    assert "cannot move to count" in dialog.heading.text()
    # Asked anyway (e.g. from a stale screen): refused in plain words with the code.
    assert panel.advance() is False
    assert said and said[0][0] == "Not moved to count"
    assert "V502" in said[0][1] and "not yet counted" in said[0][1]
    assert desk.contest(BATLEY).status is Status.VERIFICATION


def test_acknowledging_a_blocking_warning_records_it_and_unblocks(
    qtbot, panel, desk, ctx, monkeypatch
):
    desk.advance(BATLEY, "verification", "T")
    _verify(desk, explain=False)
    ctx.events.count_changed.emit(BATLEY)
    assert not panel.advance_button.isEnabled()
    assert "S804" in panel.advance_button.toolTip() and "V501" in panel.advance_button.toolTip()
    dialog = panel.show_needs()
    assert dialog is not None
    [(button, finding)] = dialog.acknowledge_buttons
    assert finding.code == "S804" and finding.subject == "BS03"
    assert button.accessibleName() == "Acknowledge warning V501 (BS03)"
    asked = []

    def reason(_parent, shown):
        asked.append(shown)
        return "The presiding officer's account was miscounted"

    monkeypatch.setattr(status_module, "ask_acknowledgement_reason", reason)
    button.click()
    assert asked == [finding]
    acks = desk.store.acknowledgements(BATLEY, None)
    assert [(a.code, a.subject, a.reason) for a in acks] == [
        ("V501", "BS03", "The presiding officer's account was miscounted")
    ]
    assert panel.advance_button.isEnabled()
    assert not panel.needs_button.isVisible()
    assert "Nothing stands in the way" in dialog.heading.text()
    panel.advance_button.click()
    assert desk.contest(BATLEY).status is Status.COUNT


def test_a_cancelled_acknowledgement_records_nothing(panel, desk, ctx, monkeypatch):
    desk.advance(BATLEY, "verification", "T")
    _verify(desk, explain=False)
    ctx.events.count_changed.emit(BATLEY)
    monkeypatch.setattr(status_module, "ask_acknowledgement_reason", lambda *a: None)
    [(button, _finding)] = panel.show_needs().acknowledge_buttons
    button.click()
    assert desk.store.acknowledgements(BATLEY, None) == []
    assert not panel.advance_button.isEnabled()


def test_the_reason_dialog_needs_a_reason(qtbot, panel, desk, ctx):
    desk.advance(BATLEY, "verification", "T")
    _verify(desk, explain=False)
    ctx.events.count_changed.emit(BATLEY)
    finding = panel.report.blockers[0]
    dialog = AcknowledgeDialog(finding, panel)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Acknowledge warning V501"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Counted twice")
    assert dialog.ok_button.isEnabled()
    assert dialog.reason() == "Counted twice"


def test_at_provisional_the_button_asks_for_the_declaration(qtbot, panel, desk, ctx):
    desk.advance(BATLEY, "verification", "T")
    desk.advance(BATLEY, "count", "T")
    _record_count(desk)
    ctx.events.count_changed.emit(BATLEY)
    with qtbot.waitSignal(panel.status_changed) as changed:
        panel.advance_button.click()
    assert changed.args == ["provisional"]
    assert panel.when_label.isVisible()
    assert panel.when_label.text().startswith("Shown at ")
    assert panel.advance_button.text() == "Declare…"
    assert panel.advance_button.accessibleName() == "Declare the result…"
    with qtbot.waitSignal(panel.declare_requested) as asked:
        panel.advance_button.click()
    assert asked.args == [BATLEY]
    assert desk.contest(BATLEY).status is Status.PROVISIONAL


def test_declare_is_refused_naming_the_missing_authority_and_imprint(qtbot, panel, desk, ctx):
    desk.set_contest_details(BATLEY, "T", authority="", imprint_address="")
    desk.advance(BATLEY, "verification", "T")
    desk.advance(BATLEY, "count", "T")
    _record_count(desk)
    desk.advance(BATLEY, "provisional", "T")  # the provisional result does not need them
    ctx.events.count_changed.emit(BATLEY)
    button = panel.advance_button
    assert button.text() == "Declare…"
    assert not button.isEnabled()
    assert "T304" in button.toolTip() and "authority is not set" in button.toolTip()
    assert panel.needs_button.text() == "What is needed (2)…"
    panel.needs_button.click()
    shown = [label.text() for label in panel.needs_dialog.findChildren(QLabel)]
    assert shown.count("<b>T304</b>") == 2
    assert any(text.startswith("The authority is not set") for text in shown)
    assert any(text.startswith("The imprint address is not set") for text in shown)
    # Once both are set, the officer may declare.
    desk.set_contest_details(
        BATLEY, "T", authority="Kirklees Council", imprint_address="Town Hall, Huddersfield"
    )
    ctx.events.setup_changed.emit(BATLEY)
    assert panel.advance_button.isEnabled()


def test_once_declared_the_panel_says_locked_and_the_window_hears_it(qtbot, panel, desk, ctx):
    desk.advance(BATLEY, "verification", "T")
    desk.advance(BATLEY, "count", "T")
    _record_count(desk)
    desk.advance(BATLEY, "provisional", "T")
    desk.declare(BATLEY, "Supervisor", "Jacqui Gedman")
    with qtbot.waitSignal(panel.status_changed) as changed:
        ctx.events.setup_changed.emit(BATLEY)
    assert changed.args == ["declared"]
    assert panel.when_label.text().startswith("Declared at ")
    assert panel.when_label.text().endswith("— locked")
    assert not panel.advance_button.isVisible()
    assert "▶ Declared (now)" in panel.stages_text()


def test_the_window_makes_its_views_read_only_once_declared(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "window.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("T")
    desk.set_contest_details(
        BATLEY,
        "T",
        officer_name="Jacqui Gedman",
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    calls: list[bool] = []
    monkeypatch.setattr(window.verification_view, "set_read_only", calls.append)
    window.open_contest(BATLEY)
    assert calls == [False]
    assert window.status_panel.isVisible() or not window.isVisible()
    desk.advance(BATLEY, "verification", "T")
    desk.advance(BATLEY, "count", "T")
    _record_count(desk)
    desk.advance(BATLEY, "provisional", "T")
    desk.declare(BATLEY, "Supervisor", "Jacqui Gedman")
    window.events.setup_changed.emit(BATLEY)
    assert calls == [False, True]
    assert window.status_panel.when_label.text().startswith("Declared at ")


def test_advancing_names_the_stage_and_asks_first(panel, desk, confirmed_stages):
    assert panel.advance() is True
    assert confirmed_stages == [("Batley and Spen", "verification")]
    assert desk.contest(BATLEY).status.value == "verification"


def test_a_stage_change_not_confirmed_moves_nothing(panel, desk, monkeypatch):
    monkeypatch.setattr(status_module, "confirm_advance", lambda *a: False)
    assert panel.advance() is False
    assert desk.contest(BATLEY).status.value == "setup"
    assert panel.advance_button.text() == "Advance to verification"


def test_enter_on_the_advance_button_moves_nothing(qtbot, panel, desk, confirmed_stages):
    panel.advance_button.setFocus()
    qtbot.keyClick(panel.advance_button, Qt.Key.Key_Return)
    qtbot.keyClick(panel.advance_button, Qt.Key.Key_Enter)
    assert confirmed_stages == []
    assert desk.contest(BATLEY).status.value == "setup"


def test_the_question_names_the_contest_and_stage_and_cancel_is_its_default(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.domain.model import Status
    from desktop.ui.window import confirm_stage

    seen: list[QMessageBox] = []

    def shown(box: QMessageBox) -> int:
        seen.append(box)
        return 0

    monkeypatch.setattr(confirm_stage.QMessageBox, "exec", shown)
    assert confirm_stage.confirm_advance(None, "Batley and Spen", Status.PROVISIONAL) is False
    [box] = seen
    assert box.text() == "Move Batley and Spen on to provisional result?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    names = [b.text() for b in box.buttons()]
    assert "Advance to provisional result" in names
