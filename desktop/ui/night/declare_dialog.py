"""The declaration of the result."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.model import Candidate, Status
from desktop.domain.referendum import court_words
from desktop.ui.context import UiContext
from desktop.ui.night.common import refusal_text
from desktop.ui.night.confirming_dialog import ConfirmingDialog, result_summary


def uncontested_summary(seats: int, candidates: Sequence[Candidate]) -> list[tuple[str, str]]:
    """What the officer checks before declaring an uncontested contest's candidates: who is
    duly elected, in ballot order, and any seats left unfilled. No votes: there is no poll."""
    lines = [("Duly elected", "; ".join(c.display_name for c in candidates) or "–")]
    if seats > len(candidates):
        lines.append(("Seats unfilled", format_figure(seats - len(candidates))))
    return lines


class DeclareDialog(ConfirmingDialog):
    """The result to be declared, confirmed by the declaring officer's name; then it is locked."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Declare the result", parent)
        #: The declaration's PDF as kept (None until declared).
        self.pdf: bytes | None = None
        desk = ctx.desk
        report = desk.status(contest_id)
        election = desk.election_of(self.contest)
        #: No poll: the candidates are declared duly elected and the notice kept.
        self.uncontested = report.uncontested
        if self.uncontested:
            self.setWindowTitle("Declare the candidates duly elected")
            document = "Notice of uncontested election"
            summary = uncontested_summary(self.contest.seats, desk.candidates(contest_id))
        else:
            referendum = self.contest.type.referendum
            document = f"Declaration of result of {'referendum' if referendum else 'poll'}"
            summary = result_summary(desk.result(contest_id))

        layout = QVBoxLayout(self)
        layout.addWidget(
            self._heading(
                f"{document} – {self.contest.area}, {election.title or self.contest.type.name}"
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.summary: dict[str, QLabel] = {}
        for row, (label, words) in enumerate(summary):
            name = QLabel(label)
            value = QLabel(words)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            font = value.font()
            font.setBold(label in ("Elected", "Duly elected", "Majority", "Margin", "Result"))
            value.setFont(font)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.summary[label] = value
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        warning = QLabel(
            "There is no poll: once declared duly elected, the candidates' names are final, "
            "the contest is locked and the notice of uncontested election is kept exactly as "
            "printed."
            if self.uncontested
            else "Once declared, the result is final: nothing may be recounted, no second "
            "declaration can be made, and the declaration is kept exactly as printed. Only "
            f"{court_words(self.contest)} can change it."
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)

        self.blockers_label = QLabel()
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setAccessibleName("What stands in the way of the declaration")
        blockers = []
        if report.status is not Status.PROVISIONAL and not self.uncontested:
            blockers.append(
                f"{self.contest.area} is at {report.label}: only a provisional result, shown to "
                "the candidates and agents, can be declared."
            )
        blockers += [f"{f.code}: {f.message}" for f in report.blockers]
        self.blockers_label.setText("\n".join(blockers))
        self.blockers_label.setVisible(bool(blockers))
        layout.addWidget(self.blockers_label)

        layout.addWidget(self._build_confirmation())
        layout.addWidget(self.message_label)
        if self.uncontested:
            self.declare_button = self._ok_button(
                "&Declare duly elected", "Declare the candidates duly elected"
            )
        else:
            self.declare_button = self._ok_button("&Declare", "Declare the result")
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._on_name_changed)
        self._on_name_changed()
        self._fit(620)
        self.name_edit.setFocus()

    def _on_name_changed(self, *_args: object) -> None:
        self._say("")
        self.declare_button.setEnabled(self.name_matches())
        self.name_state.setText(self._name_state_text())

    def accept(self) -> None:  # Qt override
        """Declare: stamp the time, lock the contest and keep the PDF; on refusal stay open."""
        if not self.declare_button.isEnabled():
            self._say(
                f"{self.contest.officer_name or 'The declaring officer'} confirms by typing their "
                "name exactly as it is set."
            )
            return
        try:
            self.pdf = self.ctx.desk.declare(
                self.contest_id, self.ctx.operator(), self.name_edit.text()
            )
        except CountDeskError as error:
            self._say(refusal_text(error, "Not declared"))
            return
        self.ctx.events.announce(self.contest_id)
        super().accept()
