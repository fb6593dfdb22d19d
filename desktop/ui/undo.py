"""Undo and redo of edits that go through the services (QUndoStack commands).

An edit is applied first, through the services; only if it succeeds is a command pushed, so
the stack never holds an edit that was refused. Undo applies the inverse edit, again through the
services, so the database (and its audit log) always reflects what is on screen.

An undo or redo the services refuse (the contest is declared, say) leaves the stack for good.
One the database cannot take just now (another program holds it, it is read-only, the disk is
full) is put back where it was, so that Ctrl+Z or Ctrl+Shift+Z can be pressed again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.domain.errors import CountDeskError, StorageError


class ServiceEdit(QUndoCommand):
    """One applied edit: ``apply(new)`` was done; undo is ``apply(old)``, redo ``apply(new)``."""

    def __init__(
        self,
        stack: QUndoStack,
        text: str,
        apply: Callable[[object], None],
        old: object,
        new: object,
        on_error: Callable[[CountDeskError], None],
    ) -> None:
        super().__init__(text)
        self._stack = stack
        self._apply = apply
        self._old = old
        self._new = new
        self._on_error = on_error
        #: The next redo or undo only moves the stack: the database is already so (the first
        #: push, or a step put back after the database could not take it).
        self._in_place = True

    def redo(self) -> None:  # Qt override
        if self._in_place:
            self._in_place = False
            return
        self._run(self._new)

    def undo(self) -> None:  # Qt override
        if self._in_place:
            self._in_place = False
            return
        self._run(self._old)

    def _run(self, value: object) -> None:
        try:
            self._apply(value)
        except StorageError as exc:
            self._on_error(exc)
            # Nothing changed in the database: once the stack has finished this step, put it
            # back (the stack moves its index after this call) without applying anything, so
            # the step can be tried again.
            index = self._stack.index()
            self._in_place = True
            QTimer.singleShot(0, lambda: self._stack.setIndex(index))
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
    stack.push(ServiceEdit(stack, text, apply, old, new, on_error))
    return True
