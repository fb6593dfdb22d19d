"""The verification table's columns and the words shared by its model and view."""

from __future__ import annotations

from desktop.domain.codes import Code
from desktop.domain.model import Contest, Status
from desktop.domain.verification import BoxKind, VerificationLine

COLUMNS = (
    "Reference",
    "Polling station / batch",
    "Kind",
    "Issued or returned (account)",
    "Counted",
    "Variance",
    "Explanation",
)
REFERENCE, NAME, KIND, ISSUED, COUNTED, VARIANCE, EXPLANATION = range(len(COLUMNS))
#: Header text as shown: long names on two lines so the columns stay narrow.
HEADINGS = (
    "Ref.",
    "Polling station / batch",
    "Kind",
    "Issued or\nreturned",
    "Counted",
    "Variance",
    "Explanation",
)
KIND_WORDS = {BoxKind.BOX: "Box", BoxKind.POSTAL: "Postal"}
FIGURES = (ISSUED, COUNTED, VARIANCE)

CSV_COLUMNS = "reference, name, kind (box or postal), issued; optionally unused, spoilt, tendered"
NOT_EXPLAINED = "Not explained"
#: The columns a clerk can edit: a box's name and papers issued (to correct the list as
#: imported), the papers counted and the explanation.
EDITABLE = (NAME, ISSUED, COUNTED, EXPLANATION)
REMOVE_AFTER_COUNT = (
    f"A box cannot be removed once a count is recorded ({Code.V504}): the count was checked against "
    "the ballot papers verified. Correct its name or papers issued instead."
)


def needs_explanation(line: VerificationLine) -> bool:
    """Whether the box's count differs from its account with no explanation given."""
    return bool(line.variance) and not line.explanation.strip()


def listed_order(lines: list[VerificationLine]) -> list[VerificationLine]:
    """Ballot boxes first, then postal batches, each as listed (as the statement prints them)."""
    return [line for line in lines if line.kind is BoxKind.BOX] + [
        line for line in lines if line.kind is not BoxKind.BOX
    ]


def lock_text(contest: Contest | None) -> str:
    """Why the verification of this contest cannot change now."""
    if contest is not None and contest.status is Status.PROVISIONAL:
        return (
            "Locked: the provisional result has been shown, so the verification cannot "
            f"change now ({Code.S809})."
        )
    if contest is not None and contest.status is Status.DECLARED:
        return (
            f"Locked: {contest.area} is declared, and the verification stays as it stood at "
            "the declaration."
        )
    return "Locked: the verification cannot change now."
