"""The supervisor's comparison of the two entries of a count that differ (P102, the Nelson
check): the differing figures only, side by side, candidate or heading by candidate or heading.

The supervisor compares each with the count sheet, then keeps the first or the second entry
(it becomes the count that stands), or sends the chosen figures back to be keyed again from the
paper (cleared from the second entry; the operator keying them sees neither entry's figure).
Each asks first, naming what it does; a refusal is said in the dialog, which stays open. The
services audit every step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.ui.context import UiContext
from desktop.ui.night.common import refusal_text
from desktop.ui.night.night_dialog import NightDialog


def plural_figures(n: int) -> str:
    """ "1 figure", "2 figures"."""
    return f"{n} figure{'s' if n != 1 else ''}"


class DifferencesDialog(NightDialog):
    """The two entries' differing figures, and the supervisor's three ways to resolve them."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Compare the two entries", parent)
        desk = ctx.desk
        state = desk.entry_state(contest_id)
        self.fields = list(desk.entry_differences(contest_id))
        first = state.first.fields if state.first else {}
        second = state.second.fields if state.second else {}
        self.first_operator = state.first.operator if state.first else ""
        self.second_operator = state.second.operator if state.second else ""
        #: What the supervisor did: "first", "second" or "sent back" (None until done).
        self.resolved: str | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(
            f"The first entry (keyed by {self.first_operator}) and the second entry (keyed by "
            f"{self.second_operator}) differ in {plural_figures(len(self.fields))}. Compare "
            "each with the count sheet, then keep the entry that matches it, or tick the "
            "figures to be keyed again from the paper (Space ticks the figure chosen)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self.fields), 3)
        self.table.setAccessibleName("The figures in which the two entries differ")
        self.table.setHorizontalHeaderLabels(
            [
                "Candidate or heading (tick to key again)",
                f"First entry ({self.first_operator})",
                f"Second entry ({self.second_operator})",
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, (name, words) in enumerate(self.fields):
            what = QTableWidgetItem(words[:1].upper() + words[1:])
            what.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            what.setCheckState(Qt.CheckState.Unchecked)
            what.setData(Qt.ItemDataRole.UserRole, name)
            self.table.setItem(row, 0, what)
            for column, entry in ((1, first), (2, second)):
                item = QTableWidgetItem(format_figure(entry.get(name)))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.fields:
            self.table.setCurrentCell(0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)

        self.keep_first = self._button("Keep the &first entry", lambda: self._keep("first"))
        self.keep_second = self._button("Keep the &second entry", lambda: self._keep("second"))
        self.send_back = self._button(
            "Send the chosen figures &back to be keyed again", self._send_back
        )
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText("&Close")
        layout.addWidget(self.buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit(760)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        assert isinstance(button, QPushButton)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def chosen(self) -> list[str]:
        """The fields ticked to be keyed again, in sheet order."""
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names

    def _words(self, names: list[str]) -> str:
        labels = dict(self.fields)
        return "; ".join(labels[n] for n in names if n in labels)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _keep(self, which: str) -> None:
        operator = self.first_operator if which == "first" else self.second_operator
        if not self._confirm(
            f"Keep the {which} entry?",
            f"The {which} entry, keyed by {operator}, becomes the count that stands; the other "
            f"entry's {plural_figures(len(self.fields))} that differ ({self._words([n for n, _ in self.fields])}) "
            "are set aside, kept in the audit log. Keep it?",
        ):
            return
        try:
            self.ctx.desk.keep_entry(self.contest_id, which, self.ctx.operator())
        except CountDeskError as error:
            self._say(refusal_text(error))
            return
        self._done(which)

    def _send_back(self) -> None:
        names = self.chosen()
        if not names:
            self._say(
                "Nothing was sent back – tick the figures to be keyed again first (Space ticks "
                "the figure chosen in the list)."
            )
            return
        if not self._confirm(
            "Send figures back to be keyed again?",
            f"Send back {plural_figures(len(names))} to be keyed again from the count sheet: "
            f"{self._words(names)}. They are cleared from the second entry, and an operator "
            f"other than {self.first_operator} keys them again on the count screen, seeing "
            "neither entry's figure. Send them back?",
        ):
            return
        try:
            self.ctx.desk.send_back(self.contest_id, names, self.ctx.operator())
        except CountDeskError as error:
            self._say(refusal_text(error, "Nothing was sent back"))
            return
        self._done("sent back")

    def _done(self, what: str) -> None:
        self.resolved = what
        self.ctx.undo_stack.clear()  # no figure of either entry comes back by Undo or Redo
        self.ctx.events.announce(self.contest_id)
        self.accept()
