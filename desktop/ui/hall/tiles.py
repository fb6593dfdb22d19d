"""One contest on the hall board: its area, its stage, and its result once declared (or, when
the Returning Officer chooses, the provisional result already shown to the candidates)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.figures import format_figure
from desktop.domain.overview import ContestOverview, ElectionOverview, ResultSummary
from desktop.domain.wording import clock_time, plural
from desktop.ui.text import sentence_case

#: High contrast on black: white text, green for declared, amber for provisional.
BACKGROUND = "#000000"
TILE = "#161616"
TEXT = "#ffffff"
QUIET = "#d8d8d8"
DECLARED = "#5dff7a"
PROVISIONAL = "#ffc23d"


def board_label(text: str, pixels: int, colour: str = TEXT, *, bold: bool = False) -> QLabel:
    """A label of the board: read only, never focused, wrapping, its size in pixels."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a name is shown as typed, never as markup
    font = QFont(label.font())
    font.setPixelSize(max(pixels, 8))
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    return label


def _result_lines(result: ResultSummary) -> list[tuple[str, str]]:
    """Each person elected (or, provisionally, leading for a seat) with their votes, then the
    majority or margin: (words, figure) pairs."""
    if result.referendum:
        answers = [(a.name, format_figure(a.votes or 0)) for a in result.answers]
        return [*answers, (sentence_case(result.outcome), "")]
    lines = []
    for e in result.elected:
        who = f"{e.name} ({e.description})" if e.description else e.name
        elected = "Elected: " if result.declared else ""
        lines.append((f"{elected}{who}", "" if e.votes is None else format_figure(e.votes)))
    if result.tie_undecided:
        lines.append(("A tie: to be decided by lot", ""))
    elif result.majority is not None:
        lines.append((sentence_case(result.majority_word), format_figure(result.majority)))
    if result.by_lot:
        lines.append(("Decided by lot", ""))
    return lines


def polls_to_name(overview: ElectionOverview) -> frozenset[str]:
    """The kinds of poll a tile names: on a combined night, every poll but the one with most
    contests (a district's wards need no word; the PCC, a parish and a referendum do)."""
    counts = Counter(row.poll for row in overview.contests)
    if len(counts) < 2:
        return frozenset()
    main = counts.most_common(1)[0][0]
    return frozenset(poll for poll in counts if poll != main)


class ContestTile(QFrame):
    """A contest as the hall sees it. ``show_provisional``: the provisional result already
    shown to the candidates and agents is shown too, marked provisional."""

    def __init__(
        self,
        row: ContestOverview,
        unit: int,
        show_provisional: bool,
        tagged: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.contest_id = row.contest_id
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("hallTile")
        self.setStyleSheet(f"#hallTile {{ background: {TILE}; border-radius: {unit // 4}px; }}")
        layout = QVBoxLayout(self)
        pad = max(unit // 3, 4)
        layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        layout.setSpacing(max(unit // 8, 1))
        seats = f"  ({plural(row.seats, 'seat')})" if row.seats and row.seats > 1 else ""
        detail = round(unit * 0.85)
        # The area and where it stands share the first line, so a contest not yet declared
        # takes one line of the board.
        head = QHBoxLayout()
        head.setSpacing(unit // 2)
        # On a combined night, the kind of poll of every contest but the main poll's wards:
        # "West Calder · PCC" beside the ward called West Calder.
        poll = f" · {row.poll}" if tagged else ""
        head.addWidget(board_label(f"{row.area}{poll}{seats}", unit, bold=True), 1)
        result = row.result
        lines: list[tuple[str, str]] = []
        colour = TEXT
        if row.declared:
            state = board_label(self._declared_words(row), detail, DECLARED, bold=True)
            lines = _result_lines(result) if result is not None else []
        elif show_provisional and row.shown_provisionally and result is not None:
            state = board_label("Provisional: not declared", detail, PROVISIONAL, bold=True)
            lines, colour = _result_lines(result), PROVISIONAL
        else:
            state = board_label(self._progress(row), detail, QUIET)
        state.setWordWrap(False)  # short: the area's name wraps first
        state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(state)
        layout.addLayout(head)
        for words, figure in lines:
            # The figure keeps to the right of its name, never wrapped onto a line alone.
            line = QHBoxLayout()
            line.setSpacing(unit // 2)
            line.addWidget(board_label(words, detail, colour), 1)
            votes = board_label(figure, detail, colour, bold=True)
            votes.setWordWrap(False)
            votes.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            line.addWidget(votes)
            layout.addLayout(line)

    @staticmethod
    def _declared_words(row: ContestOverview) -> str:
        # The stage's own word (the workflow's label), so a stage named otherwise reads so.
        what = "Duly elected" if row.uncontested else sentence_case(row.stage)
        return f"{what} at {clock_time(row.declared_at)}" if row.declared_at else what

    @staticmethod
    def _progress(row: ContestOverview) -> str:
        """The stage, and for the verification how many boxes are verified: never a figure of
        the count before it is shown."""
        words = sentence_case(row.stage)
        if row.boxes and row.boxes_verified < row.boxes:
            words += f": {row.boxes_verified} of {plural(row.boxes, 'box', 'boxes')}"
        return words
