"""What a check of the audit chain found: each problem, and the verdict with the record's head.

See ``desktop/storage/chain.py`` for the chain and ``desktop/storage/tamper.py`` for the checks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: where (contest, table and row) and what kind of change."""

    kind: str
    where: str
    contest_id: str | None = None
    detail: str = ""

    def __str__(self) -> str:
        where = self.where if self.contest_id else self.where[:1].upper() + self.where[1:]
        contest = f"Contest {self.contest_id}: " if self.contest_id else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{contest}{where}: {self.kind}{detail}."


@dataclass(frozen=True)
class Verdict:
    """What a check found, and the chain's head (the record's reference) as it stands."""

    problems: tuple[Problem, ...]
    head: str
    audit_rows: int = 0
    data_rows: int = 0
    ref_row: int | None = None
    ref_at: str = ""
    later: int = 0

    @property
    def intact(self) -> bool:
        return not self.problems
