"""A label that is never cut: on one line where there is room, on more lines where there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrappingLabel(QLabel):
    """Asks for room for its whole text on one line, and wraps between words when the window
    is narrow (large text, a small screen), growing taller instead of cutting a word off.

    A plain word-wrapped QLabel asks for a width of its own choosing, often two lines' worth
    even where one line would fit; this one asks for exactly one line.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _margins(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right() + 2 * self.margin() + 2

    def sizeHint(self) -> QSize:  # Qt override
        width = self.fontMetrics().horizontalAdvance(self.text()) + self._margins()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # Qt override
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)
        width = longest + self._margins()
        return QSize(width, self.heightForWidth(width))
