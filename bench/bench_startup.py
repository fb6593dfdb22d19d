"""Budget: from `countdesk --db PATH --contest ID` to the count screen painted, within 1.5× the
start-up of a bare QMainWindow measured in the same run (and under 1.5 s).

Starts the real command (a new process each time, as a user would) with --exit-after-startup,
which quits as soon as the contest's tabs are first painted; the baseline is a Python process
that shows an empty QMainWindow and quits once it is painted. Uses the X display in $DISPLAY if
there is one (e.g. Xvfb), else Qt's offscreen platform.
Run: uv run python bench/bench_startup.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import BATLEY, report

from desktop.services import CountDesk

BUDGET_MS = 1500.0
BUDGET_RATIO = 1.5
RUNS = 8

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, app.quit)

app = QApplication([])
window = Window()
window.resize(1366, 768)
window.show()
app.exec()
"""


#: The floor any window over these packages starts from: the bare window, after importing the
#: modules the count screen needs (informational, printed beside the budget).
FLOOR = (
    "import desktop.ui.count.count_view, desktop.ui.window.status_panel, "
    "desktop.ui.navigator.navigator_view, desktop.services\n" + BARE_WINDOW
)


def _times(args: list[str], env: dict[str, str]) -> list[float]:
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)  # warm caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    command = shutil.which("countdesk", path=str(Path(sys.executable).parent))
    if command is None:
        print("countdesk is not installed in this environment: run `uv sync` first.")
        return 2
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    platform = env.get("QT_QPA_PLATFORM") or f"xcb on {env['DISPLAY']}"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        CountDesk.open(db).open_demo("Bench")
        env["XDG_CONFIG_HOME"] = folder
        args = [command, "--db", str(db), "--contest", BATLEY, "--exit-after-startup"]
        bare = _times([sys.executable, "-c", BARE_WINDOW], env)
        floor = _times([sys.executable, "-c", FLOOR], env)
        times = _times(args, env)
    print(f"platform: {platform}")
    base, least = statistics.median(bare), statistics.median(floor)
    print(f"Bare QMainWindow painted (baseline): median {base:.1f} ms over {RUNS} runs")
    print(
        f"  floor, the bare window after importing the count screen's modules: median "
        f"{least:.1f} ms ({least / base:.2f}× the baseline)"
    )
    ok = report("Start-up to the count screen painted", times, BUDGET_MS)
    ratio = statistics.median(times) / statistics.median(bare)
    print(
        f"ratio to the bare window: {ratio:.2f}×; budget at most {BUDGET_RATIO:g}×: "
        f"{'met' if ratio <= BUDGET_RATIO else 'NOT MET'}"
    )
    return 0 if ok and ratio <= BUDGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
