"""An uncontested contest in the window: the count says why nothing is counted, the stage
panel offers "Declare duly elected…", the officer confirms by name in the declare dialog, and
the Documents tab shows the notice of uncontested election (a draft, then the one kept)."""

from __future__ import annotations

import io
from datetime import date

import pypdf

from desktop.domain.model import Status
from desktop.services import CountDesk
from desktop.ui.night import running
from desktop.ui.window.main_window import MainWindow


def _text(pdf: bytes | None) -> str:
    assert pdf is not None
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_declaring_an_uncontested_ward_duly_elected_from_the_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "window.sqlite"
    desk = CountDesk.open(path)
    contest = desk.create_contest(
        "T",
        type_code="local",
        poll_date=date(2026, 5, 7),
        area="Abbey",
        seats=2,
        organisation="Testborough Borough Council",
    )
    desk.add_candidate(contest.id, "T", "Able", "Ann", "Labour Party")
    desk.set_contest_details(
        contest.id,
        "T",
        officer_name="Jane Officer",
        authority="Testborough Borough Council",
        imprint_address="Town Hall, Testborough",
    )
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.show()
    window.open_contest(contest.id)

    # The count screen says, in plain words, why nothing is counted.
    window._show_tab(window.tabs.indexOf(window.count_view))
    said = window.count_view.state_label.text()
    assert "Abbey is uncontested (1 candidate for 2 seats): there is no poll" in said
    assert not window.count_view.record_button.isEnabled()

    # The Documents tab shows the draft notice.
    window._show_tab(window.tabs.indexOf(window.documents_view))
    assert window.documents_view.heading.text() == "Notice of uncontested election – Abbey"
    draft = _text(window.documents_view.current_pdf())
    assert "Notice of Uncontested Election" in draft and "Draft for checking" in draft
    assert "Declaration of Result of Poll" not in draft

    panel = window.status_panel
    assert panel.advance_button.text() == "Declare duly elected…"
    assert panel.advance_button.isEnabled()
    assert panel.when_label.text() == "Uncontested: no poll"

    seen: list[str] = []

    def officer_confirms(dialog) -> bool:
        seen.append(dialog.summary["Duly elected"].text())
        seen.append(dialog.summary["Seats unfilled"].text())
        dialog.name_edit.setText("Jane Officer")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(running, "exec_dialog", officer_confirms)
    panel.advance()

    assert seen == ["ABLE, Ann", "1"]
    assert desk.contest(contest.id).status is Status.DECLARED
    assert panel.when_label.text().startswith("Declared duly elected at ")
    kept = window.documents_view.current_pdf()
    assert kept == desk.uncontested_notice_pdf(contest.id)
    text = _text(kept)
    assert "Draft" not in text and "1 seat remains unfilled" in text
