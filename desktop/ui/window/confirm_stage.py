"""Asking before the contest moves on a stage: the stage named, Cancel the default."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.model import Status
from desktop.ui.window.stage_words import stage_name

#: What moving on to each stage means, in a sentence.
MEANING = {
    Status.VERIFICATION: "The ballot boxes are then verified against their ballot paper accounts.",
    Status.COUNT: "The votes are then counted and keyed in.",
    Status.PROVISIONAL: (
        "The provisional result is then shown to the candidates and agents, and the figures "
        "change only through a recount or bundle check."
    ),
}


def confirm_advance(parent: QWidget | None, area: str, target: Status) -> bool:
    """Ask whether ``area`` moves on to ``target``; True only for the named button, never for
    Enter pressed without reading (Cancel is the default)."""
    stage = stage_name(target)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(f"Advance to {stage.lower()}?")
    box.setText(f"Move {area} on to {stage.lower()}?")
    box.setInformativeText(MEANING.get(target, ""))
    go = box.addButton(f"Advance to {stage.lower()}", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go
