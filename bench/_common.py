"""Shared helpers for the benchmarks: timing loops and the Batley and Spen sample."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.sample import (  # noqa: E402
    BATLEY,
    BATLEY_CSV,
    BATLEY_REJECTED,
    BATLEY_VOTES,
)

__all__ = [
    "BATLEY",
    "BATLEY_CSV",
    "BATLEY_REJECTED",
    "BATLEY_VOTES",
    "key_twice",
    "report",
    "time_ms",
]


def time_ms(func: Callable[[], object], repeat: int, warmup: int = 5) -> list[float]:
    """Run ``func`` ``repeat`` times after a warm-up; return each run's time in milliseconds."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float], budget_ms: float) -> bool:
    """Print the figures against the budget; return whether the budget is met (by the median)."""
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    ok = median < budget_ms
    print(
        f"{name}: median {median:.3f} ms, mean {statistics.mean(times):.3f} ms, "
        f"p95 {p95:.3f} ms over {len(times)} runs; budget under {budget_ms:g} ms: "
        f"{'met' if ok else 'NOT MET'}"
    )
    return ok


def key_twice(desk, contest_id: str, votes, rejected, valid_papers: int | None = None) -> None:
    """A count keyed as the product keys it: twice, by two operators (double entry)."""
    desk.enter_count(contest_id, votes, rejected, "Clerk A", valid_papers)
    desk.enter_count(contest_id, votes, rejected, "Clerk B", valid_papers)
