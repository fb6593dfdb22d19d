"""A request for a recount and the Returning Officer's decision on it."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import CountDeskError
from desktop.domain.records import RecountRequest
from desktop.domain.wording import clock_time
from desktop.domain.workflow import RecountDecision, status_label
from desktop.ui.context import UiContext
from desktop.ui.night.common import choice_row, labelled, set_tab_order
from desktop.ui.night.night_dialog import NightDialog


class RecountDialog(NightDialog):
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
        self.request: RecountRequest | None = None
        self._prefilled = ""
        desk = ctx.desk
        self.candidates = desk.candidates(contest_id)
        latest = desk.latest_count(contest_id)
        standing = (
            f"Count {latest.number} stands (recorded at {clock_time(latest.recorded_at)} "
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
        role_row, self.role_group = choice_row(self.candidate_role, self.agent_role)

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
        decision_row, self.decision_group = choice_row(
            self.full_choice, self.bundle_choice, self.refused_choice
        )

        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("The Returning Officer's reason (needed for a refusal)")
        self.reason_edit.setPlaceholderText("Needed for a refusal: why the request is unreasonable")

        form = QFormLayout()
        labelled(form, "&Who asked", self.who_edit)
        labelled(form, "Asked as", role_row).setBuddy(self.candidate_role)
        labelled(form, "For ca&ndidate", self.candidate_combo)
        labelled(form, "Asked at (&time)", self.time_edit)
        labelled(form, "Decision", decision_row).setBuddy(self.full_choice)
        labelled(form, "R&eason", self.reason_edit)

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
        set_tab_order(
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
            self.request = self.ctx.desk.record_recount_request(
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
        self.ctx.events.announce(self.contest_id)
        super().accept()
