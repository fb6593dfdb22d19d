"""Benchmark: a whole May night on shared boxes — 30 wards (three of them 3-seat), the PCC and
two parish polls, 5 boxes a ward and 3 postal batches.

Budgets (median): the combined boxes file (365 rows) imported under 1,000 ms; a contest's
shared boxes and suggestions read (as the Verification screen does on each refresh) under
20 ms; the combined statement made under 1,500 ms. Run: ``uv run python bench/bench_combined.py``.
Prints its figures; timed assertions do not belong in the test suite.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _common import report, time_ms

from desktop.services import CountDesk

WARDS = 30
BOXES_A_WARD = 5
PCC = "pcc.testshire.2026-05-07"


def _candidates(path: Path) -> None:
    rows = [
        "person_name,election_id,ballot_paper_id,election_date,party_name,post_label,"
        "seats_contested,organisation_name"
    ]
    for w in range(WARDS):
        seats = 3 if w in (2, 11, 20) else 1
        for n in range(seats + 2):
            rows.append(
                f"Cand{n} Surname{w}x{n},local.testborough.2026-05-07,"
                f"local.testborough.ward{w:02d}.2026-05-07,2026-05-07,Party {n},Ward {w:02d},"
                f"{seats},Testborough Council"
            )
    for n in range(4):
        rows.append(
            f"Pcc{n} Person{n},pcc.2026-05-07,{PCC},2026-05-07,Party {n},Testshire,1,"
            "Testshire Police"
        )
    for parish in ("rawdon", "baildon"):
        for n in range(4):
            rows.append(
                f"Par{n} {parish}son{n},local.{parish}-parish.2026-05-07,"
                f"local.{parish}-parish.village.2026-05-07,2026-05-07,,Village,3,"
                f"{parish.title()} Parish Council"
            )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _boxes(path: Path) -> None:
    rows = ["reference,name,kind,poll,issued"]
    for w in range(WARDS):
        ward = f"local.testborough.ward{w:02d}.2026-05-07"
        for b in range(BOXES_A_WARD):
            ref, name = f"W{w:02d}-{b + 1}", f"Ward {w:02d} station {b + 1}"
            rows.append(f"{ref},{name},box,{ward},{900 + b}")
            rows.append(f"{ref},{name},box,pcc.2026-05-07,{898 + b}")
            if w in (0, 1) and b == 0:
                parish = ("rawdon", "baildon")[w]
                rows.append(f"{ref},{name},box,local.{parish}-parish.2026-05-07,400")
    for p in range(3):
        rows.append(f"PV{p + 1},Postal votes opening session {p + 1},postal,pcc.2026-05-07,2500")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> int:
    """Time the import, the screen's read and the statement; 0 if every budget is met."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _candidates(root / "candidates.csv")
        _boxes(root / "boxes.csv")
        template = root / "night.sqlite"
        desk = CountDesk.open(template)
        desk.import_candidates(root / "candidates.csv", "Importer")
        desk.close()
        runs = iter(range(1000))

        def import_once() -> None:
            copy = root / f"run{next(runs)}.sqlite"
            copy.write_bytes(template.read_bytes())
            fresh = CountDesk.open(copy)
            fresh.polls.import_csv(root / "boxes.csv", "Supervisor")
            fresh.close()

        ok = report("Combined boxes file imported", time_ms(import_once, 5, warmup=1), 1000)
        desk = CountDesk.open(template)
        desk.polls.import_csv(root / "boxes.csv", "Supervisor")
        ward = "local.testborough.ward00.2026-05-07"

        def read_screen() -> None:
            desk.polls.suggestions_for(ward, desk.polls.shared_with(ward))

        ok &= report("A ward's shared boxes and suggestions", time_ms(read_screen, 50), 20)
        ok &= report(
            "Combined statement made", time_ms(desk.polls.statement_pdf, 5, warmup=1), 1500
        )
        desk.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
