"""On whom the lot fell, when corrected figures make a new tie."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.arithmetic import Tie
from desktop.domain.figures import format_figure
from desktop.ui.context import UiContext
from desktop.ui.night import running


def ask_lot_winners(parent: QWidget | None, ctx: UiContext, contest_id: str, tie: Tie) -> list[int]:
    """Ask on whom the lot fell among the tied candidates; [] if cancelled (replaced in tests)."""
    names = {c.id: c.display_name for c in ctx.desk.candidates(contest_id)}
    tied = [cid for cid in names if cid in tie.candidates]
    dialog = QDialog(parent)
    dialog.setWindowTitle("The corrected figures make a tie: on whom did the lot fall?")
    layout = QVBoxLayout(dialog)
    layout.addWidget(
        QLabel(
            f"{', '.join(names[c] for c in tied)} are tied on {format_figure(tie.votes)} votes. "
            f"Draw lots, then choose {tie.places} on whom the lot fell."
        )
    )
    boxes = []
    for cid in tied:
        box = QCheckBox(names[cid])
        box.setAccessibleName(f"The lot fell on {names[cid]}")
        layout.addWidget(box)
        boxes.append((cid, box))
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if not running.exec_dialog(dialog):
        return []
    return [cid for cid, box in boxes if box.isChecked()]
