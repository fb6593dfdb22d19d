"""Budget: `countdesk-cli result ID --json` within 3× a bare script (issue 7).

The bare script is the floor for any Python command over the same file: start Python, open the
SQLite file with sqlite3, print a JSON dump of a query. Both run as new processes (as a user or
a script would start them), alternately, the same number of times in the same run, so that a
busy machine slows both alike; the medians and their ratio are printed against the budget.

Python's compiled bytecode is allowed to be written and used (PYTHONDONTWRITEBYTECODE is taken
out of the environment), as on a user's machine after the first run, and each command runs a
few times first to warm the caches.

A third, informational row is the floor any click command over these packages starts from:
Python, click and the domain's records imported, nothing run.

Run: uv run python bench/bench_cli.py [RUNS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from _common import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, key_twice

from desktop.services import CountDesk

BUDGET_RATIO = 3.0
RUNS = 30
WARMUP = 3

BARE = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
rows = conn.execute(
    "SELECT * FROM candidates WHERE contest_id = ? ORDER BY id", (sys.argv[2],)
).fetchall()
print(json.dumps([dict(row) for row in rows], indent=2, ensure_ascii=False))
"""

# The floor of a click command over the domain: its imports alone.
IMPORTS_ONLY = "import click, desktop.domain.arithmetic, desktop.domain.records"


def _once(args: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    command = shutil.which("countdesk-cli", path=str(Path(sys.executable).parent))
    if command is None:
        print("countdesk-cli is not installed in this environment: run `uv sync` first.")
        return 2
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        desk = CountDesk.open(db)
        desk.import_candidates(BATLEY_CSV, "Bench")
        votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
        key_twice(desk, BATLEY, votes, BATLEY_REJECTED)
        commands = {
            "bare script (sqlite3 + json)": [sys.executable, "-c", BARE, str(db), BATLEY],
            "countdesk-cli result ID --json": [
                command,
                "result",
                BATLEY,
                "--json",
                "--db",
                str(db),
            ],
            "  floor: click and the domain imported": [sys.executable, "-c", IMPORTS_ONLY],
        }
        for args in commands.values():
            for _ in range(WARMUP):
                _once(args, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, args in commands.items():
                times[name].append(_once(args, env))
    medians = {name: statistics.median(t) for name, t in times.items()}
    bare, cli, *_ = medians.values()
    for name, median in medians.items():
        print(f"{name:<46} median {median:7.1f} ms  ({median / bare:4.1f}× bare)")
    ratio = cli / bare
    ok = ratio <= BUDGET_RATIO
    print(
        f"countdesk-cli result --json: {ratio:.1f}× the bare script over {runs} runs each; "
        f"budget {BUDGET_RATIO:g}× ({BUDGET_RATIO * bare:.0f} ms here): "
        f"{'met' if ok else 'NOT MET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
