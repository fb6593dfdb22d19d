"""What every use case shares: the operator check, the status guard, and small look-ups."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import whole_number
from desktop.domain.findings import Finding, Severity
from desktop.domain.model import Candidate, Contest, Status
from desktop.domain.records import RecountRequest, StoredCount
from desktop.domain.referendum import court_words
from desktop.domain.verification import VerificationLine
from desktop.domain.workflow import status_label, uncontested_refusal
from desktop.storage.store import Store


def require_operator(operator: str) -> str:
    """The operator's name, tidied; refuses a write with no name for the audit log."""
    name = " ".join((operator or "").split())
    if not name:
        raise CountDeskError(
            "Say who is making this change: give the operator's name, so the audit log shows it."
        )
    return name


def figure_or_none(value: object, what: str) -> int | None:
    """A figure that may be cleared: None, or a whole number by the one rule."""
    return None if value is None else whole_number(value, what)


def guard(store: Store, contest_id: str, area: str) -> Contest:
    """Refuse a write the contest's status does not allow; return the contest.

    ``area`` is "setup" (names and facts), "verification" or "count" (figures and lots).
    """
    contest = store.contest(contest_id)
    if contest.status is Status.DECLARED and contest.is_local_count:
        raise CountDeskError(
            f"The local totals of {contest.area} ({contest.voting_area}) are sent: its figures "
            "are locked. An error found now is for the area's returning officer: tell them, "
            "with the figures as found.",
            Code.S802,
        )
    if contest.status is Status.DECLARED:
        raise CountDeskError(
            f"{contest.area} is declared: the result is final and its figures are locked; "
            f"only {court_words(contest)} can change it. An error found now is recorded, and the "
            "declaration stands (Night menu: Record an error found after the declaration, or "
            "countdesk-cli record-error).",
            Code.S802,
        )
    if area == "count" and contest.is_area_result:
        raise CountDeskError(
            f"{contest.area} is the area result: its figures are the sum of the voting areas' "
            "local totals as imported (countdesk-cli area add, or Night › Voting areas' local "
            "totals…), never keyed in. Nothing was saved.",
            Code.A102,
        )
    if area == "verification":
        # An uncontested contest has no poll: no ballot boxes to verify (S813).
        refusal = uncontested_refusal(contest, len(store.candidates(contest_id)))
        if refusal is not None:
            raise CountDeskError(f"{refusal.message} Nothing was saved.", refusal.code)
    if contest.status is Status.PROVISIONAL and area in ("count", "verification"):
        raise CountDeskError(
            f"The provisional result of {contest.area} has been shown: its figures change "
            "only through a recount or bundle check (record the request and the decision).",
            Code.S809,
        )
    return contest


def blocked(contest: Contest, to: Status, blockers: tuple[Finding, ...]) -> CountDeskError:
    """The refusal of a change of status, listing what blocks it."""
    errors = [f for f in blockers if f.severity is Severity.ERROR] or list(blockers)
    if len(blockers) == 1 and blockers[0].code in (Code.S801, Code.S802):
        return CountDeskError(blockers[0].message, blockers[0].code)
    listed = " ".join(f"{f.code}: {f.message}" for f in blockers)
    return CountDeskError(
        f"{contest.area} cannot move to {status_label(to)} yet. {listed}", errors[0].code
    )


def papers_counted_of(contest: Contest, papers: int | None) -> int | None:
    """The valid ballot papers counted of a whole count: required with several seats (C220),
    refused with one."""
    if contest.seats == 1:
        if papers is not None:
            raise CountDeskError(
                f"{contest.area} elects one member: its papers are reconciled on the votes, so "
                "there are no valid ballot papers counted to give. Nothing was recorded."
            )
        return None
    if papers is None:
        raise CountDeskError(
            f"{contest.area} elects {contest.seats} members, so the count needs the valid ballot "
            "papers counted (papers in the bundles, not votes) to reconcile the papers: give "
            "them from the count sheets. Nothing was recorded.",
            Code.C220,
        )
    return whole_number(papers, "Valid ballot papers counted")


def candidate(store: Store, contest_id: str, candidate_id: int) -> Candidate:
    """One candidate of the contest, or C211."""
    for c in store.candidates(contest_id):
        if c.id == candidate_id:
            return c
    raise CountDeskError(f"Candidate {candidate_id} is not a candidate of this contest.", Code.C211)


def box(store: Store, contest_id: str, reference: str) -> VerificationLine:
    """One ballot box or postal batch of the verification, or V503."""
    for line in store.verification(contest_id):
        if line.reference == reference:
            return line
    raise CountDeskError(
        f"There is no box “{reference}” in this contest's verification: check the reference.",
        Code.V503,
    )


def pending_request(
    store: Store, contest_id: str, latest: StoredCount | None
) -> RecountRequest | None:
    """A granted recount or bundle check of the count that stands, not yet recorded."""
    if latest is None:
        return None
    for request in reversed(store.recount_requests(contest_id)):
        if request.count_id == latest.id and request.granted:
            return request
    return None


def same_figures(
    count: StoredCount,
    votes: Mapping[int, int | None],
    rejected: Mapping[str, int | None],
    papers_counted: int | None,
) -> bool:
    """Whether these figures are exactly those of a recorded count (valid ballot papers
    counted included)."""
    same_votes = dict(votes) == {cid: count.figures.votes.get(cid) for cid in votes}
    same_rejected = dict(rejected) == {k: count.figures.rejected.get(k) for k in rejected}
    return same_votes and same_rejected and papers_counted == count.figures.valid_papers_counted


def name_key(name: str) -> str:
    """A name compared with case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def slug(text: str) -> str:
    """Text as an id part: lower case words joined by hyphens."""
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words)


def figures_stand_against_rows(store: Store, contest_id: str) -> bool:
    """Whether figures stand against the contest's candidate (or answer) rows by id: a count
    recorded, an entry held for double entry, or a figure of the count being keyed in. Rows
    must not be added or removed then: a new row could take a removed row's id, and its votes."""
    if store.latest_count(contest_id) is not None or store.entry_state(contest_id).held:
        return True
    draft = store.draft(contest_id)
    return bool(draft.votes or draft.bundles or draft.parts)


def refuse_if_voting_areas_in(store: Store, contest_id: str, what: str) -> None:
    """Refuse (S812) a change to an area result's candidates once any voting area's local totals
    are in: they are matched to the candidates by ballot name, so each area in must still be
    added up against the same names."""
    returns = store.local_totals.returns(contest_id)
    if returns:
        areas = ", ".join(sorted({r.voting_area for r in returns}))
        raise CountDeskError(
            f"{what} once a voting area's local totals are in ({areas}): they name the "
            "candidates as they were, and every voting area is added up against those names.",
            Code.S812,
        )
