"""Count-centre laptops: at 1024×768 the count screen has the whole width, every figure box in
sight without scrolling sideways; the contest list folds away and comes back with Ctrl+L."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.services import CountDesk
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.window.main_window import MainWindow
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
    """The count's figure boxes and names not wholly inside the visible part of the form."""
    view = window.count_view
    viewport = view._scroll.viewport()
    hidden = []
    for row in view._rows:
        for widget in (row.edit,):  # the box the figure is typed in
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            inside = viewport.rect().contains(top_left) and viewport.rect().contains(
                top_left + QPoint(widget.width() - 1, 0)
            )
            if not inside:
                hidden.append(row.what)
    return hidden


@pytest.mark.parametrize("size", [(1024, 740), (1280, 690)])
def test_at_laptop_sizes_every_figure_box_is_in_sight_without_sideways_scrolling(
    qtbot, window, size
):
    window.resize(*size)
    window.open_contest(BATLEY)
    qtbot.wait(10)
    scroll = window.count_view._scroll
    assert scroll.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    assert _in_sight(window) == []
    assert window.status_panel.advance_button.isVisible()
    # Every description whole, as on the ballot paper ("The Official Monster Raving Loony Party").
    descriptions = window.count_view.findChildren(ElidedLabel)
    assert len(descriptions) == 16
    assert [d.text() for d in descriptions] == [d.full_text() for d in descriptions]
    assert "The Official Monster Raving Loony Party" in [d.text() for d in descriptions]


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
