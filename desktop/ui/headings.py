"""Headings: bold, and larger than the text around them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading_label(text: str = "", *, name: str = "", scale: float = 1.2) -> QLabel:
    """A bold heading ``scale`` times the size of the window's text, named ``name`` if given."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    make_heading(label, scale)
    return label


def make_heading(label: QLabel, scale: float = 1.2) -> None:
    """Make ``label`` (of any kind) bold and ``scale`` times the size of the window's text."""
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
