"""One figure as now found, beside the figure as declared, in the error-found dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.domain.figures import FigureProblem, format_figure, parse_figure


class FigureField:
    """One figure as now found: its field, the figure declared, and the words under it."""

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
