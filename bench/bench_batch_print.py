"""Budget: every declaration of a May night in one command.

650 single-seat wards of 12 candidates, each counted (keyed twice) and declared through the
services, so that every kept declaration is the real one. Timed, each as one process from the
shell (interpreter start-up included):

- ``countdesk-cli declaration --all -o DIR`` on the declared database: the kept PDFs written;
- ``countdesk-cli declaration --all --draft -o DIR`` on the same night before the declaration
  (every contest at the provisional result): 650 draft declarations rendered and written;
- the bare baseline, measured in the same run: one Python process that imports reportlab and
  renders 650 A4 documents of one twelve-row table, each written to a file.

Budget: each command within 10 s, or within 2x the bare loop. Before this command a night's
declarations took one process per contest (about 187 s for 650).
The databases are built once and kept in the temporary folder (``countdesk-bench-batch-N``);
building them takes a few minutes.
Run: uv run python bench/bench_batch_print.py [CONTESTS] [RUNS]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from _common import ROOT, key_twice

from desktop.services import CountDesk
from desktop.services.proof import Proof
from tests.sample import many_contests_csv

BUDGET_S = 10.0
BUDGET_TIMES_BARE = 2.0
CANDIDATES = 12
OFFICER = "A. N. Officer"

BARE = """
import sys, io
from pathlib import Path
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
out = Path(sys.argv[1]); n = int(sys.argv[2])
styles = getSampleStyleSheet()
for c in range(n):
    rows = [[f"SURNAME{c:04d}X{i}, Candidate{i}", f"Party {i}", f"{100 * (i + 1):,}"]
            for i in range(12)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(
        [Paragraph(f"Declaration of result of poll: Ward {c:04d}", styles["Title"]), Table(rows)]
    )
    (out / f"bare-{c:04d}.pdf").write_bytes(buf.getvalue())
"""


def build(folder: Path, contests: int) -> tuple[Path, Path]:
    """(the night at the provisional result, the same night declared), built once and kept."""
    provisional = folder / "provisional.sqlite"
    declared = folder / "declared.sqlite"
    if provisional.exists() and declared.exists():
        return provisional, declared
    start = time.perf_counter()
    work = folder / "building.sqlite"
    work.unlink(missing_ok=True)
    desk = CountDesk.open(work)
    desk.import_candidates(many_contests_csv(folder / "may.csv", contests, CANDIDATES), "Bench")
    for contest in desk.contests():
        papers = sum(100 * (n + 1) for n in range(CANDIDATES)) + 10
        desk.set_contest_details(
            contest.id,
            "Bench",
            electorate=20000,
            ballot_papers_verified=papers,
            officer_name=OFFICER,
            imprint_address="Town Hall, Testborough",
            authority="Testborough Borough Council",
        )
        desk.advance(contest.id, "verification", "Bench")
        desk.advance(contest.id, "count", "Bench")
        votes = {c.id: 100 * (n + 1) for n, c in enumerate(desk.candidates(contest.id))}
        rejected = dict.fromkeys(desk.draft(contest.id).rejected, 0)
        rejected[next(iter(rejected))] = 10
        key_twice(desk, contest.id, votes, rejected)
        desk.advance(contest.id, "provisional", "Supervisor")
    desk.close()
    shutil.copyfile(work, provisional)
    desk = CountDesk.open(work)
    # Declaring runs the full check of the audit chain first, over the whole database each
    # time: 650 of them would take most of an hour to build. The declarations kept are the real
    # ones all the same; the chain is checked once, whole, at the end.
    with mock.patch.object(Proof, "require_intact", lambda self, doing: None):
        for contest in desk.contests():
            desk.declare(contest.id, "Supervisor", OFFICER)
    assert desk.verify().intact
    desk.close()
    work.rename(declared)
    print(f"built {contests} contests in {time.perf_counter() - start:.0f} s")
    return provisional, declared


def timed(args: list[str]) -> float:
    """Seconds one process takes to run ``args`` (which must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr or done.stdout}")
    return took


def main(argv: list[str]) -> int:
    contests = int(argv[0]) if argv else 650
    runs = int(argv[1]) if len(argv) > 1 else 3
    folder = Path(tempfile.gettempdir()) / f"countdesk-bench-batch-{contests}"
    folder.mkdir(exist_ok=True)
    provisional, declared = build(folder, contests)
    cli = [sys.executable, "-m", "desktop.cli"]
    env_load = os.getloadavg()
    best: dict[str, float] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            o = Path(out)
            bare_dir = o / "bare"
            bare_dir.mkdir()
            times = {
                "bare reportlab loop": timed(
                    [sys.executable, "-c", BARE, str(bare_dir), str(contests)]
                ),
                "declaration --all": timed(
                    [*cli, "declaration", "--all", "--db", str(declared), "-o", str(o / "all")]
                ),
                "declaration --all --draft": timed(
                    [
                        *cli,
                        "declaration",
                        "--all",
                        "--draft",
                        "--db",
                        str(provisional),
                        "-o",
                        str(o / "draft"),
                    ]
                ),
            }
            written = len(list((o / "all").glob("declaration-*.pdf")))
            drafted = len(list((o / "draft").glob("draft-declaration-*.pdf")))
            assert written == contests and drafted == contests, (written, drafted)
        for name, took in times.items():
            best[name] = min(best.get(name, took), took)
    bare = best["bare reportlab loop"]
    print(
        f"{contests} contests of {CANDIDATES} candidates, best of {runs} runs "
        f"(load average at start {env_load[0]:.2f}, {os.cpu_count()} CPUs)"
    )
    print(f"bare reportlab loop ({contests} twelve-row tables, one process): {bare:.2f} s")
    met_all = True
    for name in ("declaration --all", "declaration --all --draft"):
        took = best[name]
        met = took <= BUDGET_S or took <= BUDGET_TIMES_BARE * bare
        met_all &= met
        print(
            f"{name}: {took:.2f} s ({took / bare:.2f}x bare); budget within {BUDGET_S:g} s or "
            f"{BUDGET_TIMES_BARE:g}x bare ({BUDGET_TIMES_BARE * bare:.2f} s): "
            f"{'met' if met else 'NOT MET'}"
        )
    return 0 if met_all else 1


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
