"""Budget: recording a count with its audit row takes under 20 ms (issue 2).

Measured on a database file (WAL, as the app uses it), through the services.
Run: uv run python bench/bench_record.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import (
    BATLEY,
    BATLEY_CSV,
    BATLEY_REJECTED,
    BATLEY_VOTES,
    key_twice,
    report,
    time_ms,
)

from desktop.services import CountDesk

BUDGET_MS = 20.0


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        desk = CountDesk.open(Path(folder) / "bench.sqlite")
        desk.import_candidates(BATLEY_CSV, "Bench")
        votes = {desk.candidate_by_name(BATLEY, n).id: v for n, v in BATLEY_VOTES.items()}
        times = time_ms(lambda: key_twice(desk, BATLEY, votes, BATLEY_REJECTED), repeat=200)
        assert len(desk.store.counts(BATLEY)) == 205
    return (
        0
        if report(
            "A count keyed twice (both entries, the second making it stand), audited",
            times,
            BUDGET_MS,
        )
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
