"""The line above the count form saying which entry is being keyed, and by whom.

Double entry (README, "Double entry"): the first entry, then the second by another operator,
blind; while the two differ a supervisor compares them; figures sent back are keyed again.
The line never shows a figure of either entry: it reads only the outline (names and fields).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.double_entry import PAPERS, EntryMode, EntryOutline, EntryStage
from desktop.services.common import name_key
from desktop.ui.count.figure_edit import FigureEdit, FigureRow
from desktop.ui.keys import candidate_key, heading_key

#: Where the supervisor's comparison is, as the Night menu names it.
COMPARE = "Night › Compare the two entries…, Ctrl+Shift+E"


def row_field(row: FigureRow) -> str | None:
    """The double-entry field a row of the form keys ("votes:ID", "rejected:KEY", …)."""
    if row.kind == "votes":
        return f"votes:{candidate_key(row.key)}"
    if row.kind == "rejected":
        return f"rejected:{heading_key(row.key)}"
    if row.kind == "counted":
        return PAPERS
    return None


def same_operator(a: str, b: str) -> bool:
    """Whether two operator names are one person's (case and spacing ignored, as P104)."""
    return bool(a) and name_key(a) == name_key(b)


def entry_words(outline: EntryOutline, operator: str, standing: int | None = None) -> str:
    """Which entry is being keyed and by whom, in words; ``standing``: the number of the count
    that stands, while the figures shown are its own."""
    stage = outline.stage
    if outline.mode is EntryMode.DOUBLE and stage is EntryStage.NONE and standing is not None:
        return (
            f"Count {standing} stands, its figures keyed twice and agreed. A recount is keyed "
            "twice again."
        )
    if outline.mode is EntryMode.SINGLE and stage is EntryStage.NONE:
        by = f" (switched by {outline.switched_by})" if outline.switched_by else ""
        return f"Single entry{by}: the count stands once recorded."
    if stage is EntryStage.NONE:
        return f"First entry — keyed by {operator}."
    if stage is EntryStage.FIRST:
        if same_operator(outline.first_operator, operator):
            return (
                f"First entry by {outline.first_operator} is in: the second entry is keyed by "
                "another operator, without seeing it (change the operator at the top right)."
            )
        return f"Second entry — keyed by {operator}, blind."
    if stage is EntryStage.DIFFER:
        n = len(outline.differences)
        return (
            f"The entries differ in {n} figure{'s' if n != 1 else ''}: a supervisor compares "
            f"them ({COMPARE})."
        )
    fields = "; ".join(words for _name, words in outline.sent_back)
    if same_operator(outline.first_operator, operator):
        return (
            f"Figures sent back: {fields}. {outline.first_operator} keyed the first entry: "
            "another operator keys them again (change the operator at the top right)."
        )
    return f"Figures sent back: key again from the count sheet: {fields} — keyed by {operator}."


def record_text(outline: EntryOutline | None, standing: int | None = None) -> str:
    """The Record button's words: which entry recording it makes. ``standing``: the figures
    shown are those of the count that stands, so there is nothing to record, and the button
    (disabled) names no entry that nobody is keying."""
    if standing is not None and (outline is None or outline.stage is EntryStage.NONE):
        return "&Record count"
    if outline is None or (outline.mode is EntryMode.SINGLE and outline.stage is EntryStage.NONE):
        return "&Record count"
    if outline.stage is EntryStage.NONE:
        return "&Record first entry"
    if outline.stage is EntryStage.REKEY:
        return "&Record the figures keyed again"
    return "&Record second entry"


class EntryLine(QLabel):
    """The entry indicator above the count form; says also what may be keyed now."""

    #: Whether the two entries differ (the supervisor's comparison is offered).
    differ_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Which entry is keyed")
        self.setStyleSheet("font-weight: bold; padding: 2px;")
        self.outline: EntryOutline | None = None
        self.operator = ""

    def show_outline(
        self, outline: EntryOutline | None, operator: str, standing: int | None = None
    ) -> None:
        """Show where double entry stands for this operator (``standing``: the number of the
        count whose figures are shown, once it stands)."""
        differed = self.differ
        self.outline, self.operator = outline, operator
        self.setText(entry_words(outline, operator, standing) if outline is not None else "")
        self.setVisible(outline is not None)
        if self.differ != differed:
            self.differ_changed.emit(self.differ)

    @property
    def differ(self) -> bool:
        """Whether the two entries differ."""
        return self.outline is not None and self.outline.stage is EntryStage.DIFFER

    @property
    def entry_noun(self) -> str:
        """The entry keyed now, for the line under the count ("" when keyed once)."""
        outline = self.outline
        if outline is None or (outline.mode is EntryMode.SINGLE and not outline.first_operator):
            return ""
        return {
            EntryStage.NONE: "the first entry",
            EntryStage.FIRST: "the second entry",
            EntryStage.REKEY: "the figures sent back",
        }.get(outline.stage, "")

    @property
    def rekey(self) -> bool:
        """Whether only figures sent back are keyed now."""
        return self.outline is not None and self.outline.stage is EntryStage.REKEY

    @property
    def locked_reason(self) -> str | None:
        """Why nothing may be keyed by this operator now, or None."""
        outline = self.outline
        if outline is None or outline.stage is EntryStage.NONE:
            return None
        if outline.stage is EntryStage.DIFFER:
            return (
                "Nothing is keyed while the entries differ: a supervisor compares them with the "
                f"count sheet ({COMPARE})."
            )
        if same_operator(outline.first_operator, self.operator):
            return (
                f"{outline.first_operator} keyed the first entry: another operator keys the "
                "count sheet again (change the operator at the top right)."
            )
        return None

    def keyed(self, row: FigureRow) -> bool:
        """Whether this row is keyed now (only figures sent back, while they are awaited)."""
        if not self.rekey or self.outline is None:
            return True
        return row_field(row) in {name for name, _words in self.outline.sent_back}

    def restrict(self, rows: list[FigureRow], order: list[FigureEdit]) -> None:
        """Fix every field but those keyed now, and take them out of the keyboard's ``order``."""
        for row in rows:
            if self.keyed(row):
                continue
            for edit in (row.edit, row.bundles, row.part):
                if edit is not None:
                    edit.setReadOnly(True)
                    edit.setEnabled(False)
                    if edit in order:
                        order.remove(edit)
