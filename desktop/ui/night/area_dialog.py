"""The area result's voting areas: which local totals are in, which awaited, and importing one.

For a Police and Crime Commissioner or combined authority mayoral contest that is not yet the
area result, the same dialog sets it up as one, from the list of its voting areas (one a line).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.wording import short_time
from desktop.services.local_totals_files import read_totals_file
from desktop.ui.context import UiContext
from desktop.ui.night.common import refusal_text
from desktop.ui.night.night_dialog import NightDialog

COLUMNS = ("Voting area", "Local totals", "Valid votes", "Rejected", "Ballot papers verified")


class VotingAreasDialog(NightDialog):
    """The voting areas of the area result, in and awaited; a file of local totals imported."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Voting areas' local totals", parent)
        #: Whether anything was imported or set up (the views then read again).
        self.changed = False
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Voting areas in and awaited")
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Voting areas")
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.areas_edit = QPlainTextEdit()
        self.areas_edit.setAccessibleName("The voting areas, one a line")
        self.areas_edit.setPlaceholderText("The voting areas of the police area, one a line")
        layout.addWidget(self.areas_edit)
        self.setup_button = QPushButton("Make this the &area result with these voting areas")
        self.setup_button.clicked.connect(self._on_setup_clicked)
        layout.addWidget(self.setup_button)
        self.import_button = QPushButton("&Import a voting area's local totals…")
        self.import_button.setAccessibleName("Import a voting area's local totals file")
        self.import_button.clicked.connect(self._on_import_clicked)
        layout.addWidget(self.import_button)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.buttons.button(self.buttons.StandardButton.Cancel).setText("&Close")
        self.refresh()
        self._fit(640)

    def _fit(self, width: int) -> None:
        self.resize(width, min(560, self.sizeHint().height() + 120))

    def refresh(self) -> None:
        """Show the contest's voting areas, or the set-up for one not yet the area result."""
        contest = self.ctx.desk.contest(self.contest_id)
        is_area = contest.is_area_result
        for widget in (self.areas_edit, self.setup_button):
            widget.setVisible(not is_area)
        self.table.setVisible(is_area)
        self.import_button.setVisible(is_area)
        if not is_area:
            self.summary_label.setText(
                f"{contest.area} is a local count (a voting area's count, which sends its local "
                "totals). In the police area (or combined authority) returning officer's "
                "database it is the area result instead: list its voting areas to make it so."
            )
            return
        status = self.ctx.desk.area.status(self.contest_id)
        self.table.setRowCount(len(status.areas))
        for row, area in enumerate(status.areas):
            totals = area.totals
            cells = [
                area.name,
                f"In at {short_time(area.imported_at)}" if area.imported_at else "Awaited",
                format_figure(totals.valid_votes) if totals else "",
                format_figure(totals.rejected_total) if totals else "",
                format_figure(totals.ballot_papers_verified) if totals else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        awaited = status.awaited
        text = f"{len(status.received)} of {len(status.areas)} voting areas in."
        if awaited:
            text += f" Awaited: {', '.join(awaited)}."
        elif status.added_up:
            text += (
                " Every voting area is in and added up: the count of the area result is their "
                "sum. Show the provisional result, then declare."
            )
        self.summary_label.setText(text)
        self.import_button.setEnabled(bool(awaited))

    def import_file(self, path: str) -> bool:
        """Import one voting area's local totals file; False (the reason shown) if refused."""
        from pathlib import Path

        try:
            text = read_totals_file(Path(path))
            self.ctx.desk.area.add(self.contest_id, text, Path(path).name, self.ctx.operator())
        except CountDeskError as error:
            self._say(refusal_text(error, "Not imported"))
            return False
        self._say("")
        self.changed = True
        self.ctx.events.announce(self.contest_id)
        self.refresh()
        return True

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a voting area's local totals", "", "Local totals (*.json *.csv)"
        )
        if path:
            self.import_file(path)

    def _on_setup_clicked(self) -> None:
        names = self.areas_edit.toPlainText().splitlines()
        try:
            self.ctx.desk.area.setup(self.contest_id, names, self.ctx.operator())
        except CountDeskError as error:
            self._refused(error)
            return
        self._say("")
        self.changed = True
        self.ctx.events.announce(self.contest_id)
        self.refresh()
