"""A database with one whole night behind it, and a way to change it with plain sqlite3.

Batley and Spen: boxes verified (one variance explained, one acknowledged), a first count, a
recount that ties, lots, the provisional result, the declaration.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV

OFFICER = "Jacqui Gedman"


def build_declared_night(path: Path) -> Path:
    """Make the declared night's database at ``path``; return it."""
    desk = CountDesk.open(path)
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(
        BATLEY,
        "Supervisor",
        electorate=79373,
        officer_name=OFFICER,
        imprint_address="Civic Centre 3, Huddersfield HD1 2TG",
        authority="Kirklees Council",
    )
    desk.advance(BATLEY, "verification", "Supervisor")
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    for line in desk.verification(BATLEY):
        counted = {"BS03": line.issued + 1, "BS07": line.issued - 1}.get(
            line.reference, line.issued
        )
        desk.set_box_counted(BATLEY, line.reference, counted, "Verifier")
    desk.set_box_explanation(BATLEY, "BS03", "A paper issued at BS04 went in BS03", "Supervisor")
    desk.acknowledge_warning(BATLEY, "V501", "The account is wrong", "Supervisor", "BS07")
    desk.advance(BATLEY, "count", "Supervisor")
    ids = {n: desk.candidate_by_name(BATLEY, n).id for n in BATLEY_VOTES}
    # Every count keyed twice, by two operators (double entry), as by default.
    desk.set_entry_mode(BATLEY, "double", "Supervisor")
    first = {ids[n]: v for n, v in BATLEY_VOTES.items()}
    desk.enter_count(BATLEY, first, BATLEY_REJECTED, "C1")
    desk.enter_count(BATLEY, first, BATLEY_REJECTED, "C3")
    desk.advance(BATLEY, "provisional", "Supervisor")
    leadbeater, stephenson = ids["Kim Leadbeater"], ids["Ryan Stephenson"]
    desk.record_recount_request(
        BATLEY, "Supervisor", requested_by="Agent", role="agent", for_candidate=stephenson,
        decision="full",
    )  # fmt: skip
    tie = {ids[n]: v for n, v in BATLEY_VOTES.items()}
    tie[leadbeater] -= 161
    tie[stephenson] += 162
    tie[ids["Andrew Smith"]] -= 1
    desk.enter_count(BATLEY, tie, BATLEY_REJECTED, "C2")
    desk.enter_count(BATLEY, tie, BATLEY_REJECTED, "C4")
    # The tie is shown as the provisional result; the lot is drawn after it (rule 49).
    desk.advance(BATLEY, "provisional", "Supervisor")
    desk.record_lots(BATLEY, [stephenson], "Returning Officer", "Drawn from a box", "Agents")
    desk.declare(BATLEY, "Supervisor", OFFICER)
    desk.close()
    return path


def copy_of(original: Path, folder: Path) -> Path:
    """A copy of a database file to change."""
    target = folder / "night.sqlite"
    shutil.copyfile(original, target)
    return target


def raw(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Run statements with plain sqlite3, as another program would (no CountDesk pragmas)."""
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql, params if "?" in sql else ())
        conn.commit()
    finally:
        conn.close()


def trigger_sql(path: Path, name: str) -> str:
    """The SQL of one trigger, to restore it after an edit."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
        ).fetchone()[0]
    finally:
        conn.close()


def past_guard(path: Path, guard: str, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Remove one of the database's guards, make the edit, and put the guard back as it was."""
    restore = trigger_sql(path, guard)
    raw(path, f"DROP TRIGGER {guard}", *statements, restore, params=params)


def past_every_trigger(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Remove every trigger (the chain's too), make the edit, and put every one back."""
    conn = sqlite3.connect(path)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        saved = triggers.fetchall()
    finally:
        conn.close()
    raw(
        path,
        *(f"DROP TRIGGER {name}" for name, _ in saved),
        *statements,
        *(sql for _, sql in saved),
        params=params,
    )
