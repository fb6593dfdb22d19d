"""Declared results as NIST SP 1500-100 Election Results Common Data Format, version 2 (JSON).

One ``ElectionReport`` (Format ``summary-contest``: one figure per contest, no polling
districts) holding an ``Election`` for each election whose contests are exported. How the UK
count maps onto it:

- Each contest's area (constituency, ward, the voting area of a referendum) is a
  ``ReportingUnit`` GpUnit carrying its electorate (``VotersRegistered``) and ballot papers
  verified (``VotersParticipated``); the election's scope is a GpUnit of the authority
  composed of them.
- A contest with candidates is a ``CandidateContest`` with ``VotesAllowed`` and
  ``NumberElected`` = seats, one ``CandidateSelection`` per candidate in ballot order with a
  ``VoteCounts`` of Type ``total``; the candidate's ``PostElectionStatus`` is ``winner`` or
  ``defeated``, and a vote given by lot is not a vote counted (it is in the Notes).
- A referendum is a ``BallotMeasureContest`` (Type ``referendum``) with its question as
  ``FullText`` and one ``BallotMeasureSelection`` per answer.
- The election's ``BallotCounts`` (Type ``total``), one per contest's GpUnit: ``BallotsCast``
  = ballot papers verified, ``BallotsRejected`` = rejected papers (wholly rejected).
- ``Party`` by the party id imported (or the description where there is none); an
  Independent or a blank description has no party.
- ``Status`` is ``certified``: only declared results are exported, and a declared result is
  final. ``Issuer`` is the authority that declared.

Ids (``@id``) are built from CountDesk's own ids, so the same result always gives the same
file but for ``GeneratedDate``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from desktop.domain.election_types import ElectionType
from desktop.services.declared import DeclaredContest

#: Parliamentary by-elections are "special" in NIST's terms; every other poll is "general"
#: (a referendum is a general poll too, with a ballot measure on it).
_BY_ELECTION = ".by."


def _text(content: str) -> dict[str, Any]:
    """An InternationalizedText in British English."""
    return {
        "@type": "ElectionResults.InternationalizedText",
        "Text": [
            {"@type": "ElectionResults.LanguageString", "Content": content, "Language": "en-GB"}
        ],
    }


def _id(prefix: str, value: str | int) -> str:
    """An @id: the prefix and CountDesk's own id, with anything but [A-Za-z0-9._-] as "-"."""
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9._-]', '-', str(value))}"


def _unit_type(election_type: ElectionType) -> str:
    return "other" if election_type.referendum else "ward"


def _party_key(declared: DeclaredContest, candidate_id: int, description: str) -> str | None:
    """The party a candidate stands for, by party id where imported, else by description."""
    party_id = declared.party_id(candidate_id)
    if party_id == "ynmp-party:2" or description.strip().lower() in ("", "independent"):
        return None
    return party_id or f"description:{description}"


def _candidate_contest(declared: DeclaredContest, unit: str, order: int) -> dict[str, Any]:
    result, contest = declared.result, declared.contest
    selections = []
    for n, line in enumerate(result.candidates, start=1):
        selection: dict[str, Any] = {
            "@id": _id("selection", line.candidate.id),
            "@type": "ElectionResults.CandidateSelection",
            "CandidateIds": [_id("candidate", line.candidate.id)],
            "SequenceOrder": n,
        }
        if not declared.uncontested and line.votes is not None:
            selection["VoteCounts"] = [
                {
                    "@type": "ElectionResults.VoteCounts",
                    "Count": line.votes,
                    "GpUnitId": unit,
                    "Type": "total",
                }
            ]
        selections.append(selection)
    return {
        "@id": _id("contest", contest.id),
        "@type": "ElectionResults.CandidateContest",
        "ElectionDistrictId": unit,
        "Name": contest.area,
        "BallotTitle": _text(contest.area),
        "VotesAllowed": contest.seats,
        "NumberElected": contest.seats,
        "SequenceOrder": order,
        "ContestSelection": selections,
        "ExternalIdentifier": [_external("ballot_paper_id", contest.id)],
    }


def _ballot_measure(declared: DeclaredContest, unit: str, order: int) -> dict[str, Any]:
    result, contest = declared.result, declared.contest
    return {
        "@id": _id("contest", contest.id),
        "@type": "ElectionResults.BallotMeasureContest",
        "ElectionDistrictId": unit,
        "Name": contest.area,
        "Type": "referendum",
        "FullText": _text(contest.question),
        "SequenceOrder": order,
        "ContestSelection": [
            {
                "@id": _id("selection", line.candidate.id),
                "@type": "ElectionResults.BallotMeasureSelection",
                "Selection": _text(line.candidate.display_name),
                "SequenceOrder": n,
                "VoteCounts": [
                    {
                        "@type": "ElectionResults.VoteCounts",
                        "Count": line.votes or 0,
                        "GpUnitId": unit,
                        "Type": "total",
                    }
                ],
            }
            for n, line in enumerate(result.candidates, start=1)
        ],
        "ExternalIdentifier": [_external("ballot_paper_id", contest.id)],
    }


def _external(label: str, value: str) -> dict[str, Any]:
    return {
        "@type": "ElectionResults.ExternalIdentifier",
        "Type": "other",
        "OtherType": label,
        "Value": value,
    }


