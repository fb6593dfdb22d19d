"""The documents tab's controls: the choice of document, and zoom, fit, whole page, print and
save."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QRadioButton, QWidget

from desktop.domain.findings import Finding

#: The documents the tab can show, as they are called in its heading and messages.
DECLARATION = "declaration of result"
PROVISIONAL = "provisional result sheet"
MEMORANDUM = "memorandum of an error found after the declaration"
PRESS = "results summary (press)"
NOTICE = "notice of uncontested election"
LOCAL_TOTALS = "statement of local totals"


def _theme_icon(name: QIcon.ThemeIcon) -> QIcon:
    """The desktop theme's icon, or none: an unlike stand-in would mislead more than no icon."""
    return QIcon.fromTheme(name)


def _shortcut_text(key: QKeySequence.StandardKey) -> str:
    """A standard shortcut as the platform writes it (Ctrl+P, ⌘P …)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def _button(icon: QIcon | None, text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(icon, text) if icon is not None else QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    return button


class DocumentButtons(QWidget):
    """The row of buttons beside the choice of document; the view connects their clicks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme = QIcon.ThemeIcon
        self.zoom_out = _button(
            _theme_icon(theme.ZoomOut), "Zoom out", "Zoom out", "Show the page smaller."
        )
        self.zoom_in = _button(
            _theme_icon(theme.ZoomIn), "Zoom in", "Zoom in", "Show the page larger."
        )
        self.fit_width = _button(
            None, "Fit width", "Fit the page to the width of the view",
            "Show the page as wide as the view.",
        )  # fmt: skip
        self.whole_page = _button(
            _theme_icon(theme.ZoomFitBest), "Whole page", "Show whole pages",
            "Show each page whole, to see its layout at a glance.",
        )  # fmt: skip
        self.print = _button(
            _theme_icon(theme.DocumentPrint), "&Print…", "Print the document shown",
            f"Print the document shown ({_shortcut_text(QKeySequence.StandardKey.Print)})",
        )  # fmt: skip
        self.save = _button(
            _theme_icon(theme.DocumentSaveAs), "Save as PDF…",
            "Save the document shown as a PDF file",
            "Save the document shown as a PDF file "
            f"({_shortcut_text(QKeySequence.StandardKey.Save)})",
        )  # fmt: skip
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.zoom_out, self.zoom_in, self.fit_width, self.whole_page):
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(self.print)
        row.addWidget(self.save)


class DocumentChoice(QWidget):
    """Which document is shown: the declaration, the provisional sheet, the memorandum of an
    error found after the declaration (offered only once one is recorded), or the results
    summary for the press (once declared)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.declaration = QRadioButton("Dec&laration")
        self.declaration.setAccessibleName("Show the declaration of result")
        self.declaration.setChecked(True)
        self.provisional = QRadioButton("Provisional shee&t")
        self.provisional.setAccessibleName("Show the provisional result sheet")
        self.provisional.setToolTip(
            "The provisional result sheet: for the candidates and agents, not for publication."
        )
        self.memorandum = QRadioButton("&Memorandum of error found")
        self.memorandum.setAccessibleName(
            "Show the memorandum of the latest error found after the declaration"
        )
        self.memorandum.setToolTip(
            "The memorandum of the latest error found after the declaration: not a "
            "declaration; the declaration stands."
        )
        self.memorandum.hide()
        self.press = QRadioButton("Res&ults summary (press)")
        self.press.setAccessibleName("Show the results summary for the press")
        self.press.setToolTip(
            "The results summary for the press: shares, change, swing and a chart. Not the "
            "declaration; offered once the contest is declared."
        )
        #: Clicked (by mouse, mnemonic or arrow key), not toggled: showing a document sets the
        #: buttons itself, and must not set off another refresh.
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.declaration, self.provisional, self.memorandum, self.press):
            self.group.addButton(button)
            row.addWidget(button)

    def set_shown(self, kind: str, errors: tuple[Finding, ...], found: bool) -> None:
        """Set the radio buttons to the document shown; no declaration while errors stand; the
        memorandum offered once an error found after the declaration is recorded."""
        buttons = tuple(self.group.buttons())
        for button in buttons:
            button.blockSignals(True)
        self.provisional.setChecked(kind == PROVISIONAL)
        self.declaration.setChecked(kind in (DECLARATION, LOCAL_TOTALS))
        self.declaration.setText(
            "Statement of &local totals" if kind == LOCAL_TOTALS else "Dec&laration"
        )
        self.memorandum.setChecked(kind == MEMORANDUM)
        self.press.setChecked(kind == PRESS)
        self.memorandum.setVisible(found)
        for button in buttons:
            button.blockSignals(False)
            button.setEnabled(True)
        if errors:
            self.declaration.setEnabled(False)
            self.declaration.setToolTip(
                "The declaration cannot be printed while errors stand in the count: correct "
                "the figures and record the count again (Ctrl+3)."
            )
        else:
            self.declaration.setToolTip("The declaration of result, to be signed and published.")
