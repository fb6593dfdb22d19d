"""Where the contest is in the night, in one line: setup → verification → count → provisional
→ declared, what comes next, and what stands in the way.

The next stage is one button away. When something blocks it, the button is disabled and its
tooltip lists the blockers; "What is needed" lists each blocking finding with its code, and a
warning that blocks (S804) can be acknowledged there with a reason. Declaring is not done here:
the button asks for the declare dialog (``declare_requested``), which takes the officer's
confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.wording import clock_time, plural
from desktop.domain.workflow import ORDER, status_label
from desktop.services.night import StatusReport
from desktop.ui.context import UiContext
from desktop.ui.window.acknowledge_dialog import ask_acknowledgement_reason
from desktop.ui.window.confirm_stage import confirm_advance
from desktop.ui.window.needs_dialog import NeedsDialog
from desktop.ui.window.stage_words import listed, stage_name


class StatusPanel(QWidget):
    """The contest's stage of the night, the next step and what blocks it, in one line."""

    #: The contest's status changed (or a contest was shown): its value, e.g. "declared".
    status_changed = Signal(str)
    #: The next step is the declaration: the declare dialog should be opened for this contest.
    declare_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusPanel")
        self.ctx = ctx
        self.contest_id: str | None = None
        self.report: StatusReport | None = None
        self._last_status: str | None = None
        self.needs_dialog: NeedsDialog | None = None

        self.stages_label = QLabel()
        self.stages_label.setObjectName("nightStages")
        self.stages_label.setTextFormat(Qt.TextFormat.RichText)
        self.when_label = QLabel()
        self.when_label.setObjectName("nightWhen")
        self.when_label.setAccessibleName("When the result was shown or declared")
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advanceButton")
        # As wide as its longest label, so it does not jump sideways from stage to stage.
        self.advance_button.setMinimumWidth(
            self.advance_button.fontMetrics().horizontalAdvance("Advance to provisional result")
            + 32
        )
        # Only a deliberate press (Space, a click, the menu) moves the night on: never Enter
        # falling on the button.
        self.advance_button.setAutoDefault(False)
        self.advance_button.setDefault(False)
        self.advance_button.clicked.connect(self._on_advance_clicked)
        self.needs_button = QPushButton("What is needed…")
        self.needs_button.setObjectName("needsButton")
        self.needs_button.setFlat(True)
        self.needs_button.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.needs_button.font()
        font.setUnderline(True)
        self.needs_button.setFont(font)
        self.needs_button.clicked.connect(self.show_needs)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.stages_label)
        layout.addWidget(self.when_label)
        layout.addStretch(1)
        layout.addWidget(self.advance_button)
        layout.addWidget(self.needs_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        ctx.events.setup_changed.connect(self._on_contest_changed)
        ctx.events.count_changed.connect(self._on_contest_changed)
        ctx.events.night_changed.connect(self._on_contest_changed)
        ctx.events.contests_changed.connect(self.refresh)
        self.set_contest(None)

    # -- public --------------------------------------------------------------------------

    def set_contest(self, contest_id: str | None) -> None:
        """Show where this contest is in the night (None: hide the panel)."""
        self.contest_id = contest_id
        self._last_status = None
        self.refresh()

    def refresh(self) -> None:
        """Read the contest's status again and show it."""
        contest_id = self.contest_id
        if contest_id is None:
            self.report = None
            self.hide()
            return
        try:
            report = self.ctx.desk.status(contest_id)
        except CountDeskError as error:
            self.report = None
            self.stages_label.setText(str(error))
            for widget in (self.when_label, self.advance_button):
                widget.hide()
            self.needs_button.hide()
            return
        self.report = report
        self._show_stages(report.status, report.contest.is_local_count)
        self._show_when(report)
        self._show_next(report)
        if self.needs_dialog is not None and self.needs_dialog.isVisible():
            self.needs_dialog.show_blockers(report.contest.area, report.next, report.blockers)
        self.show()
        if report.status.value != self._last_status:
            self._last_status = report.status.value
            self.status_changed.emit(report.status.value)

    def advance(self) -> bool:
        """Move the contest to the next stage, once confirmed (the declaration: ask for the
        declare dialog).

        A refusal is shown in plain words with its codes; True if the contest moved.
        """
        report = self.report
        contest_id = self.contest_id
        if report is None or contest_id is None or report.next is None:
            return False
        target = report.next
        if target is Status.DECLARED:
            self.declare_requested.emit(contest_id)
            return False
        if not confirm_advance(self, report.contest.area, target):
            return False
        try:
            self.ctx.desk.advance(contest_id, target, self.ctx.operator())
        except CountDeskError as error:
            self.refresh()
            self._refused(target, error)
            return False
        self.refresh()
        self.ctx.events.setup_changed.emit(contest_id)
        return True

    def acknowledge(self, finding: Finding) -> bool:
        """Ask the reason and acknowledge the warning a blocking S804 finding names."""
        contest_id = self.contest_id
        if contest_id is None:
            return False
        warning = str(finding.figures.get("warning", ""))
        reason = ask_acknowledgement_reason(self, finding)
        if reason is None:
            return False
        try:
            self.ctx.desk.acknowledge_warning(
                contest_id, warning, reason, self.ctx.operator(), finding.subject
            )
        except CountDeskError as error:
            QMessageBox.warning(self, f"{warning} not acknowledged", str(error))
            return False
        self.refresh()
        # The verification and count views show which warnings are still open.
        self.ctx.events.count_changed.emit(contest_id)
        return True

    def show_needs(self) -> NeedsDialog | None:
        """Open (or bring up) the list of what blocks the next stage."""
        report = self.report
        if report is None:
            return None
        if self.needs_dialog is None:
            self.needs_dialog = NeedsDialog(self)
        self.needs_dialog.show_blockers(report.contest.area, report.next, report.blockers)
        self.needs_dialog.show()
        self.needs_dialog.raise_()
        self.needs_dialog.activateWindow()
        return self.needs_dialog

    def stages_text(self) -> str:
        """The stage indicator as plain words, e.g. "✔ Setup › ▶ Verification › Count …"."""
        return self.stages_label.accessibleName()

    # -- showing -------------------------------------------------------------------------

    def _show_stages(self, status: Status, local_count: bool = False) -> None:
        here = ORDER.index(status)
        rich: list[str] = []
        plain: list[str] = []
        for i, stage in enumerate(ORDER):
            name = stage_name(stage, local_count=local_count)
            if i < here:
                rich.append(f"✔&nbsp;{name}")
                plain.append(f"✔ {name} (done)")
            elif i == here:
                rich.append(f"<b>▶&nbsp;{name}</b>")
                plain.append(f"▶ {name} (now)")
            else:
                rich.append(name)
                plain.append(name)
        self.stages_label.setText("Night: " + " › ".join(rich))
        self.stages_label.setAccessibleName("Stage of the night: " + " › ".join(plain))
        self.stages_label.setToolTip(
            f"Stage {here + 1} of {len(ORDER)}: {status_label(status, local_count=local_count)}. "
            "The night goes "
            + " → ".join(status_label(s, local_count=local_count) for s in ORDER)
            + ", one step at a time."
        )

    def _show_when(self, report: StatusReport) -> None:
        text = ""
        if report.status is Status.DECLARED and report.declared_at is not None:
            what = "Declared duly elected" if report.uncontested else "Declared"
            if report.contest.is_local_count:
                what = "Local totals sent"
            text = f"{what} at {clock_time(report.declared_at)} — locked"
        elif report.uncontested:
            text = "Uncontested: no poll"
        elif report.status is Status.DECLARED:
            text = "Declared — locked"
        elif report.status is Status.PROVISIONAL and report.shown_at is not None:
            text = f"Shown at {clock_time(report.shown_at)}"
        self.when_label.setText(text)
        font = self.when_label.font()
        font.setBold(report.status is Status.DECLARED)
        self.when_label.setFont(font)
        self.when_label.setVisible(bool(text))

    def _show_next(self, report: StatusReport) -> None:
        target = report.next
        if target is None:
            for widget in (self.advance_button, self.needs_button):
                widget.hide()
            return
        # The button names the next stage: no "Next:" beside it.
        stage = status_label(target, local_count=report.contest.is_local_count)
        button = self.advance_button
        if target is Status.DECLARED and report.uncontested:
            stage = "declared duly elected"
            button.setText("Declare duly elected…")
            button.setAccessibleName("Declare the candidates duly elected…")
        elif target is Status.DECLARED and report.contest.is_local_count:
            button.setText("Send local totals…")
            button.setAccessibleName("Send the local totals…")
        elif target is Status.DECLARED:
            button.setText("Declare…")
            button.setAccessibleName("Declare the result…")
        else:
            button.setText(f"Advance to {stage}")
            button.setAccessibleName(f"Advance to {stage}")
        blocked = bool(report.blockers)
        button.setEnabled(not blocked)
        if blocked:
            button.setToolTip(
                f"{report.contest.area} cannot move to {stage} yet:\n{listed(report.blockers)}"
            )
        elif target is Status.DECLARED and report.uncontested:
            button.setToolTip(
                f"{report.contest.area} is uncontested: no poll. The officer confirms with "
                "their name, the candidates are declared duly elected, the contest is locked "
                "and the notice of uncontested election is kept."
            )
        elif target is Status.DECLARED:
            button.setToolTip(
                "Open the declaration: the officer confirms with their name, the result is "
                "declared and the contest is locked."
            )
        else:
            button.setToolTip(f"Move {report.contest.area} on to {stage}.")
        button.show()
        count = len(report.blockers)
        self.needs_button.setText(f"What is needed ({count})…")
        self.needs_button.setAccessibleName(
            f"What is needed before {stage}: {plural(count, 'thing')}"
        )
        self.needs_button.setToolTip(
            "List each finding that blocks the next stage, with its code; warnings can be "
            "acknowledged there."
        )
        self.needs_button.setVisible(blocked)

    def _refused(self, target: Status, error: CountDeskError) -> None:
        report = self.report
        stage = status_label(target)
        if report is not None and report.next is target and report.blockers:
            area = report.contest.area
            text = f"{area} cannot move to {stage} yet:\n\n{listed(report.blockers)}"
        else:
            text = str(error)
        QMessageBox.warning(self, f"Not moved to {stage}", text)

    # -- slots ---------------------------------------------------------------------------

    def _on_advance_clicked(self) -> None:
        self.advance()

    def _on_contest_changed(self, contest_id: str) -> None:
        if contest_id == self.contest_id:
            self.refresh()
