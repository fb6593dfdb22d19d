"""Whether a result sheet may be printed: the contest of its own election, no error standing
for a declaration, the heading and imprint of a final one, no declaration time on a
provisional sheet. One check for the declaration, the area declaration and the referendum's."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.contest_facts import declaration_facts_findings
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Contest, Election


def require_own_election(contest: Contest, election: Election) -> None:
    """Raise CountDeskError unless ``contest`` is one of ``election``'s contests."""
    if contest.election_id != election.id:
        raise CountDeskError(
            f"The contest {contest.id} belongs to the election {contest.election_id}, "
            f"not {election.id}: print it with its own election."
        )


def check_printable(
    result: ContestResult,
    election: Election,
    *,
    provisional: bool,
    draft: bool,
    declared_at: datetime | None,
) -> tuple[Finding, ...]:
    """Refuse a result sheet that may not be printed; the heading and imprint findings a draft
    lists as still needed.

    Raises CountDeskError if the contest is not of this election; if a declaration is asked
    for while the result still has errors (the provisional sheet lists them); if a final (not
    draft) declaration lacks its authority or imprint address (T304); or if the provisional
    sheet is asked to carry a declaration time.
    """
    contest = result.contest
    require_own_election(contest, election)
    errors = result.errors
    if not provisional and errors:
        listed = "; ".join(f"{f.code} {f.message}" for f in errors)
        raise CountDeskError(
            f"The declaration cannot be printed while the result has errors: {listed} "
            "Resolve them first; the provisional sheet lists them.",
            errors[0].code,
        )
    # The declaration is headed by its authority and closes with the imprint's address: a final
    # one is never printed without them; the draft lists them as still needed.
    needed = tuple(declaration_facts_findings(contest, election.authority))
    if not provisional and not draft and needed:
        listed = " ".join(f.message for f in needed)
        raise CountDeskError(
            f"The declaration cannot be printed without its heading and imprint. {listed}",
            Code.T304,
        )
    if provisional and declared_at is not None:
        raise CountDeskError(
            "The provisional sheet is shown before the declaration: it cannot carry a "
            "declaration time. Print the declaration instead."
        )
    return needed
