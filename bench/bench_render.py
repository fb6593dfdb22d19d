"""Benchmark: render the 16-candidate Batley and Spen declaration N times, in-process.

Budget: under 50 ms per declaration (mean), so that the preview can re-render as the
officer types and printing never waits. Run: ``uv run python bench/bench_render.py [N]``.
Prints its figures; timed assertions do not belong in the test suite.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date

from reports.declaration import render_declaration
from reports.samples import BATLEY_ELECTION, batley_and_spen_2021
from reports.snapshot import build_snapshot

BUDGET_MS = 50.0
DEFAULT_RUNS = 200


def main(runs: int = DEFAULT_RUNS) -> int:
    """Time ``runs`` renders after one warm-up; print mean and median; 0 if within budget."""
    snapshot = build_snapshot(
        batley_and_spen_2021(), BATLEY_ELECTION, provisional=False, printed_on=date(2021, 7, 2)
    )
    first = render_declaration(snapshot)  # warm-up: fonts are parsed once per process
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render_declaration(snapshot)
        timings.append((time.perf_counter() - start) * 1000)
        if pdf != first:
            print("FAIL: the same snapshot gave different bytes")
            return 2
    mean = statistics.fmean(timings)
    median = statistics.median(timings)
    met = mean < BUDGET_MS
    print(f"render_declaration, 16 candidates, {runs} runs, {len(first):,} bytes per PDF")
    print(f"mean {mean:.1f} ms, median {median:.1f} ms, min {min(timings):.1f} ms, ", end="")
    print(f"max {max(timings):.1f} ms")
    print(f"budget: under {BUDGET_MS:.0f} ms (mean) - {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNS))
