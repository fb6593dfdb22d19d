"""Budget: a whole May night's Democracy Club candidates file imports in 3 s or less.

A file like Democracy Club's candidates export (its columns, most of them ignored) is made for
6,500 contests of 1 to 4 candidates (16,900 rows), in councils of 50 wards with a parish council
among them, a few names with a surname particle. Timed: ``countdesk-cli import FILE`` into a
new database, as one process from the shell (interpreter start-up included), and the import
service alone in this process; then ``verify`` must find the audit chain intact. Also timed, with
no budget of its own but progress shown and Cancel possible: a 100,000-row file.

Before imports were written in bulk, the 6,500-contest file took 14.7 s (16,902 single-row
inserts) and the 100,000-row one 4 min 28 s, silent. With ``--before REF`` (e.g. ``main``, or
the commit before the bulk import), that version's ``countdesk-cli import`` of the same file is
timed too, in the same run, from ``git archive`` of REF in a temporary folder.
Run: uv run python bench/bench_import.py [CONTESTS] [RUNS] [--before REF]
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

from desktop.services import CountDesk

BUDGET_S = 3.0
HEADER = [
    "person_id",
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "election_current",
    "party_name",
    "party_id",
    "party_description_text",
    "post_id",
    "post_label",
    "cancelled_poll",
    "seats_contested",
    "organisation_name",
    "email",
    "twitter_username",
    "facebook_page_url",
    "linkedin_url",
    "homepage_url",
    "wikipedia_url",
    "gender",
    "birth_date",
    "image_url",
    "votes_cast",
    "elected",
    "ballot_paper_url",
]
PARTIES = (
    ("Labour Party", "PP53", "Labour and Co-operative Party"),
    ("Conservative and Unionist Party", "PP52", "The Conservative Party Candidate"),
    ("Liberal Democrats", "PP90", ""),
    ("Green Party", "PP63", "Green Party"),
    ("Independent", "ynmp-party:2", ""),
)
FORENAMES = ("Alex", "Sam", "Dara", "Jo", "Priya", "Tomasz", "Siân", "Kim", "Ali", "Rhys")
SURNAMES = ("Smith", "Jones", "Ó Briain", "Patel", "Van Dyke", "Nowak", "Evans", "Shastri-Hurst")


def make_file(path: Path, contests: int, rows_wanted: int | None = None) -> int:
    """Write the candidates file; return how many rows it has."""
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for ward in range(contests):
            council = f"borough{ward // 50:03d}"
            election = f"local.{council}.2026-05-07"
            parish = ward % 50 == 49
            organisation = (
                f"Ward{ward:05d} Parish Council" if parish else f"Borough {ward // 50:03d} Council"
            )
            # 1 to 4 candidates, 2.6 a contest on average: 16,900 rows for 6,500 contests.
            per = rows_wanted // contests if rows_wanted else (1, 2, 3, 3, 4)[ward % 5]
            for n in range(per):
                party, party_id, description = PARTIES[(ward + n) % len(PARTIES)]
                forename = FORENAMES[(ward + n) % len(FORENAMES)]
                surname = SURNAMES[(ward * 7 + n) % len(SURNAMES)]
                person = 100000 + ward * 10 + n
                writer.writerow(
                    [
                        person,
                        f"{forename} {surname}",
                        election,
                        f"local.{council}.ward-{ward:05d}.2026-05-07",
                        "2026-05-07",
                        "True",
                        party,
                        party_id,
                        description,
                        f"gss:E0{ward:07d}",
                        f"Ward {ward:05d}",
                        "False",
                        2 if per > 2 and ward % 3 == 0 else 1,
                        organisation,
                        f"c{person}@example.org",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f"https://candidates.example/elections/{ward}/",
                    ]
                )
                rows += 1
    return rows


def timed(args: list[str]) -> tuple[float, str]:
    """Seconds one process takes to run ``args``, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr or done.stdout}")
    return took, done.stdout


def in_process(csv_path: Path, db: Path) -> float:
    """Seconds the import service takes in this process (opening the database apart)."""
    db.unlink(missing_ok=True)
    desk = CountDesk.open(db)
    start = time.perf_counter()
    desk.import_candidates(csv_path, "Bench")
    took = time.perf_counter() - start
    desk.close()
    return took


def before(ref: str, folder: Path, night: Path) -> float:
    """Seconds REF's ``countdesk-cli import`` takes on the same file (its code from git)."""
    code = folder / "before"
    code.mkdir()
    archive = subprocess.run(
        ["git", "archive", ref, "desktop", "reports", "resources"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop.cli", "import", str(night), "--db", str(folder / "b.db")],
        capture_output=True,
        check=True,
        cwd=code,
        env=env,
    )
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    ref = None
    if "--before" in argv:
        at = argv.index("--before")
        ref = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    contests = int(argv[0]) if argv else 6500
    runs = int(argv[1]) if len(argv) > 1 else 3
    cli = [sys.executable, "-m", "desktop.cli"]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        f = Path(folder)
        night = f / "may.csv"
        rows = make_file(night, contests)
        best_cli = best_service = float("inf")
        for run in range(runs):
            db = f / f"cli-{run}.sqlite"
            took, said = timed([*cli, "import", str(night), "--db", str(db), "--operator", "B"])
            best_cli = min(best_cli, took)
            best_service = min(best_service, in_process(night, f / "service.sqlite"))
        desk = CountDesk.open(db)
        verdict = desk.verify()
        made = len(desk.contests())
        desk.close()
        print(
            f"{rows:,} rows, {contests:,} contests ({made:,} imported); best of {runs} runs; "
            f"load average at start {load:.2f} on {os.cpu_count()} CPUs"
        )
        print(f"  {said.splitlines()[0] if said else ''}")
        print(f"verify after the import: {'intact' if verdict.intact else 'NOT INTACT'}")
        print(f"import service alone: {best_service:.2f} s")
        met = best_cli <= BUDGET_S and verdict.intact and made == contests
        print(
            f"countdesk-cli import, one process: {best_cli:.2f} s; budget within {BUDGET_S:g} s: "
            f"{'met' if met else 'NOT MET'}"
        )
        if ref is not None:
            old = before(ref, f, night)
            print(f"{ref}'s countdesk-cli import of the same file, one process: {old:.2f} s")
        big = f / "big.csv"
        big_rows = make_file(big, 25000, rows_wanted=100000)
        took = in_process(big, f / "big.sqlite")
        print(f"{big_rows:,} rows (25,000 contests), import service alone: {took:.2f} s")
    return 0 if met else 1


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
