"""A drawing of lots between tied candidates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.arithmetic import ContestResult
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.wording import plural
from desktop.ui.context import UiContext
from desktop.ui.night.common import candidate_names, labelled, lots_needed, set_tab_order
from desktop.ui.night.night_dialog import NightDialog


class LotsDialog(NightDialog):
    """On whom the lot fell between tied candidates, how it was drawn, and who saw it."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Drawing of lots", parent)
        #: The result after the lots were recorded (None until recorded).
        self.recorded_result: ContestResult | None = None
        standing = ctx.desk.result(contest_id)
        tie = standing.tie
        self.places = tie.places if tie is not None else 0
        self.choices: dict[int, QAbstractButton] = {}
        #: Why lots cannot be recorded yet, with its code; empty when they can.
        self.refusal_label = QLabel()
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setAccessibleName("Why lots cannot be recorded yet")

        layout = QVBoxLayout(self)
        if tie is None or not lots_needed(standing):
            why = (
                "The lots already drawn decide this tie."
                if tie is not None
                else "The count that stands has no tie that one more vote would decide, so no "
                "lots are needed."
            )
            layout.addWidget(QLabel(why))
            self.record_button = self._ok_button("Record the &lot", "Record on whom the lot fell")
            self.record_button.setEnabled(False)
            layout.addWidget(self.buttons)
            return
        blockers = ctx.desk.lots_blockers(contest_id)
        if blockers:
            # Rule 49: not while counting, including any recount, may go on.
            self.refusal_label.setText("\n".join(f"{f.code}: {f.message}" for f in blockers))
            layout.addWidget(self.refusal_label)
            self.record_button = self._ok_button("Record the &lot", "Record on whom the lot fell")
            self.record_button.setEnabled(False)
            layout.addWidget(self.buttons)
            self._fit(540)
            return

        seats = self.contest.seats
        place = (
            "the seat"
            if seats == 1
            else "the last seat"
            if tie.places == 1
            else f"the last {tie.places} seats"
        )
        tied_names = candidate_names(standing, tie.candidates)
        layout.addWidget(
            self._heading(f"{tied_names} are tied on {format_figure(tie.votes)} votes for {place}.")
        )
        explain = QLabel(
            "The Returning Officer decides by lot. The candidate on whom the lot falls is "
            "treated as having one extra vote, and the declaration says that lots were drawn."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)

        need = "one candidate" if tie.places == 1 else f"{tie.places} candidates"
        choose = QLabel(f"The lot fell on ({need}):")
        layout.addWidget(choose)
        self.choice_group = QButtonGroup(self)
        self.choice_group.setExclusive(tie.places == 1)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(12, 0, 0, 0)
        for line in standing.candidates:
            if line.candidate.id not in tie.candidates:
                continue
            text = f"{line.candidate.display_name}"
            if line.candidate.description:
                text += f" – {line.candidate.description}"
            button: QAbstractButton = QRadioButton(text) if tie.places == 1 else QCheckBox(text)
            button.setAccessibleName(f"The lot fell on {line.candidate.display_name}")
            self.choice_group.addButton(button, line.candidate.id)
            self.choices[line.candidate.id] = button
            box_layout.addWidget(button)
        choose.setBuddy(next(iter(self.choices.values())))
        layout.addWidget(box)

        self.chosen_label = QLabel()
        self.chosen_label.setAccessibleName("How many are chosen")
        layout.addWidget(self.chosen_label)

        self.method_edit = QLineEdit()
        self.method_edit.setAccessibleName("How the lots were drawn")
        self.method_edit.setPlaceholderText("e.g. names drawn from a box")
        self.witnesses_edit = QLineEdit()
        self.witnesses_edit.setAccessibleName("Who witnessed the drawing of lots")
        self.witnesses_edit.setPlaceholderText("e.g. both candidates and their agents")
        form = QFormLayout()
        labelled(form, "&How drawn", self.method_edit)
        labelled(form, "&Witnesses", self.witnesses_edit)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        self.record_button = self._ok_button("Record the &lot", "Record on whom the lot fell")
        layout.addWidget(self.buttons)

        self.choice_group.buttonToggled.connect(self._on_choice_changed)
        set_tab_order(
            [*self.choices.values(), self.method_edit, self.witnesses_edit, self.record_button]
        )
        self._on_choice_changed()
        self._fit(540)
        next(iter(self.choices.values())).setFocus()

    def chosen(self) -> list[int]:
        """The ids of the candidates on whom the lot is marked as having fallen."""
        return [cid for cid, button in self.choices.items() if button.isChecked()]

    def _on_choice_changed(self, *_args: object) -> None:
        self._say("")
        chosen = len(self.chosen())
        full = chosen >= self.places
        # Exactly ``places`` can be chosen: the others are closed once that many are.
        for button in self.choices.values():
            button.setEnabled(self.places == 1 or button.isChecked() or not full)
        self.chosen_label.setText(f"Choose {plural(self.places, 'candidate')}: {chosen} chosen.")
        self.record_button.setEnabled(chosen == self.places)

    def accept(self) -> None:  # Qt override
        """Record on whom the lot fell; on refusal say why and stay open."""
        try:
            self.recorded_result = self.ctx.desk.record_lots(
                self.contest_id,
                self.chosen(),
                self.ctx.operator(),
                self.method_edit.text() if self.choices else "",
                self.witnesses_edit.text() if self.choices else "",
            )
        except CountDeskError as error:
            self._refused(error)
            return
        self.ctx.events.announce(self.contest_id)
        super().accept()
