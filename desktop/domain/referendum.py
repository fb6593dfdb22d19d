"""Referendums (DOMAIN.md §5): a question, its answers, and which answer carried.

A referendum is a contest of an election with a ``ref.`` id. Its answers are kept as candidate
rows (``Candidate.answer``), so that they are keyed twice, checked, recorded and recounted like
any count; they are in the ballot paper's order, set by hand. There are no seats (the store
keeps one, as every paper carries one vote), no deposits, nobody elected and no lots: the
answer with more votes than every other carried, and equal votes carry neither.
"""

from __future__ import annotations

from fractions import Fraction

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import Finding
from desktop.domain.model import Contest
from desktop.domain.result import ContestResult

#: The answers a new referendum is given unless others are typed: the usual ballot paper's.
DEFAULT_ANSWERS = ("Yes", "No")
#: A question may be long (a council tax question names the authority, the year and the
#: increase), but is printed in full on one page.
MAX_QUESTION = 1000
#: The few answers a ballot paper gives.
MAX_ANSWERS = 10


def is_referendum_id(contest_or_election_id: str) -> bool:
    """Whether a Democracy Club style id names a referendum (its prefix is ``ref``)."""
    return contest_or_election_id.split(".", 1)[0].strip().lower() == "ref"


def is_referendum(result: ContestResult) -> bool:
    """Whether this result is a referendum's."""
    return result.contest.type.referendum


def carried(result: ContestResult) -> int | None:
    """The answer (its id) with more votes than every other, once every figure is in; None
    while figures are missing, where votes are equal at the top, or for another contest."""
    if not is_referendum(result) or not result.complete or result.leader is None:
        return None
    top = result.line(result.leader).votes or 0
    others = [line.votes or 0 for line in result.candidates if line.candidate.id != result.leader]
    if others and max(others) >= top:
        return None
    return result.leader


def equal_at_top(result: ContestResult) -> bool:
    """Whether a complete referendum's two leading answers have the same votes."""
    return is_referendum(result) and result.complete and carried(result) is None


def more_than_half(result: ContestResult) -> bool:
    """Whether the answer that carried had more than half of the votes cast (valid votes)."""
    answer = carried(result)
    if answer is None:
        return False
    return (result.line(answer).votes or 0) * 2 > result.valid_votes


def share_of(result: ContestResult, answer_id: int) -> Fraction | None:
    """An answer's share of the votes cast."""
    return result.line(answer_id).share


def result_sentence(result: ContestResult) -> str:
    """The outcome in one sentence for screens and the command line, or "" while figures are
    missing: "“Yes” carried: more than half of those voting voted “Yes”.", or equal votes."""
    if not is_referendum(result) or not result.complete:
        return ""
    answer = carried(result)
    if answer is None:
        return "The votes for the answers are equal: neither answer carried."
    text = result.line(answer).candidate.display_name
    if more_than_half(result):
        return f"“{text}” carried: more than half of those voting voted “{text}”."
    return f"“{text}” carried: it received more votes than any other answer."


def equal_votes_finding(result_votes: dict[int, int]) -> Finding | None:
    """R104 where the leading answers have equal votes (no lots: neither answer carried)."""
    ranked = sorted(result_votes.values(), reverse=True)
    if len(ranked) < 2 or ranked[0] != ranked[1]:
        return None
    return Finding(
        Code.R104,
        f"The leading answers have equal votes ({ranked[0]:,} each): neither answer carried. "
        "No lots are drawn at a referendum; the declaration states the votes for each answer.",
        {"votes": ranked[0]},
    )


def check_question(question: str) -> str:
    """The question, spaces tidied, or R101 where it is empty or too long to print."""
    text = " ".join(question.split())
    if not text:
        raise CountDeskError(
            "A referendum needs its question: type it exactly as on the ballot paper.", Code.R101
        )
    if len(text) > MAX_QUESTION:
        raise CountDeskError(
            f"The question is {len(text):,} characters long; the most that can be printed is "
            f"{MAX_QUESTION:,}. Type it as on the ballot paper.",
            Code.R101,
        )
    return text


def check_answers(answers: list[str]) -> list[str]:
    """The answers in ballot order, spaces tidied, or R102 unless there are two or more, each
    different (case ignored) and none empty."""
    tidy = [" ".join(a.split()) for a in answers]
    if any(not a for a in tidy):
        raise CountDeskError(
            "An answer is empty: type each answer as on the ballot paper.", Code.R102
        )
    if len(tidy) < 2:
        raise CountDeskError(
            "A referendum needs at least two answers (usually Yes and No), in the order of the "
            "ballot paper.",
            Code.R102,
        )
    if len(tidy) > MAX_ANSWERS:
        raise CountDeskError(
            f"A referendum ballot paper gives at most {MAX_ANSWERS} answers; {len(tidy)} were given.",
            Code.R102,
        )
    seen: set[str] = set()
    for a in tidy:
        if a.casefold() in seen:
            raise CountDeskError(
                f"The answer “{a}” is given twice: give each answer once.", Code.R102
            )
        seen.add(a.casefold())
    return tidy


def referendum_heading(name: str) -> str:
    """The referendum's heading on its documents: "Kirkstall Neighbourhood Plan Referendum"
    (the name as given where it already says "referendum")."""
    return name if name.casefold().rstrip().endswith("referendum") else f"{name} Referendum"


def court_words(contest: Contest) -> str:
    """Who alone can change a declared result: "an election court" (on an election petition),
    or for a referendum, questioned by other proceedings, "a court"."""
    return "a court" if contest.type.referendum else "an election court"
