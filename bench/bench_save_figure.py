"""Budget: saving one figure in the whole window takes at most 10 ms, at 650 and 6,500 contests.

A whole May night's database (650 or 6,500 single-seat wards of 4 candidates) is opened in the
real main window (offscreen Qt); a figure is typed into a contest's count screen and Enter
pressed. Timed: from the Enter key to the window having handled everything it caused (the
figure saved, the live checks, the navigator and the stage panel updated). Also printed: the
SQL statements that one accepted figure runs (the test suite holds them at 19 or fewer).
Run: uv run python bench/bench_save_figure.py [CONTESTS ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from _common import report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow
from tests.sample import many_contests_csv

BUDGET_MS = 10.0
FIGURES = 40


def measure(app: QApplication, contests: int, folder: Path) -> bool:
    """Key FIGURES figures into one contest of a database of ``contests``; print the figures."""
    path = folder / f"may-{contests}.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(many_contests_csv(folder / f"may-{contests}.csv", contests), "Bench")
    start = time.perf_counter()
    window = MainWindow(desk, path)
    window.resize(1024, 768)
    window.show()
    app.processEvents()
    contest_id = desk.contests()[contests // 2].id
    window.open_contest(contest_id)
    app.processEvents()
    opened_ms = (time.perf_counter() - start) * 1000

    statements: list[str] = []
    times: list[float] = []
    for n in range(FIGURES):
        field = window.count_view.first_field()
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, str(100 + n))
        app.processEvents()
        statements.clear()
        desk.store.db.conn.set_trace_callback(statements.append)
        begin = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        app.processEvents()
        times.append((time.perf_counter() - begin) * 1000)
        desk.store.db.conn.set_trace_callback(None)
    first = desk.candidates(contest_id)[0]
    assert desk.draft(contest_id).votes[first.id] == 100 + FIGURES - 1
    print(
        f"{contests} contests: window and contest opened in {opened_ms:.0f} ms; "
        f"{len(statements)} SQL statements for one accepted figure"
    )
    window.close()
    window.deleteLater()
    app.processEvents()
    desk.store.db.close()
    return report(f"Save one figure in the window, {contests} contests", times, BUDGET_MS)


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([])
    sizes = [int(a) for a in argv] or [650, 6500]
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(app, n, Path(folder)) for n in sizes]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
