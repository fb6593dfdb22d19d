"""The count screen's entry line in words: which entry is keyed, by whom; once a count stands,
that it stands, keyed twice — not an invitation to key a first entry of it."""

from __future__ import annotations

from desktop.domain.double_entry import EntryMode, EntryOutline, EntryStage
from desktop.ui.count.entry_line import entry_words


def test_before_any_entry_the_first_entry_is_keyed_by_the_operator():
    outline = EntryOutline(EntryMode.DOUBLE, EntryStage.NONE)
    assert entry_words(outline, "Clerk 1") == "First entry — keyed by Clerk 1."


def test_once_a_count_stands_the_line_says_so():
    outline = EntryOutline(EntryMode.DOUBLE, EntryStage.NONE)
    words = entry_words(outline, "Clerk 1", standing=2)
    assert words.startswith("Count 2 stands, its figures keyed twice and agreed.")
    assert "First entry" not in words.split(".")[0]
