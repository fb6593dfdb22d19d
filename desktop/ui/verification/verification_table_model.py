"""The boxes of one contest as a table: issued, counted, variance and explanation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, format_figure, parse_figure
from desktop.domain.verification import BoxKind, VerificationLine
from desktop.domain.wording import signed
from desktop.ui.context import UiContext
from desktop.ui.tables import ColumnsTableModel, Index
from desktop.ui.undo import apply_edit
from desktop.ui.verification.columns import (
    COLUMNS,
    COUNTED,
    EDITABLE,
    EXPLANATION,
    FIGURES,
    HEADINGS,
    ISSUED,
    KIND,
    KIND_WORDS,
    NAME,
    NOT_EXPLAINED,
    REFERENCE,
    VARIANCE,
    listed_order,
    needs_explanation,
)


class VerificationTableModel(ColumnsTableModel):
    """The boxes and postal batches of one contest, addressed by reference (``Qt.UserRole``).

    ``setData`` saves a Counted figure, an Explanation, or a correction of a box's name or papers
    issued through the services as an undoable edit; a figure that is not a whole number, or a
    refusal of the services, leaves the stored value as it is, says why (``refused``) and
    returns False.
    """

    #: The words of a refused edit, for the view to show.
    columns = COLUMNS
    headings = HEADINGS

    refused = Signal(str)
    #: An edit was saved (its words, e.g. "Papers counted for BS01: – → 2,510").
    saved = Signal(str)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: True when the verification may not change (declared, provisional result shown).
        self.read_only = False
        self._ctx = ctx
        self._contest_id: str | None = None
        self._lines: list[VerificationLine] = []
        #: Reference → the reason a supervisor gave for accepting its variance without
        #: explanation (the acknowledgement of V501 as the variance stands now).
        self._acknowledged: dict[str, str] = {}
        #: Reference → the other polls' papers in that box, where it is shared (combined polls).
        self._shared: dict[str, str] = {}

    # -- what the model shows ------------------------------------------------------------

    @property
    def contest_id(self) -> str | None:
        """The contest shown, or None."""
        return self._contest_id

    @property
    def lines(self) -> tuple[VerificationLine, ...]:
        """The lines shown, in the order shown."""
        return tuple(self._lines)

    def set_contest(self, contest_id: str | None) -> None:
        """Show the boxes of another contest (or none)."""
        self.beginResetModel()
        self._contest_id = contest_id
        self._lines, self._acknowledged = self._fetch()
        self.endResetModel()

    def _fetch(self) -> tuple[list[VerificationLine], dict[str, str]]:
        if self._contest_id is None:
            return [], {}
        desk = self._ctx.desk
        lines = listed_order(desk.verification(self._contest_id))
        if not any(needs_explanation(line) for line in lines):
            return lines, {}
        return lines, desk.accepted_variances(self._contest_id)

    def reload(self) -> None:
        """Read the boxes again, signalling only the rows that changed."""
        lines, acknowledged = self._fetch()
        if [x.reference for x in lines] != [x.reference for x in self._lines]:
            self.beginResetModel()
            self._lines, self._acknowledged = lines, acknowledged
            self.endResetModel()
            return
        before, before_ack = self._lines, self._acknowledged
        self._lines, self._acknowledged = lines, acknowledged
        last = self.columnCount() - 1
        for row, (old, new) in enumerate(zip(before, lines, strict=True)):
            ack_changed = (new.reference in before_ack) != (new.reference in acknowledged)
            if old != new or ack_changed:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def set_shared(self, shared: dict[str, str]) -> None:
        """The boxes that hold other polls' papers too: reference → those polls' figures."""
        if shared == self._shared:
            return
        self._shared = dict(shared)
        if self._lines:
            self.dataChanged.emit(self.index(0, REFERENCE), self.index(len(self._lines) - 1, KIND))

    def line(self, row: int) -> VerificationLine:
        """The box or batch on this row."""
        return self._lines[row]

    def row_of(self, reference: str) -> int | None:
        """The row of the box with this reference, or None."""
        for row, line in enumerate(self._lines):
            if line.reference == reference:
                return row
        return None

    def first_uncounted_row(self) -> int | None:
        """The row of the first box not yet counted, or None when all are."""
        for row, line in enumerate(self._lines):
            if line.counted is None:
                return row
        return None

    def is_acknowledged(self, reference: str) -> bool:
        """Whether a supervisor acknowledged this box's unexplained variance."""
        return reference in self._acknowledged

    # -- Qt overrides --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 Qt override
        return 0 if parent.isValid() else len(self._lines)

    def is_editable(self, index: Index) -> bool:
        return index.column() in EDITABLE and not self.read_only

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return line.reference
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == COUNTED:
                return "" if line.counted is None else format_figure(line.counted)
            if column == EXPLANATION:
                return line.explanation
            if column == NAME:
                return line.name
            return self._display(line, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column]} for {line.reference}: {self._spoken(line, column)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.DecorationRole and column == EXPLANATION:
            if needs_explanation(line) and line.reference not in self._acknowledged:
                style = QApplication.style()
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        if role == Qt.ItemDataRole.FontRole and column == EXPLANATION and needs_explanation(line):
            font = QFont()
            font.setBold(line.reference not in self._acknowledged)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in FIGURES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, line: VerificationLine, column: int) -> str:
        if column == REFERENCE:
            return line.reference
        if column == NAME:
            return line.name
        if column == KIND:
            word = KIND_WORDS[line.kind]
            return f"{word} (shared)" if line.reference in self._shared else word
        if column == ISSUED:
            return format_figure(line.issued)
        if column == COUNTED:
            return "" if line.counted is None else format_figure(line.counted)
        if column == VARIANCE:
            return signed(line.variance)
        if line.explanation:
            return line.explanation
        if needs_explanation(line):
            if line.reference in self._acknowledged:
                return f"Accepted: {self._acknowledged[line.reference]}"
            return NOT_EXPLAINED
        return ""

    def _spoken(self, line: VerificationLine, column: int) -> str:
        shown = self._display(line, column)
        if column == COUNTED and line.counted is None:
            return "not yet counted"
        if column == VARIANCE and line.variance is None:
            return "none until counted"
        return shown or "none"

    def _tooltip(self, line: VerificationLine, column: int) -> str | None:
        if column in (REFERENCE, NAME, KIND) and line.reference in self._shared:
            return f"{line.reference} {line.name} also holds: {self._shared[line.reference]}."
        if column == COUNTED:
            return (
                f"Ballot papers counted at verification for {line.reference}: type the figure; "
                "Enter saves it and moves down."
            )
        if column == VARIANCE:
            return (
                f"Counted − {line.account_word}: positive when more papers were found than the "
                "account says."
            )
        if column == EXPLANATION and needs_explanation(line):
            if line.reference in self._acknowledged:
                return f"{Code.V501} acknowledged by a supervisor; an explanation can still be recorded."
            return (
                f"{Code.V501}: the count differs from the ballot paper account with no "
                "explanation. "
                "Type why (or a supervisor acknowledges it before the count)."
            )
        if column == EXPLANATION and line.explanation:
            return line.explanation
        if column == EXPLANATION:
            return "Why the count differs from the ballot paper account, where it does."
        if column == ISSUED:
            shown = (
                f"Postal ballot papers returned in {line.reference}, from the postal vote openings"
                if line.kind is BoxKind.POSTAL
                else f"Ballot papers issued for {line.reference}, from its ballot paper account"
            )
            figures = [
                f"{value:,} {what}"
                for value, what in zip(
                    line.account_figures, ("unused", "spoilt", "tendered"), strict=True
                )
                if value is not None
            ]
            if figures:
                shown += f" (the account also gives {', '.join(figures)})"
            return shown + ("." if self.read_only else ": type to correct a figure listed wrongly.")
        if column == NAME:
            return line.name if self.read_only else f"{line.name} (type to correct the name)"
        if column == KIND:
            return (
                "A polling station's ballot box"
                if line.kind is BoxKind.BOX
                else ("A batch of postal ballot papers")
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() not in EDITABLE
            or self._contest_id is None
            or self.read_only
        ):
            return False
        line = self._lines[index.row()]
        if index.column() == COUNTED:
            return self._set_counted(line, value)
        if index.column() == ISSUED:
            return self._set_issued(line, value)
        if index.column() == NAME:
            return self._set_name(line, value)
        return self._set_explanation(line, value)

    # -- edits -----------------------------------------------------------------------------

    def _set_counted(self, line: VerificationLine, value: Any) -> bool:
        what = f"Papers counted for {line.reference}"
        if isinstance(value, int) and not isinstance(value, bool):
            new: int | None = value
        elif not str(value or "").strip():
            new = None
        else:
            try:
                new = parse_figure(str(value), what=what)
            except FigureProblem as problem:
                self.refused.emit(f"✖ {problem.code}: {problem.message} Nothing was saved.")
                return False
        contest_id, reference = self._contest_id, line.reference
        assert contest_id is not None
        desk, ctx = self._ctx.desk, self._ctx

        def apply(v: object) -> None:
            figure = v if isinstance(v, int) else None
            desk.set_box_counted(contest_id, reference, figure, ctx.operator())
            self._after_edit(contest_id)

        text = f"{what}: {format_figure(line.counted)} → {format_figure(new)}"
        return self._edit(text, what, apply, line.counted, new)

    def _set_explanation(self, line: VerificationLine, value: Any) -> bool:
        new = " ".join(("" if value is None else str(value)).split())
        contest_id, reference = self._contest_id, line.reference
        assert contest_id is not None
        desk, ctx = self._ctx.desk, self._ctx
        what = f"The explanation for {reference}"

        def apply(v: object) -> None:
            desk.set_box_explanation(contest_id, reference, str(v), ctx.operator())
            self._after_edit(contest_id)

        text = f"Explain the variance of {reference}"
        return self._edit(text, what, apply, line.explanation, new)

    def _set_issued(self, line: VerificationLine, value: Any) -> bool:
        what = f"Ballot papers issued for {line.reference}"
        if isinstance(value, int) and not isinstance(value, bool):
            new = value
        else:
            try:
                new = parse_figure("" if value is None else str(value), what=what)
            except FigureProblem as problem:
                self.refused.emit(f"✖ {problem.code}: {problem.message} Nothing was saved.")
                return False
        contest_id, reference = self._contest_id, line.reference
        assert contest_id is not None
        desk, ctx = self._ctx.desk, self._ctx

        def apply(v: object) -> None:
            assert isinstance(v, int)
            desk.correct_box(contest_id, reference, ctx.operator(), issued=v)
            self._after_edit(contest_id)

        text = f"{what}: {format_figure(line.issued)} → {format_figure(new)}"
        return self._edit(text, what, apply, line.issued, new)

    def _set_name(self, line: VerificationLine, value: Any) -> bool:
        # A blank name is the reference, as on import.
        new = " ".join(("" if value is None else str(value)).split()) or line.reference
        contest_id, reference = self._contest_id, line.reference
        assert contest_id is not None
        desk, ctx = self._ctx.desk, self._ctx
        what = f"The name of {reference}"

        def apply(v: object) -> None:
            desk.correct_box(contest_id, reference, ctx.operator(), name=str(v))
            self._after_edit(contest_id)

        text = f"Rename {reference}: {line.name} → {new}"
        return self._edit(text, what, apply, line.name, new)

    def _edit(
        self, text: str, what: str, apply: Callable[[object], None], old: object, new: object
    ) -> bool:
        """Apply one undoable edit through the services; tell the view it was saved or why not."""
        done = apply_edit(
            self._ctx.undo_stack, text, apply, old, new, lambda e: self._refused(what, e)
        )
        if done:
            self.saved.emit(text)
        return done

    def _refused(self, what: str, error: CountDeskError) -> None:
        self.refused.emit(f"✖ {what} was not saved. {error}")

    def _after_edit(self, contest_id: str) -> None:
        if contest_id == self._contest_id:
            self.reload()
        # Ballot papers verified are the total counted: the count checks against them.
        self._ctx.events.count_changed.emit(contest_id)
