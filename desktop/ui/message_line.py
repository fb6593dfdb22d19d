"""The line under a table that says why a change was refused, or what was last done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

REFUSED = "Why the last change was not saved"
DONE = "What was last done"


def warning_pixmap(widget: QWidget) -> QPixmap:
    """The style's small warning sign, as shown beside a refusal."""
    icon = widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return icon.pixmap(16, 16)


class MessageLine(QWidget):
    """A warning sign and the words of a refusal (or, without the sign, of what was done);
    hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None, spacing: int | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setPixmap(warning_pixmap(self))
        self.icon.setAccessibleName("Problem")
        self.icon.hide()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(REFUSED)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        if spacing is not None:
            row.setSpacing(spacing)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        # Hidden while empty, so that it takes no room in its layout.
        self.hide()

    def say(self, text: str, problem: bool = True) -> None:
        """Show these words (a refusal, with the warning sign, unless ``problem`` is False)."""
        self.label.setText(text)
        self.label.setAccessibleName(REFUSED if problem else DONE)
        self.label.setVisible(bool(text))
        self.icon.setVisible(bool(text) and problem)
        self.setVisible(bool(text))

    def message(self) -> str:
        """The words shown (empty when none)."""
        return self.label.text() if self.label.isVisible() else ""
