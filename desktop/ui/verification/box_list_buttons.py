"""Putting the list of boxes itself right: **Import boxes from CSV…**, and **Remove box…** for a
box listed by mistake, before any count is recorded (V504)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest
from desktop.domain.wording import plural
from desktop.ui.context import UiContext
from desktop.ui.verification.box_removal import confirm_box_removal
from desktop.ui.verification.columns import CSV_COLUMNS, REMOVE_AFTER_COUNT, lock_text
from desktop.ui.verification.verification_table import VerificationTable
from desktop.ui.verification.verification_table_model import VerificationTableModel


class BoxListButtons(QWidget):
    """**Import boxes from CSV…** and **Remove box…** for the contest shown."""

    #: What was done, or why not (the words, and whether they tell of a problem).
    said = Signal(str, bool)
    #: Boxes were imported: the view reads them again and goes to the first uncounted.
    imported = Signal()
    #: The box on this row was removed: the view reads the boxes again and stays near it.
    removed = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        model: VerificationTableModel,
        table: VerificationTable,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._model = model
        self._table = table
        self._contest_id: str | None = None
        self._contest: Contest | None = None
        #: Whether a count is recorded for the contest (no box can be removed then: V504).
        self._has_count = False

        self.import_button = QPushButton("I&mport boxes from CSV…")
        self.import_button.setAccessibleName("Import ballot boxes and postal batches from CSV")
        self.import_button.setToolTip(
            f"A CSV file with the columns {CSV_COLUMNS}: one line per ballot box or postal "
            "batch, with the papers issued from its ballot paper account."
        )
        self.import_button.clicked.connect(self._on_import_clicked)
        self.remove_button = QPushButton("&Remove box…")
        self.remove_button.setAccessibleName("Remove the chosen ballot box or postal batch")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        # The box to remove is the one chosen in the table: the tooltip follows the choice.
        table.selectionModel().currentChanged.connect(self._on_current_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.import_button)
        row.addWidget(self.remove_button)

    def set_contest(
        self, contest_id: str | None, contest: Contest | None, *, has_count: bool, locked: bool
    ) -> None:
        """The boxes are this contest's; whether a count is recorded, or the contest locked."""
        self._contest_id, self._contest, self._has_count = contest_id, contest, has_count
        self.import_button.setEnabled(contest is not None and not locked)
        self.update_remove_button()

    def import_csv(self, path: str | Path | None = None) -> int | None:
        """Import boxes and postal batches from a CSV (asking which file if None).

        Returns how many lines were imported, or None if nothing was (the reason is said).
        """
        contest_id = self._contest_id
        if contest_id is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                f"Import ballot boxes – a CSV file with the columns {CSV_COLUMNS}",
                str(Path.home()),
                "CSV files (*.csv);;All files (*)",
            )
            if not path:
                return None
        try:
            count = self._ctx.desk.import_verification_csv(contest_id, path, self._ctx.operator())
        except CountDeskError as error:
            self.said.emit(f"✖ Nothing was imported. {error}", True)
            return None
        self.imported.emit()
        self.said.emit(
            f"Imported {plural(count, 'line')} (ballot boxes and postal "
            f"batches) from {Path(path).name}: type the papers counted for each.",
            False,
        )
        # Ballot papers verified now come from the boxes: a fact of the contest, and the count's.
        self._ctx.events.announce(contest_id)
        return count

    def remove_box(self, reference: str | None = None) -> bool:
        """Remove the box chosen in the table (or the one with this reference), once the clerk
        confirms; True if removed. A refusal (V504 once a count is recorded) is said."""
        contest_id, contest, model = self._contest_id, self._contest, self._model
        if contest_id is None or contest is None:
            return False
        row = self._table.currentIndex().row() if reference is None else model.row_of(reference)
        if row is None or not 0 <= row < model.rowCount():
            return False
        line = model.line(row)
        if not confirm_box_removal(self, line.reference, line.name, contest.area):
            return False
        try:
            self._ctx.desk.remove_box(contest_id, line.reference, self._ctx.operator())
        except CountDeskError as error:
            self.said.emit(f"✖ Box {line.reference} was not removed. {error}", True)
            return False
        self.removed.emit(row)
        self.said.emit(
            f"Removed box {line.reference} ({line.name}) from the list; the audit log keeps it.",
            False,
        )
        # Ballot papers verified follow the boxes: a fact of the contest, and the count's.
        self._ctx.events.announce(contest_id)
        return True

    def update_remove_button(self) -> None:
        """Enabled for the box chosen, until a count is recorded or the contest is locked;
        the tooltip says which box, or why not."""
        model = self._model
        index = self._table.currentIndex()
        line = model.line(index.row()) if index.isValid() else None
        if self._contest is None or not model.rowCount():
            enabled, tip = False, "No ballot boxes are listed."
        elif model.read_only:
            enabled, tip = False, lock_text(self._contest)
        elif self._has_count:
            enabled, tip = False, REMOVE_AFTER_COUNT
        elif line is None:
            enabled, tip = False, "Choose the box to remove in the table."
        else:
            enabled = True
            tip = (
                f"Remove box {line.reference} ({line.name}) if it was listed by mistake; you are "
                "asked to confirm."
            )
        self.remove_button.setEnabled(enabled)
        self.remove_button.setToolTip(tip)

    # -- slots ---------------------------------------------------------------------------

    def _on_import_clicked(self) -> None:
        self.import_csv()

    def _on_remove_clicked(self) -> None:
        self.remove_box()

    def _on_current_changed(self, *_: object) -> None:
        self.update_remove_button()
