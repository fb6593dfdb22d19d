"""An invented district night: 30 wards of Calderbrook District Council (three of them 3-seat),
two parish polls and a police area's poll, counted at one venue on shared ballot boxes.

Every figure is made up, deterministically: the same call gives the same night. The figures
reconcile by construction (each poll's ballot papers verified are the total counted from its
boxes, and each count's valid papers and rejected papers make them), apart from one box in
which papers of two polls were swapped, a variance that cancels across the box.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

DATE = "2026-05-07"
DISTRICT = f"local.calderbrook.{DATE}"
DISTRICT_ORG = "Calderbrook District Council"
PARISH = f"local.hebble-bridge.{DATE}"
PARISH_ORG = "Hebble Bridge Town Council"

WARDS = (
    "Almondbury Edge", "Bankfoot", "Birchencliffe", "Brackenhall", "Calder Vale",
    "Cliffe End", "Copley", "Crosland Moor", "Dalton Bank", "Deighton Lane",
    "Elland Bridge", "Fartown", "Golcar Hill", "Greetland", "Hebble Bridge",
    "Hipperholme", "Lindley Moor", "Linthwaite", "Lockwood", "Marsden Moor",
    "Mount Tabor", "Netherton", "Norland", "Paddock", "Rastrick", "Ripponden",
    "Salterhebble", "Scammonden", "Skircoat", "Sowerby Bridge",
)  # fmt: skip
#: The 3-seat wards (whole-council elections of a new warding, say).
THREE_SEAT = frozenset({"Elland Bridge", "Lindley Moor", "Sowerby Bridge"})
#: Hebble Bridge Town Council's two wards polled the same day, in the boxes of two district wards.
PARISH_WARDS = {"Hebble Bridge North": "Hebble Bridge", "Hebble Bridge South": "Salterhebble"}

PARTIES = (
    ("Labour Party", "PP53"),
    ("Conservative and Unionist Party", "PP52"),
    ("Liberal Democrats", "PP90"),
    ("Green Party", "PP63"),
    ("Reform UK", "PP7931"),
    ("Independent", "ynmp-party:2"),
)
FORENAMES = (
    "Amina", "Ben", "Chloe", "Dev", "Eilidh", "Farid", "Gwen", "Harry", "Imran", "Jo",
    "Kieran", "Lucy", "Maya", "Niall", "Orla", "Priya", "Rhys", "Sadia", "Tom", "Una",
)  # fmt: skip
SURNAMES = (
    "Ackroyd", "Bairstow", "Crowther", "Dyson", "Earnshaw", "Firth", "Greenwood", "Haigh",
    "Illingworth", "Jagger", "Kaye", "Lockwood", "Marsden", "Naylor", "Oldroyd", "Priestley",
    "Quarmby", "Riley", "Sykes", "Thewlis", "Utley", "Varley", "Whiteley", "Yates",
)  # fmt: skip


def slug(name: str) -> str:
    """The Democracy Club form of an area's name: "Calder Vale" → "calder-vale"."""
    return name.lower().replace(" ", "-")


def ward_id(ward: str) -> str:
    """The ballot id of a district ward."""
    return f"local.calderbrook.{slug(ward)}.{DATE}"


def parish_id(parish_ward: str) -> str:
    """The ballot id of a ward of Hebble Bridge Town Council."""
    return f"local.hebble-bridge.{slug(parish_ward)}.{DATE}"


@dataclass(frozen=True)
class Poll:
    """One contest of the night: its id, area, seats, candidates (Democracy Club names and
    parties) and the polling-station boxes whose papers it has."""

    contest_id: str
    election_id: str
    organisation: str
    area: str
    seats: int
    candidates: tuple[tuple[str, str, str], ...]  # (person_name, party_name, party_id)
    boxes: tuple[str, ...] = field(default=())


