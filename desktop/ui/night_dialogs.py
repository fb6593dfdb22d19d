"""The dialogs of the count night's decisions: a request for a recount and the Returning
Officer's decision on it, the drawing of lots for a tie, the declaration, and a correction
after the declaration.

Each is asked for through an ``ask_…(parent, ctx, contest_id)`` function that returns what was
recorded, or None when cancelled. Dialogs run through the module-level ``exec_dialog`` and
messages through ``QMessageBox`` (module attributes), so tests can replace them. A refusal by
the services is shown inside the dialog, with its code, and the dialog stays open so that what
was typed can be put right. After a change every view hears ``setup_changed`` and
``count_changed`` for the contest.
"""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.arithmetic import ContestResult, Tie
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import FigureProblem, format_figure, format_percent, parse_figure
from desktop.domain.model import Status
from desktop.domain.workflow import RecountDecision, status_label
from desktop.ui.context import UiContext


def exec_dialog(dialog: QDialog) -> bool:
    """Run a dialog modally; True if it was accepted (replaced in tests)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def fold_name(name: str) -> str:
    """A name as the officer's confirmation compares it: case ignored, spaces folded."""
    return " ".join(name.split()).casefold()


def refusal_text(error: CountDeskError, what: str = "Nothing was recorded") -> str:
    """A refusal in plain words with its code, e.g. "Nothing was recorded – S803: …"."""
    return f"{what} – {error}"


def lots_needed(result: ContestResult) -> bool:
    """Whether the count that stands has a tie that only a drawing of lots can decide."""
    return result.tie is not None and not result.lots_applied


def _announce(ctx: UiContext, contest_id: str) -> None:
    """Tell every view the contest changed: its status, its counts, its documents."""
    ctx.events.setup_changed.emit(contest_id)
    ctx.events.count_changed.emit(contest_id)


