"""A Police and Crime Commissioner poll in the window: a local count is sent, not declared (the
stage panel says "Sent", the Documents tab shows the statement of local totals); the area
result imports each voting area's local totals and shows which are in and which awaited."""

from __future__ import annotations

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.night import running
from desktop.ui.night.local_totals_file import save_local_totals
from desktop.ui.window.main_window import MainWindow
from tests.pcc import AREAS, LOCAL_OFFICER, PCC, area_database, count_locally, local_files
from tests.reports.sheets import pages


def test_a_local_count_is_sent_from_the_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "local.sqlite"
    desk = CountDesk.open(path)
    count_locally(desk, "Northtown", send=False)
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.show()
    window.open_contest(PCC)
    panel = window.status_panel
    assert panel.advance_button.text() == "Send local totals…"
    assert "Sent" in panel.stages_text() and "Declared" not in panel.stages_text()
    assert window.declare_action.text() == "&Send local totals…"
    role = window.setup_view.facts_box.role_row.text()
    assert role.startswith("A local count of Northtown: not declared, its local totals are sent")
    assert not window.record_error_action.isEnabled()
    live = window.count_view.live_panel.value_text("elected")
    assert "area's returning officer declares" in live

    def officer_confirms(dialog) -> bool:
        assert dialog.area_edit.text() == "Northtown"
        assert dialog.officer_label.text().startswith("The local returning officer is Lee Local")
        assert not dialog.send_button.isEnabled()
        dialog.name_edit.setText(LOCAL_OFFICER)
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(running, "exec_dialog", officer_confirms)
    panel.advance()

    assert desk.contest(PCC).status is Status.DECLARED
    assert desk.status(PCC).label == "sent"
    assert panel.when_label.text().startswith("Local totals sent at ")
    assert "▶ Sent (now)" in panel.stages_text()
    shown = window.documents_view
    assert shown.heading.text() == "Statement of local totals – Westshire"
    assert shown.declaration_choice.text() == "Statement of &local totals"
    assert shown.current_pdf() == desk.local_totals.sent(PCC).pdf
    assert "Statement of Local Totals" in pages(shown.current_pdf())[0]
    window._show_tab(window.tabs.indexOf(window.count_view))
    assert window.count_view.state_label.text().startswith(
        "The local totals of Westshire (Northtown) are sent"
    )
    # The file for the area's returning officer, saved from the Night menu.
    assert window.save_local_totals_action.isEnabled()
    saved = save_local_totals(window, window.ctx, PCC, str(tmp_path / "Northtown.json"))
    assert saved is not None
    text = (tmp_path / "Northtown.json").read_text(encoding="utf-8")
    assert text == desk.local_totals.file_text(PCC, "json")


def test_the_area_result_imports_voting_areas_in_the_window(qtbot, tmp_path, monkeypatch):
    files = local_files(tmp_path, "json")
    path = tmp_path / "area.sqlite"
    desk = area_database(path)
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.show()
    window.open_contest(PCC)
    assert window.voting_areas_action.isEnabled()
    assert window.setup_view.facts_box.role_row.text().startswith("The area result: it adds up")
    window._show_tab(window.tabs.indexOf(window.count_view))
    assert "is the area result" in window.count_view.state_label.text()
    seen: list[str] = []

    def import_each(dialog) -> bool:
        seen.append(dialog.summary_label.text())
        assert not dialog.import_file(str(tmp_path / "Northtown.sqlite"))
        seen.append(dialog.message())
        for area in AREAS:
            assert dialog.import_file(str(files[area]))
        seen.append(dialog.summary_label.text())
        seen.append(dialog.table.item(0, 1).text())
        return False

    monkeypatch.setattr(running, "exec_dialog", import_each)
    window.voting_areas_action.trigger()
    assert seen[0] == "0 of 3 voting areas in. Awaited: Northtown, Eastvale, Southbury."
    assert seen[1].startswith("Not imported – A104: Northtown.sqlite is not a statement")
    assert seen[2].startswith("3 of 3 voting areas in. Every voting area is in and added up")
    assert seen[3].startswith("In at ")
    assert desk.area.status(PCC).added_up
    assert window.status_panel.advance_button.text() == "Advance to verification"
