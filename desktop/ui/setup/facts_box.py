"""The contest's facts (seats, electorate, officer, imprint…), each saved as it is typed."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, format_figure, parse_figure
from desktop.domain.model import Contest, Election
from desktop.ui.context import UiContext
from desktop.ui.message_line import warning_pixmap
from desktop.ui.setup.entry_mode_row import EntryModeRow
from desktop.ui.setup.fact_edit import FACTS, FactEdit
from desktop.ui.setup.kind_row import KindRow
from desktop.ui.setup.role_row import RoleRow
from desktop.ui.undo import apply_edit

LOCKED_SEATS = (
    "The number of seats cannot be changed once a count is recorded: the count would no "
    "longer match the contest."
)


class FactsBox(QGroupBox):
    """The facts printed on the contest's documents: each edit saved through the services and
    undoable; a refusal is shown beside what was typed, which stays until it is put right."""

    #: A fact was changed and saved.
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__("Contest facts", parent)
        self._ctx = ctx
        self._contest: Contest | None = None
        self._election: Election | None = None
        self.fact_edits: dict[str, QLineEdit] = {}
        self.fact_messages: dict[str, QLabel] = {}
        self._fact_icons: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._form = form
        for fact in FACTS:
            edit = FactEdit()
            edit.setAccessibleName(fact.accessible)
            edit.setPlaceholderText(fact.placeholder)
            edit.setClearButtonEnabled(fact.figure_what is None)
            edit.editingFinished.connect(lambda key=fact.key: self._on_fact_editing_finished(key))
            # Enter saves the fact (editingFinished) and then moves on, as in the count.
            edit.returnPressed.connect(
                lambda key=fact.key: QTimer.singleShot(0, lambda: self._move_on(key))
            )
            message = QLabel()
            message.setWordWrap(True)
            message.setAccessibleName(f"Problem with the {fact.accessible.lower()}")
            message.hide()
            self.fact_edits[fact.key] = edit
            self.fact_messages[fact.key] = message
            icon = QLabel()
            icon.setPixmap(warning_pixmap(self))
            icon.setAccessibleName("Problem")
            icon.hide()
            self._fact_icons[fact.key] = icon
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(message, 1)
            cell = QVBoxLayout()
            cell.setContentsMargins(0, 0, 0, 0)
            cell.setSpacing(2)
            cell.addWidget(edit)
            cell.addLayout(row)
            label = QLabel(fact.label)
            label.setBuddy(edit)
            form.addRow(label, cell)
            if fact.key == "seats":
                self._seats_cell = cell
            if fact.key == "imprint_address":
                self.imprint_preview = QLabel()
                self.imprint_preview.setWordWrap(True)
                self.imprint_preview.setAccessibleName("Imprint as printed")
                form.addRow(self.imprint_preview)  # the whole width: read as one sentence
        self.kind_row = KindRow(ctx)
        self.kind_row.saved.connect(self.saved)
        self._kind_fixed = False
        form.addRow(self.kind_row.label, self.kind_row)
        self.entry_mode_row = EntryModeRow(ctx)
        form.addRow(self.entry_mode_row.label, self.entry_mode_row)
        self.role_row = RoleRow()
        form.addRow(self.role_row.label, self.role_row)
        figures_note = QLabel(
            "Type whole numbers; 79,373 and 79373 are both read as 79373. Each field is saved "
            "when you press Enter or move on, and Ctrl+Z undoes it."
        )
        figures_note.setWordWrap(True)

        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(figures_note)
        box.addStretch(1)

    def clear_problems(self) -> None:
        """Hide every fact's problem (another contest is shown)."""
        for key in self.fact_edits:
            self._show_fact_problem(key, "")

    def show_facts(self, contest: Contest | None, election: Election | None) -> None:
        """Show this contest's facts; a field with a problem keeps what was typed."""
        self._contest, self._election = contest, election
        for key, edit in self.fact_edits.items():
            edit.setEnabled(contest is not None and not edit.isReadOnly())
            if self.fact_messages[key].text():
                continue  # keep what was typed until it is corrected
            value = self._stored_fact(key)
            text = format_figure(value) if isinstance(value, int) else (value or "")
            if edit.text() != text:
                edit.setText(text)
        self.kind_row.show_contest(contest, fixed=self._kind_fixed)
        self.entry_mode_row.show_contest(contest)
        self.role_row.show_contest(contest)
        # A referendum has no seats to show (the store keeps one: one vote a paper).
        self._form.setRowVisible(self._seats_cell, contest is None or not contest.type.referendum)
        title_edit = self.fact_edits["officer_title"]
        if contest is not None:
            default = (
                "Local Returning Officer" if contest.is_local_count else contest.type.officer_title
            )
            title_edit.setPlaceholderText(default)
            title_edit.setToolTip(
                f"Leave it empty to print the usual title for this election: {default}."
            )
            imprint = f"Printed and published by the {contest.officer_title_or_default}"
            if contest.imprint_address:
                imprint += f", {contest.imprint_address}"
            self.imprint_preview.setText(f"Printed as: “{imprint}”")
        else:
            title_edit.setPlaceholderText("")
            self.imprint_preview.setText("")

    def show_lock(self, *, counted: bool, declared: bool, shown: bool, from_boxes: bool) -> None:
        """Fix the facts that cannot change now, and say why on the seats."""
        seats = self.fact_edits["seats"]
        seats.setToolTip(LOCKED_SEATS if counted else "")
        figures_fixed = declared or shown
        # The kind decides the deposit and the wording: fixed once the result is shown.
        self._kind_fixed = figures_fixed
        self.kind_row.combo.setEnabled(self._contest is not None and not figures_fixed)
        self.entry_mode_row.set_fixed(figures_fixed)
        for key, edit in self.fact_edits.items():
            if key == "seats":
                fixed = counted or declared or shown
            else:
                fixed = declared or (key == "ballot_papers_verified" and from_boxes)
                if key in ("electorate", "ballot_papers_verified"):
                    fixed = fixed or figures_fixed
            edit.setReadOnly(fixed)
            # A fact that cannot change looks fixed (greyed), not like a box that ignores typing.
            edit.setEnabled(self._contest is not None and not fixed)
        if from_boxes:
            self.fact_edits["ballot_papers_verified"].setToolTip(
                "From the verification: the total counted for the ballot boxes and postal batches."
            )

    def _move_on(self, key: str) -> None:
        """After Enter: on to the next fact that can be typed, its text selected; a fact that
        was refused keeps the keyboard, to be put right."""
        if self.fact_messages[key].text():
            return
        keys = list(self.fact_edits)
        for following in keys[keys.index(key) + 1 :]:
            edit = self.fact_edits[following]
            if edit.isEnabled() and not edit.isReadOnly():
                edit.setFocus(Qt.FocusReason.TabFocusReason)
                edit.selectAll()
                return

    def _on_fact_editing_finished(self, key: str) -> None:
        contest, election = self._contest, self._election
        if contest is None or election is None:
            return
        fact = next(f for f in FACTS if f.key == key)
        text = self.fact_edits[key].text()
        old = self._stored_fact(key)
        new: int | str | None
        if fact.figure_what is not None:
            if not text.strip() and old is None:
                self._show_fact_problem(key, "")
                return
            try:
                new = parse_figure(text, what=fact.figure_what)
            except FigureProblem as exc:
                self._show_fact_problem(key, str(exc))
                return
        else:
            new = " ".join(text.split())
        if new == old:
            self._show_fact_problem(key, "")
            self.show_facts(self._contest, self._election)
            return
        apply = self._fact_setter(key, contest.id, election.id)
        done = apply_edit(
            self._ctx.undo_stack,
            f"Change the {fact.accessible.lower()} of {contest.area}",
            apply,
            old,
            new,
            functools.partial(self._on_fact_refused, key),
        )
        if done:
            self._show_fact_problem(key, "")
            self.saved.emit()

    def _on_fact_refused(self, key: str, error: CountDeskError) -> None:
        self._show_fact_problem(key, str(error))

    def _fact_setter(self, key: str, contest_id: str, election_id: str) -> Callable[[object], None]:
        desk, operator = self._ctx.desk, self._ctx.operator

        def apply(value: object) -> None:
            if key == "seats":
                # An emptied field reaches the services as None; they refuse it in their own words.
                desk.set_seats(contest_id, cast(int, value), operator())
            elif key == "bundle_size":
                desk.set_bundle_size(contest_id, cast(int, value), operator())
            elif key == "authority":
                desk.set_election_authority(election_id, str(value), operator())
            else:
                facts: dict[str, Any] = {key: value}
                desk.set_contest_facts(contest_id, operator(), **facts)
            self._ctx.events.setup_changed.emit(contest_id)

        return apply

    def _stored_fact(self, key: str) -> int | str | None:
        if key == "authority":
            return self._election.authority if self._election else ""
        return getattr(self._contest, key) if self._contest else None

    def _show_fact_problem(self, key: str, message: str) -> None:
        label = self.fact_messages[key]
        label.setText(message)
        label.setVisible(bool(message))
        self._fact_icons[key].setVisible(bool(message))
        self.fact_edits[key].setAccessibleDescription(message)
