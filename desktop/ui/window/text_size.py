"""Larger or smaller text for the whole application, for reading from a metre away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 24


def set_point_size(window: QWidget, size: int) -> int | None:
    """Set the application's text to ``size`` points (held between the limits); return the size
    set, or None when nothing changed.

    Headings and figures that set a size of their own are scaled in proportion; fonts that only
    set bold follow the window's size by themselves.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
    font = app.font()
    old = font.pointSizeF()
    if size == old:
        return None
    font.setPointSize(size)
    app.setFont(font)  # dialogs and new windows
    window.setFont(font)  # this window at once, without waiting for the event queue
    for widget in window.findChildren(QWidget):
        own = widget.font()
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            if own.pointSizeF() != size:
                own.setPointSizeF(own.pointSizeF() * size / old)
                widget.setFont(own)
        elif own.pointSizeF() != size:
            # Qt leaves some widgets behind (the header of a table on a hidden tab, wider than
            # the tab): an empty font makes one take its parent's again.
            widget.setFont(QFont())
    return size


def current_point_size() -> int:
    """The application's text size in points now."""
    app = QApplication.instance()
    return app.font().pointSize() if isinstance(app, QApplication) else 10