def _candidates(n: int, seed: int) -> tuple[tuple[str, str, str], ...]:
    people = []
    for i in range(n):
        forename = FORENAMES[(seed * 7 + i * 3) % len(FORENAMES)]
        surname = SURNAMES[(seed * 5 + i * 11) % len(SURNAMES)]
        party, party_id = PARTIES[(seed + i) % len(PARTIES)]
        people.append((f"{forename} {surname}", party, party_id))
    return tuple(people)


def ward_boxes(ward: str) -> tuple[str, ...]:
    """The polling-station boxes of a ward: two or three, referenced by the ward's letters."""
    n = WARDS.index(ward)
    letters = "".join(w[0] for w in ward.split()).upper()
    return tuple(f"{letters}{n + 1:02d}-{k}" for k in range(1, 3 + n % 2))


def district_polls() -> tuple[Poll, ...]:
    """The 30 district wards, in alphabetical order."""
    polls = []
    for n, ward in enumerate(WARDS):
        seats = 3 if ward in THREE_SEAT else 1
        count = 7 if seats == 3 else 3 + n % 4
        polls.append(
            Poll(
                ward_id(ward),
                DISTRICT,
                DISTRICT_ORG,
                ward,
                seats,
                _candidates(count, n),
                ward_boxes(ward),
            )
        )
    return tuple(polls)


def parish_polls() -> tuple[Poll, ...]:
    """Hebble Bridge Town Council's two wards, each polled in one district ward's boxes."""
    return tuple(
        Poll(
            parish_id(name),
            PARISH,
            PARISH_ORG,
            name,
            2,
            _candidates(4, 40 + i),
            ward_boxes(district_ward),
        )
        for i, (name, district_ward) in enumerate(PARISH_WARDS.items())
    )


def all_boxes() -> tuple[str, ...]:
    """Every polling-station box of the venue, in ward order."""
    return tuple(b for poll in district_polls() for b in poll.boxes)


def write_candidates_csv(path: Path, polls: tuple[Poll, ...]) -> Path:
    """The polls' candidates as a Democracy Club candidates CSV."""
    columns = [
        "person_id",
        "person_name",
        "election_id",
        "ballot_paper_id",
        "election_date",
        "party_name",
        "party_id",
        "post_label",
        "seats_contested",
        "organisation_name",
    ]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        person = 5000
        for poll in polls:
            for name, party, party_id in poll.candidates:
                person += 1
                writer.writerow(
                    [
                        person,
                        name,
                        poll.election_id,
                        poll.contest_id,
                        DATE,
                        party,
                        party_id,
                        poll.area,
                        poll.seats,
                        poll.organisation,
                    ]
                )
    return path


def issued(box: str, poll_index: int) -> int:
    """Papers a box's ballot paper account says were issued for one of its polls."""
    seed = sum(ord(c) for c in box)
    return 380 + (seed * 37 + poll_index * 101) % 700


POLICE_AREA = "West Calder"
PCC_ELECTION = f"pcc.{DATE}"
PCC_CONTEST = f"pcc.west-calder.{DATE}"


def pcc_poll() -> Poll:
    """The police area's poll, whose papers are in every box of the district."""
    return Poll(
        PCC_CONTEST, PCC_ELECTION, "West Calder Police", POLICE_AREA, 1, _candidates(4, 60),
        all_boxes(),
    )  # fmt: skip


def postal_batches(poll: Poll) -> tuple[str, ...]:
    """The postal batches of a poll: one per district ward whose boxes it has."""
    wards = {box.split("-")[0] for box in poll.boxes}
    return tuple(sorted(f"PV-{w}" for w in wards))


def counted(box: str, contest_id: str, poll_index: int) -> int:
    """Papers of one poll counted from a box at verification: as issued, except in the first
    box of Calder Vale, where 3 of the district ward's papers were put in the PCC's box."""
    papers = issued(box, poll_index)
    if box == ward_boxes("Calder Vale")[0]:
        if contest_id == ward_id("Calder Vale"):
            return papers - 3
        if contest_id == PCC_CONTEST:
            return papers + 3
    return papers


