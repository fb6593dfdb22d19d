"""The verification's checks: what to put right before the count, or that all is clear."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QListView, QVBoxLayout, QWidget

from desktop.domain.findings import Finding
from desktop.ui.findings_model import FindingsModel


class ChecksBox(QGroupBox):
    """The findings on the boxes that are not acknowledged, or a line saying all is clear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Checks", parent)
        layout = QVBoxLayout(self)
        self.all_clear_label = QLabel()
        self.all_clear_label.setWordWrap(True)
        self.findings_model = FindingsModel(self)
        self.findings_view = QListView()
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setWordWrap(True)
        self.findings_view.setUniformItemSizes(False)
        self.findings_view.setAccessibleName("Verification findings: errors and warnings")
        layout.addWidget(self.all_clear_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.findings_view, 1)

    def show_findings(self, findings: tuple[Finding, ...], has_lines: bool) -> None:
        """List these findings over the boxes listed (if any are)."""
        self.findings_model.set_findings(findings)
        self.findings_view.setVisible(bool(findings))
        if not has_lines:
            self.all_clear_label.setText("No boxes listed yet.")
        elif findings:
            self.all_clear_label.setText(
                "To put right before the count (acknowledged warnings are not listed):"
            )
        else:
            self.all_clear_label.setText(
                "✔ Every box and batch is counted, and every variance is explained or acknowledged."
            )
