"""Under the candidates: the ballot order set against the SOPN, and the names confirmed.

**Move up** and **Move down** set the ballot paper's order as the statement of persons nominated
gives it (undoable; the services audit it and refuse it once a count is recorded). **Confirm
names and order…** records that the names, descriptions and order were checked against the
SOPN, which a surname taken with a particle at import needs (N101) before the contest leaves
setup. The line above the buttons says which order is used and what is still to confirm.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.wording import plural
from desktop.ui.context import UiContext
from desktop.ui.setup.candidate_table_model import CandidateTableModel
from desktop.ui.undo import apply_edit


def ask_confirm_names(parent: QWidget | None, area: str, to_confirm: list[str]) -> bool:
    """Ask whether the names and order were checked against the SOPN (replaced in tests)."""
    listed = "".join(f"\n• {line}" for line in to_confirm)
    answer = QMessageBox.question(
        parent,
        "Confirm names and order",
        f"Have you checked every candidate of {area} — surname, forenames, description and "
        f"place on the ballot paper — against the statement of persons nominated?{listed}\n\n"
        "The confirmation is kept in the audit log with your name.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class BallotOrderBar(QWidget):
    """Which order the ballot paper follows, what is to confirm, and the buttons that settle it."""

    #: The words of a refused change, for the view to show.
    refused = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        model: CandidateTableModel,
        selected: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._model = model
        self._selected = selected
        self._area = ""
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName("Ballot order and names to confirm")
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.up_button = QPushButton("Move &up")
        self.up_button.setToolTip("Move the selected candidate up the ballot paper, as on the SOPN")
        self.down_button = QPushButton("Move do&wn")
        self.down_button.setToolTip(
            "Move the selected candidate down the ballot paper, as on the SOPN"
        )
        self.confirm_button = QPushButton("&Confirm names and order…")
        self.confirm_button.setToolTip(
            "Record that the names, descriptions and order match the statement of persons nominated"
        )
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.up_button, self.down_button, self.confirm_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)

    def show_state(self, area: str, *, counted: bool, declared: bool) -> None:
        """Say which order is used and what is to confirm; enable what may be done."""
        self._area = area
        contest_id = self._model.contest_id
        candidates = [self._model.candidate(row) for row in range(self._model.rowCount())]
        explicit = any(c.ballot_position is not None for c in candidates)
        order = (
            "as set from the statement of persons nominated"
            if explicit
            else "alphabetical by surname"
        )
        text = f"Ballot order: {order}."
        findings = self._ctx.desk.names_to_confirm(contest_id) if contest_id else []
        if findings:
            split = [c for c in candidates if c.split_to_confirm]
            listed = "; ".join(f"{c.display_name} (from “{c.person_name}”)" for c in split)
            text += (
                f" ⚠ N101: {plural(len(findings), 'name')} split at a surname particle on import, "
                f"to confirm before the contest leaves setup: {listed}. Check "
                f"{'it' if len(findings) == 1 else 'each'} against the statement of persons "
                "nominated, correct any that differ, then Confirm names and order."
            )
        self.state_label.setText(text)
        self.state_label.setToolTip("\n".join(f"{f.code}: {f.message}" for f in findings))
        self.state_label.setVisible(contest_id is not None)
        can_move = contest_id is not None and not counted and not declared and len(candidates) > 1
        self.up_button.setEnabled(can_move)
        self.down_button.setEnabled(can_move)
        self.confirm_button.setEnabled(contest_id is not None and bool(candidates) and not declared)

    def move_selected(self, step: int) -> bool:
        """Move the selected candidate one place up (-1) or down (1), as an undoable edit."""
        contest_id, candidate_id = self._model.contest_id, self._selected()
        if contest_id is None or candidate_id is None or not self.up_button.isEnabled():
            return False
        before = [self._model.candidate(row).id for row in range(self._model.rowCount())]
        row = before.index(candidate_id)
        if not 0 <= row + step < len(before):
            return False
        after = list(before)
        after[row], after[row + step] = after[row + step], after[row]
        name = self._model.candidate(row).display_name
        model = self._model

        def apply(ids: object) -> None:
            assert isinstance(ids, list)
            order = [model.follow(cid) for cid in ids]
            self._ctx.desk.set_ballot_order(contest_id, order, self._ctx.operator())
            model.after_edit(contest_id)

        def refused(error: CountDeskError) -> None:
            self.refused.emit(f"Not saved: the ballot order. {error}")

        where = "up" if step < 0 else "down"
        return apply_edit(
            self._ctx.undo_stack, f"Move {name} {where} the ballot paper", apply, before, after,
            refused,
        )  # fmt: skip

    def confirm(self) -> bool:
        """Confirm the names and order (no question asked); False, with the reason, if refused."""
        contest_id = self._model.contest_id
        if contest_id is None:
            return False
        try:
            self._ctx.desk.confirm_names(contest_id, self._ctx.operator())
        except CountDeskError as error:
            self.refused.emit(f"Not confirmed: {error}")
            return False
        self._model.after_edit(contest_id)
        return True

    def _on_confirm_clicked(self) -> None:
        contest_id = self._model.contest_id
        if contest_id is None:
            return
        to_confirm = [f.message for f in self._ctx.desk.names_to_confirm(contest_id)]
        if ask_confirm_names(self, self._area, to_confirm):
            self.confirm()
