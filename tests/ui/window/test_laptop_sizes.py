"""Count-centre laptops: at 1024×768 the count screen has the whole width, every figure box in
sight without scrolling sideways; the contest list folds away and comes back with Ctrl+L."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.services import CountDesk
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.window.main_window import MainWindow
from desktop.ui.wrapping_label import WrappingLabel
from tests.sample import BATLEY, WARD_CSV


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("Tester")
    desk.import_candidates(WARD_CSV, "Tester")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _in_sight(window: MainWindow) -> list[str]:
    """The count's figure boxes not wholly inside the width of the form (the form scrolls up
    and down, never sideways)."""
    view = window.count_view
    viewport = view._scroll.viewport()
    hidden = []
    for row in view._rows:
        left = row.edit.mapTo(viewport, QPoint(0, 0)).x()
        if left < 0 or left + row.edit.width() > viewport.width():
            hidden.append(row.what)
    return hidden


def _cut_text(window: MainWindow) -> list[str]:
    """The candidates' names and descriptions on the count form that are not shown whole."""
    cut = []
    for label in window.count_view.count_form.findChildren(QLabel):
        if isinstance(label, WrappingLabel):  # a description: wraps, never cut
            needed = label.heightForWidth(label.width())
            if label.height() < needed or label.width() < label.minimumSizeHint().width():
                cut.append(label.text())
        elif label.font().bold() and label.width() < label.sizeHint().width():
            cut.append(label.text())  # a name, or a heading
    return cut


@pytest.mark.parametrize("larger", [0, 2, 4], ids=["normal text", "large text", "larger still"])
@pytest.mark.parametrize("size", [(1024, 740), (1280, 690)], ids=["1024x768", "1280x720"])
def test_at_laptop_sizes_every_figure_box_name_and_description_is_in_sight(
    qtbot, window, size, larger
):
    window.resize(*size)
    window.open_contest(BATLEY)
    try:
        window.change_text_size(larger)
        # Wrapped descriptions take a few turns of the event loop to be laid out again.
        qtbot.waitUntil(lambda: _cut_text(window) == [], timeout=2000)
        assert window.width() == size[0]  # the window has not grown past the screen
        assert window.height() == size[1]
        scroll = window.count_view._scroll
        assert scroll.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
        assert _in_sight(window) == []
        descriptions = window.count_view.count_form.findChildren(WrappingLabel)
        assert len(descriptions) == 16
        assert "The Official Monster Raving Loony Party" in [d.text() for d in descriptions]
        panel = window.status_panel
        assert panel.advance_button.isVisible()
        assert panel.advance_button.width() >= panel.advance_button.sizeHint().width()
        live = window.count_view.live_panel
        assert live.isVisible() and live.x() + live.width() <= window.count_view.width()
    finally:
        window.change_text_size(0)


def test_the_header_is_cut_visibly_rather_than_widening_the_window(qtbot, window):
    window.resize(1024, 740)
    window.open_contest(BATLEY)
    try:
        window.change_text_size(4)
        qtbot.wait(10)
        header = window.contest_label
        assert window.width() == 1024
        assert header.full_text().startswith("Batley and Spen · UK Parliamentary by-election")
        assert header.text().endswith("…")
        assert header.toolTip() == header.full_text()
    finally:
        window.change_text_size(0)


def test_the_contest_list_comes_back_with_ctrl_l_and_folds_again_once_used(qtbot, window):
    window.resize(1024, 740)
    window.open_contest(BATLEY)
    qtbot.wait(10)
    assert window.splitter.sizes()[0] == 0
    window.focus_navigator()
    assert window.splitter.sizes()[0] >= 200  # wide enough to read the contests' names
    assert window.focusWidget() is window.navigator
    navigator = window.navigator
    navigator.setCurrentIndex(navigator.navigator_model.index_of(BATLEY))
    qtbot.keyClick(navigator, Qt.Key.Key_Return)
    assert window.contest_id == BATLEY
    assert window.splitter.sizes()[0] == 0


def test_on_a_wide_screen_the_list_stays(qtbot, window):
    window.resize(1366, 740)
    window.open_contest(BATLEY)
    qtbot.wait(10)
    assert window.splitter.sizes()[0] > 0
    window.resize(1024, 740)
    qtbot.wait(10)
    assert window.splitter.sizes()[0] == 0
    window.resize(1366, 740)
    qtbot.wait(10)
    assert window.splitter.sizes()[0] > 0


def test_a_description_without_room_is_cut_visibly_and_kept_whole_in_its_tooltip(qtbot):
    label = ElidedLabel("The Official Monster Raving Loony Party")
    qtbot.addWidget(label)
    label.resize(90, 20)
    label.show()
    assert label.text().endswith("…") and len(label.text()) < len(label.full_text())
    assert label.toolTip() == "The Official Monster Raving Loony Party"
    label.resize(label.sizeHint().width(), 20)
    assert label.text() == "The Official Monster Raving Loony Party"


def test_larger_text_reaches_the_pages_out_of_sight(qtbot, tmp_path):
    """Ctrl+= in a window opened 1024 wide: every widget that follows the window's text follows
    it, also on the tabs not shown (the headers of a hidden table of seven columns once kept
    the old size)."""
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("Tester")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    window.open_contest(BATLEY)
    base = QApplication.font().pointSize()
    try:
        window.change_text_size(+2)
        qtbot.wait(10)  # the menus, windows of their own, hear of it from the event loop
        behind = [
            f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}"
            for widget in window.findChildren(QWidget)
            if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            and widget.font().pointSize() != base + 2
        ]
        assert behind == []
        header = window.verification_view.table.horizontalHeader()
        assert header.font().pointSize() == base + 2
    finally:
        window.change_text_size(0)


@pytest.mark.parametrize("larger", [2, 4], ids=["large text", "larger still"])
def test_every_page_and_the_start_page_fit_1024_by_768_in_large_text(qtbot, window, larger):
    window.resize(1024, 740)
    try:
        window.change_text_size(larger)
        qtbot.wait(10)
        assert window.minimumSizeHint().height() <= 740  # the start page scrolls instead
        window.open_contest(BATLEY)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(10)
            hint = window.minimumSizeHint()
            assert (window.tabs.tabText(index), hint.width() <= 1024, hint.height() <= 740) == (
                window.tabs.tabText(index),
                True,
                True,
            )
            assert window.size().toTuple() == (1024, 740)
    finally:
        window.change_text_size(0)
