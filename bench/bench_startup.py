"""Budget: from `countdesk --db PATH --contest ID` to the count screen painted, under 1.5 s.

Starts the real command (a new process each time, as a user would) with --exit-after-startup,
which quits as soon as the contest's tabs are first painted. Uses the X display in $DISPLAY if
there is one (e.g. Xvfb), else Qt's offscreen platform.
Run: uv run python bench/bench_startup.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import BATLEY, report

from desktop.services import CountDesk

BUDGET_MS = 1500.0
RUNS = 8


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
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)  # warm caches
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)
            times.append((time.perf_counter() - start) * 1000)
    print(f"platform: {platform}")
    return 0 if report("Start-up to the count screen painted", times, BUDGET_MS) else 1


if __name__ == "__main__":
    sys.exit(main())
