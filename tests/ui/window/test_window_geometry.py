"""The window fits the screen it first opens on, and opens where it was left."""

from __future__ import annotations

from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow


def _window(qtbot, tmp_path) -> MainWindow:
    path = tmp_path / "db.sqlite"
    window = MainWindow(CountDesk.open(path), path)
    qtbot.addWidget(window)
    return window


def test_a_first_run_fits_the_screen_it_opens_on(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.place_on_screen()
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    # The offscreen screen (800×800) is narrower than 1366: the window opens no wider than the
    # screen, or than its own narrowest layout where that is wider still.
    assert window.width() < 1366
    assert window.width() <= max(area.width(), window.minimumSizeHint().width())
    assert window.height() <= area.height()
    assert area.contains(window.geometry().topLeft())


def test_the_window_opens_as_it_was_left(qtbot, tmp_path):
    first = _window(qtbot, tmp_path)
    first.place_on_screen()
    first.show()
    qtbot.waitExposed(first)
    first.resize(first.width(), 640)  # the offscreen screen is 800 wide
    first.splitter.setSizes([150, 550])
    sizes = first.splitter.sizes()
    first.close()

    again = _window(qtbot, tmp_path)
    again.place_on_screen()
    again.show()
    qtbot.waitExposed(again)
    assert again.height() == 640
    assert again.splitter.sizes() == sizes
