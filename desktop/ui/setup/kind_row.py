"""The kind of contest within its election type, where the deposit or the declaration's wording
differ (a parish with or without wards, a combined authority mayor, the Mayor of London)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.election_types import kinds_of
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest
from desktop.ui.context import UiContext
from desktop.ui.undo import apply_edit


class KindRow(QWidget):
    """A choice of the contest's kind, shown only for a type that has kinds; saved at once
    (audited, undoable), refused in plain words once the provisional result is shown."""

    #: The kind was changed and saved.
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest: Contest | None = None
        self.label = QLabel("&Kind of contest")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Kind of contest: decides the deposit and the wording")
        self.combo.setToolTip(
            "Decides the deposit and how the declaration names those elected (e.g. “Parish "
            "Councillors for the said parish” where a parish has no wards)."
        )
        self.label.setBuddy(self.combo)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problem with the kind of contest")
        self.message.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.combo)
        column.addWidget(self.message)
        self.combo.activated.connect(self._on_activated)

    def show_contest(self, contest: Contest | None, *, fixed: bool) -> None:
        """Offer this contest's kinds (hidden where its type has none); ``fixed`` once the
        provisional result is shown."""
        self._contest = contest
        kinds = kinds_of(contest.type.code) if contest is not None else ()
        self.combo.blockSignals(True)
        self.combo.clear()
        for etype in kinds:
            self.combo.addItem(etype.kind_label or etype.name, etype.kind)
        if contest is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(contest.kind)))
        self.combo.blockSignals(False)
        visible = len(kinds) > 1
        self.setVisible(visible)
        self.label.setVisible(visible)
        self.combo.setEnabled(contest is not None and not fixed)
        self._say("")

    def _on_activated(self, index: int) -> None:
        contest = self._contest
        if contest is None:
            return
        new = str(self.combo.itemData(index))
        contest_id, desk, operator = contest.id, self._ctx.desk, self._ctx.operator

        def apply(value: object) -> None:
            desk.set_contest_details(contest_id, operator(), kind=str(value))
            self._ctx.events.setup_changed.emit(contest_id)

        if apply_edit(
            self._ctx.undo_stack,
            f"Change the kind of contest of {contest.area}",
            apply,
            contest.kind,
            new,
            self._refused,
        ):
            self._say("")
            self.saved.emit()

    def _refused(self, error: CountDeskError) -> None:
        self._say(str(error))
        if self._contest is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(self._contest.kind)))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
