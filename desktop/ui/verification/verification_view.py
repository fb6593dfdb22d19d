"""The Verification tab: each ballot box and postal batch, the papers counted against its ballot
paper account, the variance and its explanation, the totals and the statement of verification.

Keyboard first: focus starts on the first uncounted box's Counted cell; typing a figure opens it,
Enter saves it and moves down to the next box (Tab goes on to the Explanation). A figure is
saved (and undoable, Ctrl+Z) the moment it is accepted; a figure that is not a whole number is
not saved, and says why under the table. The total counted is the contest's ballot papers verified, which the count checks against.

A box listed wrongly is put right in place: its name and its papers issued (ballot paper
account) are edited like the other cells, and **Remove box…** takes off a box listed by mistake,
before any count is recorded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Contest, Status
from desktop.domain.verification import verification_findings
from desktop.ui.context import UiContext
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.headings import make_heading
from desktop.ui.lazy import ContestPage
from desktop.ui.message_line import MessageLine
from desktop.ui.verification.box_list_buttons import BoxListButtons
from desktop.ui.verification.checks_box import ChecksBox
from desktop.ui.verification.columns import CSV_COLUMNS, lock_text
from desktop.ui.verification.entry_delegate import CellEditor
from desktop.ui.verification.shared_boxes import SharedBoxesPanel
from desktop.ui.verification.statement_buttons import StatementButtons
from desktop.ui.verification.totals_box import TotalsBox
from desktop.ui.verification.verification_table import VerificationTable
from desktop.ui.verification.verification_table_model import VerificationTableModel


class VerificationView(ContestPage):
    """The verification of one contest: boxes, totals, checks and the statement."""

    # The keyboard works on the rows: a change is shown at once, not after the burst.
    refresh_at_once = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("VerificationView")
        self._contest: Contest | None = None
        self._forced_read_only = False
        #: Whether a count is recorded for the contest (no box can be removed then: V504).
        self._has_count = False

        self.model = VerificationTableModel(ctx, self)
        self.model.refused.connect(self._on_refused)
        self.model.saved.connect(self._on_saved)

        self._build()
        self.set_contest(None)

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        # Cut with … rather than pushing the buttons beside it off a laptop's screen.
        self.heading_label = ElidedLabel(minimum=120)
        self.heading_label.setObjectName("verificationHeading")
        make_heading(self.heading_label)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)

        self.table = VerificationTable(self.model)
        self.delegate = self.table.delegate

        self.box_buttons = BoxListButtons(self._ctx, self.model, self.table)
        self.box_buttons.said.connect(self._on_box_buttons_said)
        self.box_buttons.imported.connect(self._on_boxes_imported)
        self.box_buttons.removed.connect(self._on_box_removed)
        self.import_button = self.box_buttons.import_button
        self.remove_button = self.box_buttons.remove_button
        self.statement = StatementButtons(self._ctx)
        self.statement.said.connect(self._on_statement_said)
        self.print_button = self.statement.print_button
        self.save_button = self.statement.save_button
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.box_buttons)
        toolbar.addStretch(1)
        toolbar.addWidget(self.statement)
        table_label = QLabel(
            "&Ballot boxes, then postal batches: type the papers counted; Enter saves and moves "
            "down; Ctrl+Z undoes"
        )
        table_label.setBuddy(self.table)
        table_label.setWordWrap(True)

        #: Why the last figure or import was refused, or what was last done.
        self.message_line = MessageLine(spacing=4)
        self.message_label = self.message_line.label
        self.message_label.setObjectName("verificationMessage")
        self.lock_label = QLabel()
        self.lock_label.setObjectName("verificationLock")
        self.lock_label.setWordWrap(True)
        self.lock_label.hide()

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(table_label)
        left.addWidget(self.table, 1)
        left.addWidget(self.message_line)
        #: The boxes that hold other polls' papers too, and any cross-poll suggestion (V506).
        self.shared_panel = SharedBoxesPanel(self._ctx)
        self.shared_panel.said.connect(self._on_shared_said)
        left.addWidget(self.shared_panel)
        left.addWidget(self.lock_label)
        left.addStretch(0)

        right = QVBoxLayout()
        self.totals_box = TotalsBox()
        #: The totals' figures by key (see ``TotalsBox.totals``).
        self.totals = self.totals_box.totals
        right.addWidget(self.totals_box)
        self.checks_box = ChecksBox()
        self.findings_model = self.checks_box.findings_model
        self.all_clear_label = self.checks_box.all_clear_label
        right.addWidget(self.checks_box, 1)
        side = QWidget()
        side.setLayout(right)
        # As wide as the totals need in the text size there is; the table has the rest.
        side.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        right.setContentsMargins(0, 0, 0, 0)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(side)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading_label)
        heading_row.addSpacing(12)
        heading_row.addLayout(toolbar, 1)
        layout.addLayout(heading_row)
        layout.addWidget(self.hint_label)
        layout.addLayout(body, 1)

    # -- public API ----------------------------------------------------------------------

    def set_contest(self, contest_id: str | None) -> None:
        """Show the verification of this contest (or nothing), focus on the first uncounted box."""
        self._contest_id = contest_id
        self._say("")
        self.model.set_contest(contest_id)
        self.refresh()
        self.focus_first_uncounted()

    def refresh(self) -> None:
        """Read the boxes, totals and checks again and show them."""
        self._stale = False
        contest_id = self.contest_id
        desk = self._ctx.desk
        self._contest = desk.contest(contest_id) if contest_id else None
        self._has_count = contest_id is not None and desk.latest_count(contest_id) is not None
        self.statement.set_contest(contest_id, self._area())
        if self.model.contest_id != contest_id:
            self.model.set_contest(contest_id)
        else:
            self.model.reload()
        self._show_heading()
        self._show_totals()
        self._show_findings()
        self._apply_lock()
        self._show_shared()
        self.table.fit_columns()
        self.table.fit_height()

    def set_read_only(self, read_only: bool) -> None:
        """Lock the verification against edits (the window does this once declared)."""
        self._forced_read_only = read_only
        self._apply_lock()

    def is_read_only(self) -> bool:
        """Whether the boxes can be edited now."""
        return self.model.read_only

    def focus_first_uncounted(self) -> None:
        """Put the keyboard on the first uncounted box's Counted cell (or the first box's)."""
        if not self.model.rowCount():
            self.table.setCurrentIndex(QModelIndex())
            return
        row = self.model.first_uncounted_row()
        self.table.go_to(0 if row is None else row)
        if self.isVisible():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def import_csv(self, path: str | Path | None = None) -> int | None:
        """Import boxes and postal batches from a CSV (asking which file if None); how many
        lines were imported, or None if nothing was (see ``BoxListButtons.import_csv``)."""
        return self.box_buttons.import_csv(path)

    def remove_box(self, reference: str | None = None) -> bool:
        """Remove the box chosen in the table (or the one with this reference), once the clerk
        confirms; True if removed (see ``BoxListButtons.remove_box``)."""
        return self.box_buttons.remove_box(reference)

    # -- showing -------------------------------------------------------------------------

    def _area(self) -> str:
        return self._contest.area if self._contest is not None else ""

    def _show_heading(self) -> None:
        if self._contest is None:
            self.heading_label.setText("Verification")
            self.hint_label.setText("Choose a contest to see its verification.")
            return
        self.heading_label.setText(f"Verification – {self._contest.area}")
        if self.model.rowCount():
            self.hint_label.setText(
                "Each ballot box is counted face up and compared with its ballot paper account; "
                "postal papers are counted in batches. Record why any box's count differs. The "
                "total counted is the ballot papers verified that the count must match."
            )
        else:
            self.hint_label.setText(
                f"No ballot boxes are listed for {self._contest.area} yet. Import them from a CSV "
                f"file with the columns {CSV_COLUMNS} – or, without boxes, type the ballot papers "
                "verified in Setup (Ctrl+1)."
            )

    def _show_totals(self) -> None:
        lines = len(self.model.lines)
        if self.contest_id is None or not lines:
            self.totals_box.show_totals(None, 0)
            return
        self.totals_box.show_totals(self._ctx.desk.verification_totals(self.contest_id), lines)

    def _show_findings(self) -> None:
        lines = self.model.lines
        findings = tuple(
            f
            for f in verification_findings(lines)
            if f.is_error or not self.model.is_acknowledged(str(f.subject))
        )
        self.checks_box.show_findings(findings, bool(lines))

    def _show_shared(self) -> None:
        """Which boxes hold other polls' papers too (tooltips and the panel under the table)."""
        contest = self._contest if self.model.rowCount() else None
        self.model.set_shared(
            self.shared_panel.show_contest(contest, read_only=self.model.read_only)
        )

    def _apply_lock(self) -> None:
        contest = self._contest
        status = contest.status if contest is not None else None
        locked_by_status = status in (Status.PROVISIONAL, Status.DECLARED)
        locked = self._forced_read_only or locked_by_status
        editor = self.table.findChild(CellEditor)
        if locked and editor is not None:
            self.delegate.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.model.read_only = locked
        has_lines = bool(self.model.rowCount())
        self.print_button.setEnabled(has_lines)
        self.save_button.setEnabled(has_lines)
        self.box_buttons.set_contest(
            self.contest_id, contest, has_count=self._has_count, locked=locked
        )
        if not locked:
            self.lock_label.hide()
            return
        self.lock_label.setText(lock_text(self._contest))
        self.lock_label.show()

    def _say(self, text: str, problem: bool = False) -> None:
        """Show what happened under the table (or hide the line when empty)."""
        self.message_line.say(text, problem)

    def message(self) -> str:
        """The words shown under the table (empty when none)."""
        return self.message_line.message()

    # -- Qt overrides --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            if not self.table.currentIndex().isValid():
                self.focus_first_uncounted()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- slots ---------------------------------------------------------------------------

    def _on_refused(self, text: str) -> None:
        self._say(text, problem=True)

    def _on_saved(self, text: str) -> None:
        self._say("")

    def _on_box_buttons_said(self, text: str, problem: bool) -> None:
        self._say(text, problem=problem)

    def _on_boxes_imported(self) -> None:
        self.model.set_contest(self.contest_id)
        self.refresh()
        self.focus_first_uncounted()

    def _on_box_removed(self, row: int) -> None:
        self.refresh()
        # The keyboard stays on the table, on the box that took the removed one's place.
        if self.model.rowCount():
            self.table.go_to(min(row, self.model.rowCount() - 1))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setCurrentIndex(QModelIndex())

    def _on_shared_said(self, text: str, problem: bool) -> None:
        if not problem:
            self.refresh()
        self._say(text, problem=problem)

    def _on_statement_said(self, text: str, problem: bool) -> None:
        self._say(text, problem=problem)
