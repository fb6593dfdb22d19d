"""The banner over the provisional sheet: why the declaration cannot be printed yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QStyle, QVBoxLayout, QWidget

from desktop.domain.findings import Finding


class ProvisionalBanner(QFrame):
    """Lists the errors that keep the declaration from being printed (hidden until they stand)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provisionalBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Tooltip colours are the palette's own "look here" pair, readable in light and dark.
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel()
        self.errors = QLabel()
        for label in (self.title, self.errors):
            label.setForegroundRole(QPalette.ColorRole.ToolTipText)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title.setObjectName("provisionalBannerTitle")
        self.errors.setObjectName("provisionalBannerErrors")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title)
        text.addWidget(self.errors)
        row = QHBoxLayout(self)
        row.addWidget(icon)
        row.addLayout(text, 1)
        self.hide()

    def show_errors(self, errors: tuple[Finding, ...]) -> None:
        """List the errors that keep the declaration from being printed, or hide the banner."""
        if not errors:
            self.hide()
            self.title.clear()
            self.errors.clear()
            return
        stand = "these errors stand" if len(errors) != 1 else "this error stands"
        self.title.setText(
            "Provisional result – not for publication: the declaration cannot be printed "
            f"while {stand}:"
        )
        self.errors.setText("\n".join(f"{f.code}  {f.message}" for f in errors))
        self.setAccessibleName(self.text())
        self.show()

    def text(self) -> str:
        """The banner's words as one text (empty when no error stands)."""
        if not self.title.text():
            return ""
        return f"{self.title.text()}\n{self.errors.text()}"
