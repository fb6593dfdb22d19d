"""The hall board window: the venue's progress and a page of contests at a time, paging by
itself, read only, sized from the screen's height so it reads from ten metres."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from desktop.domain.overview import ContestOverview, ElectionOverview
from desktop.ui.hall.tiles import BACKGROUND, QUIET, ContestTile, board_label, polls_to_name

#: How long each page stays up when the contests take more than one.
PAGE_MS = 12_000
#: The headline's height as a share of the screen's: 4% reads from ten metres on a projector.
UNIT_SHARE = 0.042
#: The narrowest column, in name-heights.
COLUMN_UNITS = 19


class HallBoard(QWidget):
    """Every contest's progress and each declared result, for a projector or second screen.

    Nothing on it is editable or takes the keyboard; Escape closes it. Provisional results
    appear only when ``set_show_provisional(True)`` (the Returning Officer's choice).
    """

    #: The board was closed (Escape, or its window closed).
    closed = Signal()

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("CountDesk – hall board")
        self.setAccessibleName("Hall board")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Opening it on the other screen leaves the keyboard where the clerk is working.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(f"background: {BACKGROUND};")
        self._title = title
        self._overview: ElectionOverview | None = None
        self._show_provisional = False
        self.pages: list[list[list[ContestOverview]]] = []
        self.page = 0
        self.tiles: list[ContestTile] = []
        self.timer = QTimer(self)
        self.timer.setInterval(PAGE_MS)
        self.timer.timeout.connect(self.next_page)
        self._outer = QVBoxLayout(self)
        # The board takes the size of its screen and sizes its text from it, never the reverse.
        self._outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._body: QWidget | None = None
        self._window_geometry: QRect | None = None
        #: Each contest's tile height, for the width and text size it was measured at: after a
        #: save only the row that changed is measured again.
        self._heights: dict[tuple[ContestOverview, bool, bool], int] = {}
        #: The kinds of poll named on their tiles (those of a combined night but the main one).
        self._tagged: frozenset[str] = frozenset()
        self._measured_for: tuple[int, int] = (0, 0)

    # -- what it shows --------------------------------------------------------------------

    def set_overview(self, overview: ElectionOverview) -> None:
        """Show the overview as read now (the page shown stays where it can)."""
        self._overview = overview
        self._tagged = polls_to_name(overview)
        self._lay_out()

    def set_show_provisional(self, show: bool) -> None:
        """Show provisional results already shown to the candidates (the officer's choice)."""
        self._show_provisional = show
        self._lay_out()

    @property
    def show_provisional(self) -> bool:
        """Whether provisional results are shown."""
        return self._show_provisional

    def next_page(self) -> None:
        """Show the next page of contests (the first after the last)."""
        if len(self.pages) > 1:
            self.page = (self.page + 1) % len(self.pages)
            self._lay_out(paginate=False)

    @property
    def unit(self) -> int:
        """The contest names' height in pixels, from the board's height."""
        return max(round(self.height() * UNIT_SHARE), 12)

    # -- layout ---------------------------------------------------------------------------

    def _columns(self) -> int:
        """As many columns as leave each about 19 name-heights wide (an area's name and its
        stage on one line, a name and its votes on another): two on a 1920×1080 projector,
        one on a 1024×768 screen."""
        return max(1, min(3, self.width() // (COLUMN_UNITS * self.unit)))

    def _lay_out(self, *, paginate: bool = True) -> None:
        if self._overview is None:
            return
        unit = self.unit
        margin = unit // 2
        self._outer.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._outer.setSpacing(unit // 3)
        if self._body is not None:
            self._outer.removeWidget(self._body)
            self._body.hide()
            self._body.setParent(None)  # out of the board at once, deleted when Qt is idle
            self._body.deleteLater()
        body = QWidget(self)
        body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(unit // 3)
        headline = QHBoxLayout()
        title = board_label(self._title, round(unit * 1.3), bold=True)
        progress = board_label(self.progress_words, round(unit * 1.3), bold=True)
        progress.setWordWrap(False)
        progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        headline.addWidget(title, 1)
        headline.addWidget(progress)
        rows.addLayout(headline)
        columns = self._columns()
        gap = unit // 2
        column_width = (self.width() - 2 * margin - gap * (columns - 1)) // columns
        if paginate:
            room = self.height() - margin - headline.totalHeightForWidth(self.width() - 2 * margin)
            room -= round(unit * 1.4)  # the page line at the foot
            first = self._first_shown()
            self.pages = self._paginate(unit, column_width, columns, max(room, unit * 3))
            self.page = self._page_of(first)
        self.tiles = []
        grid = QHBoxLayout()
        grid.setSpacing(gap)
        for column in self.pages[self.page] if self.pages else []:
            stack = QVBoxLayout()
            stack.setSpacing(unit // 4)
            for row in column:
                tile = ContestTile(row, unit, self._show_provisional, row.poll in self._tagged)
                self.tiles.append(tile)
                stack.addWidget(tile)
            stack.addStretch(1)
            grid.addLayout(stack, 1)
        for _ in range(columns - len(self.pages[self.page]) if self.pages else 0):
            grid.addStretch(1)
        rows.addLayout(grid, 1)
        rows.addWidget(board_label(self.page_words, round(unit * 0.75), QUIET))
        self._outer.addWidget(body)
        self._body = body
        if len(self.pages) > 1 and not self.timer.isActive():
            self.timer.start()
        elif len(self.pages) <= 1:
            self.timer.stop()

    def _paginate(
        self, unit: int, width: int, columns: int, room: int
    ) -> list[list[list[ContestOverview]]]:
        """The contests in pages of ``columns`` columns, each no taller than ``room``."""
        assert self._overview is not None
        pages: list[list[list[ContestOverview]]] = [[[]]]
        used = 0
        spacing = unit // 4
        if self._measured_for != (unit, width):
            self._heights.clear()
            self._measured_for = (unit, width)
        for row in self._overview.contests:
            height = self._height(row, unit, width)
            page = pages[-1]
            if page[-1] and used + height > room:
                if len(page) < columns:
                    page.append([])
                else:
                    pages.append([[]])
                used = 0
            pages[-1][-1].append(row)
            used += height + spacing
        # Only the rows shown now stay measured.
        now = {(row, self._show_provisional) for row in self._overview.contests}
        self._heights = {k: v for k, v in self._heights.items() if k in now}
        return pages

    def _height(self, row: ContestOverview, unit: int, width: int) -> int:
        """The height of a contest's tile at this width, measured once while it is unchanged."""
        tagged = row.poll in self._tagged
        key = (row, self._show_provisional, tagged)
        if key not in self._heights:
            tile = ContestTile(row, unit, self._show_provisional, tagged)
            height = tile.heightForWidth(width)
            self._heights[key] = height if height >= 0 else tile.sizeHint().height()
            tile.deleteLater()
        return self._heights[key]

    def _first_shown(self) -> str | None:
        """The first contest of the page shown, to keep that page up after the pages change."""
        if not self.pages or not 0 <= self.page < len(self.pages):
            return None
        columns = self.pages[self.page]
        return columns[0][0].contest_id if columns and columns[0] else None

    def _page_of(self, contest_id: str | None) -> int:
        for number, page in enumerate(self.pages):
            if any(row.contest_id == contest_id for column in page for row in column):
                return number
        return 0

    @property
    def progress_words(self) -> str:
        """The venue's progress: "Declared 8 of 30"."""
        if self._overview is None:
            return ""
        totals = self._overview.totals
        return f"Declared {totals.declared} of {totals.contests}"

    @property
    def page_words(self) -> str:
        """Which page is up: "Page 2 of 3", or nothing when one page holds every contest."""
        if len(self.pages) <= 1:
            return ""
        return f"Page {self.page + 1} of {len(self.pages)}: the next follows by itself"

    def toggle_full_screen(self) -> None:
        """Fill the screen the board is on (F11), or go back to a window."""
        if self.isFullScreen():
            self.showNormal()
            if self._window_geometry is not None:
                self.setGeometry(self._window_geometry)
            return
        # The geometry too, for a system that does not manage windows' full-screen state.
        self._window_geometry = self.geometry()
        self.setGeometry(self.screen().geometry())
        self.showFullScreen()

    # -- Qt -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._lay_out()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.timer.stop()
        super().closeEvent(event)
        self.closed.emit()
