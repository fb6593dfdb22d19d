"""Under a contest's verification table: which of its boxes hold other polls' papers too, and
the suggestion where one poll's papers seem to be in another's box (V506), usable as the
explanation of both polls' variances in one step."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.codes import Code
from desktop.domain.combined import CrossPollSuggestion, SharedBox
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.domain.model import Contest
from desktop.ui.context import UiContext


def also_in(box: SharedBox, contest_id: str) -> str:
    """The other polls' papers in this box, e.g. "Testshire PCC 809 issued, 809 counted"."""
    return "; ".join(
        f"{p.poll} {format_figure(p.line.issued)} {p.line.account_word}, "
        + (
            f"{format_figure(p.line.counted)} counted"
            if p.line.counted is not None
            else "not yet counted"
        )
        for p in box.polls
        if p.contest_id != contest_id
    )


def shared_words(polls: list[str], references: list[str]) -> str:
    """One short line, however many polls and boxes: which boxes hold which polls' papers."""
    with_whom = (
        " and ".join([", ".join(polls[:-1]), polls[-1]] if len(polls) > 1 else polls)
        if len(polls) <= 3
        else f"{len(polls)} other polls"
    )
    which = (
        f"{', '.join(references)} {'holds' if len(references) == 1 else 'hold'}"
        if len(references) <= 6
        else f"{len(references)} of these boxes hold"
    )
    return (
        f"Shared with {with_whom}: {which} their papers too (Kind: shared; the box's tooltip "
        "gives their figures; File › Print combined statement shows each box as a whole)."
    )


class SharedBoxesPanel(QWidget):
    """The boxes shared with other polls, and a **Use as explanation** button per suggestion."""

    #: What was recorded, or why not (the words, and whether they tell of a problem).
    said = Signal(str, bool)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest: Contest | None = None
        self.setObjectName("sharedBoxes")
        self.shared_label = QLabel()
        self.shared_label.setWordWrap(True)
        self.shared_label.setObjectName("sharedBoxesLabel")
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.shared_label)
        layout.addLayout(self._rows)
        #: The buttons shown, by box reference.
        self.buttons: dict[str, QPushButton] = {}
        self.hide()

    def show_contest(self, contest: Contest | None, *, read_only: bool) -> dict[str, str]:
        """Show the contest's shared boxes and suggestions; return, for the table's tooltips,
        each shared box's reference → the other polls' papers in it."""
        self._contest = contest
        polls = self._ctx.desk.polls
        shared = polls.shared_with(contest.id) if contest is not None else {}
        suggestions = polls.suggestions_for(contest.id, shared) if shared and contest else ()
        cid = contest.id if contest is not None else None
        self.show_boxes(cid, shared, suggestions, read_only=read_only)
        return {ref: also_in(b, cid or "") for ref, b in shared.items()}

    def use_suggestion(self, reference: str) -> bool:
        """Record a box's cross-poll suggestion as both polls' explanation; True if recorded."""
        contest = self._contest
        if contest is None:
            return False
        try:
            used = self._ctx.desk.polls.explain_suggested(
                reference, self._ctx.operator(), contest.election_id
            )
        except CountDeskError as error:
            self.said.emit(f"✖ Nothing was recorded. {error}", True)
            return False
        for contest_id in (used.over.contest_id, used.under.contest_id):
            self._ctx.events.count_changed.emit(contest_id)
        self.said.emit(
            f"Recorded the explanation of box {reference} for {used.over.poll} and "
            f"{used.under.poll}: {used.explanation}",
            False,
        )
        return True

    def show_boxes(
        self,
        contest_id: str | None,
        shared: dict[str, SharedBox],
        suggestions: tuple[CrossPollSuggestion, ...],
        *,
        read_only: bool,
    ) -> None:
        """Show the shared boxes of the contest and its open suggestions (nothing: hidden)."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        if contest_id is None or not shared:
            self.shared_label.clear()
            self.hide()
            return
        polls = sorted(
            {p.poll for b in shared.values() for p in b.polls if p.contest_id != contest_id}
        )
        self.shared_label.setText(shared_words(polls, list(shared)))
        for s in suggestions:
            if not s.open:
                continue
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(f"⚠ {Code.V506}: {s.message}")
            text.setWordWrap(True)
            button = QPushButton("Use as e&xplanation")
            button.setAccessibleName(f"Use the suggestion for box {s.reference} as the explanation")
            button.setToolTip(
                f"Record for {s.over.poll} and {s.under.poll}, box {s.reference} (an explanation "
                f"already typed is kept): “{s.explanation}”"
            )
            button.setEnabled(not read_only)
            button.clicked.connect(lambda _=False, ref=s.reference: self.use_suggestion(ref))
            line.addWidget(text, 1)
            line.addWidget(button)
            self._rows.addWidget(row)
            self.buttons[s.reference] = button
        self.show()
