"""The verification's totals: papers issued and counted, ballot papers verified, variance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop.domain.figures import format_figure
from desktop.domain.verification import VerificationTotals
from desktop.domain.wording import signed


class TotalsBox(QGroupBox):
    """Papers issued and counted for the boxes, the postal batches and in all; the ballot
    papers verified, the variance so far and what is not yet counted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Totals", parent)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, text in ((1, "Issued"), (2, "Counted")):
            label = QLabel(text)
            label.setFont(bold)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, 0, column)
        #: The figures shown, by key: boxes_issued, boxes_counted, postal_issued, postal_counted,
        #: issued, counted, verified, variance, uncounted.
        self.totals: dict[str, QLabel] = {}

        def figure(key: str, row: int, column: int, spoken: str) -> None:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setObjectName(f"total_{key}")
            label.setProperty("spoken", spoken)
            self.totals[key] = label
            grid.addWidget(label, row, column)

        rows = (
            ("Ballot boxes", "boxes", "ballot boxes"),
            ("Postal batches (returned)", "postal", "postal ballot papers returned"),
            ("Total", "", "all"),
        )
        for row, (title, key, spoken) in enumerate(rows, start=1):
            label = QLabel(title)
            if not key:
                label.setFont(bold)
            grid.addWidget(label, row, 0)
            issued = f"{key}_issued" if key else "issued"
            counted = f"{key}_counted" if key else "counted"
            figure(issued, row, 1, f"Papers issued, {spoken}")
            figure(counted, row, 2, f"Papers counted, {spoken}")
        self.totals["issued"].setFont(bold)
        self.totals["counted"].setFont(bold)

        verified_title = QLabel("Ballot papers verified")
        big = QFont(bold)
        big.setPointSizeF(big.pointSizeF() * 1.2)
        verified_title.setFont(big)
        grid.addWidget(verified_title, 4, 0, 1, 2)
        figure("verified", 4, 2, "Ballot papers verified")
        self.totals["verified"].setFont(big)
        variance_title = QLabel("Variance (boxes counted so far)")
        variance_title.setToolTip("Papers counted − papers issued, over the boxes counted so far.")
        grid.addWidget(variance_title, 5, 0, 1, 2)
        figure("variance", 5, 2, "Variance, counted minus issued")
        grid.addWidget(QLabel("Not yet counted"), 6, 0, 1, 2)
        figure("uncounted", 6, 2, "Boxes and postal batches not yet counted")
        grid.setColumnStretch(0, 1)

    def show_totals(self, totals: VerificationTotals | None, lines: int) -> None:
        """Show these totals over so many listed lines (dashes when there are none)."""
        if totals is None or not lines:
            for label in self.totals.values():
                label.setText("–")
                label.setAccessibleName(f"{label.property('spoken')}: none")
            return
        shown = {
            "boxes_issued": format_figure(totals.boxes_issued),
            "boxes_counted": format_figure(totals.boxes_counted),
            "postal_issued": format_figure(totals.postal_issued),
            "postal_counted": format_figure(totals.postal_counted),
            "issued": format_figure(totals.issued),
            "counted": format_figure(totals.counted),
            "verified": format_figure(totals.counted),
            "variance": signed(totals.variance),
            "uncounted": f"{totals.uncounted} of {lines}",
        }
        for key, text in shown.items():
            label = self.totals[key]
            label.setText(text)
            label.setAccessibleName(f"{label.property('spoken')}: {text}")
        if totals.uncounted:
            self.totals["verified"].setToolTip(
                "So far: the boxes and batches not yet counted are not in this total."
            )
        else:
            self.totals["verified"].setToolTip("Every box and batch counted.")
