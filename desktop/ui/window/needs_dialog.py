"""What is needed before the next stage, finding by finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.workflow import status_label
from desktop.ui.layouts import clear_layout
from desktop.ui.window.stage_words import NEEDS_ACKNOWLEDGING

if TYPE_CHECKING:
    # The panel opens this dialog: only its type is needed here.
    from desktop.ui.window.status_panel import StatusPanel


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
        clear_layout(self._rows)
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
