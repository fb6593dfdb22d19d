"""Undo and redo of edits that go through the services (QUndoStack commands).

An edit is applied first, through the services; only if it succeeds is a command pushed, so
the stack never holds an edit that was refused. Undo applies the inverse edit, again through the
services, so the database (and its audit log) always reflects what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.errors import CountDeskError


class ServiceEdit(QUndoCommand):
    """One applied edit: ``apply(new)`` was done; undo is ``apply(old)``, redo ``apply(new)``."""

    def __init__(
        self,
        text: str,
        apply: Callable[[object], None],
        old: object,
        new: object,
        on_error: Callable[[CountDeskError], None],
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._old = old
        self._new = new
        self._on_error = on_error
        self._applied = True

    def redo(self) -> None:  # Qt override
        if self._applied:  # the first push: the edit is already done
            self._applied = False
            return
        self._run(self._new)

    def undo(self) -> None:  # Qt override
        self._run(self._old)

    def _run(self, value: object) -> None:
        try:
            self._apply(value)
        except CountDeskError as exc:
            self.setObsolete(True)
            self._on_error(exc)


def apply_edit(
    stack: QUndoStack,
    text: str,
    apply: Callable[[object], None],
    old: object,
    new: object,
    on_error: Callable[[CountDeskError], None],
) -> bool:
    """Apply ``new`` through the services; on success push an undoable command and return True.

    On refusal nothing is pushed, ``on_error`` is told why, and False is returned.
    """
    if old == new:
        return True
    try:
        apply(new)
    except CountDeskError as exc:
        on_error(exc)
        return False
    stack.push(ServiceEdit(text, apply, old, new, on_error))
    return True
