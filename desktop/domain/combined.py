"""Combined polls: several polls of one day verified from the same ballot boxes (DOMAIN.md §3).

**Product rule:** a box is identified by its reference across the polls of one day. A
polling station's box holds the papers of each poll taken there (the district ward, the PCC,
perhaps a parish poll); each poll keeps its own verification line for the box (papers issued
per that poll's ballot paper account, papers of that poll counted from the box), so each poll
has its own ballot papers verified, count and documents. Seen as a whole, the same reference
in several polls of one day is one physical box, and its polls' figures add up to the box's.

A common real variance: papers of one poll put in another poll's box (or sorted with its
papers) show in one box as one poll k papers over its account and another k under. That is
noticed (V506) and the explanation suggested; each poll's variance is still explained, or
accepted, on its own line like any variance (V501).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.model import Contest
from desktop.domain.verification import BoxKind, VerificationLine

#: A short word for the poll by election type, after the area's name.
_TYPE_WORD = {
    "parl": "constituency",
    "pcc": "PCC",
    "mayor": "mayor",
    "ref": "referendum",
    "gla": "GLA",
    "senedd": "Senedd",
    "sp": "Scottish Parliament",
    "nia": "NI Assembly",
}


def poll_label(contest: Contest) -> str:
    """A short name for a poll in a combined verification: "Northgate", "Testshire PCC",
    "Northgate Parish (parish)"; an area's own name is kept whole."""
    code = contest.id.split(".", 1)[0]
    if code == "local":
        return f"{contest.area} (parish)" if contest.kind.startswith("parish") else contest.area
    word = _TYPE_WORD.get(code, "")
    return f"{contest.area} {word}".strip() if word else contest.area


def poll_order(contest: Contest) -> tuple[int, str, str, str]:
    """How polls are listed: a principal council's contests (the wards) first, then the other
    polls (PCC, mayor, referendum…), then parish polls; by election, then area."""
    local = contest.id.startswith("local.")
    parish = local and contest.kind.startswith("parish")
    rank = 2 if parish else 0 if local else 1
    return (rank, contest.election_id, contest.area, contest.id)


def reference_order(reference: str) -> tuple[tuple[int, int | str], ...]:
    """Box references in natural order: NG2 before NG10."""
    parts = re.findall(r"\d+|\D+", reference.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


@dataclass(frozen=True)
class PollPapers:
    """One poll's papers in one physical box: that poll's verification line for the box."""

    contest_id: str
    #: The poll's short name (``poll_label``).
    poll: str
    line: VerificationLine
    #: The reason a supervisor gave for accepting this poll's variance unexplained ("" if none).
    accepted: str = ""

    @property
    def explained(self) -> bool:
        """No variance, or one explained or accepted (not counted yet: nothing to explain)."""
        return not self.line.variance or bool(self.line.explanation.strip() or self.accepted)


@dataclass(frozen=True)
class SharedBox:
    """One physical ballot box (or postal batch) and the papers of each poll in it."""

    reference: str
    name: str
    kind: BoxKind
    #: In the order the polls are listed in the combined verification.
    polls: tuple[PollPapers, ...]

    @property
    def issued(self) -> int:
        """Papers issued (or returned) over every poll's account for this box."""
        return sum(p.line.issued for p in self.polls)

    @property
    def counted(self) -> int | None:
        """Papers counted over every poll; None until every poll's papers are counted."""
        if any(p.line.counted is None for p in self.polls):
            return None
        return sum(p.line.counted or 0 for p in self.polls)

    @property
    def variance(self) -> int | None:
        """The box's counted − issued, once every poll's papers are counted."""
        counted = self.counted
        return None if counted is None else counted - self.issued

    def poll(self, contest_id: str) -> PollPapers | None:
        """This box's papers of one poll, if the box holds that poll's papers."""
        return next((p for p in self.polls if p.contest_id == contest_id), None)


@dataclass(frozen=True)
class CrossPollSuggestion:
    """In one box, one poll ``papers`` over its account and another as many under."""

    reference: str
    name: str
    over: PollPapers
    under: PollPapers
    papers: int

    @property
    def observation(self) -> str:
        """What the figures show, in one sentence (as the combined statement prints it)."""
        p = self.papers
        s = "s" if p != 1 else ""
        return (
            f"Box {self.reference} ({self.name}): {p} more {self.over.poll} paper{s} and {p} "
            f"fewer {self.under.poll} paper{s} than their accounts: papers of one poll may have "
            "been put in the other's box."
        )

    @property
    def message(self) -> str:
        """The finding's plain sentence (V506): what the figures show, and what to do."""
        return (
            f"{self.observation} Check them; if so, record it as the explanation of both "
            "polls' variances."
        )

    @property
    def explanation(self) -> str:
        """The text the suggestion gives as both polls' explanation, in one step."""
        p = self.papers
        s = "s" if p != 1 else ""
        return (
            f"{p} {self.under.poll} paper{s} put in the {self.over.poll} box or sorted with its "
            f"papers: {p} more {self.over.poll} and {p} fewer {self.under.poll} paper{s} than "
            "their accounts in this box."
        )

    @property
    def open(self) -> bool:
        """Whether either poll's variance still wants an explanation."""
        return not (self.over.explained and self.under.explained)

    def finding(self) -> Finding:
        """The V506 warning for this box."""
        return Finding(
            Code.V506,
            self.message,
            {
                "papers": self.papers,
                f"variance {self.over.contest_id}": self.over.line.variance or 0,
                f"variance {self.under.contest_id}": self.under.line.variance or 0,
            },
            subject=self.reference,
        )


def shared_boxes(
    polls: Iterable[tuple[Contest, Iterable[VerificationLine]]],
    accepted: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[SharedBox, ...]:
    """Each physical box (a reference) with the papers of each poll in it (polls in the order
    given), boxes before postal batches, by reference. ``accepted``: contest id → reference →
    reason."""
    accepted = accepted or {}
    found: dict[str, list[PollPapers]] = {}
    first: dict[str, VerificationLine] = {}
    for contest, lines in polls:
        label = poll_label(contest)
        for line in lines:
            first.setdefault(line.reference, line)
            reason = accepted.get(contest.id, {}).get(line.reference, "")
            found.setdefault(line.reference, []).append(PollPapers(contest.id, label, line, reason))
    boxes = [
        SharedBox(ref, first[ref].name, first[ref].kind, tuple(papers))
        for ref, papers in found.items()
    ]
    return tuple(
        sorted(boxes, key=lambda b: (b.kind is BoxKind.POSTAL, reference_order(b.reference)))
    )


def cross_poll_suggestions(boxes: Iterable[SharedBox]) -> tuple[CrossPollSuggestion, ...]:
    """Every box where one poll is k over its account and another k under, paired once each."""
    found: list[CrossPollSuggestion] = []
    for shared in boxes:
        over = [p for p in shared.polls if (p.line.variance or 0) > 0]
        under = [p for p in shared.polls if (p.line.variance or 0) < 0]
        for high in over:
            match = next(
                (low for low in under if (low.line.variance or 0) == -(high.line.variance or 0)),
                None,
            )
            if match is None:
                continue
            under.remove(match)
            found.append(
                CrossPollSuggestion(
                    shared.reference, shared.name, high, match, high.line.variance or 0
                )
            )
    return tuple(found)


def cross_poll_findings(boxes: Iterable[SharedBox]) -> tuple[Finding, ...]:
    """V506 for each cross-poll variance whose polls' variances are not both explained."""
    return tuple(s.finding() for s in cross_poll_suggestions(boxes) if s.open)
