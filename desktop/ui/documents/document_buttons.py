"""The documents tab's buttons: zoom, fit, whole page, print and save."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


def _theme_icon(name: QIcon.ThemeIcon) -> QIcon:
    """The desktop theme's icon, or none: an unlike stand-in would mislead more than no icon."""
    return QIcon.fromTheme(name)


def _shortcut_text(key: QKeySequence.StandardKey) -> str:
    """A standard shortcut as the platform writes it (Ctrl+P, ⌘P …)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def _button(icon: QIcon | None, text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(icon, text) if icon is not None else QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    return button


class DocumentButtons(QWidget):
    """The row of buttons beside the choice of document; the view connects their clicks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme = QIcon.ThemeIcon
        self.zoom_out = _button(
            _theme_icon(theme.ZoomOut), "Zoom out", "Zoom out", "Show the page smaller."
        )
        self.zoom_in = _button(
            _theme_icon(theme.ZoomIn), "Zoom in", "Zoom in", "Show the page larger."
        )
        self.fit_width = _button(
            None, "Fit width", "Fit the page to the width of the view",
            "Show the page as wide as the view.",
        )  # fmt: skip
        self.whole_page = _button(
            _theme_icon(theme.ZoomFitBest), "Whole page", "Show whole pages",
            "Show each page whole, to see its layout at a glance.",
        )  # fmt: skip
        self.print = _button(
            _theme_icon(theme.DocumentPrint), "&Print…", "Print the document shown",
            f"Print the document shown ({_shortcut_text(QKeySequence.StandardKey.Print)})",
        )  # fmt: skip
        self.save = _button(
            _theme_icon(theme.DocumentSaveAs), "Save as PDF…",
            "Save the document shown as a PDF file",
            "Save the document shown as a PDF file "
            f"({_shortcut_text(QKeySequence.StandardKey.Save)})",
        )  # fmt: skip
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.zoom_out, self.zoom_in, self.fit_width, self.whole_page):
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(self.print)
        row.addWidget(self.save)
