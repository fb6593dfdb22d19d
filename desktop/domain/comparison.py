"""How the figures moved between two counts of one contest, for recounts and corrections."""

from __future__ import annotations

from desktop.domain.result import ContestResult


def figure_changes(
    before: ContestResult, after: ContestResult
) -> dict[tuple[str, int | str | None], int]:
    """How each figure moved from one count to the next (after − before), where it changed.

    Keys: ("votes", candidate id), ("rejected", heading key), ("valid", None),
    ("rejected_total", None), ("papers_counted", None) and ("majority", None). Figures missing from either are left out.
    """
    pairs: dict[tuple[str, int | str | None], tuple[int | None, int | None]] = {
        ("valid", None): (before.valid_votes, after.valid_votes),
        ("rejected_total", None): (before.rejected_total, after.rejected_total),
        ("papers_counted", None): (before.valid_papers_counted, after.valid_papers_counted),
        ("majority", None): (before.majority, after.majority),
    }
    old_votes = {line.candidate.id: line.votes for line in before.candidates}
    for line in after.candidates:
        pairs[("votes", line.candidate.id)] = (old_votes.get(line.candidate.id), line.votes)
    for key, papers in after.rejected.items():
        pairs[("rejected", key)] = (before.rejected.get(key), papers)
    return {
        key: new - old
        for key, (old, new) in pairs.items()
        if old is not None and new is not None and new != old
    }
