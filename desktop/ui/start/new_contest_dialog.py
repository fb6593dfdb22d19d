"""The dialog that creates an election and a contest by hand, when there is no CSV to import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.election_types import ELECTION_TYPES
from desktop.domain.errors import CountDeskError
from desktop.ui.text import sentence_case

#: The election type whose contests need the council's name (it is part of their ids).
_NEEDS_COUNCIL = "local"


class NewContestDialog(QDialog):
    """Asks for the election type, council, area, poll date, seats and whether it is a by-election.

    ``create`` is called with ``values()`` when OK is pressed; if it raises CountDeskError the
    refusal is shown and the dialog stays open, so the user can correct what they typed.
    """

    def __init__(
        self,
        create: Callable[..., Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._create = create
        #: What ``create`` returned for the accepted values (None until accepted).
        self.created: Any = None
        self.setWindowTitle("New election and contest")

        self.type_combo = QComboBox()
        for etype in ELECTION_TYPES.values():
            self.type_combo.addItem(sentence_case(etype.name), etype.code)
        self.type_combo.setAccessibleName("Election type")

        self.council_edit = QLineEdit()
        self.council_edit.setAccessibleName("Council name")
        self.council_edit.setPlaceholderText("e.g. Wandsworth")

        self.area_edit = QLineEdit()
        self.area_edit.setAccessibleName("Area name")
        self.area_edit.setPlaceholderText("The constituency, ward or police area")

        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName("Poll date")

        self.seats_spin = QSpinBox()
        self.seats_spin.setRange(1, 20)
        self.seats_spin.setAccessibleName("Seats")

        self.by_election_check = QCheckBox("&By-election")
        self.by_election_check.setAccessibleName("By-election")

        form = QFormLayout()
        for text, widget in (
            ("Election &type", self.type_combo),
            ("&Council name", self.council_edit),
            ("&Area name", self.area_edit),
            ("&Poll date", self.date_edit),
            ("&Seats", self.seats_spin),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.by_election_check)

        self.council_hint = QLabel("Only a local council election needs the council's name.")
        self.council_hint.setWordWrap(True)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Why the contest was not created")
        self.message_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.council_hint)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self.council_edit.textChanged.connect(self._on_input_changed)
        self.area_edit.textChanged.connect(self._on_input_changed)
        self._on_type_changed()
        self.setMinimumWidth(440)

    def type_code(self) -> str:
        """The code of the election type chosen, e.g. ``parl``."""
        return str(self.type_combo.currentData())

    def set_type_code(self, code: str) -> None:
        """Choose the election type by its code."""
        index = self.type_combo.findData(code)
        if index >= 0:
            self.type_combo.setCurrentIndex(index)

    def needs_council(self) -> bool:
        """Whether the chosen election type needs the council's name."""
        return self.type_code() == _NEEDS_COUNCIL

    def values(self) -> dict[str, Any]:
        """The keyword arguments for ``CountDesk.create_contest`` (all but the operator)."""
        qdate = self.date_edit.date()
        return {
            "type_code": self.type_code(),
            "poll_date": date(qdate.year(), qdate.month(), qdate.day()),
            "area": self.area_edit.text().strip(),
            "seats": self.seats_spin.value(),
            "organisation": self.council_edit.text().strip() if self.needs_council() else "",
            "by_election": self.by_election_check.isChecked(),
        }

    def accept(self) -> None:  # Qt override
        """Create the contest; on refusal show why and stay open."""
        if not self.ok_button.isEnabled():
            return
        if self._create is not None:
            try:
                self.created = self._create(**self.values())
            except CountDeskError as exc:
                self.message_label.setText(str(exc))
                self.message_label.show()
                return
        super().accept()

    def _on_type_changed(self) -> None:
        needs = self.needs_council()
        self.council_edit.setEnabled(needs)
        self.council_hint.setVisible(not needs)
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        filled = bool(self.area_edit.text().strip())
        if self.needs_council():
            filled = filled and bool(self.council_edit.text().strip())
        self.ok_button.setEnabled(filled)
        self.message_label.hide()
