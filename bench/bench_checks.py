"""Budget: recomputing every check for a 16-candidate contest takes under 1 ms (issue 2).

Run: uv run python bench/bench_checks.py
"""

from __future__ import annotations

import sys
from datetime import date

from _common import BATLEY, BATLEY_REJECTED, BATLEY_VOTES, report, time_ms

from desktop.domain.arithmetic import compute_result
from desktop.domain.model import Candidate, Contest, CountFigures
from desktop.domain.names import split_person_name

BUDGET_MS = 1.0


def main() -> int:
    candidates = []
    votes = {}
    for i, (name, figure) in enumerate(BATLEY_VOTES.items(), start=1):
        forenames, surname = split_person_name(name)
        candidates.append(Candidate(i, surname, forenames, "Party", person_name=name))
        votes[i] = figure
    contest = Contest(
        BATLEY, "parl.2021-07-01", "Batley and Spen", 1, date(2021, 7, 1), 79373, 37786, "Officer"
    )
    figures = CountFigures(votes, BATLEY_REJECTED)
    result = compute_result(contest, candidates, figures)
    assert result.majority == 323
    times = time_ms(lambda: compute_result(contest, candidates, figures), repeat=2000)
    return 0 if report("Recompute every check, 16 candidates", times, BUDGET_MS) else 1


if __name__ == "__main__":
    sys.exit(main())
