"""Keyboard-first editing of the verification table's cells."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.tables import Index
from desktop.ui.verification.columns import COUNTED, ISSUED, NAME


class CellEditor(QLineEdit):
    """The editor of one cell; it remembers which cell it edits."""

    def __init__(self, index: Index, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = QPersistentModelIndex(index)


#: Keys that accept what was typed in a cell: Enter goes down, Tab on, Shift+Tab back.
_ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EntryDelegate(QStyledItemDelegate):
    """Edits Counted and Explanation cells (and Name and Issued, to correct a box): Enter saves
    and asks to move down, Tab and Shift+Tab save and ask for the next or previous cell; a
    refused figure keeps its editor open with the text typed, so it can be put right."""

    #: Enter saved the cell at this row: move on to the next box.
    entered = Signal(int)
    #: Tab (True) or Shift+Tab (False) saved the cell at (row, column): edit the next one.
    tabbed = Signal(int, int, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._saved = True

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:  # Qt override
        editor = CellEditor(index, parent)
        reference = index.data(Qt.ItemDataRole.UserRole)
        if index.column() in (COUNTED, ISSUED):
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.setMaxLength(24)
            editor.setAccessibleName(
                f"Papers counted for {reference}"
                if index.column() == COUNTED
                else f"Papers issued for {reference}"
            )
        elif index.column() == NAME:
            editor.setAccessibleName(f"Name of {reference}")
        else:
            editor.setAccessibleName(f"Explanation for {reference}")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # Qt override
        if isinstance(editor, QLineEdit):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setText("" if value is None else str(value))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:  # Qt override
        if isinstance(editor, QLineEdit):
            self._saved = model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # Qt override
        if (
            isinstance(editor, CellEditor)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ACCEPT_KEYS
        ):
            self._saved = True
            self.commitData.emit(editor)
            if not self._saved:
                editor.selectAll()  # refused: the text stays to be put right
                return True
            row, column = editor.index.row(), editor.index.column()
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            if event.key() in _ENTER_KEYS:
                self.entered.emit(row)
            else:
                self.tabbed.emit(row, column, event.key() == Qt.Key.Key_Tab)
            return True
        return super().eventFilter(editor, event)
