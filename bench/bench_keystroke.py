"""Budget: a keystroke in a vote field updates the live panel in under 16 ms (issue 3).

Types figures into a 16-candidate contest's count screen (offscreen Qt) and times each
keystroke from the key event to the live panel having been updated.
Run: uv run python bench/bench_keystroke.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from _common import BATLEY, BATLEY_VOTES, report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.count.count_view import CountView

BUDGET_MS = 16.0


def main() -> int:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = CountDesk.open(Path(folder) / "bench.sqlite")
        desk.open_demo("Bench")
        view = CountView(UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Bench"))
        view.set_contest(BATLEY)
        view.resize(1100, 700)
        view.show()
        app.processEvents()
        times: list[float] = []
        for row, votes in zip(view._rows, BATLEY_VOTES.values(), strict=False):
            row.edit.setFocus()
            for digit in str(votes):
                start = time.perf_counter()
                QTest.keyClick(row.edit, digit)
                app.processEvents()  # includes repainting the panel
                times.append((time.perf_counter() - start) * 1000)
            QTest.keyClick(row.edit, Qt.Key.Key_Return)
        assert view.live_panel.value_text("valid") != "–"
    return 0 if report("Keystroke to updated live panel, 16 candidates", times, BUDGET_MS) else 1


if __name__ == "__main__":
    sys.exit(main())