def _unit(declared: DeclaredContest) -> dict[str, Any]:
    contest, result = declared.contest, declared.result
    unit: dict[str, Any] = {
        "@id": _id("gpunit-contest", contest.id),
        "@type": "ElectionResults.ReportingUnit",
        "Type": _unit_type(contest.type),
        "Name": _text(contest.area),
    }
    if contest.electorate is not None:
        unit["VotersRegistered"] = contest.electorate
    if not declared.uncontested and result.ballot_papers_verified is not None:
        unit["VotersParticipated"] = result.ballot_papers_verified
    return unit


def cdf_report(
    contests: Iterable[DeclaredContest], generated: datetime, vendor: str
) -> dict[str, Any]:
    """The ElectionReport of these declared contests, as JSON-ready data."""
    by_election: dict[str, list[DeclaredContest]] = {}
    for declared in contests:
        by_election.setdefault(declared.election.id, []).append(declared)
    units: list[dict[str, Any]] = []
    parties: dict[str, dict[str, Any]] = {}
    elections = []
    issuers: list[str] = []
    notes: list[str] = []
    for election_id, declared_list in by_election.items():
        election = declared_list[0].election
        authority = election.authority or election_id
        if authority not in issuers:
            issuers.append(authority)
        scope = _id("gpunit-election", election_id)
        contest_units = [_unit(d) for d in declared_list]
        units.append(
            {
                "@id": scope,
                "@type": "ElectionResults.ReportingUnit",
                "Type": "other",
                "OtherType": "authority",
                "Name": _text(authority),
                "ComposingGpUnitIds": [u["@id"] for u in contest_units],
            }
        )
        units.extend(contest_units)
        candidates: list[dict[str, Any]] = []
        contest_data: list[dict[str, Any]] = []
        ballots: list[dict[str, Any]] = []
        for order, declared in enumerate(declared_list, start=1):
            unit = _id("gpunit-contest", declared.contest.id)
            result = declared.result
            if declared.contest.type.referendum:
                contest_data.append(_ballot_measure(declared, unit, order))
            else:
                contest_data.append(_candidate_contest(declared, unit, order))
                candidates.extend(_candidates(declared, parties))
            lots = [line for line in result.candidates if line.lot_vote]
            if lots:
                fell_on = ", ".join(line.candidate.name_in_words for line in lots)
                notes.append(
                    f"{declared.contest.area}: lots were drawn between candidates with equal "
                    f"votes; the lot fell on {fell_on}, treated as having one additional vote "
                    "(not included in the vote counts)."
                )
            if not declared.uncontested:
                ballots.append(
                    {
                        "@type": "ElectionResults.BallotCounts",
                        "GpUnitId": unit,
                        "Type": "total",
                        "BallotsCast": result.ballot_papers_verified or 0,
                        "BallotsRejected": result.rejected_total,
                    }
                )
        entry: dict[str, Any] = {
            "@type": "ElectionResults.Election",
            "ElectionScopeId": scope,
            "Name": _text(election.title or election_id),
            "StartDate": election.poll_date.isoformat(),
            "EndDate": election.poll_date.isoformat(),
            "Type": "special" if _BY_ELECTION in declared_list[0].contest.id else "general",
            "Contest": contest_data,
            "BallotCounts": ballots,
            "ExternalIdentifier": [_external("election_id", election_id)],
        }
        if candidates:
            entry["Candidate"] = candidates
        elections.append(entry)
    report: dict[str, Any] = {
        "@type": "ElectionResults.ElectionReport",
        "Format": "summary-contest",
        "GeneratedDate": generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Issuer": "; ".join(issuers),
        "IssuerAbbreviation": "; ".join(issuers),
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "Status": "certified",
        "VendorApplicationId": vendor,
        "Election": elections,
        "GpUnit": units,
    }
    if notes:
        report["Notes"] = " ".join(notes)
    if parties:
        report["Party"] = list(parties.values())
    return report


def _candidates(
    declared: DeclaredContest, parties: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """The contest's candidates, adding each party met to ``parties``."""
    out = []
    for line in declared.result.candidates:
        c = line.candidate
        candidate: dict[str, Any] = {
            "@id": _id("candidate", c.id),
            "@type": "ElectionResults.Candidate",
            "BallotName": _text(c.name_in_words),
            "PostElectionStatus": (
                "winner" if declared.uncontested or line.elected else "defeated"
            ),
        }
        person = declared.person_id(c.id)
        if person:
            candidate["ExternalIdentifier"] = [_external("person_id", person)]
        key = _party_key(declared, c.id, c.description)
        if key is not None:
            party_ref = _id("party", key)
            candidate["PartyId"] = party_ref
            if party_ref not in parties:
                parties[party_ref] = {
                    "@id": party_ref,
                    "@type": "ElectionResults.Party",
                    "Name": _text(c.description),
                }
                if not key.startswith("description:"):
                    parties[party_ref]["ExternalIdentifier"] = [_external("party_id", key)]
        out.append(candidate)
    return out


def cdf_json(contests: Iterable[DeclaredContest], generated: datetime, vendor: str) -> str:
    """The ElectionReport as JSON text (UTF-8, indented)."""
    data = cdf_report(contests, generated, vendor)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
