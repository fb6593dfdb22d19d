"""Where the contest is in the night, in one line: setup → verification → count → provisional
→ declared, what comes next, and what stands in the way.

The next stage is one button away. When something blocks it, the button is disabled and its
tooltip lists the blockers; "What is needed" lists each blocking finding with its code, and a
warning that blocks (S804) can be acknowledged there with a reason. Declaring is not done here:
the button asks for the declare dialog (``declare_requested``), which takes the officer's
confirmation.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.workflow import ORDER, status_label
from desktop.services.night import StatusReport
from desktop.ui.context import UiContext

#: The code of the finding that says a warning blocks until a supervisor acknowledges it.
NEEDS_ACKNOWLEDGING = "S804"


def _stage_name(status: Status) -> str:
    label = status_label(status)
    return label[:1].upper() + label[1:]


def _time(at: datetime) -> str:
    return f"{at.astimezone():%H:%M}"


def _listed(findings: tuple[Finding, ...]) -> str:
    return "\n".join(f"{f.code}: {f.message}" for f in findings)


class AcknowledgeDialog(QDialog):
    """Asks a supervisor for the reason a warning is acknowledged (required: it is audited)."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        warning = str(finding.figures.get("warning", finding.code))
        self.setWindowTitle(f"Acknowledge warning {warning}")
        about = QLabel(finding.message)
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label = QLabel("&Reason (required; kept in the audit log with your name):")
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(f"Reason for acknowledging {warning}")
        self.reason_edit.setPlaceholderText("e.g. The presiding officer's account was miscounted")
        label.setBuddy(self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Acknowledge")
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._on_reason_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def reason(self) -> str:
        """The reason typed."""
        return self.reason_edit.text().strip()

    def _on_reason_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))


