"""Helpers shared by the night dialogs: names, refusals, ties and layout."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from desktop.domain.arithmetic import ContestResult
from desktop.domain.errors import CountDeskError


def fold_name(name: str) -> str:
    """A name as the officer's confirmation compares it: case ignored, spaces folded."""
    return " ".join(name.split()).casefold()


def refusal_text(error: CountDeskError, what: str = "Nothing was recorded") -> str:
    """A refusal in plain words with its code, e.g. "Nothing was recorded – S803: …"."""
    return f"{what} – {error}"


def lots_needed(result: ContestResult) -> bool:
    """Whether the count that stands has a tie that only a drawing of lots can decide."""
    return result.tie is not None and not result.lots_applied


def candidate_names(result: ContestResult, ids: Any) -> str:
    """The names of these candidates as a list in words: "A", or "A, B and C"."""
    names = [line.candidate.display_name for line in result.candidates if line.candidate.id in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def labelled(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """Add a row to the form with a label whose mnemonic moves to the widget."""
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, widget)
    return label


def choice_row(*buttons: QAbstractButton) -> tuple[QWidget, QButtonGroup]:
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


def set_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes through these widgets in this order."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
