"""Reading a CSV file whole, or refusing it whole: the checks every import shares.

A file that is not UTF-8 (Excel's "CSV (Comma delimited)" writes Windows-1252) is refused,
naming the line and the byte, never guessed at: a guess can turn "Thérèse" into "ThÃ©rÃ¨se".
A stray quote mark makes the lines after it one field, and the rows in them vanish: a field
that runs over a line break, and a row with more or fewer fields than the header, refuse the
file with the line number. Blank lines are skipped. The values are as the file gives them; each
import checks its own columns (``desktop.domain.text``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.characters import visible
from desktop.domain.errors import CountDeskError

SAVE_AS_UTF8 = (
    "save it as “CSV UTF-8 (Comma delimited)” (in Excel: File › Save As) and import it again"
)


@dataclass(frozen=True)
class CsvRow:
    """One row of the file: the line it starts on, and its value for each column."""

    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        """The row's value in ``column``; "" where the file has no such column."""
        return self.values.get(column, "")


def read_csv_text(path: str | Path) -> str:
    """The text of a UTF-8 file (a byte order mark is dropped), or CountDeskError saying why not."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CountDeskError(f"There is no file at {path}: check the name and folder.") from None
    except IsADirectoryError:
        raise CountDeskError(f"{path} is a folder: choose the CSV file in it.") from None
    except OSError as exc:
        raise CountDeskError(f"{path} cannot be read: {exc.strerror}.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = raw[exc.start]
        line = raw[: exc.start].count(b"\n") + 1
        guess = bytes([byte]).decode("cp1252", errors="replace")
        meant = (
            f" (in Windows-1252, “{guess}”)" if guess.isprintable() and guess != "\ufffd" else ""
        )
        raise CountDeskError(
            f"{path.name} is not saved as UTF-8: line {line} has the byte 0x{byte:02X}{meant}, "
            "as Excel's “CSV (Comma delimited)” writes letters such as é. So that no name is "
            f"mangled, {SAVE_AS_UTF8}; nothing was imported."
        ) from None


def csv_rows(
    text: str,
    name: str,
    required: tuple[str, ...],
    *,
    header: Callable[[str], str] = str.strip,
    columns_hint: str,
) -> tuple[list[str], list[CsvRow]]:
    """The header and every row of a CSV text, or CountDeskError naming the line.

    ``header`` tidies each column name; ``required`` are the columns the import needs, and
    ``columns_hint`` says in words what file is expected, for a file without them.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        first = next(reader, [])
        columns = [header(c) for c in first]
        if not any(columns):
            if text.strip():
                raise CountDeskError(
                    f"Line 1 of {name} is blank: the header row must be the first line, then "
                    "one row a line. Remove the blank line; nothing was imported."
                )
            raise CountDeskError(f"{name} is empty: it needs a header row, then one row a line.")
        if reader.line_num > 1:
            raise _runs_over(name, 1, reader.line_num)
        missing = [c for c in required if c not in columns]
        if missing:
            listed = ", ".join(f"“{c}”" for c in missing)
            raise CountDeskError(
                f"{name} has no {listed} column{'s' if len(missing) > 1 else ''}, which "
                f"CountDesk needs: {columns_hint}"
            )
        twice = next((c for c in columns if c and columns.count(c) > 1), None)
        if twice is not None:
            raise CountDeskError(
                f"{name} has two “{visible(twice, line_feeds=False)}” columns: keep one, so "
                "that it is clear which to read; nothing was imported."
            )
        rows: list[CsvRow] = []
        end = reader.line_num
        for fields in reader:
            start, end = end + 1, reader.line_num
            if end > start:
                raise _runs_over(name, start, end)
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(columns):
                more = "more" if len(fields) > len(columns) else "fewer"
                raise CountDeskError(
                    f"Line {start} of {name} has {more} fields than the header ({len(fields)}, "
                    f"not {len(columns)}): a comma too many or too few, or a stray quote mark. "
                    "Correct that row; nothing was imported."
                )
            rows.append(CsvRow(start, dict(zip(columns, fields, strict=True))))
    except csv.Error as exc:
        raise CountDeskError(
            f"Line {reader.line_num} of {name} cannot be read as CSV ({exc}); nothing was imported."
        ) from None
    return columns, rows


def _runs_over(name: str, start: int, end: int) -> CountDeskError:
    return CountDeskError(
        f'Line {start} of {name} has a field that runs on to line {end}: a stray quote mark (") '
        "makes the lines after it part of one field, and their rows would be lost. Remove the "
        "stray quote, or close it; nothing was imported."
    )
