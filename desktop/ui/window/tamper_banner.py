"""The banner that says the database was changed outside CountDesk: across the top, red, with
a warning icon and the words, never dismissed while the window is open."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from desktop.domain.proof import Problem

#: At most this many problems are named in the banner; countdesk-cli verify lists them all.
NAMED = 3


def banner_text(problems: list[Problem]) -> str:
    """The banner's words for what the check on opening found."""
    named = " ".join(str(p) for p in problems[:NAMED])
    more = f" …and {len(problems) - NAMED} more." if len(problems) > NAMED else ""
    return (
        "This database was changed outside CountDesk since CountDesk last wrote it. "
        f"{named}{more} Its record cannot be vouched for, and CountDesk will not declare from "
        "it: run countdesk-cli verify for the whole list, and tell the Returning Officer."
    )


class TamperBanner(QFrame):
    """Shown only when the check on opening found something; not closable."""

    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tamperBanner")
        self.setStyleSheet(
            "#tamperBanner { background: #b00020; border-radius: 3px; }"
            "#tamperBanner QLabel { color: white; font-weight: bold; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        icon = QLabel()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(24, 24))
        row.addWidget(icon)
        self.label = QLabel(banner_text(problems))
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.setAccessibleName("Warning: the database was changed outside CountDesk")
        self.setAccessibleDescription(self.label.text())
        self.setVisible(bool(problems))
