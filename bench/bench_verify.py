"""Budget: the full check of a whole May night's database (650 contests, one count each) ≤ 2 s.

A database of 650 single-seat wards of 4 candidates, each with its facts set, moved to the count
and one count recorded, is checked with ``verify`` (every audit row's hash recomputed and every
data row compared with what the chain says CountDesk wrote). Also printed: the quick check made
on opening the same database (every command and the window), which must stay inside the
start-up budget, and the record's reference as documents print it.
Run: uv run python bench/bench_verify.py [CONTESTS]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import key_twice, report, time_ms

from desktop.services import CountDesk
from tests.sample import many_contests_csv

BUDGET_MS = 2000.0
#: The quick check on opening: a small share of the 1.5 s start-up budget.
QUICK_BUDGET_MS = 15.0


def build(folder: Path, contests: int) -> Path:
    """The night's database: every contest counted once."""
    path = folder / f"may-{contests}.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(many_contests_csv(folder / "may.csv", contests), "Bench")
    for contest in desk.contests():
        desk.set_contest_facts(
            contest.id, "Bench", electorate=5000, ballot_papers_verified=1010, officer_name="RO"
        )
        desk.advance(contest.id, "verification", "Bench")
        desk.advance(contest.id, "count", "Bench")
        votes = {c.id: 100 * (n + 1) for n, c in enumerate(desk.candidates(contest.id))}
        rejected = dict.fromkeys(desk.draft(contest.id).rejected, 0)
        rejected[next(iter(rejected))] = 1010 - sum(votes.values())
        key_twice(desk, contest.id, votes, rejected)
    desk.close()
    return path


def main(argv: list[str]) -> int:
    contests = int(argv[0]) if argv else 650
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder), contests)
        desk = CountDesk.open(path)
        verdict = desk.verify()
        assert verdict.intact, verdict.problems[:3]
        print(
            f"{contests} contests: {verdict.audit_rows} audit rows, {verdict.data_rows} data rows, "
            f"{path.stat().st_size / 1e6:.1f} MB; record ref. {desk.record_ref()}"
        )
        full = report(f"verify, {contests} contests", time_ms(desk.verify, 5, 1), BUDGET_MS)
        quick = report(
            f"check on opening, {contests} contests",
            time_ms(desk.opening_check, 50),
            QUICK_BUDGET_MS,
        )
        desk.close()
    return 0 if full and quick else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
