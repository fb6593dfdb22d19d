"""The contest list beside the contest: folded away in a narrow window while a contest is open,
so the count screen has the whole width, and unfolded to a readable width when it is wanted."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QWidget

#: Narrower than this, the contest list folds away while a contest is open, so that the count
#: screen has the whole width (Ctrl+L brings the list back).
ROOM_FOR_THE_LIST = 1200
#: Never unfolded narrower than this: the sliver a crowded splitter may leave cannot be read.
READABLE_WIDTH = 240


class ListFold:
    """Folds and unfolds the first pane of ``splitter`` (the contest list)."""

    def __init__(self, splitter: QSplitter, navigator: QWidget, width: int = 280) -> None:
        self._splitter = splitter
        self._navigator = navigator
        self._width = width

    def fit(self, window_width: int, contest_open: bool) -> None:
        """Fold the list away while a contest is open in a narrow window, and bring it back
        when the window is wide enough; never while the keyboard is in it."""
        sizes = self._splitter.sizes()
        total = sum(sizes)
        narrow = window_width < ROOM_FOR_THE_LIST and contest_open
        if narrow and sizes[0] > 0 and not self._navigator.hasFocus():
            self._width = max(sizes[0], READABLE_WIDTH)
            # Hidden, not only squeezed to nothing: a folded list asks for no width of its own,
            # so large text still fits a 1024-wide screen.
            self._navigator.hide()
            self._splitter.setSizes([0, total])
        elif not narrow and sizes[0] == 0 and total > self._width:
            self.unfold()

    def unfold(self) -> None:
        """Show the list at the width it had (folded away on a narrow screen, while it is used)."""
        sizes = self._splitter.sizes()
        if sizes[0] == 0:
            self._navigator.show()
            self._splitter.setSizes([self._width, max(sum(sizes) - self._width, 0)])
