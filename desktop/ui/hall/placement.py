"""Where the hall board goes: full screen on a screen other than the main window's when there
is one (the projector or second screen), else a window the user can move.

With a single laptop screen, a full-screen board would hide the count from the clerk at the
keyboard; it opens instead as an ordinary window of three quarters of the screen, which can be
dragged to a projector plugged in later (it moves there by itself when a screen is added) or
made full screen with F11.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def other_screen(main: QWidget) -> QScreen | None:
    """A screen other than the one the main window is on, or None with only one."""
    here = main.screen()
    for screen in QGuiApplication.screens():
        if screen is not here and screen != here:
            return screen
    return None


def place_board(board: QWidget, main: QWidget) -> bool:
    """Show the board on the other screen, full screen and frameless, or as a window on the
    main window's screen; return whether it went full screen on another screen."""
    screen = other_screen(main)
    if screen is not None:
        board.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        board.setScreen(screen)
        board.setGeometry(screen.geometry())
        board.showFullScreen()
        return True
    board.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
    area = main.screen().availableGeometry()
    board.resize(area.width() * 3 // 4, area.height() * 3 // 4)
    board.move(area.center() - board.rect().center())
    board.show()
    return False
