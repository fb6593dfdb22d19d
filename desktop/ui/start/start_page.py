"""The page shown while no contest is open: the contests there are, and three ways to begin."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Contest
from desktop.domain.wording import day_month_year
from desktop.domain.workflow import stage_label
from desktop.ui.context import UiContext
from desktop.ui.start import contest_actions

#: The main window owns the actions with these shortcuts; the buttons only show them.
OPEN_DEMO_SHORTCUT = "Ctrl+D"
IMPORT_CSV_SHORTCUT = "Ctrl+I"
CREATE_CONTEST_SHORTCUT = "Ctrl+N"
OVERVIEW_SHORTCUT = "Ctrl+Shift+O"


def _shortcut_text(shortcut: str) -> str:
    """A shortcut as this platform writes it (Ctrl+D here, ⌘D on a Mac)."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


class StartPage(QWidget):
    """Welcome page: open the demo, import a Democracy Club CSV, or create a contest by hand."""

    #: The id of the contest to open, after any of the three ways succeeded.
    contest_chosen = Signal(str)
    #: The election overview was asked for.
    overview_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._about: dict[QPushButton, str] = {}

        heading = QLabel("CountDesk")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName("CountDesk")

        about = QLabel(
            "Enter the count, check the arithmetic and print the declaration of result "
            "for a UK election count centre."
        )
        about.setWordWrap(True)
        about_font = about.font()
        about_font.setPointSizeF(about_font.pointSizeF() * 1.15)
        about.setFont(about_font)
        self.contests_label = QLabel("&Contests in this database (Enter opens the one chosen):")
        self.contests_list = QListWidget()
        self.contests_list.setAccessibleName("Contests in this database")
        self.contests_list.setMaximumHeight(180)
        self.contests_list.itemActivated.connect(self._on_contest_activated)
        self.contests_label.setBuddy(self.contests_list)
        shown = _shortcut_text(OVERVIEW_SHORTCUT)
        self.overview_button = QPushButton(
            f"Election overview: every contest at a glance ({shown})"
        )
        self.overview_button.setAccessibleName("Election overview")
        self.overview_button.setToolTip(
            f"Every contest's stage, what it waits for and its result. Shortcut: {shown}"
        )
        self.overview_button.clicked.connect(self.overview_requested)
        self.begin_label = QLabel()
        self.begin_label.setWordWrap(True)

        self.demo_button = self._big_button(
            "Open the demo — Batley and Spen by-election, 1 July 2021",
            OPEN_DEMO_SHORTCUT,
            "Open the demo: Batley and Spen by-election, 1 July 2021",
            "The 16 candidates, electorate and ballot papers verified as published; "
            "no count is entered yet.",
        )
        self.import_button = self._big_button(
            "Import candidates from a Democracy Club CSV…",
            IMPORT_CSV_SHORTCUT,
            "Import candidates from a Democracy Club CSV",
            "The candidates CSV exported from candidates.democracyclub.org.uk: "
            "its elections, contests and candidates are created.",
        )
        self.create_button = self._big_button(
            "Create an election and contest by hand…",
            CREATE_CONTEST_SHORTCUT,
            "Create an election and contest by hand",
            "Type the election type, area, poll date and seats; add the candidates afterwards.",
        )
        self.demo_button.clicked.connect(self._on_demo_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.create_button.clicked.connect(self._on_create_clicked)

        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(heading)
        column.addWidget(about)
        column.addSpacing(12)
        column.addWidget(self.contests_label)
        column.addWidget(self.contests_list)
        column.addWidget(self.overview_button)
        column.addWidget(self.begin_label)
        for button in (self.demo_button, self.import_button, self.create_button):
            column.addWidget(button)
            note = QLabel(self._about[button])
            note.setWordWrap(True)
            note.setContentsMargins(4, 0, 4, 8)
            column.addWidget(note)
        column.addStretch(1)

        content = QWidget()
        content.setLayout(column)
        content.setMaximumWidth(760)

        centred = QWidget()
        row = QHBoxLayout(centred)
        row.setContentsMargins(32, 32, 32, 24)
        row.addStretch(1)
        row.addWidget(content, 4)
        row.addStretch(1)
        # Scrolls rather than making the window taller than a laptop's screen in large text.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(centred)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_contests([])

    def show_contests(self, contests: Sequence[Contest]) -> None:
        """List the contests there are to open (the keyboard starts in the list), or say there
        are none yet."""
        self.contests_list.clear()
        for contest in contests:
            item = QListWidgetItem(
                f"{contest.area} · {day_month_year(contest.poll_date)} · {stage_label(contest)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, contest.id)
            item.setToolTip(contest.id)
            self.contests_list.addItem(item)
        some = bool(contests)
        self.contests_label.setVisible(some)
        self.contests_list.setVisible(some)
        self.overview_button.setVisible(some)
        self.begin_label.setText(
            "Or begin another with one of these:"
            if some
            else "There are no contests in this database yet. Begin with one of these:"
        )
        if some:
            self.contests_list.setCurrentRow(0)
            self.contests_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_contest_activated(self, item: QListWidgetItem) -> None:
        self._choose(item.data(Qt.ItemDataRole.UserRole))

    def _big_button(self, text: str, shortcut: str, accessible: str, about: str) -> QPushButton:
        """A large button whose text shows the main window's shortcut for the same action."""
        shown = _shortcut_text(shortcut)
        button = QPushButton(f"{text}\n{shown}")
        button.setAccessibleName(accessible)
        button.setAccessibleDescription(f"{about} Shortcut: {shown}.")
        button.setToolTip(f"{about}\nShortcut: {shown}")
        button.setMinimumHeight(72)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        button.setFont(font)
        self._about[button] = about
        return button

    def _choose(self, contest_id: str | None) -> None:
        if contest_id:
            self.contest_chosen.emit(contest_id)

    def _on_demo_clicked(self) -> None:
        self._choose(contest_actions.open_demo(self, self._ctx))

    def _on_import_clicked(self) -> None:
        self._choose(contest_actions.import_candidates_csv(self, self._ctx))

    def _on_create_clicked(self) -> None:
        self._choose(contest_actions.create_contest(self, self._ctx))
