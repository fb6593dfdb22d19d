"""The Setup tab: a contest's candidates in ballot order, and the facts printed on its documents.

Every edit goes through the services and onto the undo stack (``apply_edit``); a refusal is shown
in words beside what was typed, and the stored value stays as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Election, Status
from desktop.domain.wording import date_in_words
from desktop.ui.context import UiContext
from desktop.ui.headings import heading_label
from desktop.ui.message_line import MessageLine
from desktop.ui.setup import candidate_edits
from desktop.ui.setup.ballot_order_bar import BallotOrderBar
from desktop.ui.setup.candidate_table_model import CandidateTableModel
from desktop.ui.setup.facts_box import FactsBox
from desktop.ui.setup.new_candidate_dialog import ask_new_candidate, confirm_removal
from desktop.ui.setup.referendum_panel import ReferendumPanel, show_as_referendum
from desktop.ui.setup.role_row import locked_text
from desktop.ui.text import sentence_case

ADD_CANDIDATE_SHORTCUT = "Ctrl+Shift+N"
LOCKED_CANDIDATES = (
    "Candidates cannot be added, removed or renamed once a count is recorded: the figures "
    "recorded stand against the candidates as they were."
)


class SetupView(QWidget):
    """Candidates and facts of one contest, each edit saved through the services and undoable."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest_id: str | None = None
        self._contest: Contest | None = None
        self._election: Election | None = None
        self._selected_before_reset: int | None = None

        self.model = CandidateTableModel(ctx, self)
        self.model.refused.connect(self._on_refused)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)

        self._build_header()
        self._build_candidates()
        self.facts_box = FactsBox(ctx)
        self.facts_box.saved.connect(self._on_fact_saved)
        self.fact_edits = self.facts_box.fact_edits
        self.fact_messages = self.facts_box.fact_messages
        self.imprint_preview = self.facts_box.imprint_preview
        self._facts_scroll = QScrollArea()
        self._facts_scroll.setWidget(self.facts_box)
        self._facts_scroll.setWidgetResizable(True)
        self._facts_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._fit_facts()
        self._facts_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.candidates_box)
        splitter.addWidget(self._facts_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 400])

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.subheading_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(splitter, 1)

        ctx.events.setup_changed.connect(self._on_setup_changed)
        ctx.events.count_changed.connect(self._on_count_changed)
        self.set_contest(None)

    # -- building ------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.heading_label = heading_label(scale=1.5)
        self.subheading_label = QLabel()
        self.hint_label = QLabel(
            "Check the candidates against the statement of persons nominated and fill in the "
            "facts printed on the declaration. The count is entered in the Count tab (Ctrl+3)."
        )
        self.hint_label.setWordWrap(True)
        #: Why the last edit of the candidates was refused (hidden once an edit is saved).
        self.message_line = MessageLine()
        self.message_label = self.message_line.label

    def _build_candidates(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Candidates in ballot order")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self._fit_rows()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.table_label = table_label = QLabel(
            "Candidates in &ballot order (double-click or F2 to correct a name)"
        )
        table_label.setBuddy(self.table)
        table_label.setWordWrap(True)

        self.add_button = QPushButton("&Add candidate…")
        self.add_button.setAccessibleName("Add candidate")
        self.remove_button = QPushButton("&Remove candidate…")
        self.remove_button.setAccessibleName("Remove candidate")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

        self.add_action = QAction("Add candidate", self)
        self.add_action.setShortcut(QKeySequence(ADD_CANDIDATE_SHORTCUT))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self._on_add_clicked)
        self.addAction(self.add_action)
        # Delete removes only when the table itself has focus, not while a name is being typed.
        self.remove_action = QAction("Remove candidate", self.table)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._on_remove_clicked)
        self.table.addAction(self.remove_action)

        self.lock_label = QLabel()
        self.lock_label.setWordWrap(True)
        self.lock_label.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.candidates_box = QGroupBox("Candidates")
        box = QVBoxLayout(self.candidates_box)
        self.referendum_panel = ReferendumPanel(self._ctx)
        self.referendum_panel.refused.connect(self._on_refused)
        box.addWidget(self.referendum_panel)
        box.addWidget(table_label)
        box.addWidget(self.table, 1)
        box.addWidget(self.message_line)
        box.addLayout(buttons)
        box.addWidget(self.lock_label)
        self.order_bar = BallotOrderBar(self._ctx, self.model, self.selected_candidate_id)
        self.order_bar.refused.connect(self._on_refused)
        box.addWidget(self.order_bar)

    def _fit_rows(self) -> None:
        """Rows a little taller than their text: sixteen candidates fit, and an editor is not cut."""
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)

    def _fit_facts(self) -> None:
        """Room for the facts' labels and a figure beside them, in the text size there is."""
        metrics = self.facts_box.fontMetrics()
        label = metrics.horizontalAdvance("Declaring officer's name")
        field = metrics.horizontalAdvance("Acting Returning Officer")
        scrollbar = self._facts_scroll.verticalScrollBar().sizeHint().width()
        self._facts_scroll.setMinimumWidth(label + field + scrollbar + 48)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):
            self._fit_rows()
            self.table.resizeColumnsToContents()  # names and descriptions not cut in large text
            self._fit_facts()

    # -- public --------------------------------------------------------------------------

    @property
    def contest_id(self) -> str | None:
        """The contest shown, or None."""
        return self._contest_id

    def set_contest(self, contest_id: str | None) -> None:
        """Show another contest (or none): its candidates and facts, with no old messages."""
        self._contest_id = contest_id
        self._show_message("")
        self.facts_box.clear_problems()
        self.model.set_contest(contest_id)
        self.refresh()

    def refresh(self) -> None:
        """Read the contest again and show it; a field with a problem keeps what was typed."""
        contest_id = self._contest_id
        self._contest = self._ctx.desk.contest(contest_id) if contest_id else None
        self._election = self._ctx.desk.election_of(self._contest) if self._contest else None
        if self.model.contest_id != contest_id:
            self.model.set_contest(contest_id)
        else:
            self.model.reload()
        self._show_header()
        self.facts_box.show_facts(self._contest, self._election)
        self._show_lock()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._on_selection_changed()
        self.table.resizeColumnsToContents()

    def selected_candidate_id(self) -> int | None:
        """The id of the selected candidate, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(rows[0].data(Qt.ItemDataRole.UserRole))

    def select_candidate(self, candidate_id: int) -> None:
        """Select the candidate with this id (if shown)."""
        row = self.model.row_of(candidate_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def add_candidate(self, surname: str, forenames: str = "", description: str = "") -> bool:
        """Add a candidate as an undoable edit; on refusal show why and return False."""
        if self._contest_id is None or self._contest is None:
            return False
        names = {"surname": surname, "forenames": forenames, "description": description}
        return candidate_edits.add_candidate(self, self._contest_id, names)

    def remove_candidate(self, candidate_id: int) -> bool:
        """Remove a candidate as an undoable edit (no confirmation); False if refused."""
        if self._contest_id is None:
            return False
        return candidate_edits.remove_candidate(self, self._contest_id, candidate_id)

    # -- slots -----------------------------------------------------------------------------

    def _on_setup_changed(self, contest_id: str) -> None:
        if contest_id == self._contest_id:
            self._show_message("")  # a change was saved: an earlier refusal no longer applies
            self.refresh()

    def _on_count_changed(self, contest_id: str) -> None:
        if contest_id == self._contest_id:
            # Ballot papers verified follow the verification; status may have moved too.
            self._contest = self._ctx.desk.contest(contest_id)
            self.facts_box.show_facts(self._contest, self._election)
            self._show_lock()

    def _on_refused(self, message: str | CountDeskError) -> None:
        self._show_message(str(message))
        self._show_lock()

    def _on_model_about_to_be_reset(self) -> None:
        self._selected_before_reset = self.selected_candidate_id()

    def _on_model_reset(self) -> None:
        if self._selected_before_reset is not None:
            self.select_candidate(self._selected_before_reset)
        self._selected_before_reset = None

    def _on_selection_changed(self, *_: object) -> None:
        counted = self._counted() or self.model.locked
        self.remove_button.setEnabled(self.selected_candidate_id() is not None and not counted)
        self.remove_action.setEnabled(not counted)

    def _on_add_clicked(self) -> None:
        if self._contest_id is None or not self.add_button.isEnabled():
            return
        names = ask_new_candidate(self)
        if names is not None:
            self.add_candidate(**names)

    def _on_remove_clicked(self) -> None:
        candidate_id = self.selected_candidate_id()
        row = None if candidate_id is None else self.model.row_of(candidate_id)
        if candidate_id is None or row is None or self._contest is None:
            return
        candidate = self.model.candidate(row)
        if confirm_removal(self, candidate.display_name, self._contest.area):
            self.remove_candidate(candidate_id)

    def _on_fact_saved(self) -> None:
        self._show_message("")
        self.refresh()

    # -- helpers ---------------------------------------------------------------------------

    def _counted(self) -> bool:
        return self._contest_id is not None and (
            self._ctx.desk.latest_count(self._contest_id) is not None
        )

    def _show_header(self) -> None:
        contest, election = self._contest, self._election
        if contest is None or election is None:
            self.heading_label.setText("No contest chosen")
            self.subheading_label.setText("Choose a contest in the list to set it up.")
            return
        self.heading_label.setText(contest.area)
        # The title the services give an election names its type ("UK Parliamentary by-election").
        kind = election.title or sentence_case(contest.type.name)
        self.subheading_label.setText(f"{kind} · poll on {date_in_words(contest.poll_date)}")
        self.subheading_label.setToolTip(f"Election type: {contest.type.name}")

    def _show_lock(self) -> None:
        counted = self._counted()
        declared = self._contest is not None and self._contest.status is Status.DECLARED
        shown = self._contest is not None and self._contest.status is Status.PROVISIONAL
        has_contest = self._contest_id is not None
        # Names beside recorded figures are fixed: changing them is how figures get transposed.
        self.model.locked = declared or counted
        can_change = has_contest and not counted and not declared
        self.add_button.setEnabled(can_change)
        self.add_action.setEnabled(can_change)
        self.add_button.setToolTip(
            LOCKED_CANDIDATES if counted else f"Add a candidate ({ADD_CANDIDATE_SHORTCUT})"
        )
        self.remove_button.setToolTip(
            LOCKED_CANDIDATES if counted else "Remove the selected candidate (Delete)"
        )
        if declared:
            assert self._contest is not None
            locked = locked_text(self._contest)
        else:
            locked = f"{LOCKED_CANDIDATES} The number of seats is fixed for the same reason."
        self.lock_label.setText(locked if counted or declared else "")
        self.lock_label.setVisible(counted or declared)
        from_boxes = has_contest and self._ctx.desk.papers_from_verification(self._contest_id or "")
        self.facts_box.show_lock(
            counted=counted, declared=declared, shown=shown, from_boxes=from_boxes
        )
        area = self._contest.area if self._contest else ""
        self.order_bar.show_state(area, counted=counted, declared=declared)
        show_as_referendum(self, self._contest)
        self._on_selection_changed()

    def _show_message(self, message: str) -> None:
        self.message_line.say(message)
