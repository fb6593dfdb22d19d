"""A district council's May night, built through the services: many wards (some of three
seats) in every stage of the night, for the overview's tests, its benchmark and a look at the
hall board. Names and figures are invented."""

from __future__ import annotations

from pathlib import Path

from desktop.services import CountDesk

DATE = "2026-05-07"
ELECTION = f"local.northdale.{DATE}"
OFFICER = "Pat Example"
SURNAMES = [
    "Ahmed",
    "Atkinson",
    "Barker",
    "Begum",
    "Chowdhury",
    "Clarke",
    "Davies",
    "Dawson",
    "Evans",
    "Fletcher",
    "Green",
    "Hussain",
    "Jackson",
    "Khan",
    "Lewis",
    "Morgan",
    "Nowak",
    "Okafor",
    "Patel",
    "Quinn",
    "Roberts",
    "Shah",
    "Taylor",
    "Walsh",
    "Young",
]
FORENAMES = [
    "Alex",
    "Sam",
    "Jo",
    "Priya",
    "Tom",
    "Aisha",
    "Rhys",
    "Megan",
    "Oliver",
    "Fatima",
    "Daniel",
    "Grace",
]
PARTIES = (
    "Labour Party",
    "Conservative Party",
    "Liberal Democrats",
    "Green Party",
    "Independent",
)
#: The stages the wards are left at, in turn.
STAGES = (
    "declared",
    "provisional",
    "declared",
    "first_entry",
    "differ",
    "verification",
    "count",
    "setup",
)


def ward_id(n: int) -> str:
    """The contest id of ward ``n``."""
    return f"local.northdale.ward-{n:03d}.{DATE}"


def three_seat(n: int) -> bool:
    """Every tenth ward elects three councillors."""
    return n % 10 == 4


def write_csv(path: Path, wards: int) -> Path:
    """A Democracy Club candidates CSV of ``wards`` wards, four to seven candidates each."""
    lines = [
        "person_name,election_id,ballot_paper_id,election_date,party_name,post_label,"
        "seats_contested,organisation_name"
    ]
    for n in range(wards):
        seats = 3 if three_seat(n) else 1
        for k in range(4 + n % 3 + (3 if seats == 3 else 0)):
            name = f"{FORENAMES[(n + k) % len(FORENAMES)]} {SURNAMES[(n * 3 + k) % len(SURNAMES)]}"
            lines.append(
                f"{name},{ELECTION},{ward_id(n)},{DATE},{PARTIES[k % len(PARTIES)]},"
                f"Ward {n:03d} {SURNAMES[n % len(SURNAMES)]},{seats},Northdale District Council"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _figures(
    desk: CountDesk, cid: str, n: int
) -> tuple[dict[int, int], dict[str, int], int | None]:
    """Votes, rejected papers and (three seats) papers counted that reconcile."""
    candidates = desk.candidates(cid)
    votes = {c.id: 200 + (n * 53 + i * (131 + n)) % 1100 for i, c in enumerate(candidates)}
    rejected = {"official_mark": 1, "unmarked_or_void": 4}
    if three_seat(n):
        papers = sum(votes.values()) // 2
        return votes, rejected, papers
    return votes, rejected, None


def _papers(votes: dict[int, int], rejected: dict[str, int], papers: int | None) -> int:
    return (papers if papers is not None else sum(votes.values())) + sum(rejected.values())


def build(desk: CountDesk, folder: Path, wards: int = 30) -> list[str]:
    """Import ``wards`` wards and move each to its stage (``STAGES`` in turn); their ids."""
    desk.import_candidates(write_csv(folder / "district.csv", wards), "Importer")
    desk.set_election_authority(ELECTION, "Northdale District Council", "Supervisor")
    ids = [ward_id(n) for n in range(wards)]
    for n, cid in enumerate(ids):
        stage = STAGES[n % len(STAGES)]
        votes, rejected, papers = _figures(desk, cid, n)
        verified = _papers(votes, rejected, papers)
        desk.confirm_names(cid, "Supervisor")
        desk.set_contest_details(
            cid,
            "Supervisor",
            electorate=verified * 3,
            officer_name=OFFICER,
            imprint_address="Town Hall, Northdale",
            **({} if stage == "verification" else {"ballot_papers_verified": verified}),
        )
        if stage == "setup":
            continue
        desk.advance(cid, "verification", "Supervisor")
        if stage == "verification":
            boxes = folder / f"boxes-{n}.csv"
            boxes.write_text(
                "reference,name,kind,issued\n"
                + "".join(f"B{n}-{k},Polling station {k},box,{verified // 3}\n" for k in range(3)),
                encoding="utf-8",
            )
            desk.apply_verification(
                cid, "Supervisor", import_file=boxes, counted={f"B{n}-0": verified // 3}
            )
            continue
        desk.advance(cid, "count", "Supervisor")
        if stage == "count":
            continue
        desk.enter_count(cid, votes, rejected, "Clerk A", papers)
        if stage == "first_entry":
            continue
        if stage == "differ":
            first = next(iter(votes))
            desk.enter_count(cid, {**votes, first: votes[first] + 10}, rejected, "Clerk B", papers)
            continue
        desk.enter_count(cid, votes, rejected, "Clerk B", papers)
        for warning in desk.open_warnings(cid):
            desk.acknowledge_warning(cid, warning.code, "Checked", "Supervisor", warning.subject)
        desk.advance(cid, "provisional", "Supervisor")
        if stage == "declared":
            desk.declare(cid, "Supervisor", OFFICER)
    return ids
