"""Where the window sits on the screen: as it was last time, or fitted to the screen it opens
on; kept with the user's settings when it closes."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

#: The size the window opens at on a first run, where the screen has room for it.
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1366, 768


def restore_place(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """Where the window was last time; on a first run, as large as fits the screen it opens on
    (up to 1366×768), never larger."""
    geometry = settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        screen = window.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        window.resize(min(DEFAULT_WIDTH, area.width()), min(DEFAULT_HEIGHT, area.height()))
        window.move(area.topLeft())
    state = settings.value("window/splitter")
    if isinstance(state, QByteArray):
        splitter.restoreState(state)


def save_place(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """Keep the window's place and the contest list's width for the next run."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
