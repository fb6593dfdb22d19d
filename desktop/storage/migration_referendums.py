"""Migration 0020: referendums — a contest's question.

Kept beside ``migrations.py`` (which lists it) so that neither module grows past a readable
length. Like every migration it is never edited once shipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m0020_referendum_question(db: Database) -> None:
    """A referendum's question, in full as on the ballot paper. Every other contest, and every
    contest made before, has none (""). A referendum's answers are kept as its candidate rows."""
    db.execute("ALTER TABLE contests ADD COLUMN question TEXT NOT NULL DEFAULT ''")
