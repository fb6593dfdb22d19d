"""An import shows its progress, with Cancel: cancelled, nothing of the file is imported and
the window says so; a whole night's file lists a few contests and how many more."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressDialog

from desktop.ui.start import contest_actions
from tests.sample import many_contests_csv


def test_cancel_imports_nothing_and_says_so(ctx, shown, tmp_path, monkeypatch):
    path = many_contests_csv(tmp_path / "may.csv", 400, 3)
    values: list[int] = []
    real_set_value = QProgressDialog.setValue

    def set_value(self, value: int) -> None:
        values.append(value)
        real_set_value(self, value)

    monkeypatch.setattr(QProgressDialog, "setValue", set_value)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: len(values) > 2)
    audit_before = len(ctx.desk.store.audit())

    assert contest_actions.import_candidates_csv(None, ctx, str(path)) is None
    [(kind, title, text)] = shown
    assert (kind, title) == ("warning", "Nothing was imported")
    assert text.startswith("B105: The import of may.csv was cancelled, so nothing of it was")
    assert "\n\nNothing was imported" not in text  # said once
    assert ctx.desk.contests() == []
    assert len(ctx.desk.store.audit()) == audit_before


def test_progress_moves_to_the_end_and_a_long_list_is_cut(ctx, shown, tmp_path, monkeypatch):
    path = many_contests_csv(tmp_path / "may.csv", 400, 3)
    values: list[tuple[int, int]] = []
    real_set_value = QProgressDialog.setValue

    def set_value(self, value: int) -> None:
        values.append((value, self.maximum()))
        real_set_value(self, value)

    monkeypatch.setattr(QProgressDialog, "setValue", set_value)
    assert contest_actions.import_candidates_csv(None, ctx, str(path)) is not None
    assert values[-1] == (2400, 2400)  # 1,200 rows checked, then written
    [(kind, _, text)] = shown
    assert kind == "info"
    assert "Created 8 elections, 400 contests and 1200 candidates." in text
    assert text.count("\n• ") == contest_actions.LISTED
    assert "…and 388 contests more" in text
