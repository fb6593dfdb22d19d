"""A voting area's local totals, and the area's sum of them (DOMAIN.md §3, step 6).

At a Police and Crime Commissioner election, or a combined authority mayoral election, each
voting area's local returning officer counts that area's papers and does not declare: the count
ends in a statement of the local totals (votes per candidate, rejected papers by heading, ballot
papers verified), sent to the police area (or combined authority) returning officer, who adds
up every voting area's totals and declares the result.

``LocalTotals`` is what is sent, in the one shape the JSON and CSV files carry (see
``desktop.domain.local_totals_files``). Candidates are matched between databases by the name as
on the ballot paper: their ids are each database's own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.codes import Code
from desktop.domain.election_types import ElectionType
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.findings import Finding


def name_key(name: str) -> str:
    """A ballot name as compared between databases: spacing and case ignored."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class CandidateTotal:
    """One candidate's local total, named as on the ballot paper."""

    #: SURNAME, Forenames as on the ballot paper (commonly used names where given).
    ballot_name: str
    description: str
    votes: int
    #: The candidate's id in the database the totals were sent from (for reference only).
    candidate_id: int = 0
    #: The full name as nominated or imported (``person_name``).
    person_name: str = ""


@dataclass(frozen=True)
class LocalTotals:
    """The statement of one voting area's local totals, as sent."""

    election_id: str
    contest_id: str
    #: The police area or combined authority (the contest's area).
    contest_area: str
    voting_area: str
    poll_date: str
    candidates: tuple[CandidateTotal, ...]
    #: Rejected papers by heading key, in the election type's order.
    rejected: tuple[tuple[str, int], ...]
    ballot_papers_verified: int
    electorate: int | None
    officer_name: str
    officer_title: str
    sent_at: str = ""
    #: The statement's data reference and the record's (the audit chain's head) when sent.
    data_ref: str = ""
    record_ref: str = ""

    @property
    def valid_votes(self) -> int:
        """S: the votes for every candidate."""
        return sum(c.votes for c in self.candidates)

    @property
    def rejected_total(self) -> int:
        """R: the rejected papers under every heading."""
        return sum(n for _key, n in self.rejected)

    def votes_by_name(self) -> dict[str, int]:
        """Each candidate's votes, by ``name_key`` of the ballot name."""
        return {name_key(c.ballot_name): c.votes for c in self.candidates}

    def figures(self) -> dict[str, object]:
        """Only what was counted, as plain data: two files with the same figures agree on it."""
        return {
            "election_id": self.election_id,
            "contest_id": self.contest_id,
            "voting_area": self.voting_area,
            "votes": sorted(self.votes_by_name().items()),
            "rejected": dict(self.rejected),
            "ballot_papers_verified": self.ballot_papers_verified,
            "electorate": self.electorate,
        }

    @property
    def digest(self) -> str:
        """SHA-256 of the figures: a voting area sent twice agrees with itself or is refused."""
        text = json.dumps(self.figures(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def awaited_finding(awaited: Iterable[str], listed: int) -> Finding | None:
    """A109 while any voting area's local totals are awaited (or none is listed); else None."""
    awaited = list(awaited)
    if listed and not awaited:
        return None
    return Finding(
        Code.A109,
        f"{len(awaited)} of {listed} voting areas' local totals are awaited: "
        f"{', '.join(awaited) or 'no voting area is listed'}. Import each file as it arrives; "
        "the area's totals are added up once every one is in.",
        {"awaited": len(awaited), "voting_areas": listed},
    )


def reconcile(totals: LocalTotals, etype: ElectionType) -> None:
    """Refuse (A108) local totals whose figures do not add up: a single seat, so valid votes
    and rejected make the ballot papers verified exactly (DOMAIN.md §4); the rejected headings
    are the election type's; no more papers than electors."""
    area = totals.voting_area or "the voting area"
    keys = tuple(key for key, _n in totals.rejected)
    if keys != etype.heading_keys:
        raise CountDeskError(
            f"The local totals of {area} give rejected papers under {', '.join(keys) or 'no'} "
            f"headings; a {etype.name} has {', '.join(etype.heading_keys)}. Nothing was "
            "imported.",
            Code.A108,
        )
    s, r, p = totals.valid_votes, totals.rejected_total, totals.ballot_papers_verified
    if s + r != p:
        raise CountDeskError(
            f"The local totals of {area} do not reconcile: valid votes {format_figure(s)} + "
            f"rejected {format_figure(r)} = {format_figure(s + r)}, but the ballot papers "
            f"verified are {format_figure(p)}. Ask its local returning officer to check the "
            "statement. Nothing was imported.",
            Code.A108,
        )
    if totals.electorate is not None and p > totals.electorate:
        raise CountDeskError(
            f"The local totals of {area} give {format_figure(p)} ballot papers verified, more "
            f"than its electorate of {format_figure(totals.electorate)}. Nothing was imported.",
            Code.A108,
        )


def match_candidates(totals: LocalTotals, ballot_names: Iterable[str]) -> None:
    """Refuse (A106) local totals whose candidates are not these, each named once."""
    wanted = [name_key(n) for n in ballot_names]
    given = [name_key(c.ballot_name) for c in totals.candidates]
    area = totals.voting_area or "the voting area"
    twice = sorted(
        {c.ballot_name for c in totals.candidates if given.count(name_key(c.ballot_name)) > 1}
    )
    missing = [n for n in ballot_names if name_key(n) not in given]
    unknown = [c.ballot_name for c in totals.candidates if name_key(c.ballot_name) not in wanted]
    if not (twice or missing or unknown):
        return
    parts = []
    if unknown:
        parts.append(f"not candidates here: {'; '.join(unknown)}")
    if missing:
        parts.append(f"missing: {'; '.join(missing)}")
    if twice:
        parts.append(f"listed twice: {'; '.join(twice)}")
    raise CountDeskError(
        f"The candidates in the local totals of {area} are not this contest's (matched by the "
        f"name as on the ballot paper) – {'; and '.join(parts)}. Check that the names and "
        "descriptions were set from the same statement of persons nominated. Nothing was "
        "imported.",
        Code.A106,
    )


@dataclass(frozen=True)
class AreaSum:
    """Every voting area's local totals added up, by the area database's candidate ids."""

    votes: Mapping[int, int]
    rejected: Mapping[str, int]
    ballot_papers_verified: int
    #: None if any voting area did not give its electorate.
    electorate: int | None


def add_up(
    returns: Iterable[LocalTotals], ballot_names: Mapping[int, str], etype: ElectionType
) -> AreaSum:
    """The area's totals: each candidate (by this database's id, matched by ballot name), each
    rejected heading, the ballot papers verified and the electorate, summed over the voting
    areas."""
    returns = list(returns)
    votes = {cid: 0 for cid in ballot_names}
    rejected = dict.fromkeys(etype.heading_keys, 0)
    papers = 0
    electorate: int | None = 0
    for totals in returns:
        by_name = totals.votes_by_name()
        for cid, name in ballot_names.items():
            votes[cid] += by_name[name_key(name)]
        for key, n in totals.rejected:
            rejected[key] += n
        papers += totals.ballot_papers_verified
        electorate = (
            None
            if electorate is None or totals.electorate is None
            else electorate + totals.electorate
        )
    return AreaSum(votes, rejected, papers, electorate)


@dataclass(frozen=True)
class SentTotals:
    """A local count's local totals as sent: the statement's PDF and the figures, kept."""

    contest_id: str
    count_id: int
    sent_at: datetime
    operator: str
    officer: str
    data_ref: str
    #: The JSON file's text, as sent.
    totals_json: str
    pdf: bytes
    #: The kept row's id (0 for one not yet kept).
    id: int = 0


@dataclass(frozen=True)
class AreaReturn:
    """One voting area's local totals as imported into the area result's database."""

    contest_id: str
    voting_area: str
    imported_at: datetime
    operator: str
    digest: str
    #: The JSON file's text of the totals imported (a CSV is kept in the JSON shape).
    totals_json: str
