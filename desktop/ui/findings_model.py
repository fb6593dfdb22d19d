"""The findings of the checks as a list: errors, warnings and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyle, QWidget

from desktop.domain.findings import Finding, Severity
from desktop.ui.tables import Index

_SEVERITY_WORD = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "NOTE"}
_SEVERITY_ICON = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class FindingsModel(QAbstractListModel):
    """The findings of a result, errors first: severity word, code and what to do."""

    CodeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: tuple[Finding, ...] = ()
        self._style = parent.style() if parent is not None else None

    def set_findings(self, findings: tuple[Finding, ...]) -> None:
        """Show these findings (the model resets only when they differ)."""
        if findings == self._findings and [f.message for f in findings] == [
            f.message for f in self._findings
        ]:
            return
        self.beginResetModel()
        self._findings = findings
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        """The finding shown in a row."""
        return self._findings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{_SEVERITY_WORD[finding.severity]} {finding.code}: {finding.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole and self._style is not None:
            return self._style.standardIcon(_SEVERITY_ICON[finding.severity])
        if role == Qt.ItemDataRole.FontRole and finding.is_error:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.CodeRole:
            return finding.code
        return None
