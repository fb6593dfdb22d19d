"""How the contest's counts are keyed: twice, by two operators (double entry, the default), or
once (single entry, for a small count). The switch is audited by the services and refused, in
plain words, while an entry of the count is held or once the provisional result is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.double_entry import EntryMode
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest
from desktop.ui.context import UiContext

CHOICES = (
    (EntryMode.DOUBLE, "Double: keyed twice"),
    (EntryMode.SINGLE, "Single: keyed once"),
)


class EntryModeRow(QWidget):
    """A choice between double and single entry, saved at once (audited)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest: Contest | None = None
        self._mode = EntryMode.DOUBLE
        self.label = QLabel("Sin&gle or double entry")
        self.combo = QComboBox()
        self.combo.setAccessibleName("How the counts are keyed: twice (double entry) or once")
        self.combo.setToolTip(
            "Double entry: every count keyed by two operators, the second blind, and compared "
            "before it stands. Single entry: keyed once, standing at once."
        )
        for mode, words in CHOICES:
            self.combo.addItem(words, mode.value)
        self.label.setBuddy(self.combo)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problem with how the counts are keyed")
        self.message.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.combo)
        column.addWidget(self.message)
        self.combo.activated.connect(self._on_activated)

    def show_contest(self, contest: Contest | None) -> None:
        """Show how this contest's counts are keyed."""
        self._contest = contest
        self._mode = self._ctx.desk.entry_mode(contest.id) if contest else EntryMode.DOUBLE
        self._show_mode()
        self._say("")

    def set_fixed(self, fixed: bool) -> None:
        """Fixed once the provisional result is shown (the services refuse it then too)."""
        self.combo.setEnabled(self._contest is not None and not fixed)

    def _show_mode(self) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self._mode.value)))
        self.combo.blockSignals(False)

    def _on_activated(self, index: int) -> None:
        contest = self._contest
        wanted = EntryMode(str(self.combo.itemData(index)))
        if contest is None or wanted is self._mode:
            return
        try:
            self._ctx.desk.set_entry_mode(contest.id, wanted, self._ctx.operator())
        except CountDeskError as error:
            self._show_mode()  # back to the mode that stands
            self._say(f"Not changed – {error}")
            return
        self._mode = wanted
        self._say("")
        self._ctx.events.setup_changed.emit(contest.id)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
