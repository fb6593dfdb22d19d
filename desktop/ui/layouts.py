"""Helpers for layouts whose widgets are built again as the contest changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def clear_layout(layout: QLayout) -> None:
    """Take every item out of the layout and delete its widget.

    Each widget is hidden at once: until Qt deletes it, an old field or button must not keep
    the keyboard or be seen.
    """
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
