"""The candidates of one contest as an editable table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate
from desktop.ui.context import UiContext
from desktop.ui.tables import ColumnsTableModel, Index
from desktop.ui.undo import apply_edit

#: The candidate fields shown after the ballot position, in column order.
CANDIDATE_FIELDS = ("surname", "forenames", "common_surname", "common_forenames", "description")
CANDIDATE_COLUMNS = (
    "Ballot position",
    "Surname",
    "Forenames",
    "Commonly used surname",
    "Commonly used forenames",
    "Description",
)
#: Header text as shown: long names on two lines so the columns stay narrow.
HEADINGS = (
    "Ballot\nposition",
    "Surname",
    "Forenames",
    "Commonly used\nsurname",
    "Commonly used\nforenames",
    "Description",
)
_FIELD_WORDS = {
    "surname": "surname",
    "forenames": "forenames",
    "common_surname": "commonly used surname",
    "common_forenames": "commonly used forenames",
    "description": "description",
}


class CandidateTableModel(ColumnsTableModel):
    """The candidates of one contest in ballot order, addressed by id (``Qt.UserRole``).

    ``setData`` corrects a name or description through the services as an undoable edit, returns
    False on refusal (``refused`` carries the reason) and re-sorts when the ballot order changes,
    moving persistent indexes (and so the selection) with the candidate.
    """

    #: The words of a refused edit, for the view to show.
    columns = CANDIDATE_COLUMNS
    headings = HEADINGS

    refused = Signal(str)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: True once the contest is declared: names print on the kept declaration.
        self.locked = False
        self._ctx = ctx
        self._contest_id: str | None = None
        self._candidates: list[Candidate] = []
        # Undoing a removal adds the candidate again under a new id; old id → new id.
        self._renumbered: dict[int, int] = {}

    # -- what the model shows ------------------------------------------------------------

    @property
    def contest_id(self) -> str | None:
        """The contest shown, or None."""
        return self._contest_id

    def set_contest(self, contest_id: str | None) -> None:
        """Show the candidates of another contest (or none)."""
        self.beginResetModel()
        self._contest_id = contest_id
        self._candidates = self._fetch()
        self.endResetModel()

    def _fetch(self) -> list[Candidate]:
        if self._contest_id is None:
            return []
        return list(self._ctx.desk.candidates(self._contest_id))

    def reload(self) -> None:
        """Read the candidates again, signalling only what changed (rows keep their candidate)."""
        new = self._fetch()
        old_ids = [c.id for c in self._candidates]
        new_ids = [c.id for c in new]
        if sorted(old_ids) != sorted(new_ids):
            self.beginResetModel()
            self._candidates = new
            self.endResetModel()
            return
        if old_ids != new_ids:
            self.layoutAboutToBeChanged.emit()
            row_of = {cid: row for row, cid in enumerate(new_ids)}
            persistent = self.persistentIndexList()
            moved = [
                self.index(row_of[old_ids[p.row()]], p.column()) if p.isValid() else p
                for p in persistent
            ]
            self._candidates = new
            self.changePersistentIndexList(persistent, moved)
            self.layoutChanged.emit()
            if new:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(new) - 1, self.columnCount() - 1)
                )
            return
        before = self._candidates
        self._candidates = new
        for row, (old, now) in enumerate(zip(before, new, strict=True)):
            if old != now:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def candidate(self, row: int) -> Candidate:
        """The candidate on this row."""
        return self._candidates[row]

    def row_of(self, candidate_id: int) -> int | None:
        """The row of the candidate with this id, or None if they are not shown."""
        candidate_id = self.follow(candidate_id)
        for row, c in enumerate(self._candidates):
            if c.id == candidate_id:
                return row
        return None

    def follow(self, candidate_id: int) -> int:
        """The id a candidate has now, following any removal undone since (which gives a new id)."""
        while candidate_id in self._renumbered:
            candidate_id = self._renumbered[candidate_id]
        return candidate_id

    def note_renumbered(self, old_id: int, new_id: int) -> None:
        """Record that the candidate once ``old_id`` is now ``new_id`` (removal undone)."""
        if old_id != new_id:
            self._renumbered[old_id] = new_id

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 Qt override
        return 0 if parent.isValid() else len(self._candidates)

    def is_editable(self, index: Index) -> bool:
        return index.column() > 0 and not self.locked

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._candidates):
            return None
        candidate = self._candidates[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return candidate.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return index.row() + 1
            return getattr(candidate, CANDIDATE_FIELDS[column - 1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                how = "as set from the SOPN" if candidate.ballot_position else "alphabetical"
                return f"Ballot position {index.row() + 1}: {how}."
            if column <= 4 and candidate.split_to_confirm:
                return (
                    f"On the ballot paper and declaration: {candidate.display_name}. The surname "
                    f"was taken from “{candidate.person_name}” with its particle: check it "
                    "against the statement of persons nominated, then Confirm names and order."
                )
            if column <= 4:
                return f"On the ballot paper and declaration: {candidate.display_name}"
            return candidate.description or "No description: printed blank."
        if role == Qt.ItemDataRole.DecorationRole and column == 1 and candidate.split_to_confirm:
            # Not by colour alone: the sign, and the tooltip and the line below say why.
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() == 0
            or self._contest_id is None
        ):
            return False
        candidate = self._candidates[index.row()]
        field = CANDIDATE_FIELDS[index.column() - 1]
        old = getattr(candidate, field)
        new = " ".join(("" if value is None else str(value)).split())
        contest_id = self._contest_id
        candidate_id = candidate.id

        def apply(text: object) -> None:
            self._ctx.desk.update_candidate(
                contest_id, self.follow(candidate_id), self._ctx.operator(), **{field: str(text)}
            )
            self.after_edit(contest_id)

        what = f"the {_FIELD_WORDS[field]} of {candidate.display_name}"

        def refused(error: CountDeskError) -> None:
            self.refused.emit(f"Not saved: {what}. {error}")

        return apply_edit(self._ctx.undo_stack, f"Change {what}", apply, old, new, refused)

    # -- edits -----------------------------------------------------------------------------

    def after_edit(self, contest_id: str) -> None:
        """What follows every applied edit: the table reads again and every view hears of it."""
        if contest_id == self._contest_id:
            self.reload()
        self._ctx.events.setup_changed.emit(contest_id)


@dataclass
class CandidatePresence:
    """A candidate who is added or removed by undoable edits; the id changes on each re-add."""

    ctx: UiContext
    model: CandidateTableModel
    contest_id: str
    candidate_id: int | None
    after: Callable[[], None]

    def apply(self, names: object) -> None:
        """Add the candidate with these names (a dict), or remove them (None)."""
        desk, operator = self.ctx.desk, self.ctx.operator()
        if names is None:
            assert self.candidate_id is not None
            desk.remove_candidate(self.contest_id, self.model.follow(self.candidate_id), operator)
        else:
            assert isinstance(names, dict)
            added = desk.add_candidate(self.contest_id, operator, **names)
            if self.candidate_id is not None:
                self.model.note_renumbered(self.model.follow(self.candidate_id), added.id)
            self.candidate_id = added.id
        self.after()


def names_of(candidate: Candidate) -> dict[str, str]:
    """The candidate's names and description, by field."""
    return {field: getattr(candidate, field) for field in CANDIDATE_FIELDS}