def ask_acknowledgement_reason(parent: QWidget | None, finding: Finding) -> str | None:
    """Ask why a blocking warning is acknowledged; None if cancelled (replaced in tests)."""
    dialog = AcknowledgeDialog(finding, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason():
            return dialog.reason()
        return None
    finally:
        dialog.deleteLater()


class NeedsDialog(QDialog):
    """Each finding that blocks the next stage, with its code; blocking warnings offer
    Acknowledge…. Not modal to the app: it can stay open while the figures are put right."""

    def __init__(self, panel: StatusPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.setMinimumSize(560, 260)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self._rows_host = QWidget()
        self._rows = QGridLayout(self._rows_host)
        self._rows.setColumnStretch(1, 1)
        self._rows.setVerticalSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows_host)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        #: The Acknowledge… buttons shown, with the finding each acknowledges.
        self.acknowledge_buttons: list[tuple[QPushButton, Finding]] = []

    def show_blockers(
        self, area: str, target: Status | None, blockers: tuple[Finding, ...]
    ) -> None:
        """List these blockers (or say nothing blocks)."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.acknowledge_buttons = []
        stage = status_label(target) if target is not None else "the next stage"
        self.setWindowTitle(f"What is needed before {stage}")
        if not blockers:
            self.heading.setText(f"Nothing stands in the way: {area} can move to {stage}.")
            return
        self.heading.setText(
            f"{area} cannot move to {stage} until "
            f"{'this is' if len(blockers) == 1 else f'these {len(blockers)} are'} put right:"
        )
        for row, finding in enumerate(blockers):
            code = QLabel(f"<b>{finding.code}</b>")
            code.setAlignment(Qt.AlignmentFlag.AlignTop)
            message = QLabel(finding.message)
            message.setWordWrap(True)
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            message.setAccessibleName(f"{finding.code}: {finding.message}")
            self._rows.addWidget(code, row, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.addWidget(message, row, 1)
            if finding.code == NEEDS_ACKNOWLEDGING:
                warning = str(finding.figures.get("warning", ""))
                subject = "" if finding.subject is None else f" ({finding.subject})"
                button = QPushButton("Acknowledge…")
                button.setAccessibleName(f"Acknowledge warning {warning}{subject}")
                button.setToolTip(
                    "A supervisor acknowledges the warning with a reason, kept in the audit log."
                )
                button.clicked.connect(lambda _=False, f=finding: self._panel.acknowledge(f))
                self._rows.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
                self.acknowledge_buttons.append((button, finding))
        self._rows.setRowStretch(len(blockers), 1)


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
        self.next_label = QLabel()
        self.next_label.setObjectName("nightNext")
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advanceButton")
        # As wide as its longest label, so it does not jump sideways from stage to stage.
        self.advance_button.setMinimumWidth(
            self.advance_button.fontMetrics().horizontalAdvance("Advance to provisional result")
            + 32
        )
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
        layout.addWidget(self.next_label)
        layout.addWidget(self.advance_button)
        layout.addWidget(self.needs_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        ctx.events.setup_changed.connect(self._on_contest_changed)
        ctx.events.count_changed.connect(self._on_contest_changed)
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
            for widget in (self.when_label, self.next_label, self.advance_button):
                widget.hide()
            self.needs_button.hide()
            return
        self.report = report
        self._show_stages(report.status)
        self._show_when(report)
        self._show_next(report)
        if self.needs_dialog is not None and self.needs_dialog.isVisible():
            self.needs_dialog.show_blockers(report.contest.area, report.next, report.blockers)
        self.show()
        if report.status.value != self._last_status:
            self._last_status = report.status.value
            self.status_changed.emit(report.status.value)

    def advance(self) -> bool:
        """Move the contest to the next stage (the declaration: ask for the declare dialog).

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

    def _show_stages(self, status: Status) -> None:
        here = ORDER.index(status)
        rich: list[str] = []
        plain: list[str] = []
        for i, stage in enumerate(ORDER):
            name = _stage_name(stage)
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
            f"Stage {here + 1} of {len(ORDER)}: {status_label(status)}. The night goes "
            + " → ".join(status_label(s) for s in ORDER)
            + ", one step at a time."
        )

    def _show_when(self, report: StatusReport) -> None:
        text = ""
        if report.status is Status.DECLARED and report.declared_at is not None:
            text = f"Declared at {_time(report.declared_at)} — locked"
        elif report.status is Status.DECLARED:
            text = "Declared — locked"
        elif report.status is Status.PROVISIONAL and report.shown_at is not None:
            text = f"Shown at {_time(report.shown_at)}"
        self.when_label.setText(text)
        font = self.when_label.font()
        font.setBold(report.status is Status.DECLARED)
        self.when_label.setFont(font)
        self.when_label.setVisible(bool(text))

    def _show_next(self, report: StatusReport) -> None:
        target = report.next
        if target is None:
            for widget in (self.next_label, self.advance_button, self.needs_button):
                widget.hide()
            return
        stage = status_label(target)
        self.next_label.setText(f"Next: {stage}")
        self.next_label.show()
        button = self.advance_button
        if target is Status.DECLARED:
            button.setText("Declare…")
            button.setAccessibleName("Declare the result…")
        else:
            button.setText(f"Advance to {stage}")
            button.setAccessibleName(f"Advance to {stage}")
        blocked = bool(report.blockers)
        button.setEnabled(not blocked)
        if blocked:
            button.setToolTip(
                f"{report.contest.area} cannot move to {stage} yet:\n{_listed(report.blockers)}"
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
            f"What is needed before {stage}: {count} thing{'s' if count != 1 else ''}"
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
            text = f"{area} cannot move to {stage} yet:\n\n{_listed(report.blockers)}"
        else:
            text = str(error)
        QMessageBox.warning(self, f"Not moved to {stage}", text)

    # -- slots ---------------------------------------------------------------------------

    def _on_advance_clicked(self) -> None:
        self.advance()

    def _on_contest_changed(self, contest_id: str) -> None:
        if contest_id == self.contest_id:
            self.refresh()
