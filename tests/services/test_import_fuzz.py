"""Fuzzing the candidates import: whatever the file, a sentence or a whole import.

Files are made of rows that are mostly right, with names, descriptions, ids, dates and seats
drawn from fragments that have broken the import before (control, bidirectional and invisible
characters, stray quotes and line breaks, letters the declaration's font lacks, huge numbers),
written well-formed, or naively joined with commas (so quotes and commas go astray), or
encoded as Excel's Windows-1252. The oracles do not ask the importer: a refusal is a
CountDeskError with a printable message and nothing stored; an import holds every text as the
one text check allows it, every bound, and exactly one candidate per line of the file that has
a letter on it (no row lost to a stray quote).
"""

from __future__ import annotations

import csv
import io
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.domain.characters import refused_why
from desktop.domain.errors import CountDeskError
from desktop.domain.text import MAX_TEXT
from desktop.services import CountDesk
from reports.glyphs import can_print

COLUMNS = [
    "person_id",
    "person_name",
    "election_id",
    "ballot_paper_id",
    "election_date",
    "party_name",
    "post_label",
    "seats_contested",
]

FRAGMENTS = [
    "Ann", "Able", "Ó Briain", "Llŷr", "Zoë", "O'Neill", "Shastri-Hurst", " ", "  ", ",", '"',
    "\n", "\r\n", "\x00", "\x1b[2J", "\x85", "\x9b", "\u202e", "\u2067", "\u200b", "\ufeff",
    "\u00ad", "حسن", "张伟", "😀", "דוד", "123", "-", "'", "é", "e\u0301", "\t", "=SUM(1)",
    "ß", "ŉ", "x" * 120,
]  # fmt: skip
DAY = "2026-05-07"
IDS = [
    (f"local.testshire.{DAY}", f"local.testshire.hyphen.{DAY}"),
    (f"local.testshire.{DAY}", f"local.testshire.dash.{DAY}"),
    (f"parl.{DAY}", f"parl.hyphen.by.{DAY}"),
    (f"local.Test\x1bshire.{DAY}", f"local.Test\x1bshire.hyphen.{DAY}"),
    (f"zzz.{DAY}", f"zzz.hyphen.{DAY}"),
    (f"local.testshire.{DAY}", f"parl.hyphen.{DAY}"),
]
DATES = [DAY, DAY, DAY, "1899-12-31", "2101-01-01", "2026-13-01", "07/05/2026", ""]
SEATS = ["1", "1", "1", "3", "50", "51", "0", "-1", "99999999999999999999", "٣", " 2 ", "2.0"]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3))
garbage = st.lists(fragment, min_size=0, max_size=4).map("".join)
NAMES = ["Ann Able", "Bob Baker", "Cat Cole", "Dara Ó Briain", "Llŷr Gruffydd", "Zoë Ðorđević"]
PARTIES = ["Independent", "Green Party", "", "Labour and Co-operative Party"]


@st.composite
def rows(draw: st.DrawFn) -> list[str]:
    """A row as a council's export would have it."""
    election_id, contest_id = draw(st.sampled_from(IDS[:3]))
    return [
        str(draw(st.integers(1, 12))),
        draw(st.sampled_from(NAMES)),
        election_id,
        contest_id,
        DAY,
        draw(st.sampled_from(PARTIES)),
        "Dash Ward" if ".dash." in contest_id else "Hyphen Ward",
        "3" if ".dash." in contest_id else "1",
    ]


@st.composite
def mutated(draw: st.DrawFn, row: list[str]) -> list[str]:
    """The row with one field replaced by something that has broken an import before."""
    row = list(row)
    column = draw(st.integers(0, len(COLUMNS) - 1))
    if COLUMNS[column] == "election_date":
        row[column] = draw(st.sampled_from(DATES))
    elif COLUMNS[column] == "seats_contested":
        row[column] = draw(st.sampled_from(SEATS))
    elif COLUMNS[column] in ("election_id", "ballot_paper_id"):
        row[2], row[3] = draw(st.sampled_from(IDS))
    elif draw(st.booleans()):
        row[column] = draw(garbage)
    else:
        row[column] = row[column] + draw(garbage)
    return row


@st.composite
def files(draw: st.DrawFn) -> bytes:
    body = draw(st.lists(rows(), min_size=1, max_size=6, unique_by=lambda r: r[0]))
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3])) if body else 0):
        at = draw(st.integers(0, len(body) - 1))
        body[at] = draw(mutated(body[at]))
    if draw(st.booleans()):
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(body)
        content = out.getvalue()
    else:
        content = "\n".join(",".join(r) for r in [COLUMNS, *body]) + "\n"
    if draw(st.integers(0, 9)) == 0:
        lines = content.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        lines.insert(at, draw(st.sampled_from(["", ",,,", '"', "a,b"])))
        content = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    return content.encode(encoding, errors="replace")


def _letters(line: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in line)


def _clean(value: str, *, letter: bool) -> bool:
    return (
        value == value.strip()
        and len(value) <= MAX_TEXT
        and unicodedata.is_normalized("NFC", value)
        and all(refused_why(ch) is None for ch in value)
        and all(can_print(ch) and all(can_print(c) for c in ch.upper()) for ch in value)
        and (not value or not letter or _letters(value))
    )


_DB: dict[str, CountDesk] = {}


def _desk() -> CountDesk:
    """One database for the examples (a refusal must leave it as it was), made anew when its
    contests fill up, so that a file is refused for what it holds, not for the examples before."""
    if "desk" in _DB and len(_DB["desk"].store.audit()) > 300:
        _DB.pop("desk").close()
    if "desk" not in _DB:
        folder = Path(tempfile.mkdtemp(prefix="countdesk-fuzz-"))
        _DB["desk"] = CountDesk.open(folder / "fuzz.sqlite", create=True)
        _DB["folder"] = folder  # type: ignore[assignment]
    return _DB["desk"]


@settings(
    max_examples=2000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(files())
def test_an_imported_file_is_refused_in_a_sentence_or_imported_whole_and_clean(data: bytes):
    desk = _desk()
    path = Path(str(_DB["folder"])) / "candidates.csv"
    path.write_bytes(data)
    audit_before = len(desk.store.audit())
    contests_before = {c.id: len(desk.candidates(c.id)) for c in desk.contests()}
    try:
        summary = desk.import_candidates(path, "Fuzzer")
    except CountDeskError as refusal:
        message = str(refusal)
        assert all(refused_why(ch) is None for ch in message), message
        event("refused")
        assert len(desk.store.audit()) == audit_before
        assert {c.id: len(desk.candidates(c.id)) for c in desk.contests()} == contests_before
        return
    event("imported")
    text = data.decode("utf-8-sig")
    candidate_lines = [line for line in text.splitlines()[1:] if _letters(line)]
    assert summary.candidates_created + summary.candidates_unchanged == len(candidate_lines)
    for contest in desk.contests():
        assert 1 <= contest.seats <= 50
        assert 1900 <= contest.poll_date.year <= 2100
        assert _clean(contest.area, letter=True)
        candidates = desk.candidates(contest.id)
        assert len(candidates) <= 100
        for c in candidates:
            assert c.surname and _clean(c.surname, letter=True)
            assert _clean(c.forenames, letter=False)
            assert _clean(c.person_name, letter=True)
            assert _clean(c.description, letter=True)
