"""Recording an error found after the declaration: the declaration stands (DOMAIN.md §3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.after_declaration import ErrorFound
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.referendum import court_words
from desktop.domain.wording import time_in_words
from desktop.ui.context import UiContext
from desktop.ui.keys import candidate_key, heading_key
from desktop.ui.night.common import labelled, set_tab_order
from desktop.ui.night.figure_field import FigureField
from desktop.ui.night.night_dialog import NightDialog


class ErrorFoundDialog(NightDialog):
    """Every figure as declared beside the same figure as now found, who found the error and
    why. Recording it changes nothing declared."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Record an error found after the declaration", parent)
        #: The error as recorded (None until recorded).
        self.recorded: ErrorFound | None = None
        desk = ctx.desk
        declaration = next(
            d for d in desk.kept_declarations(contest_id) if not d.is_legacy_correction
        )
        declared = next(
            r.count for r in desk.history(contest_id).counts if r.count.id == declaration.count_id
        )
        votes, rejected = declared.figures.votes, declared.figures.rejected

        layout = QVBoxLayout(self)
        layout.addWidget(
            self._heading(f"Record an error found after the declaration of {self.contest.area}")
        )
        intro = QLabel(
            f"The declaration made at {time_in_words(declaration.declared_at)} stands: once "
            f"declared, a result is final, and only {court_words(self.contest)} can change it. "
            f"This records what was found, for the {self.contest.officer_title_or_default} and "
            "their legal adviser, and "
            "prints a memorandum that is not a declaration. Change only the figures found to "
            "be wrong."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.intro_label = intro

        self.fields: list[FigureField] = []
        host = QWidget()
        grid = QGridLayout(host)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(1)
        grid.addWidget(QLabel("As declared"), 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel("As now found"), 0, 2, Qt.AlignmentFlag.AlignRight)
        grid_row = 1
        entries: list[tuple[str, int | str, str, str]] = [
            ("votes", c.id, c.display_name, f"Votes for {c.display_name}")
            for c in desk.candidates(contest_id)
        ]
        for heading in self.contest.type.headings:
            entries.append(
                (
                    "rejected",
                    heading.key,
                    f"Rejected ({heading.letter}) {heading.label}",
                    f"Rejected papers ({heading.letter}) {heading.label.lower()}",
                )
            )
        for kind, key, shown, what in entries:
            was = (
                votes.get(candidate_key(key)) if kind == "votes" else rejected.get(heading_key(key))
            )
            field = FigureField(kind, key, what, was)
            field.edit.setAccessibleName(f"{what}, as now found")
            name = QLabel(shown)
            name.setBuddy(field.edit)
            declared_label = QLabel(format_figure(was))
            declared_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, grid_row, 0)
            grid.addWidget(declared_label, grid_row, 1)
            grid.addWidget(field.edit, grid_row, 2)
            grid.addWidget(field.message, grid_row + 1, 0, 1, 3)
            grid_row += 2
            field.edit.textEdited.connect(lambda _t, f=field: self._on_figure_edited(f))
            self.fields.append(field)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(host)
        scroll.setMinimumHeight(240)
        layout.addWidget(scroll, 1)

        self.differences_label = QLabel()
        self.differences_label.setWordWrap(True)
        self.differences_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.differences_label.setAccessibleName("Differences from the declared figures")
        self.differences_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.differences_label.setMargin(6)
        layout.addWidget(self.differences_label)

        self.found_by_edit = QLineEdit()
        self.found_by_edit.setAccessibleName("Who found the error")
        self.found_by_edit.setPlaceholderText("e.g. the Deputy Returning Officer, checking bundles")
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("What was found, and how (printed on the memorandum)")
        self.reason_edit.setPlaceholderText(
            "e.g. two votes for WATERS were found in SMITH's bundle"
        )
        form = QFormLayout()
        labelled(form, "&Found by", self.found_by_edit)
        labelled(form, "&What was found", self.reason_edit)
        layout.addLayout(form)

        self.needed_label = QLabel()
        self.needed_label.setWordWrap(True)
        self.needed_label.setAccessibleName("What is still needed")
        layout.addWidget(self.needed_label)
        layout.addWidget(self.message_label)
        self.record_button = self._ok_button(
            "&Record the error found",
            "Record the error found and print its memorandum; the declaration stands",
        )
        layout.addWidget(self.buttons)

        self.found_by_edit.textChanged.connect(self._update)
        self.reason_edit.textChanged.connect(self._update)
        set_tab_order(
            [f.edit for f in self.fields]
            + [self.found_by_edit, self.reason_edit, self.record_button]
        )
        self._update()
        self.setMinimumWidth(640)
        self.resize(680, 700)
        if self.fields:
            self.fields[0].edit.setFocus()
            self.fields[0].edit.selectAll()

    def field(self, kind: str, key: int | str) -> FigureField:
        """The field of a candidate's votes ("votes", id) or a heading ("rejected", key)."""
        return next(f for f in self.fields if f.kind == kind and f.key == key)

    def differences(self) -> list[str]:
        """Each figure found to differ, in words: "SMITH, Andrew: 74 as declared, 72 now"."""
        return [
            f"{f.label}: {format_figure(f.declared)} as declared, "
            f"{format_figure(f.value)} as now found"
            for f in self.fields
            if f.changed
        ]

    def _missing(self) -> list[str]:
        missing = []
        if any(f.value is None for f in self.fields):
            missing.append("put right the figures marked ✖")
        elif not any(f.changed for f in self.fields):
            missing.append("give the figures as now found, where they differ")
        if not self.found_by_edit.text().strip():
            missing.append("say who found the error")
        if not self.reason_edit.text().strip():
            missing.append("say what was found")
        return missing

    def _on_figure_edited(self, field: FigureField) -> None:
        field.read()
        self._update()

    def _update(self, *_args: object) -> None:
        self._say("")
        for field in self.fields:
            font = field.edit.font()
            font.setBold(field.changed)  # a figure found to differ stands out
            field.edit.setFont(font)
        differences = self.differences()
        self.differences_label.setText(
            "Found to differ from the declaration:\n" + "\n".join(f"• {d}" for d in differences)
            if differences
            else "No figure differs from the declaration yet."
        )
        missing = self._missing()
        self.needed_label.setText(
            "To record the error: " + "; ".join(missing) + "." if missing else ""
        )
        self.needed_label.setVisible(bool(missing))
        self.record_button.setEnabled(not missing)

    def accept(self) -> None:  # Qt override
        """Record the error found; on refusal stay open, with the reason shown."""
        missing = self._missing()
        if missing:
            self._say("Not recorded yet: " + "; ".join(missing) + ".")
            return
        votes: dict[int, int] = {}
        rejected: dict[str, int] = {}
        for f in self.fields:
            if f.changed and f.value is not None:
                if f.kind == "votes":
                    votes[candidate_key(f.key)] = f.value
                else:
                    rejected[heading_key(f.key)] = f.value
        try:
            self.recorded = self.ctx.desk.record_error_found(
                self.contest_id,
                self.ctx.operator(),
                found_by=self.found_by_edit.text(),
                reason=self.reason_edit.text(),
                votes=votes,
                rejected=rejected,
            )
        except CountDeskError as error:
            self._refused(error)
            return
        self.ctx.events.announce(self.contest_id)
        super().accept()
