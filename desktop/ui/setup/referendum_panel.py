"""A referendum in Setup: its question in full and its answers in the ballot paper's order,
in place of the candidates' table (a referendum has no names, descriptions or seats)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, Contest, Status
from desktop.ui.context import UiContext
from desktop.ui.dialogs import exec_dialog
from desktop.ui.setup.referendum_dialog import ReferendumDialog
from desktop.ui.undo import apply_edit
from desktop.ui.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from desktop.ui.setup.setup_view import SetupView

#: What Setup says of correcting a referendum's question or answers.
CORRECT_HINT = (
    "Check them against the ballot paper. They can be corrected until a count is recorded."
)

#: Why the question and answers are fixed once a count is recorded.
LOCKED_ANSWERS = (
    "The question and answers cannot be changed once a count is recorded: the figures "
    "recorded stand against the answers as they were."
)


class ReferendumPanel(QWidget):
    """The question and the answers of a referendum, corrected in a dialog (undoable)."""

    #: Undoing or redoing a correction was refused (CountDeskError), for Setup to say why.
    refused = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contest: Contest | None = None
        self.setAccessibleName("Question and answers")
        self.question_label = WrappingLabel()
        self.question_label.setAccessibleName("Question")
        self.answers_label = QLabel()
        self.answers_label.setAccessibleName("Answers in the ballot paper's order")
        self.answers_label.setWordWrap(True)
        hint = WrappingLabel(CORRECT_HINT)
        self.correct_button = QPushButton("&Correct the question and answers…")
        self.correct_button.clicked.connect(self._on_correct)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Question, as on the ballot paper:"))
        layout.addWidget(self.question_label)
        layout.addWidget(QLabel("Answers, in the ballot paper's order:"))
        layout.addWidget(self.answers_label)
        layout.addWidget(hint)
        layout.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _on_correct(self) -> None:
        contest = self._contest
        if contest is None:
            return
        ctx, contest_id = self._ctx, contest.id
        old = (contest.question, tuple(a.display_name for a in ctx.desk.candidates(contest_id)))

        def apply(value: object) -> None:
            question, answers = cast(tuple[str, tuple[str, ...]], value)
            ctx.desk.referendums.correct(contest_id, question, answers, ctx.operator())
            ctx.events.setup_changed.emit(contest_id)

        def save(question: str, answers: list[str]) -> None:
            refused: list[CountDeskError] = []
            new = (question, tuple(answers))
            text = "Correct the question and answers"

            def on_error(error: CountDeskError) -> None:
                refused.append(error)
                self.refused.emit(error)

            if not apply_edit(ctx.undo_stack, text, apply, old, new, on_error):
                raise refused[0]  # the dialog stays open, saying why

        dialog = ReferendumDialog(old[0], list(old[1]), save, self)
        try:
            exec_dialog(dialog)
        finally:
            dialog.deleteLater()

    def show_contest(self, contest: Contest | None, answers: tuple[Candidate, ...]) -> None:
        """Show this referendum's question and answers (nothing for another contest)."""
        self._contest = contest
        if contest is None or not contest.type.referendum:
            self.question_label.setText("")
            self.answers_label.setText("")
            return
        self.question_label.setText(f"“{contest.question}”")
        self.answers_label.setText(
            "\n".join(f"{n}.  {a.display_name}" for n, a in enumerate(answers, 1))
        )


def show_as_referendum(view: SetupView, contest: Contest | None) -> None:
    """Show the referendum panel in place of the candidates' table, buttons and ballot order
    bar for a referendum; the table for any other contest."""
    referendum = contest is not None and contest.type.referendum
    answers = view._ctx.desk.candidates(contest.id) if referendum and contest else ()
    view.referendum_panel.show_contest(contest, answers)
    view.referendum_panel.setVisible(referendum)
    for widget in (view.table, view.table_label, view.add_button, view.remove_button):
        widget.setVisible(not referendum)
    view.order_bar.setVisible(not referendum)
    counted = view._ctx.desk.latest_count(contest.id) is not None if contest else False
    view.referendum_panel.correct_button.setEnabled(
        referendum and not counted and contest is not None and contest.status is not Status.DECLARED
    )
    if referendum and contest is not None and contest.status is not Status.DECLARED:
        view.lock_label.setText(LOCKED_ANSWERS)
    view.candidates_box.setTitle("Question and answers" if referendum else "Candidates")
    view.hint_label.setText(
        "Check the question and answers against the ballot paper and fill in the facts printed "
        "on the declaration. The count is entered in the Count tab (Ctrl+3)."
        if referendum
        else "Check the candidates against the statement of persons nominated and fill in the "
        "facts printed on the declaration. The count is entered in the Count tab (Ctrl+3)."
    )
