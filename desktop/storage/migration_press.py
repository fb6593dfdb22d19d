"""Migration 0024: the previous result of a contest's seat, for the press summary's change in
share since the previous election (DOMAIN.md §4). Never on the declaration.

Kept beside ``migrations.py`` (which lists it). Like every migration it is never edited once
shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m0024_previous_results(db: Database) -> None:
    """One previous result per contest (replaced whole when imported again, audited), and its
    candidates with their party and votes as the earlier election's results file gives them.

    It is no figure of this night's count, so the lock on a declared contest does not cover
    it: the press asks for the change since last time after the declaration.
    """
    db.execute(
        """CREATE TABLE previous_results (
            contest_id TEXT PRIMARY KEY REFERENCES contests(id),
            election_id TEXT NOT NULL,
            ballot_id TEXT NOT NULL,
            poll_date TEXT NOT NULL,
            seats INTEGER NOT NULL CHECK (seats >= 1),
            source TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            operator TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE previous_candidates (
            id INTEGER PRIMARY KEY,
            contest_id TEXT NOT NULL REFERENCES previous_results(contest_id),
            position INTEGER NOT NULL,
            person_name TEXT NOT NULL,
            party_id TEXT NOT NULL DEFAULT '',
            party_name TEXT NOT NULL DEFAULT '',
            votes INTEGER NOT NULL CHECK (votes >= 0),
            elected INTEGER NOT NULL CHECK (elected IN (0, 1)),
            UNIQUE (contest_id, position)
        )"""
    )
