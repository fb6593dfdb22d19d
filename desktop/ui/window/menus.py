"""The window's menus and their actions: File, Edit, View, Night and Help."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.domain.model import Contest, Status
from desktop.ui.documents import press_actions
from desktop.ui.night import ask
from desktop.ui.night.local_totals_file import save_local_totals
from desktop.ui.verification import combined_actions
from desktop.ui.window import file_actions, results_out
from desktop.ui.window.print_all import print_all_declarations

if TYPE_CHECKING:
    # The window builds its menus with this module: only its type is needed here.
    from desktop.ui.window.main_window import MainWindow


def add_action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: Callable[[], object],
    name: str | None = None,
) -> QAction:
    """Add an action to the menu, its shortcut working anywhere in the window."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    action.setObjectName(name or text.replace("&", "").replace("…", "").strip())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """The window's menus: File, Edit, View, Night and Help."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    add_action(
        window,
        file_menu,
        "&Open database…",
        QKeySequence.StandardKey.Open,
        lambda: file_actions.open_database(window),
    )
    file_menu.addSeparator()
    add_action(
        window, file_menu, "Open the &demo", "Ctrl+D", lambda: file_actions.open_demo(window)
    )
    add_action(
        window,
        file_menu,
        "&Import candidates CSV…",
        "Ctrl+I",
        lambda: file_actions.import_candidates(window),
    )
    add_action(
        window,
        file_menu,
        "&New election and contest…",
        "Ctrl+N",
        lambda: file_actions.create_contest(window),
    )
    file_menu.addSeparator()
    add_combined_actions(window, file_menu)
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        "Publish &results…",
        results_out.PUBLISH_SHORTCUT,
        lambda: results_out.publish_results(window, window.ctx, _election_of_open_contest(window)),
        "Publish results",
    )
    add_action(
        window,
        file_menu,
        "E&xport results…",
        results_out.EXPORT_SHORTCUT,
        lambda: results_out.export_results(window, window.ctx),
        "Export results",
    )
    add_press_actions(window, file_menu)
    file_menu.addSeparator()
    window.print_action = add_action(
        window,
        file_menu,
        "&Print declaration…",
        "Ctrl+P",
        lambda: file_actions.print_declaration(window),
        "Print declaration",
    )
    window.save_action = add_action(
        window,
        file_menu,
        "&Save declaration as PDF…",
        "Ctrl+S",
        lambda: file_actions.save_declaration(window),
        "Save as PDF",
    )
    window.print_all_action = add_action(
        window,
        file_menu,
        "Print &all declarations…",
        "Ctrl+Shift+P",
        lambda: print_all_declarations(window, window.desk),
        "Print all declarations",
    )
    file_menu.addSeparator()
    add_action(
        window,
        file_menu,
        "&Back up now…",
        "Ctrl+Shift+B",
        lambda: window.backup_status.back_up_now(window),
        "Back up now",
    )
    add_action(
        window,
        file_menu,
        "Choose backup &folder…",
        "Ctrl+Shift+U",
        lambda: window.backup_status.back_up_now(window, choose=True),
        "Choose backup folder",
    )
    file_menu.addSeparator()
    add_action(window, file_menu, "&Quit", "Ctrl+Q", window.close)

    edit_menu = bar.addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    window.undo_action, window.redo_action = undo, redo
    edit_menu.addSeparator()
    window.record_action = add_action(
        window, edit_menu, "&Record count", "Ctrl+Return", window._on_record, "Record count"
    )

    view_menu = bar.addMenu("&View")
    add_action(window, view_menu, "&Setup", "Ctrl+1", lambda: window._show_tab(0), "Show setup")
    add_action(
        window,
        view_menu,
        "&Verification",
        "Ctrl+2",
        lambda: window._show_tab(1),
        "Show verification",
    )
    add_action(window, view_menu, "&Count", "Ctrl+3", lambda: window._show_tab(2), "Show count")
    add_action(
        window, view_menu, "&Documents", "Ctrl+4", lambda: window._show_tab(3), "Show documents"
    )
    add_action(
        window,
        view_menu,
        "&History",
        "Ctrl+5",
        lambda: window._show_tab(window.tabs.indexOf(window.history_view)),
        "Show history",
    )
    add_action(
        window,
        view_menu,
        "Con&test list",
        "Ctrl+L",
        window.focus_navigator,
        "Go to the list of contests",
    )
    window.election_screens.add_actions(view_menu)
    view_menu.addSeparator()
    window.bundles_action = QAction("Enter votes as &bundles", window)
    window.bundles_action.setCheckable(True)
    window.bundles_action.setShortcut(QKeySequence("Ctrl+B"))
    window.bundles_action.toggled.connect(window.count_view.set_bundle_mode)
    window.count_view.bundles_toggle.toggled.connect(window.bundles_action.setChecked)
    view_menu.addAction(window.bundles_action)
    view_menu.addSeparator()
    larger = add_action(
        window, view_menu, "&Larger text", "Ctrl+=", lambda: window.change_text_size(1)
    )
    larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    add_action(window, view_menu, "S&maller text", "Ctrl+-", lambda: window.change_text_size(-1))
    add_action(window, view_menu, "&Normal text size", "Ctrl+0", lambda: window.change_text_size(0))

    night_menu = bar.addMenu("&Night")
    window.advance_action = add_action(
        window,
        night_menu,
        "&Advance to the next stage",
        "Ctrl+Shift+A",
        lambda: window.status_panel.advance(),
        "Advance",
    )
    window.needs_action = add_action(
        window,
        night_menu,
        "What is &needed for the next stage…",
        "Ctrl+Shift+N",
        lambda: window.status_panel.show_needs(),
        "What is needed",
    )
    night_menu.addSeparator()
    window.compare_action = add_action(
        window,
        night_menu,
        "&Compare the two entries…",
        "Ctrl+Shift+E",
        lambda: window._night(ask.ask_compare),
        "Compare the two entries",
    )
    window.compare_action.setEnabled(False)
    window.count_view.entry_line.differ_changed.connect(window.compare_action.setEnabled)
    night_menu.addSeparator()
    window.recount_action = add_action(
        window,
        night_menu,
        "Record a &recount request…",
        "Ctrl+Shift+R",
        lambda: window._night(ask.ask_recount),
        "Record recount request",
    )
    window.lots_action = add_action(
        window,
        night_menu,
        "Record the drawing of &lots…",
        "Ctrl+Shift+L",
        lambda: window._night(ask.ask_lots),
        "Record lots",
    )
    night_menu.addSeparator()
    window.declare_action = add_action(
        window, night_menu, "&Declare the result…", "Ctrl+Shift+D", window._on_declare, "Declare"
    )
    window.save_local_totals_action = add_action(
        window,
        night_menu,
        "Save local totals &file…",
        "Ctrl+Shift+J",
        lambda: window._night(save_local_totals),
        "Save local totals file",
    )
    window.voting_areas_action = add_action(
        window,
        night_menu,
        "&Voting areas' local totals…",
        "Ctrl+Shift+V",
        lambda: window._night(ask.ask_voting_areas),
        "Voting areas' local totals",
    )
    window.record_error_action = add_action(
        window,
        night_menu,
        "Record an &error found after the declaration…",
        "Ctrl+Shift+K",
        window._on_record_error,
        "Record an error found after the declaration",
    )

    help_menu = bar.addMenu("&Help")
    add_action(window, help_menu, "&About CountDesk", None, lambda: file_actions.about(window))


