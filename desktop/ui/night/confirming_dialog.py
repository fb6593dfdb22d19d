"""A night dialog the Returning Officer confirms by name, with the result it records."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.arithmetic import ContestResult
from desktop.domain.codes import Code
from desktop.domain.figures import format_figure, format_percent
from desktop.domain.referendum import result_sentence
from desktop.ui.night.common import fold_name, labelled, lots_needed
from desktop.ui.night.night_dialog import NightDialog


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
    if result.contest.type.referendum:
        # A referendum elects nobody: the votes for each answer, and which carried.
        lines = [("Result", result_sentence(result) or "–")]
        lines += [
            (line.candidate.display_name, f"{format_figure(line.votes)} votes")
            for line in result.candidates
        ]
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
    if result.valid_papers_counted is not None:
        lines.append(("Valid ballot papers counted", format_figure(result.valid_papers_counted)))
    if result.turnout is not None:
        lines.append(("Turnout", f"{format_percent(result.turnout)}% (papers ÷ electorate)"))
    if result.lots_applied and result.lots is not None:
        note = next((f.message for f in result.findings if f.code == Code.L403), "")
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


class ConfirmingDialog(NightDialog):
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
                f"{Code.T303}: the declaring officer's name is not set, so no one can confirm. Set it "
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
        labelled(form, "Officer's &name", self.name_edit)
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
