"""Combined polls in the window: the combined boxes CSV from the File menu, a contest's boxes
shared with other polls, the cross-poll suggestion used as the explanation, and the combined
statement saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import CountDesk
from desktop.ui.verification import combined_actions
from desktop.ui.verification.columns import KIND, REFERENCE
from desktop.ui.verification.shared_boxes import shared_words
from desktop.ui.window.main_window import MainWindow
from tests.reports.sheets import pages
from tests.sample import COMBINED_BOXES_CSV, COMBINED_COUNTED, COMBINED_CSV, NORTHGATE, PCC

pytestmark = pytest.mark.keyed_once


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(COMBINED_CSV, "Importer")
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    said: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            combined_actions.QMessageBox,
            kind,
            lambda parent, title, text, *a, kind=kind: (
                said.append((title, text)) or QMessageBox.StandardButton.Ok
            ),
        )
    window.said = said
    return window


def _action(window: MainWindow, name: str):
    return next(a for a in window.findChildren(type(window.print_action)) if a.objectName() == name)


def _import(window: MainWindow, monkeypatch, path=COMBINED_BOXES_CSV) -> None:
    monkeypatch.setattr(
        combined_actions.QFileDialog,
        "getOpenFileName",
        lambda *args, **kwargs: (str(path), "CSV files (*.csv)"),
    )
    _action(window, "Import combined boxes CSV").trigger()


def test_the_file_menu_imports_the_combined_boxes_into_each_poll(window, monkeypatch):
    _import(window, monkeypatch)
    title, text = window.said[-1]
    assert title == "Combined boxes imported"
    assert text.startswith(
        "Imported 7 ballot boxes and postal batches shared by 4 polls from combined-boxes.csv:"
    )
    assert "• Testshire (pcc.testshire.2026-05-07): 7 boxes and batches" in text
    assert [x.reference for x in window.desk.verification(NORTHGATE)] == [
        "NG1",
        "NG2",
        "NG3",
        "PV1",
    ]


def test_a_bad_combined_file_is_refused_and_imports_nothing(window, monkeypatch, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"reference,name,kind,poll,issued\nNG1,Hall,box,{NORTHGATE},812\nNG1,Hall,box,{PCC},x\n",
        encoding="utf-8",
    )
    _import(window, monkeypatch, bad)
    title, text = window.said[-1]
    assert title == "Nothing was imported"
    assert text.startswith("F104: Line 3 of bad.csv:")
    assert window.desk.verification(NORTHGATE) == []


def test_a_contests_screen_shows_its_shared_boxes_and_uses_the_suggestion(
    qtbot, window, monkeypatch
):
    _import(window, monkeypatch)
    desk = window.desk
    for contest_id in (NORTHGATE, PCC):
        desk.apply_verification(contest_id, "Clerk", counted=COMBINED_COUNTED[contest_id])
    window.open_contest(NORTHGATE, tab=1)
    view = window.verification_view
    view.refresh()
    model = view.model
    ng3 = model.row_of("NG3")
    assert model.index(ng3, KIND).data() == "Box (shared)"
    assert model.index(ng3, REFERENCE).data(Qt.ItemDataRole.ToolTipRole) == (
        "NG3 Northgate Village Hall also holds: Testshire PCC 652 issued, 652 counted; "
        "Northgate Village (parish) 640 issued, not yet counted."
    )
    panel = view.shared_panel
    assert panel.isVisible()
    assert panel.shared_label.text().startswith(
        "Shared with Northgate Village (parish) and Testshire PCC: NG1, NG2, NG3, PV1 hold "
        "their papers too"
    )
    button = panel.buttons["NG2"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.message().startswith(
        "Recorded the explanation of box NG2 for Testshire PCC and Northgate: 3 Northgate papers"
    )
    for contest_id in (NORTHGATE, PCC):
        box = next(x for x in desk.verification(contest_id) if x.reference == "NG2")
        assert box.explanation.startswith("3 Northgate papers put in the Testshire PCC box")
    assert panel.buttons == {}
    assert "Not explained" not in [
        model.index(r, model.columnCount() - 1).data() for r in range(model.rowCount())
    ]


def test_many_polls_and_boxes_are_said_in_one_short_line():
    polls = [f"Ward {n}" for n in range(30)]
    refs = [f"X{n}" for n in range(30)]
    assert shared_words(polls, refs).startswith(
        "Shared with 30 other polls: 30 of these boxes hold their papers too"
    )
    assert shared_words(["Shire PCC"], ["B1"]).startswith(
        "Shared with Shire PCC: B1 holds their papers too"
    )


def test_a_contest_sharing_no_box_shows_no_panel(window, monkeypatch):
    _import(window, monkeypatch)
    window.open_contest(NORTHGATE, tab=1)
    assert window.verification_view.shared_panel.isVisible()
    desk = window.desk
    desk.open_demo("T")
    window.open_contest("parl.batley-and-spen.by.2021-07-01", tab=1)
    assert not window.verification_view.shared_panel.isVisible()


def test_the_combined_statement_is_saved_from_the_file_menu(window, monkeypatch, tmp_path):
    _import(window, monkeypatch)
    window.open_contest(PCC, tab=1)
    out = tmp_path / "combined.pdf"
    monkeypatch.setattr(combined_actions, "ask_pdf_path", lambda *a: str(out))
    _action(window, "Save combined statement as PDF").trigger()
    text = " ".join(pages(out.read_bytes()))
    assert "Statement of Verification: Combined Polls" in text
    assert "Verification of the ballot boxes shared by 4 polls" in text


def test_with_no_combined_verification_the_statement_says_why(window, tmp_path, monkeypatch):
    out = tmp_path / "combined.pdf"
    monkeypatch.setattr(combined_actions, "ask_pdf_path", lambda *a: str(out))
    _action(window, "Save combined statement as PDF").trigger()
    assert window.said[-1][0] == "No combined statement"
    assert "No polls in this database share their ballot boxes yet" in window.said[-1][1]
    assert not out.exists()
