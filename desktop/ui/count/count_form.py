"""The fields of the count, in ballot order: each candidate's votes (and bundle fields), with
several seats the valid ballot papers counted, each heading of rejected papers, and the ballot
papers verified: papers counted + rejected = papers verified, keyed in that order."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.services import LiveCount
from desktop.ui.count.figure_edit import FigureEdit, FigureRow, focus_field
from desktop.ui.layouts import clear_layout
from desktop.ui.wrapping_label import WrappingLabel


class CountForm(QWidget):
    """The grid of figure fields; what is typed in them is handed on as signals of the row."""

    #: A figure was typed in a row's field (FigureRow).
    typed = Signal(object)
    #: A row's figure was accepted (FigureRow, and whether to move on to the next field).
    accepted = Signal(object, bool)
    #: Full bundles or a part-bundle was typed (FigureRow).
    bundle_typed = Signal(object)
    #: A row's bundles were accepted (FigureRow, and whether to move on to the next field).
    bundle_accepted = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(1)
        #: The rows in ballot order, then the valid papers counted (several seats), the
        #: rejected papers and the papers verified.
        self.rows: list[FigureRow] = []

    def clear(self) -> None:
        """Take every field away."""
        clear_layout(self.grid)
        self.rows = []

    def build(self, live: LiveCount) -> None:
        """Lay out a field for every figure of this count."""
        bold = QFont(self.font())
        bold.setBold(True)
        grid = self.grid
        grid_row = 0

        def section(text: str) -> None:
            nonlocal grid_row
            label = QLabel(text)
            label.setFont(bold)
            grid.addWidget(label, grid_row, 0, 1, 7)
            grid_row += 1

        if live.contest.type.referendum:
            # The question in full, as on the ballot paper, above the votes for each answer.
            question = WrappingLabel(f"Question: {live.contest.question}")
            question.setAccessibleName("The referendum's question")
            grid.addWidget(question, grid_row, 0, 1, 7)
            grid_row += 1
            section("Votes for each answer, in the ballot paper's order")
        else:
            section("Votes for each candidate, in ballot order")
        size = live.contest.bundle_size
        for position, candidate in enumerate(live.candidates, start=1):
            what = f"Votes for {candidate.display_name}"
            row = self._add_row("votes", candidate.id, what, candidate.display_name)
            number = QLabel(f"{position}.")
            name = QLabel(candidate.display_name)
            name.setFont(bold)
            # The whole description, as on the ballot paper: on two lines where there is no room.
            description = WrappingLabel(candidate.description)
            name.setBuddy(row.edit)
            grid.addWidget(number, grid_row, 0)
            grid.addWidget(name, grid_row, 1)
            grid.addWidget(description, grid_row, 2)
            grid.addWidget(self._bundle_box(row, size), grid_row, 3)
            grid.addWidget(row.edit, grid_row, 4)
            grid_row += 1
            grid.addWidget(row.message, grid_row, 1, 1, 5)
            grid_row += 1

        if live.contest.seats > 1:
            # Several seats are reconciled on papers: Q + R = P, keyed in that order.
            section("Ballot papers counted")
            row = self._add_row("counted", None, "Valid ballot papers counted")
            label = QLabel("Valid ballot papers counted (papers in the bundles, not votes)")
            label.setWordWrap(True)
            label.setBuddy(row.edit)
            grid.addWidget(label, grid_row, 1, 1, 3)
            grid.addWidget(row.edit, grid_row, 4)
            grid_row += 1
            grid.addWidget(row.message, grid_row, 1, 1, 5)
            grid_row += 1

        section("Rejected ballot papers")
        for heading in live.contest.type.headings:
            what = f"Rejected papers ({heading.letter}) {heading.label.lower()}"
            row = self._add_row("rejected", heading.key, what)
            note = "" if heading.wholly_rejected else " – not in the total"
            label = QLabel(f"({heading.letter}) {heading.label}{note}")
            label.setWordWrap(True)  # a long heading wraps rather than widening the form
            label.setBuddy(row.edit)
            grid.addWidget(label, grid_row, 1, 1, 3)
            grid.addWidget(row.edit, grid_row, 4)
            grid_row += 1
            grid.addWidget(row.message, grid_row, 1, 1, 5)
            grid_row += 1

        row = self._add_row("papers", None, "Ballot papers verified")
        from_boxes = live.papers_from_verification
        label = QLabel(
            "Ballot papers verified (from the verification)"
            if from_boxes
            else "Ballot papers verified"
        )
        if from_boxes:
            row.edit.setToolTip(
                "The total counted at verification: change a box's figure in the Verification tab."
            )
        label.setFont(bold)
        label.setBuddy(row.edit)
        grid.addWidget(label, grid_row, 1, 1, 3)
        grid.addWidget(row.edit, grid_row, 4)
        grid_row += 1
        grid.addWidget(row.message, grid_row, 1, 1, 5)
        grid_row += 1
        grid.setRowStretch(grid_row, 1)
        grid.setColumnStretch(5, 1)
        # A widget added to a layout already on screen appears only at the next turn of the
        # event loop, and until then cannot take the keyboard: show the fields now, so that
        # opening a contest puts the keyboard in its first field at once, not on a button.
        for row in self.rows:
            row.edit.show()

    def set_keying(self, *, bundles: bool, locked: bool, papers_fixed: bool) -> list[FigureEdit]:
        """Show or hide the bundle fields and lock what cannot be keyed now; return the fields
        the keyboard goes through, in order (Tab order set), votes first."""
        self.show_bundles(bundles)
        order: list[FigureEdit] = []
        for row in self.rows:
            if row.kind == "votes":
                typed_here = not bundles and not locked
                row.edit.setReadOnly(not typed_here)
                for edit in (row.bundles, row.part):
                    if edit is not None:
                        edit.setReadOnly(locked)
                if bundles and not locked and row.bundles is not None and row.part is not None:
                    order += [row.bundles, row.part]
                elif typed_here:
                    order.append(row.edit)
            else:
                fixed = locked or (row.kind == "papers" and papers_fixed)
                row.edit.setReadOnly(fixed)
                if not fixed:
                    order.append(row.edit)
        for row in self.rows:
            in_order = row.edit in order
            row.edit.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if in_order else Qt.FocusPolicy.NoFocus
            )
            # Fixed figures look fixed (greyed), not like empty boxes that ignore typing.
            fixed = locked or (row.kind == "papers" and papers_fixed)
            row.edit.setEnabled(not fixed)
            for edit in (row.bundles, row.part):
                if edit is not None:
                    edit.setEnabled(not locked)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        return order

    def show_bundles(self, on: bool) -> None:
        """Show or hide the bundle fields of every candidate."""
        for i in range(self.grid.count()):
            item = self.grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.objectName() == "bundleBox":
                widget.setVisible(on)

    def _add_row(self, kind: str, key: int | str | None, what: str, name: str = "") -> FigureRow:
        edit = FigureEdit()
        edit.setAccessibleName(what)
        message = QLabel()
        message.setWordWrap(True)
        message.setObjectName("figureMessage")
        message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        message.setAccessibleName(f"Problem with {what}")
        message.hide()
        row = FigureRow(kind, key, what, name, edit, message)
        edit.textEdited.connect(lambda _t, r=row: self.typed.emit(r))
        edit.accepted.connect(lambda r=row: self.accepted.emit(r, True))
        edit.editingFinished.connect(lambda r=row: self.accepted.emit(r, False))
        self.rows.append(row)
        return row

    def _bundle_box(self, row: FigureRow, size: int) -> QWidget:
        """Full bundles × size + part-bundle, for a candidate's votes."""
        name = row.name
        row.bundles = FigureEdit()
        row.bundles.setAccessibleName(f"Full bundles for {name}")
        row.bundles.setToolTip(f"Full bundles of {size}")
        row.part = FigureEdit()
        row.part.setAccessibleName(f"Part-bundle for {name}")
        row.part.setToolTip(f"Ballot papers in the part-bundle (fewer than {size})")
        times = QLabel(f"× {size} +")
        times.setObjectName("bundleTimes")
        bundle_box = QWidget()
        bundle_layout = QHBoxLayout(bundle_box)
        bundle_layout.setContentsMargins(0, 0, 0, 0)
        bundle_layout.addWidget(row.bundles)
        bundle_layout.addWidget(times)
        bundle_layout.addWidget(row.part)
        bundle_box.setObjectName("bundleBox")
        for edit in (row.bundles, row.part):
            edit.textEdited.connect(lambda _t, r=row: self.bundle_typed.emit(r))
        row.bundles.accepted.connect(lambda r=row: focus_field(r.part))
        row.part.accepted.connect(lambda r=row: self.bundle_accepted.emit(r, True))
        row.part.editingFinished.connect(lambda r=row: self.bundle_accepted.emit(r, False))
        return bundle_box
