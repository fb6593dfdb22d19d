"""A label that shows as much of its text as its width allows, the rest as "…"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Asks for room for its whole text, and gives way down to ``minimum`` pixels when the
    window is narrow (large text, a small screen); the whole text is always its tooltip."""

    def __init__(self, text: str = "", minimum: int = 80, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self._minimum = minimum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        """Show ``text``, cut to the width there is."""
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()
        self.updateGeometry()

    def setText(self, text: str) -> None:  # Qt override: the whole text, cut to fit
        self.set_full_text(text)

    def full_text(self) -> str:
        """The whole text, however much is shown."""
        return self._full

    def sizeHint(self) -> QSize:  # Qt override
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(self._minimum, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # larger text: cut again, ask for more room
            self._elide()
            self.updateGeometry()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.text():
            super().setText(shown)
