"""Headings: bold, and larger than the text around them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading_label(text: str = "", *, name: str = "", scale: float = 1.2) -> QLabel:
    """A bold heading ``scale`` times the size of the window's text, named ``name`` if given."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label
