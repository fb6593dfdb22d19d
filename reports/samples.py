"""Sample contests for document previews, the render benchmark and the tests.

Batley and Spen 2021 is as published (DOMAIN.md §8), except that the sources give no split
of the 91 rejected papers: the split here (12/20/4/55) is illustrative, as are the officer's
name and address. Its statement of verification is invented (the published sources give only
the 37,786 ballot papers verified, which its counted figures add up to). The Earlsfield ward
contest is invented.
"""

from __future__ import annotations

from datetime import date

from desktop.domain.arithmetic import ContestResult, compute_result
from desktop.domain.model import Candidate, Contest, CountFigures, Election
from reports.verification_snapshot import VerificationRow

BATLEY_ELECTION = Election(
    id="parl.2021-07-01",
    poll_date=date(2021, 7, 1),
    title="Batley and Spen by-election",
    authority="Kirklees Council",
)

# (forenames, surname, description, votes), as in /work/shared/data/batley-and-spen-2021.csv.
_BATLEY = (
    ("Paul", "Bickerdike", "Christian Peoples Alliance", 102),
    ("Mike", "Davies", "Alliance for Green Socialism", 104),
    ("Jayda", "Fransen", "Independent", 50),
    ("George", "Galloway", "Workers Party of Britain", 8264),
    ("Tom", "Gordon", "Liberal Democrats", 1254),
    ("Thérèse", "Hirst", "English Democrats", 207),
    ("Howling Laud", "Hope", "The Official Monster Raving Loony Party", 107),
    ("Susan", "Laird", "Heritage Party", 33),
    ("Kim", "Leadbeater", "Labour Party", 13296),
    ("Oliver", "Purser", "Social Democratic Party", 66),
    ("Corey", "Robinson", "Yorkshire Party", 816),
    ("Andrew", "Smith", "Rejoin EU", 75),
    ("Ryan", "Stephenson", "Conservative and Unionist Party", 12973),
    ("Jack", "Thomson", "UK Independence Party (UKIP)", 151),
    ("Jonathan", "Tilt", "Freedom Alliance", 100),
    ("Anne Marie", "Waters", "The For Britain Movement", 97),
)

#: Illustrative split of the 91 rejected papers under the four Parliamentary headings.
BATLEY_REJECTED = {
    "official_mark": 12,
    "too_many_votes": 20,
    "identifying_mark": 4,
    "unmarked_or_void": 55,
}


def batley_and_spen_2021(*, officer_name: str = "Alexandra Whitfield") -> ContestResult:
    """The Batley and Spen by-election of 1 July 2021: 16 candidates, one seat."""
    contest = Contest(
        id="parl.batley-and-spen.by.2021-07-01",
        election_id=BATLEY_ELECTION.id,
        area="Batley and Spen",
        seats=1,
        poll_date=date(2021, 7, 1),
        electorate=79_373,
        ballot_papers_verified=37_786,
        officer_name=officer_name,
        imprint_address="Kirklees Council, Town Hall, Huddersfield",
    )
    candidates = [
        Candidate(id=i, surname=s, forenames=f, description=d)
        for i, (f, s, d, _v) in enumerate(_BATLEY, start=1)
    ]
    votes = {i: v for i, (_f, _s, _d, v) in enumerate(_BATLEY, start=1)}
    return compute_result(contest, candidates, CountFigures(votes, dict(BATLEY_REJECTED)))


#: An invented statement of verification for Batley and Spen: twelve polling station boxes
#: and three postal batches, counted at 37,786 in all; the box at BS08 is not explained.
BATLEY_VERIFICATION = (
    VerificationRow("BS01", "St Paul's Church Hall, Batley", "box", 2_114, 2_114),
    VerificationRow(
        "BS02",
        "Batley Library, Market Place",
        "box",
        1_987,
        1_989,
        "Two papers issued after the account was made up",
    ),
    VerificationRow("BS03", "Birstall Community Centre", "box", 2_341, 2_341),
    VerificationRow(
        "BS04",
        "Heckmondwike Methodist Church",
        "box",
        1_876,
        1_875,
        "Voter left with a ballot paper (presiding officer’s note)",
    ),
    VerificationRow("BS05", "Cleckheaton Town Hall", "box", 2_203, 2_203),
    VerificationRow("BS06", "Spenborough Youth and Community Centre", "box", 1_654, 1_654),
    VerificationRow("BS07", "Liversedge Sports and Social Club", "box", 1_932, 1_932),
    VerificationRow("BS08", "Gomersal Memorial Hall", "box", 2_058, 2_059),
    VerificationRow("BS09", "Roberttown Community Centre", "box", 1_745, 1_745),
    VerificationRow("BS10", "Hightown Methodist Church Hall", "box", 1_489, 1_489),
    VerificationRow(
        "BS11",
        "Scholes Village Hall",
        "box",
        1_612,
        1_611,
        "Spoilt paper not entered on the account",
    ),
    VerificationRow("BS12", "Birkenshaw C of E Primary School", "box", 2_398, 2_398),
    VerificationRow("PV1", "Postal votes opening session 1", "postal", 5_912, 5_912),
    VerificationRow("PV2", "Postal votes opening session 2", "postal", 4_867, 4_867),
    VerificationRow(
        "PV3",
        "Postal votes opening session 3 (including those handed in on polling day)",
        "postal",
        3_597,
        3_597,
    ),
)


EARLSFIELD_ELECTION = Election(
    id="local.wandsworth.2014-05-22",
    poll_date=date(2014, 5, 22),
    title="Wandsworth Borough Council elections",
    authority="London Borough of Wandsworth",
)

_EARLSFIELD = (
    ("Llŷr", "Ap Gwilym", "Green Party", 1_021),
    ("Thérèse", "Brennan", "Labour Party", 2_311),
    ("Łukasz", "Dąbrowski", "Liberal Democrats", 688),
    ("Aoife", "Ó Briain", "Labour Party", 2_207),
    ("Peter", "Quinn", "Conservative Party Candidate", 2_954),
    ("Rosalind", "Shastri-Hurst", "Conservative Party Candidate", 3_102),
    ("Dev", "Singh", "Labour Party", 2_150),
    ("Marcus", "Van Dyke", "Conservative Party Candidate", 2_876),
    ("Hannah", "Wells", "Smith & Jones <Residents>", 512),
)


def earlsfield_2014(*, officer_name: str = "Paul Martin") -> ContestResult:
    """An invented three-seat ward contest, with accented names and a description with &<>."""
    contest = Contest(
        id="local.wandsworth.earlsfield.2014-05-22",
        election_id=EARLSFIELD_ELECTION.id,
        area="Earlsfield",
        seats=3,
        poll_date=date(2014, 5, 22),
        electorate=11_842,
        ballot_papers_verified=6_402,
        officer_name=officer_name,
        imprint_address="The Town Hall, Wandsworth High Street, London SW18 2PU",
    )
    candidates = [
        Candidate(id=i, surname=s, forenames=f, description=d)
        for i, (f, s, d, _v) in enumerate(_EARLSFIELD, start=1)
    ]
    votes = {i: v for i, (_f, _s, _d, v) in enumerate(_EARLSFIELD, start=1)}
    rejected = {
        "official_mark": 2,
        "too_many_votes": 9,
        "identifying_mark": 1,
        "unmarked_or_void": 14,
        "rejected_in_part": 6,
    }
    # 6,402 papers verified, 26 wholly rejected: 6,376 valid papers counted.
    figures = CountFigures(votes, rejected, valid_papers_counted=6_376)
    return compute_result(contest, candidates, figures)
