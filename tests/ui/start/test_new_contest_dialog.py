"""The dialog for a new election and contest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from desktop.ui.start.new_contest_dialog import NewContestDialog


def test_ok_is_disabled_until_the_area_is_filled(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    dialog.set_type_code("parl")
    assert not dialog.ok_button.isEnabled()
    assert not dialog.council_edit.isEnabled()
    qtbot.keyClicks(dialog.area_edit, "Hexham")
    assert dialog.ok_button.isEnabled()


def test_a_local_election_needs_the_council_name(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    dialog.set_type_code("local")
    assert dialog.council_edit.isEnabled()
    qtbot.keyClicks(dialog.area_edit, "Earlsfield")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.council_edit, "Wandsworth")
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["organisation"] == "Wandsworth"


def test_values_are_the_arguments_of_create_contest(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    dialog.set_type_code("parl")
    dialog.area_edit.setText("Hexham")
    dialog.council_edit.setText("ignored for a parliamentary election")
    dialog.date_edit.setDate(QDate(2024, 7, 4))
    dialog.seats_spin.setValue(1)
    dialog.by_election_check.setChecked(True)
    values = dialog.values()
    assert values == {
        "type_code": "parl",
        "poll_date": date(2024, 7, 4),
        "area": "Hexham",
        "seats": 1,
        "organisation": "",
        "by_election": True,
    }
    assert type(values["poll_date"]) is date


def test_every_input_of_the_dialog_has_an_accessible_name(qtbot):
    dialog = NewContestDialog()
    qtbot.addWidget(dialog)
    for widget in (
        dialog.type_combo,
        dialog.council_edit,
        dialog.area_edit,
        dialog.date_edit,
        dialog.seats_spin,
        dialog.by_election_check,
    ):
        assert widget.accessibleName()
    assert dialog.date_edit.calendarPopup()
    assert (dialog.seats_spin.minimum(), dialog.seats_spin.maximum()) == (1, 20)