def _candidate_names(result: ContestResult, ids: Any) -> str:
    names = [line.candidate.display_name for line in result.candidates if line.candidate.id in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _NightDialog(QDialog):
    """What the night's dialogs share: the contest, a refusal line and the buttons."""

    def __init__(
        self, ctx: UiContext, contest_id: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contest_id = contest_id
        self.contest = ctx.desk.contest(contest_id)
        self.setWindowTitle(f"{title} – {self.contest.area}")

        self.message_label = QLabel()
        self.message_label.setObjectName("refusal")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_label.setMargin(6)
        # The palette's own "look here" pair, readable in light and dark themes.
        self.message_label.setAutoFillBackground(True)
        self.message_label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.message_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message_label.setAccessibleName("Why it was not recorded")
        self.message_label.hide()

        # Made a child of the dialog at once, so that the dialog knows its default button
        # (Enter) from the start, even while that button waits for what is needed.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)

    def _ok_button(self, text: str, name: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        assert isinstance(button, QPushButton)
        button.setAccessibleName(name)
        button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        return button

    def message(self) -> str:
        """The refusal or problem shown in the dialog ('' when none)."""
        return self.message_label.text() if self.message_label.isVisibleTo(self) else ""

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if text:
            self._grow()

    def _grow(self) -> None:
        """Grow to show everything at its natural height (the layout alone would only squeeze
        the fields to make room for a message)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def _refused(self, error: CountDeskError) -> None:
        self._say(refusal_text(error))

    def _fit(self, width: int) -> None:
        """Show the dialog this wide, and as tall as its wrapped text needs at that width."""
        self.setMinimumWidth(width)
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        self.resize(width, max(height, self.minimumSizeHint().height()))

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label


def _labelled(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, widget)
    return label


def _choice_row(*buttons: QAbstractButton) -> tuple[QWidget, QButtonGroup]:
    """Radio buttons side by side, one group: Tab reaches the group, arrows choose."""
    host = QWidget()
    row = QHBoxLayout(host)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(host)
    for button in buttons:
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return host, group


def _set_tab_order(widgets: list[QWidget]) -> None:
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


# -- a request for a recount ---------------------------------------------------------------


class RecountDialog(_NightDialog):
    """Who asked for a recount, for whom, when, and what the Returning Officer decided."""

    def __init__(
        self,
        ctx: UiContext,
        contest_id: str,
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(ctx, contest_id, "Request for a recount", parent)
        self._now = now
        #: The request as recorded (None until recorded).
        self.request: dict[str, Any] | None = None
        self._prefilled = ""
        desk = ctx.desk
        self.candidates = desk.candidates(contest_id)
        latest = desk.latest_count(contest_id)
        standing = (
            f"Count {latest.number} stands (recorded at {latest.recorded_at.astimezone():%H:%M} "
            f"by {latest.operator})."
            if latest is not None
            else "No count is recorded yet."
        )
        intro = QLabel(
            f"{self.contest.area} – status: {status_label(self.contest.status)}. {standing} "
            "Any candidate or election agent present may ask for a recount; the Returning "
            "Officer decides: a full recount, a bundle check, or a refusal of a request that "
            "is unreasonable."
        )
        intro.setWordWrap(True)

        self.who_edit = QLineEdit()
        self.who_edit.setAccessibleName("Who asked for the recount: their name")
        self.who_edit.setPlaceholderText("The name of the person who asked")

        self.candidate_role = QRadioButton("&Candidate")
        self.candidate_role.setAccessibleName("Asked as the candidate")
        self.agent_role = QRadioButton("Election &agent")
        self.agent_role.setAccessibleName("Asked as an election agent")
        role_row, self.role_group = _choice_row(self.candidate_role, self.agent_role)

        self.candidate_combo = QComboBox()
        self.candidate_combo.setAccessibleName("The candidate the request is for")
        self.candidate_combo.addItem("– choose the candidate –", None)
        for candidate in self.candidates:
            self.candidate_combo.addItem(candidate.display_name, candidate.id)

        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName("Time the recount was asked for (24-hour clock)")
        current = self._current()
        self.time_edit.setTime(QTime(current.hour, current.minute))

        self.full_choice = QRadioButton("&Full recount")
        self.full_choice.setAccessibleName("Decision: a full recount")
        self.bundle_choice = QRadioButton("&Bundle check")
        self.bundle_choice.setAccessibleName("Decision: a bundle check")
        self.refused_choice = QRadioButton("Refused as &unreasonable")
        self.refused_choice.setAccessibleName("Decision: refused as unreasonable")
        decision_row, self.decision_group = _choice_row(
            self.full_choice, self.bundle_choice, self.refused_choice
        )

        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("The Returning Officer's reason (needed for a refusal)")
        self.reason_edit.setPlaceholderText("Needed for a refusal: why the request is unreasonable")

        form = QFormLayout()
        _labelled(form, "&Who asked", self.who_edit)
        _labelled(form, "Asked as", role_row).setBuddy(self.candidate_role)
        _labelled(form, "For ca&ndidate", self.candidate_combo)
        _labelled(form, "Asked at (&time)", self.time_edit)
        _labelled(form, "Decision", decision_row).setBuddy(self.full_choice)
        _labelled(form, "R&eason", self.reason_edit)

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("What a full recount or bundle check does")

        self.record_button = self._ok_button("Record the &decision", "Record the decision")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self.role_group.buttonToggled.connect(self._on_role_changed)
        self.decision_group.buttonToggled.connect(self._on_decision_changed)
        self.candidate_combo.currentIndexChanged.connect(self._on_candidate_changed)
        for edit in (self.who_edit, self.reason_edit):
            edit.textEdited.connect(lambda _t: self._say(""))
        _set_tab_order(
            [
                self.who_edit,
                self.candidate_role,
                self.agent_role,
                self.candidate_combo,
                self.time_edit,
                self.full_choice,
                self.bundle_choice,
                self.refused_choice,
                self.reason_edit,
                self.record_button,
            ]
        )
        self._on_decision_changed()
        self._fit(600)
        self.who_edit.setFocus()

    # -- values --------------------------------------------------------------------------

    def _current(self) -> datetime:
        return (self._now or datetime.now()).astimezone()

    def role(self) -> str | None:
        """ "candidate", "agent", or None when not chosen."""
        if self.candidate_role.isChecked():
            return "candidate"
        if self.agent_role.isChecked():
            return "agent"
        return None

    def decision(self) -> RecountDecision | None:
        """The decision chosen, or None."""
        for button, decision in (
            (self.full_choice, RecountDecision.FULL),
            (self.bundle_choice, RecountDecision.BUNDLE_CHECK),
            (self.refused_choice, RecountDecision.REFUSED),
        ):
            if button.isChecked():
                return decision
        return None

    def set_candidate(self, candidate_id: int | None) -> None:
        """Choose the candidate the request is for, by id."""
        self.candidate_combo.setCurrentIndex(max(0, self.candidate_combo.findData(candidate_id)))

    def requested_at(self) -> datetime:
        """The time typed, on the day of the night it falls in: a time later than now was
        asked yesterday (the count runs past midnight)."""
        now = self._current()
        typed = self.time_edit.time()
        at = datetime.combine(now.date(), time(typed.hour(), typed.minute()), now.tzinfo)
        if at > now + timedelta(minutes=1):
            at -= timedelta(days=1)
        return at

    # -- slots ---------------------------------------------------------------------------

    def _on_role_changed(self, *_args: object) -> None:
        self._say("")
        self._prefill_name()

    def _on_candidate_changed(self, _index: int) -> None:
        self._say("")
        self._prefill_name()

    def _prefill_name(self) -> None:
        """A candidate asking for themself: their name goes in "Who asked" unless typed over."""
        if self.role() != "candidate":
            return
        candidate_id = self.candidate_combo.currentData()
        name = next((c.name_in_words for c in self.candidates if c.id == candidate_id), "")
        typed = self.who_edit.text().strip()
        if name and (not typed or typed == self._prefilled):
            self.who_edit.setText(name)
            self._prefilled = name

    def _on_decision_changed(self, *_args: object) -> None:
        self._say("")
        decision = self.decision()
        if decision is RecountDecision.FULL:
            text = (
                "A full recount: the contest goes back to the count, and every figure is keyed "
                "in afresh as a new count. The count that stands now stays on record."
            )
        elif decision is RecountDecision.BUNDLE_CHECK:
            text = (
                "A bundle check: the contest goes back to the count, starting from the figures "
                "that stand; what is recorded next is kept as a new count."
            )
        elif decision is RecountDecision.REFUSED:
            text = "A refusal changes nothing; the Returning Officer's reason is kept on record."
        else:
            text = "Choose the Returning Officer's decision."
        self.hint_label.setText(text)

    # -- accepting -----------------------------------------------------------------------

    def accept(self) -> None:  # Qt override
        """Record the request and the decision; on refusal say why and stay open."""
        role, decision = self.role(), self.decision()
        candidate_id = self.candidate_combo.currentData()
        if role is None:
            self._say("Say who asked: the candidate, or an election agent.")
            return
        if role == "agent" and candidate_id is None:
            self._say("Choose the candidate the election agent acts for.")
            return
        if decision is None:
            self._say(
                "Choose the Returning Officer's decision: a full recount, a bundle check, or "
                "refused as unreasonable."
            )
            return
        try:
            self.request = self.ctx.desk.request_recount(
                self.contest_id,
                self.ctx.operator(),
                requested_by=self.who_edit.text(),
                role=role,
                decision=decision,
                for_candidate=candidate_id,
                reason=self.reason_edit.text(),
                requested_at=self.requested_at(),
            )
        except CountDeskError as error:
            self._refused(error)
            return
        _announce(self.ctx, self.contest_id)
        super().accept()


# -- a drawing of lots ---------------------------------------------------------------------


class LotsDialog(_NightDialog):
    """On whom the lot fell between tied candidates, how it was drawn, and who saw it."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Drawing of lots", parent)
        #: The result after the lots were recorded (None until recorded).
        self.result: ContestResult | None = None
        standing = ctx.desk.result(contest_id)
        tie = standing.tie
        self.places = tie.places if tie is not None else 0
        self.choices: dict[int, QAbstractButton] = {}

        layout = QVBoxLayout(self)
        if tie is None or not lots_needed(standing):
            why = (
                "The lots already drawn decide this tie."
                if tie is not None
                else "The count that stands has no tie that one more vote would decide, so no "
                "lots are needed."
            )
            layout.addWidget(QLabel(why))
            self.record_button = self._ok_button("Record the &lot", "Record on whom the lot fell")
            self.record_button.setEnabled(False)
            layout.addWidget(self.buttons)
            return

        seats = self.contest.seats
        place = (
            "the seat"
            if seats == 1
            else "the last seat"
            if tie.places == 1
            else f"the last {tie.places} seats"
        )
        tied_names = _candidate_names(standing, tie.candidates)
        layout.addWidget(
            self._heading(f"{tied_names} are tied on {format_figure(tie.votes)} votes for {place}.")
        )
        explain = QLabel(
            "The Returning Officer decides by lot. The candidate on whom the lot falls is "
            "treated as having one extra vote, and the declaration says that lots were drawn."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)

        need = "one candidate" if tie.places == 1 else f"{tie.places} candidates"
        choose = QLabel(f"The lot fell on ({need}):")
        layout.addWidget(choose)
        self.choice_group = QButtonGroup(self)
        self.choice_group.setExclusive(tie.places == 1)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(12, 0, 0, 0)
        for line in standing.candidates:
            if line.candidate.id not in tie.candidates:
                continue
            text = f"{line.candidate.display_name}"
            if line.candidate.description:
                text += f" – {line.candidate.description}"
            button: QAbstractButton = QRadioButton(text) if tie.places == 1 else QCheckBox(text)
            button.setAccessibleName(f"The lot fell on {line.candidate.display_name}")
            self.choice_group.addButton(button, line.candidate.id)
            self.choices[line.candidate.id] = button
            box_layout.addWidget(button)
        choose.setBuddy(next(iter(self.choices.values())))
        layout.addWidget(box)

        self.chosen_label = QLabel()
        self.chosen_label.setAccessibleName("How many are chosen")
        layout.addWidget(self.chosen_label)

        self.method_edit = QLineEdit()
        self.method_edit.setAccessibleName("How the lots were drawn")
        self.method_edit.setPlaceholderText("e.g. names drawn from a box")
        self.witnesses_edit = QLineEdit()
        self.witnesses_edit.setAccessibleName("Who witnessed the drawing of lots")
        self.witnesses_edit.setPlaceholderText("e.g. both candidates and their agents")
        form = QFormLayout()
        _labelled(form, "&How drawn", self.method_edit)
        _labelled(form, "&Witnesses", self.witnesses_edit)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        self.record_button = self._ok_button("Record the &lot", "Record on whom the lot fell")
        layout.addWidget(self.buttons)

        self.choice_group.buttonToggled.connect(self._on_choice_changed)
        _set_tab_order(
            [*self.choices.values(), self.method_edit, self.witnesses_edit, self.record_button]
        )
        self._on_choice_changed()
        self._fit(540)
        next(iter(self.choices.values())).setFocus()

    def chosen(self) -> list[int]:
        """The ids of the candidates on whom the lot is marked as having fallen."""
        return [cid for cid, button in self.choices.items() if button.isChecked()]

    def _on_choice_changed(self, *_args: object) -> None:
        self._say("")
        chosen = len(self.chosen())
        full = chosen >= self.places
        # Exactly ``places`` can be chosen: the others are closed once that many are.
        for button in self.choices.values():
            button.setEnabled(self.places == 1 or button.isChecked() or not full)
        need = "1 candidate" if self.places == 1 else f"{self.places} candidates"
        self.chosen_label.setText(f"Choose {need}: {chosen} chosen.")
        self.record_button.setEnabled(chosen == self.places)

    def accept(self) -> None:  # Qt override
        """Record on whom the lot fell; on refusal say why and stay open."""
        try:
            self.result = self.ctx.desk.record_lots(
                self.contest_id,
                self.chosen(),
                self.ctx.operator(),
                self.method_edit.text() if self.choices else "",
                self.witnesses_edit.text() if self.choices else "",
            )
        except CountDeskError as error:
            self._refused(error)
            return
        _announce(self.ctx, self.contest_id)
        super().accept()


# -- the declaration -----------------------------------------------------------------------


def result_summary(result: ContestResult) -> list[tuple[str, str]]:
    """The lines of the result that the declaring officer checks: (label, words)."""
    names = {line.candidate.id: line for line in result.candidates}
    elected = [
        f"{names[cid].candidate.display_name} ({format_figure(names[cid].votes)} votes"
        + (", and the vote by lot" if names[cid].lot_vote else "")
        + ")"
        for cid in result.elected
    ]
    lines = [("Elected", "; ".join(elected) or "–")]
    word = "Majority" if result.seats == 1 else "Margin"
    if lots_needed(result):
        lines.append((word, "a tie, to be decided by lot before the declaration"))
    elif result.majority is not None:
        share = format_percent(result.majority_share)
        decided = " – decided by lot" if result.lots_applied else ""
        lines.append(
            (word, f"{format_figure(result.majority)} votes ({share}% of valid votes){decided}")
        )
    lines.append(("Valid votes", format_figure(result.valid_votes)))
    lines.append(("Rejected papers", format_figure(result.rejected_total)))
    lines.append(("Ballot papers verified", format_figure(result.ballot_papers_verified)))
    if result.turnout is not None:
        lines.append(("Turnout", f"{format_percent(result.turnout)}% (papers ÷ electorate)"))
    if result.lots_applied and result.lots is not None:
        note = next((f.message for f in result.findings if f.code == "L403"), "")
        how = "; ".join(
            part
            for part in (
                result.lots.method and f"drawn by: {result.lots.method}",
                result.lots.witnesses and f"witnessed by: {result.lots.witnesses}",
            )
            if part
        )
        lines.append(("Lots", note + (f" ({how})" if how else "")))
    return lines


class _ConfirmingDialog(_NightDialog):
    """A dialog that the declaring officer confirms by typing their name exactly as set."""

    def _build_confirmation(self) -> QWidget:
        officer = self.contest.officer_name
        title = self.contest.officer_title_or_default
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        if officer:
            text = (
                f"The declaring officer is {officer}, {title}. To confirm, {officer} types "
                "their name exactly as it is set:"
            )
        else:
            text = (
                "T303: the declaring officer's name is not set, so no one can confirm. Set it "
                "in the contest's Setup tab first."
            )
        self.officer_label = QLabel(text)
        self.officer_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("The declaring officer's name, typed to confirm")
        self.name_edit.setPlaceholderText(
            "The declaring officer types their own name" if officer else "No officer is set"
        )
        self.name_edit.setEnabled(bool(officer))
        self.name_state = QLabel()
        self.name_state.setAccessibleName("Whether the name matches")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        _labelled(form, "Officer's &name", self.name_edit)
        form.addRow("", self.name_state)
        layout.addWidget(self.officer_label)
        layout.addLayout(form)
        return box

    def name_matches(self) -> bool:
        """Whether the name typed is the officer's, case and spacing aside."""
        officer = self.contest.officer_name
        return bool(officer) and fold_name(self.name_edit.text()) == fold_name(officer)

    def _name_state_text(self) -> str:
        if not self.name_edit.text().strip():
            return ""
        if self.name_matches():
            return "✔ The name matches."
        return f"✖ Not yet the name as set ({self.contest.officer_name})."


class DeclareDialog(_ConfirmingDialog):
    """The result to be declared, confirmed by the declaring officer's name; then it is locked."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Declare the result", parent)
        #: The declaration's PDF as kept (None until declared).
        self.pdf: bytes | None = None
        desk = ctx.desk
        report = desk.status(contest_id)
        result = desk.result(contest_id)
        election = desk.election_of(self.contest)

        layout = QVBoxLayout(self)
        layout.addWidget(
            self._heading(
                f"Declaration of result of poll – {self.contest.area}, "
                f"{election.title or self.contest.type.name}"
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.summary: dict[str, QLabel] = {}
        for row, (label, words) in enumerate(result_summary(result)):
            name = QLabel(label)
            value = QLabel(words)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            font = value.font()
            font.setBold(label in ("Elected", "Majority", "Margin"))
            value.setFont(font)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.summary[label] = value
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        warning = QLabel(
            "Once declared, the result is locked: nothing may be recounted, and the declaration "
            "is kept exactly as printed. Only a reasoned correction can follow."
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)

        self.blockers_label = QLabel()
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setAccessibleName("What stands in the way of the declaration")
        blockers = []
        if report.status is not Status.PROVISIONAL:
            blockers.append(
                f"{self.contest.area} is at {report.label}: only a provisional result, shown to "
                "the candidates and agents, can be declared."
            )
        blockers += [f"{f.code}: {f.message}" for f in report.blockers]
        self.blockers_label.setText("\n".join(blockers))
        self.blockers_label.setVisible(bool(blockers))
        layout.addWidget(self.blockers_label)

        layout.addWidget(self._build_confirmation())
        layout.addWidget(self.message_label)
        self.declare_button = self._ok_button("&Declare", "Declare the result")
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._on_name_changed)
        self._on_name_changed()
        self._fit(620)
        self.name_edit.setFocus()

    def _on_name_changed(self, *_args: object) -> None:
        self._say("")
        self.declare_button.setEnabled(self.name_matches())
        self.name_state.setText(self._name_state_text())

    def accept(self) -> None:  # Qt override
        """Declare: stamp the time, lock the contest and keep the PDF; on refusal stay open."""
        if not self.declare_button.isEnabled():
            self._say(
                f"{self.contest.officer_name or 'The declaring officer'} confirms by typing their "
                "name exactly as it is set."
            )
            return
        try:
            self.pdf = self.ctx.desk.declare(
                self.contest_id, self.ctx.operator(), self.name_edit.text()
            )
        except CountDeskError as error:
            self._say(refusal_text(error, "Not declared"))
            return
        _announce(self.ctx, self.contest_id)
        super().accept()


# -- a correction after the declaration ----------------------------------------------------


class _FigureField:
    """One corrected figure: its field, the figure declared, and the words under it."""

    def __init__(self, kind: str, key: int | str, label: str, declared: int | None) -> None:
        self.kind = kind
        self.key = key
        self.label = label
        self.declared = declared
        self.edit = QLineEdit(format_figure(declared) if declared is not None else "")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMaxLength(24)
        self.edit.setAccessibleName(label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("figureMessage")
        self.message.setAccessibleName(f"Problem with {label}")
        self.message.hide()
        self.value: int | None = declared

    def read(self) -> bool:
        """Parse the text typed; say why under the field if it is not a whole number."""
        try:
            self.value = parse_figure(self.edit.text(), what=self.label)
        except FigureProblem as problem:
            self.value = None
            self.message.setText(f"✖ {problem.code}: {problem.message}")
            self.message.show()
            return False
        self.message.hide()
        self.message.clear()
        return True

    @property
    def changed(self) -> bool:
        return self.value is not None and self.value != self.declared


class CorrectionDialog(_ConfirmingDialog):
    """Every figure of the declared count, to correct, with a reason and the officer's name."""

    def __init__(self, ctx: UiContext, contest_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, contest_id, "Correct the declaration", parent)
        #: The corrected declaration's PDF (None until recorded).
        self.pdf: bytes | None = None
        desk = ctx.desk
        latest = desk.latest_count(contest_id)
        votes = latest.figures.votes if latest is not None else {}
        rejected = latest.figures.rejected if latest is not None else {}

        layout = QVBoxLayout(self)
        layout.addWidget(self._heading(f"Correct the declared result of {self.contest.area}"))
        intro = QLabel(
            "The declaration stays on record. A correction is a new count with its reason, "
            "printed as a corrected declaration. Change only the figures that were wrong."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.fields: list[_FigureField] = []
        host = QWidget()
        grid = QGridLayout(host)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(1)
        grid_row = 0
        header = QLabel("As declared")
        grid.addWidget(header, grid_row, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel("Corrected"), grid_row, 2, Qt.AlignmentFlag.AlignRight)
        grid_row += 1
        entries: list[tuple[str, int | str, str, str]] = [
            ("votes", c.id, c.display_name, f"Votes for {c.display_name}")
            for c in desk.candidates(contest_id)
        ]
        for heading in self.contest.type.headings:
            entries.append(
                (
                    "rejected",
                    heading.key,
                    f"Rejected ({heading.letter}) {heading.label}",
                    f"Rejected papers ({heading.letter}) {heading.label.lower()}",
                )
            )
        for kind, key, shown, what in entries:
            declared = (votes if kind == "votes" else rejected).get(key)  # type: ignore[call-overload]
            field = _FigureField(kind, key, what, declared)
            name = QLabel(shown)
            name.setBuddy(field.edit)
            was = QLabel(format_figure(declared))
            was.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, grid_row, 0)
            grid.addWidget(was, grid_row, 1)
            grid.addWidget(field.edit, grid_row, 2)
            grid_row += 1
            grid.addWidget(field.message, grid_row, 0, 1, 3)
            grid_row += 1
            field.edit.textEdited.connect(lambda _t, f=field: self._on_figure_edited(f))
            self.fields.append(field)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(host)
        scroll.setMinimumHeight(260)
        layout.addWidget(scroll, 1)

        self.differences_label = QLabel()
        self.differences_label.setWordWrap(True)
        self.differences_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.differences_label.setAccessibleName("Differences from the declared figures")
        self.differences_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.differences_label.setMargin(6)
        layout.addWidget(self.differences_label)

        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Reason for the correction (printed on it)")
        self.reason_edit.setPlaceholderText(
            "e.g. two votes for WATERS were transcribed against SMITH"
        )
        form = QFormLayout()
        _labelled(form, "&Reason (printed)", self.reason_edit)
        layout.addLayout(form)
        layout.addWidget(self._build_confirmation())

        self.needed_label = QLabel()
        self.needed_label.setWordWrap(True)
        self.needed_label.setAccessibleName("What is still needed")
        layout.addWidget(self.needed_label)
        layout.addWidget(self.message_label)
        self.correct_button = self._ok_button(
            "Record the &correction", "Record the correction and print the corrected declaration"
        )
        layout.addWidget(self.buttons)

        self.reason_edit.textChanged.connect(self._update)
        self.name_edit.textChanged.connect(self._update)
        _set_tab_order(
            [f.edit for f in self.fields] + [self.reason_edit, self.name_edit, self.correct_button]
        )
        self._update()
        self.setMinimumWidth(640)
        self.resize(680, 700)
        if self.fields:
            self.fields[0].edit.setFocus()
            self.fields[0].edit.selectAll()

    # -- values --------------------------------------------------------------------------

    def field(self, kind: str, key: int | str) -> _FigureField:
        """The field of a candidate's votes ("votes", id) or a heading ("rejected", key)."""
        return next(f for f in self.fields if f.kind == kind and f.key == key)

    def differences(self) -> list[str]:
        """Each corrected figure in words: "SMITH, Andrew: 74 as declared, now 72"."""
        return [
            f"{f.label}: {format_figure(f.declared)} as declared, now {format_figure(f.value)}"
            for f in self.fields
            if f.changed
        ]

    def _missing(self) -> list[str]:
        missing = []
        if any(f.value is None for f in self.fields):
            missing.append("put right the figures marked ✖")
        elif not any(f.changed for f in self.fields):
            missing.append("change the figures that were wrong")
        if not self.reason_edit.text().strip():
            missing.append("give the reason (it is printed on the corrected declaration)")
        if not self.name_matches():
            missing.append("the declaring officer confirms by typing their name as set")
        return missing

    # -- slots ---------------------------------------------------------------------------

    def _on_figure_edited(self, field: _FigureField) -> None:
        field.read()
        self._update()

    def _update(self, *_args: object) -> None:
        self._say("")
        for field in self.fields:
            font = field.edit.font()
            font.setBold(field.changed)  # a corrected figure stands out from those left alone
            field.edit.setFont(font)
        differences = self.differences()
        if differences:
            self.differences_label.setText(
                "Changes from the declared figures:\n" + "\n".join(f"• {d}" for d in differences)
            )
        else:
            self.differences_label.setText("No figure differs from the declaration yet.")
        missing = self._missing()
        self.needed_label.setText(
            "To record the correction: " + "; ".join(missing) + "." if missing else ""
        )
        self.needed_label.setVisible(bool(missing))
        self.correct_button.setEnabled(not missing)
        self.name_state.setText(self._name_state_text())

    def accept(self) -> None:  # Qt override
        """Record the correction and keep the corrected declaration; on refusal stay open."""
        missing = self._missing()
        if missing:
            self._say("Not recorded yet: " + "; ".join(missing) + ".")
            return
        votes = {f.key: f.value for f in self.fields if f.kind == "votes"}
        rejected = {f.key: f.value for f in self.fields if f.kind == "rejected"}
        winners: list[int] = []
        while True:
            try:
                self.pdf = self.ctx.desk.correct_declaration(
                    self.contest_id,
                    self.ctx.operator(),
                    votes=votes,  # type: ignore[arg-type]
                    rejected=rejected,  # type: ignore[arg-type]
                    reason=self.reason_edit.text(),
                    officer_confirmation=self.name_edit.text(),
                    lot_winners=winners,
                )
                break
            except CountDeskError as error:
                # The corrected figures make a new tie: the lot is drawn, then recorded with them.
                tie = self.ctx.desk.preview_result(self.contest_id, votes, rejected).tie  # type: ignore[arg-type]
                if error.code == "L401" and not winners and tie is not None:
                    chosen = ask_lot_winners(self, self.ctx, self.contest_id, tie)
                    if chosen:
                        winners = chosen
                        continue
                self._refused(error)
                return
        _announce(self.ctx, self.contest_id)
        super().accept()


def ask_lot_winners(parent: QWidget | None, ctx: UiContext, contest_id: str, tie: Tie) -> list[int]:
    """Ask on whom the lot fell among the tied candidates; [] if cancelled (replaced in tests)."""
    names = {c.id: c.display_name for c in ctx.desk.candidates(contest_id)}
    tied = [cid for cid in names if cid in tie.candidates]
    dialog = QDialog(parent)
    dialog.setWindowTitle("The corrected figures make a tie: on whom did the lot fall?")
    layout = QVBoxLayout(dialog)
    layout.addWidget(
        QLabel(
            f"{', '.join(names[c] for c in tied)} are tied on {format_figure(tie.votes)} votes. "
            f"Draw lots, then choose {tie.places} on whom the lot fell."
        )
    )
    boxes = []
    for cid in tied:
        box = QCheckBox(names[cid])
        box.setAccessibleName(f"The lot fell on {names[cid]}")
        layout.addWidget(box)
        boxes.append((cid, box))
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if not exec_dialog(dialog):
        return []
    return [cid for cid, box in boxes if box.isChecked()]


# -- asking --------------------------------------------------------------------------------


def _run(dialog: QDialog, attribute: str) -> Any:
    try:
        if not exec_dialog(dialog):
            return None
        return getattr(dialog, attribute)
    finally:
        dialog.deleteLater()


def ask_recount(parent: QWidget | None, ctx: UiContext, contest_id: str) -> dict[str, Any] | None:
    """Record a request for a recount and the decision on it; the request, or None."""
    return _run(RecountDialog(ctx, contest_id, parent), "request")


def ask_lots(parent: QWidget | None, ctx: UiContext, contest_id: str) -> ContestResult | None:
    """Record on whom the lot fell for the tie in the count that stands; the new result, or None.

    When there is no tie to decide, says so instead.
    """
    result = ctx.desk.result(contest_id)
    if not lots_needed(result):
        if ctx.desk.draft(contest_id).recorded_as is None and lots_needed(
            ctx.desk.draft_result(contest_id)
        ):
            QMessageBox.information(
                parent,
                "Record the count first",
                "The figures keyed in show a tie, but they are not recorded yet: record the count "
                "(Count tab, Ctrl+Return), then record the drawing of lots.",
            )
            return None
        QMessageBox.information(
            parent,
            "No lots to draw",
            "The lots already drawn decide the tie in the count that stands."
            if result.tie is not None
            else "The count that stands has no tie that one more vote would decide, so no lots "
            "are needed.",
        )
        return None
    return _run(LotsDialog(ctx, contest_id, parent), "result")


def ask_declare(parent: QWidget | None, ctx: UiContext, contest_id: str) -> bytes | None:
    """Declare the result once the officer confirms; the declaration's PDF, or None."""
    return _run(DeclareDialog(ctx, contest_id, parent), "pdf")


def ask_correction(parent: QWidget | None, ctx: UiContext, contest_id: str) -> bytes | None:
    """Correct a declared result; the corrected declaration's PDF, or None.

    Before the declaration, says to change the figures through the count instead.
    """
    contest = ctx.desk.contest(contest_id)
    if contest.status is not Status.DECLARED:
        QMessageBox.information(
            parent,
            "Not declared",
            f"{contest.area} is not declared (it is at {status_label(contest.status)}): change "
            "the figures through the Count tab instead.",
        )
        return None
    return _run(CorrectionDialog(ctx, contest_id, parent), "pdf")