def write_boxes_csv(path: Path, polls: tuple[Poll, ...]) -> Path:
    """The combined boxes list: each box's (and postal batch's) papers issued for each poll."""
    names = {b: f"Polling station {b}" for b in all_boxes()}
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["reference", "name", "kind", "poll", "issued"])
        for index, poll in enumerate(polls):
            for box in poll.boxes:
                writer.writerow([box, names[box], "box", poll.contest_id, issued(box, index)])
            for batch in postal_batches(poll):
                writer.writerow(
                    [
                        batch,
                        f"Postal votes {batch[3:]}",
                        "postal",
                        poll.contest_id,
                        issued(batch, index) // 3,
                    ]
                )
    return path


def verified(poll: Poll, index: int) -> int:
    """A poll's ballot papers verified: the total counted from its boxes and postal batches."""
    boxes = sum(counted(b, poll.contest_id, index) for b in poll.boxes)
    return boxes + sum(issued(b, index) // 3 for b in postal_batches(poll))


def counted_at_verification(poll: Poll, index: int) -> dict[str, int]:
    """Each box's and postal batch's papers counted for the poll (reference → papers)."""
    figures = {b: counted(b, poll.contest_id, index) for b in poll.boxes}
    figures.update({b: issued(b, index) // 3 for b in postal_batches(poll)})
    return figures


@dataclass(frozen=True)
class Sheet:
    """One poll's count sheet: votes by Democracy Club name, rejected papers by heading and,
    for several seats, the valid ballot papers counted."""

    votes: dict[str, int]
    rejected: dict[str, int]
    valid_papers: int | None


def count_sheet(poll: Poll, papers: int, headings: tuple[str, ...]) -> Sheet:
    """Figures that reconcile with ``papers`` verified: a few rejected, the rest shared out by
    fixed, distinct weights (so that no tie decides anything)."""
    rejected = {key: 0 for key in headings}
    wholly = [k for k in headings if k != "rejected_in_part"]
    # Under 1% of the papers (no W601 to acknowledge): up to 2 a heading.
    for i, key in enumerate(wholly):
        rejected[key] = (papers // 700 + i) % 3
    valid = papers - sum(rejected.values())
    names = [c[0] for c in poll.candidates]
    weights = [len(names) * 4 - i * 3 + (papers + i) % 2 for i in range(len(names))]
    # Each paper carries about two votes where there are several seats, at most one per
    # candidate: every candidate's votes stay under the valid papers.
    total = valid if poll.seats == 1 else valid * 2
    shares = [total * w // sum(weights) for w in weights]
    shares[0] += total - sum(shares)
    return Sheet(dict(zip(names, shares, strict=True)), rejected,
                 None if poll.seats == 1 else valid)  # fmt: skip


REFERENDUM_NAME = "Hebble Bridge Neighbourhood Plan"
REFERENDUM = f"ref.hebble-bridge.hebble-bridge-neighbourhood-plan.{DATE}"
REFERENDUM_QUESTION = (
    "Do you want Calderbrook District Council to use the neighbourhood plan for Hebble Bridge "
    "to help it decide planning applications in the neighbourhood area?"
)


def referendum_poll() -> Poll:
    """The town's neighbourhood plan referendum, in the boxes of both of its parish wards."""
    boxes = tuple(b for ward in PARISH_WARDS.values() for b in ward_boxes(ward))
    return Poll(
        REFERENDUM, f"ref.hebble-bridge.{DATE}", "", REFERENDUM_NAME, 1,
        (("Yes", "", ""), ("No", "", "")), boxes,
    )  # fmt: skip


def night_polls() -> tuple[Poll, ...]:
    """Every poll of the night, in the order of the combined boxes list."""
    return (*district_polls(), *parish_polls(), pcc_poll(), referendum_poll())


def electorate(papers: int) -> int:
    """An electorate that gives a turnout of about 35% (no W603 to acknowledge)."""
    return papers * 20 // 7


OFFICER = "Robin Tanner"
FACTS = ("--officer", OFFICER, "--address", "Town Hall, Calderbrook CB1 1AA")


def cli(db: str, *args: str) -> str:
    """Run one ``countdesk-cli`` command on the night's database; its output (it must succeed)."""
    from click.testing import CliRunner

    from desktop.cli import cli as countdesk_cli

    result = CliRunner().invoke(countdesk_cli, [*args, "--db", db])
    assert result.exit_code == 0, f"{args}: {result.output}"
    return result.output


def set_up_night(folder: Path) -> str:
    """The night's candidates imported, the referendum created and the combined boxes list
    imported, from the command line; the database's path."""
    db = str(folder / "night.sqlite")
    polls = night_polls()
    cli(db, "import", str(write_candidates_csv(folder / "candidates.csv", polls[:-1])))
    cli(db, "new-referendum", "--council", "Hebble Bridge", "--date", DATE,
        "--name", REFERENDUM_NAME, "--question", REFERENDUM_QUESTION, "--operator", "Sup")  # fmt: skip
    cli(db, "combined", "--import", str(write_boxes_csv(folder / "boxes.csv", polls)),
        "--operator", "Sup")  # fmt: skip
    return db


def verify_every_poll(db: str) -> None:
    """Each poll's papers counted from every box it shares (V506 left for the swapped box)."""
    for index, poll in enumerate(night_polls()):
        counted = counted_at_verification(poll, index)
        cli(
            db, "verification", poll.contest_id, *(f"--counted={r}={n}" for r, n in counted.items())
        )


def set_facts(db: str) -> None:
    """Each contest's officer, imprint, authority and electorate; the PCC's voting area."""
    for index, poll in enumerate(night_polls()):
        papers = verified(poll, index)
        authority = "West Calder Police Area" if poll.contest_id == PCC_CONTEST else DISTRICT_ORG
        cli(db, "contest", poll.contest_id, *FACTS, "--authority", authority,
            "--electorate", str(electorate(papers)), "--operator", "Sup")  # fmt: skip
    cli(db, "local-totals", PCC_CONTEST, "--voting-area", "Calderbrook", "--operator", "Sup")


def count_every_poll(db: str, polls: tuple[Poll, ...] | None = None) -> None:
    """Each count keyed twice by two clerks, then its provisional result shown."""
    from desktop.domain.election_types import election_type_for

    everyone = night_polls()
    for poll in polls or everyone:
        index = everyone.index(poll)
        for stage in ("verification", "count"):
            cli(db, "advance", poll.contest_id, "--to", stage, "--operator", "Sup")
        headings = election_type_for(poll.contest_id).heading_keys
        sheet = count_sheet(poll, verified(poll, index), headings)
        figures = [f"--votes={n}={v}" for n, v in sheet.votes.items()]
        figures += [f"--rejected={k}={v}" for k, v in sheet.rejected.items()]
        if sheet.valid_papers is not None:
            figures.append(f"--valid-papers={sheet.valid_papers}")
        for clerk in ("Clerk 1", "Clerk 2"):
            cli(db, "enter", poll.contest_id, "--operator", clerk, *figures)
        cli(db, "advance", poll.contest_id, "--to", "provisional", "--operator", "Sup")


def declare(db: str, poll: Poll, folder: Path) -> None:
    """The result declared, or the PCC's local totals sent (their file into ``folder``)."""
    if poll.contest_id == PCC_CONTEST:
        cli(db, "send", poll.contest_id, "--officer", OFFICER, "--operator", "Sup",
            "-o", str(folder / "calderbrook-pcc.json"))  # fmt: skip
    else:
        cli(db, "declare", poll.contest_id, "--officer", OFFICER, "--operator", "Sup")
