"""The base of the night dialogs: a contest, a message line and the recording."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QPushButton, QWidget

from desktop.domain.errors import CountDeskError
from desktop.ui.context import UiContext
from desktop.ui.night.common import refusal_text


class NightDialog(QDialog):
    """What the night's dialogs share: the contest, a refusal line and the buttons."""

    def __init__(
        self, ctx: UiContext, contest_id: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contest_id = contest_id
        self.contest = ctx.desk.contest(contest_id)
        self.setWindowTitle(f"{title} – {self.contest.area}")

        self.message_label = QLabel()
        self.message_label.setObjectName("refusal")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_label.setMargin(6)
        # The palette's own "look here" pair, readable in light and dark themes.
        self.message_label.setAutoFillBackground(True)
        self.message_label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.message_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message_label.setAccessibleName("Why it was not recorded")
        self.message_label.hide()

        # Made a child of the dialog at once, so that the dialog knows its default button
        # (Enter) from the start, even while that button waits for what is needed.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)

    def _ok_button(self, text: str, name: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        assert isinstance(button, QPushButton)
        button.setAccessibleName(name)
        button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        return button

    def message(self) -> str:
        """The refusal or problem shown in the dialog ('' when none)."""
        return self.message_label.text() if self.message_label.isVisibleTo(self) else ""

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if text:
            self._grow()

    def _grow(self) -> None:
        """Grow to show everything at its natural height (the layout alone would only squeeze
        the fields to make room for a message)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def _refused(self, error: CountDeskError) -> None:
        self._say(refusal_text(error))

    def _fit(self, width: int) -> None:
        """Show the dialog this wide, and as tall as its wrapped text needs at that width."""
        self.setMinimumWidth(width)
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        self.resize(width, max(height, self.minimumSizeHint().height()))

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label
