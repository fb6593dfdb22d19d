"""The main window: navigator, the contest's stage of the night, its Setup, Verification, Count
and Documents tabs, and the menus."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, Status
from desktop.domain.wording import day_month_year, plural
from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from desktop.ui.count.count_view import CountView
from desktop.ui.documents.documents_view import DocumentsView
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.headings import make_heading
from desktop.ui.history.history_view import HistoryView
from desktop.ui.navigator.navigator_view import NavigatorView
from desktop.ui.night import ask
from desktop.ui.overview.screens import ElectionScreens
from desktop.ui.session import ContestSession
from desktop.ui.setup.setup_view import SetupView
from desktop.ui.start.start_page import StartPage
from desktop.ui.verification.verification_view import VerificationView
from desktop.ui.window.backup_status import BackupStatus
from desktop.ui.window.contest_tabs import ContestTabs
from desktop.ui.window.list_fold import ListFold
from desktop.ui.window.menus import build_menus, name_night_actions
from desktop.ui.window.placement import restore_place, save_place
from desktop.ui.window.status_panel import StatusPanel
from desktop.ui.window.tamper_banner import TamperBanner
from desktop.ui.window.text_size import current_point_size, set_point_size


class MainWindow(QMainWindow):
    """CountDesk's window over one database."""

    # The actions of the menus (built by ``build_menus``) that follow the contest open.
    print_action: QAction
    print_all_action: QAction
    save_action: QAction
    undo_action: QAction
    redo_action: QAction
    record_action: QAction
    bundles_action: QAction
    advance_action: QAction
    needs_action: QAction
    recount_action: QAction
    compare_action: QAction
    lots_action: QAction
    declare_action: QAction
    voting_areas_action: QAction
    save_local_totals_action: QAction
    record_error_action: QAction
    #: The window opened over another database in this one's place, kept from the collector.
    replacement: MainWindow | None = None

    def __init__(self, desk: CountDesk, database_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.database_path = Path(database_path)
        self.settings = QSettings()
        self.undo_stack = QUndoStack(self)
        self.events = ContestEvents(self)
        self.ctx = UiContext(desk, self.undo_stack, self.events, self.operator)
        self.session = ContestSession(desk, self.events, self)
        self.contest_id: str | None = None
        self.setWindowTitle(f"CountDesk – {self.database_path.name}")

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 4, 6, 0)
        outer.setSpacing(4)
        self.tamper_banner = TamperBanner(desk.opening_check())
        outer.addWidget(self.tamper_banner)

        header = QHBoxLayout()
        # Cut with … rather than widening the window past a laptop's screen in large text; the
        # stage of the night has a line of its own below.
        self.contest_label = ElidedLabel("No contest open", minimum=200)
        self.contest_label.setObjectName("contestHeader")
        make_heading(self.contest_label, scale=1.3)
        self.contest_label.setAccessibleName("Current contest")
        header.addWidget(self.contest_label, 1)
        operator_label = QLabel("&Operator:")
        self.operator_edit = QLineEdit(str(self.settings.value("operator", getpass.getuser())))
        self.operator_edit.setAccessibleName("Operator: who is keying in, for the audit log")
        self.operator_edit.setMaximumWidth(200)
        # Only a deliberate click changes who signs the audit rows: focus never falls here by
        # itself when a button is disabled or a dialog closes.
        self.operator_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.operator_edit.editingFinished.connect(self._on_operator_changed)
        operator_label.setBuddy(self.operator_edit)
        header.addWidget(operator_label)
        header.addWidget(self.operator_edit)
        outer.addLayout(header)
        self.status_panel = StatusPanel(self.ctx)
        self.status_panel.status_changed.connect(self._on_status_changed)
        self.status_panel.declare_requested.connect(self._on_declare)
        outer.addWidget(self.status_panel)

        self.navigator = NavigatorView(desk)
        self.navigator.contest_chosen.connect(self.open_contest)
        self.stack = QStackedWidget()
        self.start_page = StartPage(self.ctx)
        self.start_page.contest_chosen.connect(self.open_contest)
        self.tabs = ContestTabs()
        self.tabs.setDocumentMode(True)
        self.setup_view = SetupView(self.ctx)
        self.verification_view = VerificationView(self.ctx)
        self.count_view = CountView(self.ctx)
        self.documents_view = DocumentsView(self.ctx)
        self.tabs.addTab(self.setup_view, "&Setup")
        self.tabs.addTab(self.verification_view, "Ver&ification")
        self.tabs.addTab(self.count_view, "&Count")
        self.tabs.addTab(self.documents_view, "&Documents")
        self.history_view = HistoryView(self.ctx)
        self.tabs.addTab(self.history_view, "Histor&y")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 1080])
        self.splitter.setCollapsible(0, True)
        self._list_fold = ListFold(self.splitter, self.navigator)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.backup_status = BackupStatus(desk, self.operator)
        self.statusBar().addPermanentWidget(self.backup_status, 1)
        self.election_screens = ElectionScreens(self)
        build_menus(self)
        self.events.contests_changed.connect(self._on_contests_changed)
        self.events.contest_changed.connect(self._on_contest_changed)
        stored = self.settings.value("point_size", 0)
        self._apply_point_size(int(stored or 0) if isinstance(stored, int | str) else 0)
        self._show_start_or_first()

    # -- the operator and text size ------------------------------------------------------

    def operator(self) -> str:
        """Who is at the keyboard, for the audit log (the login name unless changed)."""
        return self.operator_edit.text().strip() or getpass.getuser()

    def _on_operator_changed(self) -> None:
        self.settings.setValue("operator", self.operator())
        self.count_view.operator_changed()  # which entry they key, and what they may key

    def _apply_point_size(self, size: int) -> None:
        if not hasattr(self, "_base_point_size"):
            self._base_point_size = current_point_size()
        done = set_point_size(self, size or self._base_point_size)
        if done is None:
            return
        self.settings.setValue("point_size", done)
        if self.contest_id is not None:
            self.count_view.rebuild_keeping_focus()  # laid out again with the new metrics

    def change_text_size(self, step: int) -> None:
        """Make the text larger (+) or smaller (−), readable from a metre away when needed."""
        self._apply_point_size(current_point_size() + step if step else self._base_point_size)

    # -- contests ------------------------------------------------------------------------

    def _show_start_or_first(self) -> None:
        """Until a contest is open: the start page, listing the contests there are."""
        contests = self.desk.contests()
        self.start_page.show_contests(contests)
        self.stack.setCurrentWidget(self.start_page)
        self.contest_label.set_full_text(
            "Choose a contest, or open the demo, import or create one"
            if contests
            else "No contest yet: open the demo, import or create one"
        )
        self._set_contest_actions(False)

    def _set_contest_actions(self, enabled: bool) -> None:
        for action in (
            self.print_action,
            self.save_action,
            self.record_action,
            self.bundles_action,
            self.recount_action,
            self.lots_action,
            self.declare_action,
            self.record_error_action,
            self.advance_action,
            self.voting_areas_action,
        ):
            action.setEnabled(enabled)
        self.compare_action.setEnabled(enabled and self.count_view.entry_line.differ)
        if enabled:
            self._enable_night_actions()

    def _enable_night_actions(self) -> None:
        """Offer only what the stage of the night allows (each still explains if refused)."""
        contest = self.session.contest
        if self.contest_id is None or contest is None:
            return
        status, counted = contest.status, self.session.counted
        self.recount_action.setEnabled(counted and status in (Status.COUNT, Status.PROVISIONAL))
        # Lots are drawn once counting, including any recount, is complete (rule 49).
        # No lots at a referendum: equal votes carry neither answer.
        lots = counted and status is Status.PROVISIONAL and not contest.type.referendum
        self.lots_action.setEnabled(lots)
        self.declare_action.setEnabled(status is Status.PROVISIONAL)
        self.record_error_action.setEnabled(status is Status.DECLARED)
        self.advance_action.setEnabled(status is not Status.DECLARED)
        name_night_actions(self, contest)

    def open_contest(self, contest_id: str, tab: int | None = None) -> None:
        """Show a contest: its name in the header, and the chosen tab (Count by default)."""
        try:
            self.session.open(contest_id)
        except CountDeskError as error:
            QMessageBox.warning(self, "No such contest", str(error))
            return
        if contest_id != self.contest_id:
            self.undo_stack.clear()
        self.contest_id = contest_id
        self.navigator.select(contest_id)
        self.setup_view.set_contest(contest_id)
        self.verification_view.set_contest(contest_id)
        self.count_view.set_contest(contest_id)
        self.documents_view.set_contest(contest_id)
        self.history_view.set_contest(contest_id)
        self.stack.setCurrentWidget(self.tabs)
        self._set_contest_actions(True)
        self._update_header()
        self.status_panel.set_contest(contest_id)
        if tab is None:
            has_candidates = self.setup_view.model.rowCount() > 0
            tab = self.tabs.indexOf(self.count_view) if has_candidates else 0
        self._show_tab(tab)
        self._fit_the_list()

    def _update_header(self) -> None:
        contest, election = self.session.contest, self.session.election
        if self.contest_id is None or contest is None or election is None:
            return
        self.contest_label.set_full_text(
            f"{contest.area} · {election.title or contest.type.name} · "
            f"{day_month_year(contest.poll_date)} · "
            f"{'referendum' if contest.type.referendum else plural(contest.seats, 'seat')}"
        )

    def focus_navigator(self) -> None:
        """Put the keyboard in the list of contests: arrows move, Enter opens the one chosen."""
        self._list_fold.unfold()
        self.navigator.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.navigator.currentIndex().isValid():
            self.navigator.setCurrentIndex(self.navigator.model().index(0, 0))

    def _show_tab(self, index: int) -> None:
        if self.contest_id is None:
            return
        self.stack.setCurrentWidget(self.tabs)  # from the election overview too
        self.tabs.setCurrentIndex(index)
        if self.tabs.widget(index) is self.count_view:
            self.count_view.focus_next_figure()

    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        on_count = page is self.count_view
        self.record_action.setEnabled(self.contest_id is not None and on_count)
        # The keyboard goes where the page's figures are typed, never to a page out of sight.
        if page is self.count_view:
            self.count_view.focus_next_figure()
        elif page is self.verification_view:
            self.verification_view.focus_first_uncounted()
        elif page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _night(self, asking: Callable[[QWidget | None, UiContext, str], object]) -> None:
        """Open one of the night's dialogs (recount, lots) for the open contest."""
        if self.contest_id is not None:
            asking(self, self.ctx, self.contest_id)

    def _on_declare(self, contest_id: str | None = None) -> None:
        contest_id = contest_id or self.contest_id
        if contest_id is not None and ask.ask_declare(self, self.ctx, contest_id):
            self.undo_stack.clear()  # nothing done before the declaration can be undone now
            self._show_tab(self.tabs.indexOf(self.documents_view))
            self.documents_view.show_declaration()

    def _on_record_error(self) -> None:
        """Record an error found after the declaration, then show its memorandum."""
        if self.contest_id is not None and ask.ask_error_found(self, self.ctx, self.contest_id):
            self._show_tab(self.tabs.indexOf(self.documents_view))
            self.documents_view.show_memorandum()

    def _on_status_changed(self, status: str) -> None:
        """Once declared, every view that can be locked is made read-only."""
        declared = status == "declared"
        for view in (self.setup_view, self.verification_view, self.count_view, self.documents_view):
            set_read_only = getattr(view, "set_read_only", None)
            if set_read_only is not None:
                set_read_only(declared)
        if declared:
            self.undo_stack.clear()  # edits made before the declaration cannot be undone now
        self._enable_night_actions()

    def _on_contests_changed(self) -> None:
        self.navigator.reload(keep=self.contest_id)
        if self.contest_id is None:
            self.start_page.show_contests(self.desk.contests())

    def _on_contest_changed(self, contest: Contest) -> None:
        """The open contest's row changed: its header, its row in the navigator, the menus."""
        self._enable_night_actions()
        self._update_header()
        self.navigator.update_contest(contest)

    # -- actions -------------------------------------------------------------------------

    def _on_record(self) -> None:
        if self.contest_id is not None and self.tabs.currentWidget() is self.count_view:
            self.count_view.record_count()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_the_list()

    def _fit_the_list(self) -> None:
        self._list_fold.fit(self.width(), self.contest_id is not None)

    def place_on_screen(self) -> None:
        """Where the window was last time, or fitted to the screen it opens on."""
        restore_place(self, self.splitter, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.backup_status.stop()
        self._on_operator_changed()
        save_place(self, self.splitter, self.settings)
        super().closeEvent(event)
