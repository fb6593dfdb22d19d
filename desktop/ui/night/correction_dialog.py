"""A correction after the declaration."""

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

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.ui.context import UiContext
from desktop.ui.keys import candidate_key, heading_key
from desktop.ui.night.common import labelled, set_tab_order
from desktop.ui.night.confirming_dialog import ConfirmingDialog
from desktop.ui.night.figure_field import FigureField
from desktop.ui.night.lot_winners_dialog import ask_lot_winners


class CorrectionDialog(ConfirmingDialog):
    """Every figure of the declared count, to correct, with a reason and the officer's name."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Correct the declaration", parent)
        #: The corrected declaration's PDF (None until recorded).
        self.pdf: bytes | None = None
        desk = ctx.desk
        latest = desk.latest_count(contest_id)
        votes = latest.figures.votes if latest is not None else {}
        rejected = latest.figures.rejected if latest is not None else {}

        layout = QVBoxLayout(self)
        layout.addWidget(self._heading(f"Correct the declared result of {self.contest.area}"))
        intro = QLabel(
            "The declaration stays on record. A correction is a new count with its reason, "
            "printed as a corrected declaration. Change only the figures that were wrong."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.fields: list[FigureField] = []
        host = QWidget()
        grid = QGridLayout(host)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(1)
        grid_row = 0
        header = QLabel("As declared")
        grid.addWidget(header, grid_row, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel("Corrected"), grid_row, 2, Qt.AlignmentFlag.AlignRight)
        grid_row += 1
        entries: list[tuple[str, int | str, str, str]] = [
            ("votes", c.id, c.display_name, f"Votes for {c.display_name}")
            for c in desk.candidates(contest_id)
        ]
        if self.contest.seats > 1:
            counted = "Valid ballot papers counted"
            entries.append(("counted", "papers", counted, counted))
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
            if kind == "counted":  # None for a count from before they were asked for
                declared = latest.figures.valid_papers_counted if latest is not None else None
            elif kind == "votes":
                declared = votes.get(candidate_key(key))
            else:
                declared = rejected.get(heading_key(key))
            field = FigureField(kind, key, what, declared)
            name = QLabel(shown)
            name.setBuddy(field.edit)
            was = QLabel(format_figure(declared))
            was.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, grid_row, 0)
            grid.addWidget(was, grid_row, 1)
            grid.addWidget(field.edit, grid_row, 2)
            grid_row += 1
            grid.addWidget(field.message, grid_row, 0, 1, 3)
            grid_row += 1
            field.edit.textEdited.connect(lambda _t, f=field: self._on_figure_edited(f))
            self.fields.append(field)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(host)
        scroll.setMinimumHeight(260)
        layout.addWidget(scroll, 1)

        self.differences_label = QLabel()
        self.differences_label.setWordWrap(True)
        self.differences_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.differences_label.setAccessibleName("Differences from the declared figures")
        self.differences_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.differences_label.setMargin(6)
        layout.addWidget(self.differences_label)

        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Reason for the correction (printed on it)")
        self.reason_edit.setPlaceholderText(
            "e.g. two votes for WATERS were transcribed against SMITH"
        )
        form = QFormLayout()
        labelled(form, "&Reason (printed)", self.reason_edit)
        layout.addLayout(form)
        layout.addWidget(self._build_confirmation())

        self.needed_label = QLabel()
        self.needed_label.setWordWrap(True)
        self.needed_label.setAccessibleName("What is still needed")
        layout.addWidget(self.needed_label)
        layout.addWidget(self.message_label)
        self.correct_button = self._ok_button(
            "Record the &correction", "Record the correction and print the corrected declaration"
        )
        layout.addWidget(self.buttons)

        self.reason_edit.textChanged.connect(self._update)
        self.name_edit.textChanged.connect(self._update)
        set_tab_order(
            [f.edit for f in self.fields] + [self.reason_edit, self.name_edit, self.correct_button]
        )
        self._update()
        self.setMinimumWidth(640)
        self.resize(680, 700)
        if self.fields:
            self.fields[0].edit.setFocus()
            self.fields[0].edit.selectAll()

    # -- values --------------------------------------------------------------------------

    def field(self, kind: str, key: int | str) -> FigureField:
        """The field of a candidate's votes ("votes", id) or a heading ("rejected", key)."""
        return next(f for f in self.fields if f.kind == kind and f.key == key)

    def differences(self) -> list[str]:
        """Each corrected figure in words: "SMITH, Andrew: 74 as declared, now 72"."""
        return [
            f"{f.label}: {format_figure(f.declared)} as declared, now {format_figure(f.value)}"
            for f in self.fields
            if f.changed
        ]

    def _missing(self) -> list[str]:
        missing = []
        if any(f.value is None for f in self.fields):
            missing.append("put right the figures marked ✖")
        elif not any(f.changed for f in self.fields):
            missing.append("change the figures that were wrong")
        if not self.reason_edit.text().strip():
            missing.append("give the reason (it is printed on the corrected declaration)")
        if not self.name_matches():
            missing.append("the declaring officer confirms by typing their name as set")
        return missing

    # -- slots ---------------------------------------------------------------------------

    def _on_figure_edited(self, field: FigureField) -> None:
        field.read()
        self._update()

    def _update(self, *_args: object) -> None:
        self._say("")
        for field in self.fields:
            font = field.edit.font()
            font.setBold(field.changed)  # a corrected figure stands out from those left alone
            field.edit.setFont(font)
        differences = self.differences()
        if differences:
            self.differences_label.setText(
                "Changes from the declared figures:\n" + "\n".join(f"• {d}" for d in differences)
            )
        else:
            self.differences_label.setText("No figure differs from the declaration yet.")
        missing = self._missing()
        self.needed_label.setText(
            "To record the correction: " + "; ".join(missing) + "." if missing else ""
        )
        self.needed_label.setVisible(bool(missing))
        self.correct_button.setEnabled(not missing)
        self.name_state.setText(self._name_state_text())

    def accept(self) -> None:  # Qt override
        """Record the correction and keep the corrected declaration; on refusal stay open."""
        missing = self._missing()
        if missing:
            self._say("Not recorded yet: " + "; ".join(missing) + ".")
            return
        # Every figure is read by now (else something would be missing).
        votes = {
            candidate_key(f.key): f.value
            for f in self.fields
            if f.kind == "votes" and f.value is not None
        }
        rejected = {
            heading_key(f.key): f.value
            for f in self.fields
            if f.kind == "rejected" and f.value is not None
        }
        counted = next((f.value for f in self.fields if f.kind == "counted"), None)
        winners: list[int] = []
        while True:
            try:
                self.pdf = self.ctx.desk.correct_declaration(
                    self.contest_id,
                    self.ctx.operator(),
                    votes=votes,
                    rejected=rejected,
                    reason=self.reason_edit.text(),
                    officer_confirmation=self.name_edit.text(),
                    lot_winners=winners,
                    valid_papers_counted=counted,
                )
                break
            except CountDeskError as error:
                # The corrected figures make a new tie: the lot is drawn, then recorded with them.
                preview = self.ctx.desk.preview_result(self.contest_id, votes, rejected, counted)
                tie = preview.tie
                if error.code == Code.L401 and not winners and tie is not None:
                    chosen = ask_lot_winners(self, self.ctx, self.contest_id, tie)
                    if chosen:
                        winners = chosen
                        continue
                self._refused(error)
                return
        self.ctx.events.announce(self.contest_id)
        super().accept()
