"""Sample contests shared by the tests: Batley and Spen 2021 and an invented 3-seat ward."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATLEY_CSV = ROOT / "resources" / "demo" / "batley-and-spen-2021.csv"
WARD_CSV = ROOT / "tests" / "data" / "earlsfield-3-seat.csv"
BATLEY = "parl.batley-and-spen.by.2021-07-01"
WARD = "local.testborough.earlsfield.2026-05-07"

#: Votes as published (Democracy Club names), from the demo CSV.
BATLEY_VOTES = {
    "Paul Bickerdike": 102,
    "Mike Davies": 104,
    "Jayda Fransen": 50,
    "George Galloway": 8264,
    "Tom Gordon": 1254,
    "Thérèse Hirst": 207,
    "Howling Laud Hope": 107,
    "Susan Laird": 33,
    "Kim Leadbeater": 13296,
    "Oliver Purser": 66,
    "Corey Robinson": 816,
    "Andrew Smith": 75,
    "Ryan Stephenson": 12973,
    "Jack Thomson": 151,
    "Jonathan Tilt": 100,
    "Anne Marie Waters": 97,
}
#: An illustrative split of the 91 rejected papers: no breakdown was published.
BATLEY_REJECTED = {
    "official_mark": 12,
    "too_many_votes": 20,
    "identifying_mark": 4,
    "unmarked_or_void": 55,
}

BOXES_CSV = ROOT / "tests" / "data" / "batley-boxes.csv"


def many_contests_csv(path: Path, contests: int, candidates: int = 4) -> Path:
    """Write a Democracy Club candidates CSV with ``contests`` single-seat wards (a whole May night)."""
    header = "person_name,election_id,ballot_paper_id,election_date,party_name,post_label,seats_contested"
    lines = [header]
    for ward in range(contests):
        council = f"borough{ward // 50:03d}"
        for n in range(candidates):
            lines.append(
                f"Candidate{n} Surname{ward:04d}x{n},local.{council}.2026-05-07,"
                f"local.{council}.ward{ward:04d}.2026-05-07,2026-05-07,Party {n},Ward {ward:04d},1"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


#: A small May night on shared boxes: two district wards, a PCC poll and a parish poll.
COMBINED_CSV = ROOT / "tests" / "data" / "combined-polls.csv"
#: Their combined boxes list: each box's papers of each poll (NG3 and PV1 hold parish papers).
COMBINED_BOXES_CSV = ROOT / "tests" / "data" / "combined-boxes.csv"
NORTHGATE = "local.testborough.northgate.2026-05-07"
SOUTHFIELD = "local.testborough.southfield.2026-05-07"
PCC = "pcc.testshire.2026-05-07"
PARISH = "local.northgate-parish.village.2026-05-07"
#: Papers counted at verification, per poll and box: at NG2 three Northgate papers were found
#: with the PCC papers (PCC +3, Northgate −3); every other box agrees with its accounts.
COMBINED_COUNTED = {
    NORTHGATE: {"NG1": 812, "NG2": 1101, "NG3": 655, "PV1": 1320},
    SOUTHFIELD: {"SF1": 930, "SF2": 1212, "PV2": 1450},
    PCC: {"NG1": 809, "NG2": 1104, "NG3": 652, "SF1": 928, "SF2": 1210, "PV1": 1318, "PV2": 1447},
    PARISH: {"NG3": 640, "PV1": 140},
}
