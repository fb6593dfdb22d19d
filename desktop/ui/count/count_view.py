"""Count entry: every candidate's votes, the valid ballot papers counted (several seats), the
rejected papers and the ballot papers verified, keyed in that order with the live checks.

Keyboard first: focus starts on the first candidate's votes; Enter or Tab accepts a figure and
moves to the next, Shift+Tab goes back. A figure is saved (and undoable) the moment it is
accepted; a figure that is not a whole number is not saved, and says why beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Code
from desktop.domain.draft import Draft
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.services import LiveCount
from desktop.ui.context import UiContext, show_refusal
from desktop.ui.count.bundle_entry import save_bundles, show_bundle_total
from desktop.ui.count.count_form import CountForm
from desktop.ui.count.entry_line import EntryLine, record_text
from desktop.ui.count.figure_edit import FigureEdit, FigureRow, focus_field, say
from desktop.ui.count.figure_rows import (
    load_saved,
    parse_row,
    save_figure,
    state_words,
    typed_figures,
)
from desktop.ui.count.live_panel import LivePanel
from desktop.ui.count.recording import record
from desktop.ui.undo import apply_edit


class CountView(QWidget):
    """The count entry screen of one contest, with its live checks."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contest_id: str | None = None
        self.live: LiveCount | None = None
        self._order: list[FigureEdit] = []
        self._bundles_on = False

        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)

        left = QVBoxLayout()
        left.setSpacing(4)
        self.entry_line = EntryLine()
        left.addWidget(self.entry_line)
        options = QHBoxLayout()
        self.bundles_toggle = QCheckBox("Enter votes as &bundles + part-bundle")
        self.bundles_toggle.setAccessibleName("Enter votes as bundles and part-bundle")
        self.bundles_toggle.setToolTip("Ctrl+B")
        self.bundles_toggle.toggled.connect(self._on_bundles_toggled)
        options.addWidget(self.bundles_toggle)
        options.addStretch(1)
        left.addLayout(options)

        self.count_form = CountForm()
        self.count_form.typed.connect(self._on_typed)
        self.count_form.accepted.connect(self._on_accepted)
        self.count_form.bundle_typed.connect(self._on_bundle_typed)
        self.count_form.bundle_accepted.connect(self._on_bundle_accepted)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.count_form)
        self._scroll = scroll
        left.addWidget(scroll, 1)

        actions = QHBoxLayout()
        self.record_button = QPushButton("&Record count")
        self.record_button.setAccessibleName("Record count")
        self.record_button.setToolTip("Ctrl+Return: record these figures as the count that stands")
        self.record_button.clicked.connect(self.record_count)
        actions.addWidget(self.record_button)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName("Count status")
        actions.addWidget(self.state_label, 1)
        left.addLayout(actions)

        self.live_panel = LivePanel(self)
        self.live_panel.setMinimumWidth(380)
        outer.addLayout(left, 3)
        outer.addWidget(self.live_panel, 2)

        ctx.events.setup_changed.connect(self._on_setup_changed)
        ctx.events.count_changed.connect(self._on_count_changed)

    # -- building ------------------------------------------------------------------------

    def set_contest(self, contest_id: str | None) -> None:
        """Show the count of this contest (or nothing)."""
        self.contest_id = contest_id
        self._rebuild()

    @property
    def _rows(self) -> list[FigureRow]:
        return self.count_form.rows

    def _rebuild(self) -> None:
        self.count_form.clear()
        self._order = []
        if self.contest_id is None:
            self.live = None
            return
        self.live = self.ctx.desk.live_count(self.contest_id)
        self._read_entries()
        self.count_form.build(self.live)
        load_saved(self.live, self._rows)
        self._apply_bundle_mode()
        self._update_live()

    # -- keyboard order ------------------------------------------------------------------

    def _apply_bundle_mode(self) -> None:
        """Show or hide the bundle fields, lock what cannot be keyed now, and set the Tab order."""
        live, line = self.live, self.entry_line
        self._order = self.count_form.set_keying(
            bundles=self._bundles_on,
            locked=bool(live is not None and live.locked_reason) or bool(line.locked_reason),
            papers_fixed=live is not None and live.papers_from_verification,
        )
        line.restrict(self._rows, self._order)  # figures sent back: only they are keyed
        if self._order:
            QWidget.setTabOrder(self._order[-1], self.record_button)

    def first_field(self) -> FigureEdit | None:
        """The field where keying starts: the first candidate's votes (or bundles)."""
        return self._order[0] if self._order else None

    def focus_first_field(self) -> None:
        """Put the keyboard in the first field (see ``first_field``)."""
        self._put_keyboard(self.first_field())

    def focus_next_figure(self) -> None:
        """Put the keyboard where keying goes on: the first field with no figure yet, or the
        first field once every figure is in, always scrolled into sight."""
        empty = next((edit for edit in self._order if not edit.text().strip()), None)
        self._put_keyboard(empty or self.first_field())

    def _put_keyboard(self, edit: FigureEdit | None) -> None:
        """Focus a field, its figure selected to type over, and make sure it can be seen."""
        focus_field(edit)
        if edit is not None:
            self._scroll.ensureWidgetVisible(edit)

    def _focus_after(self, edit: FigureEdit) -> None:
        if edit in self._order:
            index = self._order.index(edit)
            if index + 1 < len(self._order):
                self._put_keyboard(self._order[index + 1])
            else:
                self.record_button.setFocus(Qt.FocusReason.TabFocusReason)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self.focusWidget() not in self._order:
            self.focus_next_figure()

    # -- typing and accepting ------------------------------------------------------------

    def _on_typed(self, row: FigureRow) -> None:
        ok, value = parse_row(row, row.edit.text())
        row.invalid = not ok
        if ok:
            say(row, "")
            row.typed = value
        else:
            row.typed = row.saved
        self._update_live()

    def _on_accepted(self, row: FigureRow, advance: bool = False) -> None:
        if self.contest_id is None or row.edit.isReadOnly() or not row.edit.isVisible():
            if advance:
                self._focus_after(row.edit)
            return
        ok, value = parse_row(row, row.edit.text())
        if not ok:
            row.invalid = True
            self._update_live()
            return  # not saved; the field keeps the text and says why
        row.invalid = False
        say(row, "")
        if row.kind == "papers" and value is None:
            if row.saved is not None:
                say(
                    row,
                    f"✖ {Code.F101}: Ballot papers verified is empty: type the total from the statement "
                    "of verification. The saved figure is kept.",
                )
                row.invalid = True
            if advance:
                self._focus_after(row.edit)
            return
        if value != row.saved and not self._save(row, value):
            return
        if value is not None:
            row.edit.setText(format_figure(value))
        if advance:
            self._focus_after(row.edit)

    def _save(self, row: FigureRow, value: int | None) -> bool:
        contest_id = self.contest_id
        assert contest_id is not None
        desk = self.ctx.desk

        def apply(v: object) -> None:
            figure = v if isinstance(v, int) else None
            draft = save_figure(desk, contest_id, row, figure, self.ctx.operator())
            if draft is None:
                self._after_save(contest_id)  # the ballot papers verified, a fact
            else:
                self._after_draft(contest_id, draft)

        text = f"{row.what}: {format_figure(row.saved)} → {format_figure(value)}"
        return apply_edit(
            self.ctx.undo_stack, text, apply, row.saved, value, lambda e: self._refused(e, row)
        )

    def _after_save(self, contest_id: str) -> None:
        """A fact of the contest changed (ballot papers verified): every view reads it again."""
        if contest_id == self.contest_id:
            self.live = self.ctx.desk.live_count(contest_id)
            load_saved(self.live, self._rows)
            self._update_live()
        self.ctx.events.count_changed.emit(contest_id)

    def _after_draft(self, contest_id: str, draft: Draft) -> None:
        """A figure of the count being keyed in was saved: show the draft the save returned.

        Nothing else is read: only the stage panel cares, and only when the figures stop (or
        start again) matching the count that stands.
        """
        matched_before = None
        if contest_id == self.contest_id and self.live is not None:
            matched_before = self.live.draft.recorded_as
            self.live = self.live.with_draft(draft)
            load_saved(self.live, self._rows)
            self._update_live()
        if matched_before != draft.recorded_as:
            # The figures stop (or start again) being the count that stands: the button says
            # which recording it would now make.
            self.record_button.setText(record_text(self.entry_line.outline, draft.recorded_as))
            self.ctx.events.night_changed.emit(contest_id)

    def _refused(self, error: CountDeskError, row: FigureRow | None = None) -> None:
        """Say why a figure was not saved, beside it too; the field keeps what was typed."""
        if row is not None:
            row.invalid = True  # kept as typed until it is saved
            say(row, f"✖ Not saved. {error}")
        show_refusal(self, "Figure not saved", error)

    # -- bundles -------------------------------------------------------------------------

    def _on_bundle_typed(self, row: FigureRow) -> None:
        assert self.live is not None
        show_bundle_total(self.live, row)
        self._update_live()

    def _on_bundle_accepted(self, row: FigureRow, advance: bool = False) -> None:
        assert row.part is not None
        contest_id = self.contest_id
        if contest_id is None:
            return
        assert self.live is not None
        saved = save_bundles(
            self.ctx, contest_id, self.live, row, self._after_draft, lambda e: self._refused(e, row)
        )
        if saved and advance:
            self._focus_after(row.part)

    def _on_bundles_toggled(self, on: bool) -> None:
        self._bundles_on = on
        if self._rows:
            self._apply_bundle_mode()
            self._put_keyboard(self.first_field())

    def set_bundle_mode(self, on: bool) -> None:
        """Switch between typing totals and typing bundles + part-bundle."""
        self.bundles_toggle.setChecked(on)

    # -- live checks and recording -------------------------------------------------------

    def _update_live(self) -> None:
        if self.live is None:
            return
        votes, rejected, papers, counted = typed_figures(self._rows)
        result = self.live.result(votes, rejected, papers, counted)
        self.live_panel.show_result(result)
        line = self.entry_line
        keyed = [r for r in self._rows if line.keyed(r)]
        text, can_record = state_words(self.live, keyed, self.live.pending_recount, line.entry_noun)
        if line.locked_reason and self.live.locked_reason is None:
            text, can_record = line.locked_reason, True  # Record says why not
        self.state_label.setText(text)
        self.record_button.setEnabled(can_record)
        self.last_result = result

    def record_count(self) -> None:
        """Record the figures keyed in: the count that stands, or the entry the line names."""
        if self.contest_id is not None:
            keyed, words = record(self, self.ctx, self.contest_id, self.entry_line)
            if keyed is not None:
                self._after_save(self.contest_id)
            if words:
                self.state_label.setText(words)

    # -- other views' changes ------------------------------------------------------------

    def _read_entries(self) -> None:
        """Read where double entry stands; the indicator and the Record button say it."""
        if self.contest_id is not None:
            outline = self.ctx.desk.entry_outline(self.contest_id)
            standing = self.live.draft.recorded_as if self.live is not None else None
            self.entry_line.show_outline(outline, self.ctx.operator(), standing)
            self.record_button.setText(record_text(outline, standing))

    def operator_changed(self) -> None:
        """Another operator is at the keyboard: which entry they key, and what they may key."""
        if self.live is not None:
            self._read_entries()
            self._apply_bundle_mode()
            self._update_live()

    def _on_setup_changed(self, contest_id: str) -> None:
        if contest_id == self.contest_id:
            self.rebuild_keeping_focus()

    def rebuild_keeping_focus(self) -> None:
        """Lay the fields out again (new names, a new text size), the keyboard where it was if it
        was in one of them; never taking it from another page."""
        focused = QApplication.focusWidget()
        index = self._order.index(focused) if focused in self._order else None
        self._rebuild()
        if index is not None and index < len(self._order):
            self._put_keyboard(self._order[index])

    def _on_count_changed(self, contest_id: str) -> None:
        if contest_id == self.contest_id and self.live is not None:
            fresh = self.ctx.desk.live_count(contest_id)
            before = self.entry_line.outline
            self._read_entries()
            if (
                self.entry_line.outline != before
                or fresh.draft != self.live.draft
                or fresh.contest != self.live.contest
                or fresh.papers_from_verification != self.live.papers_from_verification
                or fresh.pending_recount != self.live.pending_recount
            ):
                self.live = fresh
                load_saved(self.live, self._rows)
                self._apply_bundle_mode()
                self._update_live()
