"""Whether a poll counted in voting areas is a local count or the area result, shown plainly.

A Police and Crime Commissioner or combined authority mayoral contest is either a voting area's
local count (it sends its local totals) or the area result (it adds them up and is declared).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.model import Contest


def role_text(contest: Contest) -> str:
    """The contest's role in words, with where it is acted on; "" where it has none."""
    if contest.is_area_result:
        return "The area result: it adds up the voting areas' local totals (Night › Voting areas' local totals…) and is declared."
    if contest.is_local_count:
        area = contest.voting_area or "(voting area not yet named)"
        return f"A local count of {area}: not declared, its local totals are sent (Night › Send local totals…)."
    return ""


def locked_text(contest: Contest) -> str:
    """Why the names and facts of a declared (or, for a local count, sent) contest are locked."""
    if contest.is_local_count:
        return (
            f"The local totals of {contest.area} ({contest.voting_area}) are sent: its names and "
            "facts are locked as printed on the statement of local totals."
        )
    return (
        f"{contest.area} is declared: its names and facts are locked as printed on the "
        "declaration. An error found now is recorded from the Night menu: Record an error found "
        "after the declaration (Ctrl+Shift+K)."
    )


class RoleRow(QLabel):
    """The role line of the contest's facts (hidden for polls not counted in voting areas)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Local count or area result")
        self.label = QLabel("Counted in voting areas")

    def show_contest(self, contest: Contest | None) -> None:
        """Say this contest's role, or hide the row."""
        text = role_text(contest) if contest is not None else ""
        self.setText(text)
        self.setVisible(bool(text))
        self.label.setVisible(bool(text))