def name_night_actions(window: MainWindow, contest: Contest) -> None:
    """Name the last step for the contest: a local count sends its local totals, it is not
    declared; the voting areas' local totals only where a poll is counted in voting areas."""
    local = contest.is_local_count
    window.declare_action.setText("&Send local totals…" if local else "&Declare the result…")
    window.voting_areas_action.setEnabled(contest.type.counted_locally)
    window.save_local_totals_action.setEnabled(local and contest.status is Status.DECLARED)
    if local:
        # A memorandum stands beside a declaration: a local count has none; nor lots (A103).
        window.record_error_action.setEnabled(False)
        window.lots_action.setEnabled(False)


def _election_of_open_contest(window: MainWindow) -> str | None:
    """The open contest's election: its combined verification is the one meant."""
    return window.desk.contest(window.contest_id).election_id if window.contest_id else None


def add_combined_actions(window: MainWindow, menu: QMenu) -> None:
    """Polls sharing their ballot boxes: import the combined boxes list, print or save the
    combined statement of verification."""
    add_action(
        window,
        menu,
        "Import &combined boxes CSV…",
        "Ctrl+Shift+M",
        lambda: combined_actions.import_combined_boxes(window, window.ctx),
        "Import combined boxes CSV",
    )
    add_action(
        window,
        menu,
        "Print combined s&tatement…",
        "Ctrl+Alt+P",
        lambda: combined_actions.print_combined_statement(
            window, window.ctx, _election_of_open_contest(window)
        ),
        "Print combined statement",
    )
    add_action(
        window,
        menu,
        "Save co&mbined statement as PDF…",
        "Ctrl+Alt+S",
        lambda: combined_actions.save_combined_statement(
            window, window.ctx, _election_of_open_contest(window)
        ),
        "Save combined statement as PDF",
    )


def add_press_actions(window: MainWindow, menu: QMenu) -> None:
    """The results summary for the press: import the previous result of the open contest's
    seat, and save the election summary (the contest's own summary is in Documents)."""
    add_action(
        window,
        menu,
        "Import p&revious result…",
        "Ctrl+Shift+I",
        lambda: press_actions.import_previous_result(window, window.ctx, window.contest_id),
        "Import previous result",
    )
    add_action(
        window,
        menu,
        "Save election summar&y (press)…",
        "Ctrl+Shift+Y",
        lambda: press_actions.save_election_summary(window, window.ctx, window.contest_id),
        "Save election summary (press)",
    )
