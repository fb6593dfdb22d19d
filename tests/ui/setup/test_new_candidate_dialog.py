"""The dialog that adds a candidate."""

from __future__ import annotations

from desktop.ui.setup.new_candidate_dialog import NewCandidateDialog


def test_the_new_candidate_dialog_needs_a_surname(qtbot):
    dialog = NewCandidateDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.surname_edit, "Aardvark")
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["surname"] == "Aardvark"
