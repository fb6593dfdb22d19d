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
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.election_types import ELECTION_TYPES
from desktop.domain.errors import CountDeskError
from desktop.domain.referendum import DEFAULT_ANSWERS
from desktop.ui.text import sentence_case

#: The election types whose contests need the council's name (it is part of their ids).
_NEEDS_COUNCIL = ("local", "ref")
#: A referendum: a question and its answers instead of seats (DOMAIN.md §5).
_REFERENDUM = "ref"


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

        # A referendum's question (printed in full) and answers, one a line in ballot order.
        self.question_edit = QPlainTextEdit()
        self.question_edit.setAccessibleName("Question")
        self.question_edit.setPlaceholderText("The question, exactly as on the ballot paper")
        self.question_edit.setTabChangesFocus(True)
        self.question_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.answers_edit = QPlainTextEdit("\n".join(DEFAULT_ANSWERS))
        self.answers_edit.setAccessibleName("Answers, one a line, in the ballot paper's order")
        self.answers_edit.setTabChangesFocus(True)
        self.answers_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for key, text, widget in (
            ("type", "Election &type", self.type_combo),
            ("council", "&Council name", self.council_edit),
            ("area", "&Area name", self.area_edit),
            ("date", "&Poll date", self.date_edit),
            ("seats", "&Seats", self.seats_spin),
            ("question", "&Question", self.question_edit),
            ("answers", "A&nswers (one a line)", self.answers_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._labels[key] = label
        form.addRow("", self.by_election_check)
        self._form = form

        self.council_hint = QLabel(
            "Only a local council election or a referendum needs the council's name."
        )
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
        self.question_edit.textChanged.connect(self._on_input_changed)
        self.answers_edit.textChanged.connect(self._on_input_changed)
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
        return self.type_code() in _NEEDS_COUNCIL

    def is_referendum(self) -> bool:
        """Whether a referendum is chosen: a question and answers, no seats."""
        return self.type_code() == _REFERENDUM

    def values(self) -> dict[str, Any]:
        """The keyword arguments for ``CountDesk.create_contest`` (all but the operator); for a
        referendum, with its ``question`` and ``answers`` and no seats."""
        qdate = self.date_edit.date()
        if self.is_referendum():
            return {
                "type_code": _REFERENDUM,
                "poll_date": date(qdate.year(), qdate.month(), qdate.day()),
                "area": self.area_edit.text().strip(),
                "organisation": self.council_edit.text().strip(),
                "question": self.question_edit.toPlainText().strip(),
                "answers": [a for a in self.answers_edit.toPlainText().splitlines() if a.strip()],
            }
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
        referendum = self.is_referendum()
        rows: list[tuple[QWidget, bool]] = [
            (self.seats_spin, not referendum),
            (self.by_election_check, not referendum),
            (self.question_edit, referendum),
            (self.answers_edit, referendum),
        ]
        for widget, visible in rows:
            self._form.setRowVisible(widget, visible)
        self._labels["area"].setText("Name of the &referendum" if referendum else "&Area name")
        self.area_edit.setPlaceholderText(
            "e.g. Kirkstall Neighbourhood Plan"
            if referendum
            else "The constituency, ward or police area"
        )
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        filled = bool(self.area_edit.text().strip())
        if self.is_referendum():
            filled = filled and bool(self.question_edit.toPlainText().strip())
        if self.needs_council():
            filled = filled and bool(self.council_edit.text().strip())
        self.ok_button.setEnabled(filled)
        self.message_label.hide()
