"""Sending a local count's local totals: the local count's last step, in place of declaring.

The local returning officer checks the voting area's totals, names the voting area if it is
not named yet, and confirms by typing their name; the totals are then sent: the time stamped,
the contest locked and the statement of local totals kept (DOMAIN.md §3, step 6).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.model import Status
from desktop.ui.context import UiContext
from desktop.ui.night.common import refusal_text
from desktop.ui.night.confirming_dialog import ConfirmingDialog


class SendDialog(ConfirmingDialog):
    """The local totals to be sent, confirmed by the local returning officer's name."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Send the local totals", parent)
        #: The statement of local totals as kept (None until sent).
        self.pdf: bytes | None = None
        desk = ctx.desk
        report = desk.status(contest_id)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading(f"Statement of local totals – {self.contest.area}"))

        form = QFormLayout()
        self.area_edit = QLineEdit(self.contest.voting_area)
        self.area_edit.setAccessibleName("The voting area of this local count")
        self.area_edit.setPlaceholderText("The council's area, e.g. Kirklees")
        form.addRow("&Voting area", self.area_edit)
        layout.addLayout(form)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        result = desk.result(contest_id)
        lines = [(c.candidate.display_name, format_figure(c.votes)) for c in result.candidates]
        lines += [
            ("Valid votes", format_figure(result.valid_votes)),
            ("Rejected ballot papers", format_figure(result.rejected_total)),
            ("Ballot papers verified", format_figure(result.ballot_papers_verified)),
            ("Electorate", format_figure(self.contest.electorate)),
        ]
        for row, (label, words) in enumerate(lines):
            value = QLabel(words)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setAccessibleName(label)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)

        note = QLabel(
            "A local count is not declared: its local totals are sent to the area's returning "
            "officer, who adds up every voting area and declares. A tie here is sent as it is "
            "(lots are drawn at the area). Once sent, the figures are locked and the statement "
            "is kept exactly as printed."
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        blockers = []
        if report.status is not Status.PROVISIONAL:
            blockers.append(
                f"{self.contest.area} is at {report.label}: the local totals are sent once the "
                "provisional result has been shown."
            )
        blockers += [f"{f.code}: {f.message}" for f in report.blockers if f.code != "A101"]
        self.blockers_label = QLabel("\n".join(blockers))
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setAccessibleName("What stands in the way of sending")
        self.blockers_label.setVisible(bool(blockers))
        layout.addWidget(self.blockers_label)

        layout.addWidget(self._build_confirmation())
        officer = self.contest.officer_name
        if officer:
            # The local returning officer sends; nobody declares at a local count.
            self.officer_label.setText(
                f"The local returning officer is {officer}, "
                f"{self.contest.officer_title_or_default}. To send, {officer} types their name "
                "exactly as it is set:"
            )
            self.name_edit.setPlaceholderText("The local returning officer types their own name")
            self.name_edit.setAccessibleName("The local returning officer's name, typed to confirm")
        layout.addWidget(self.message_label)
        self.send_button = self._ok_button("&Send local totals", "Send the local totals")
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._on_name_changed)
        self.area_edit.textChanged.connect(self._on_name_changed)
        self._on_name_changed()
        self._fit(560)
        (self.name_edit if self.contest.voting_area else self.area_edit).setFocus()

    def _on_name_changed(self, *_args: object) -> None:
        self._say("")
        self.send_button.setEnabled(self.name_matches() and bool(self.area_edit.text().strip()))
        self.name_state.setText(self._name_state_text())

    def accept(self) -> None:  # Qt override
        """Send: name the voting area if changed, stamp the time, lock, keep the statement."""
        if not self.send_button.isEnabled():
            self._say(
                "Name the voting area, and the local returning officer confirms by typing their "
                "name exactly as it is set."
            )
            return
        desk, operator = self.ctx.desk, self.ctx.operator()
        try:
            desk.local_totals.send(
                self.contest_id, operator, self.name_edit.text(), self.area_edit.text()
            )
            self.pdf = desk.declaration_pdf(self.contest_id)
        except CountDeskError as error:
            self._say(refusal_text(error, "Not sent"))
            return
        self.ctx.events.announce(self.contest_id)
        super().accept()
