"""Benchmark: the election overview of a whole night, 40 contests and 650 contests.

Budget: under 500 ms for 40 contests (the window and the hall board read it after every save
and whenever another station writes); 650 contests (a county-wide count) under 1 s.
Run: ``uv run python bench/bench_overview.py``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _common import report, time_ms

from desktop.services import CountDesk
from tests import district_night

BUDGETS_MS = {40: 500.0, 650: 1000.0}
FIRST = district_night.ward_id(0)


def main() -> None:
    """Build each night through the services, then time the overview over it."""
    for wards, budget in BUDGETS_MS.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            desk = CountDesk.open(folder / "night.sqlite")
            start = time.perf_counter()
            district_night.build(desk, folder, wards)
            print(f"{wards} wards built in {time.perf_counter() - start:.1f} s")
            rows = desk.overview.election()
            print(
                f"  {rows.totals.declared} declared of {rows.totals.contests}, "
                f"{rows.totals.papers_verified} ballot papers verified"
            )
            times = time_ms(desk.overview.election, repeat=10 if wards > 100 else 30, warmup=2)
            report(f"overview of {wards} contests", times, budget)
            one = time_ms(lambda d=desk: d.overview.contest(FIRST), repeat=50)
            report("  one contest's row", one, 50.0)
            desk.close()


if __name__ == "__main__":
    main()
