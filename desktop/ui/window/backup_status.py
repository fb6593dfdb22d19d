"""The backup line in the status bar: when the last good copy was made, or what is wrong.

Automatic backups (after a recorded count, lots, a recount decision, a stage change or a
declaration) run on a worker thread, so the window never waits for a copy; their outcome comes
back here as a signal. A failure is a warning in the status bar, never a dialog on every count.
The folder is looked at again every half minute, so a pulled stick is shown before the next
count. File › Back up now… makes a copy at once (choosing the folder the first time).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.services.backups import BackgroundBackups, BackupOutcome

#: How often the backup folder is looked at (missing, read-only, full), in milliseconds.
CHECK_EVERY_MS = 30_000


def _local_time(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


class _Relay(QObject):
    """Carries an outcome from the worker thread to the window's thread (a queued signal)."""

    done = Signal(object)


class BackupStatus(QLabel):
    """The status bar's backup line, and the window's backup worker."""

    def __init__(self, desk: CountDesk, operator: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupStatus")
        self.setAccessibleName("Backups")
        self.desk = desk
        self._operator = operator
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self.worker = BackgroundBackups(self._relay.done.emit)
        desk.run_backups_with(self.worker)
        self._failed: BackupOutcome | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Show the last good copy, or the warning that stands, from the folder as it is now."""
        try:
            state = self.desk.backup_state()
        except CountDeskError as error:
            self._show(f"⚠ Backups: {error}", warning=True)
            return
        if state.folder is None:
            self._show(
                "No backup folder chosen: File › Back up now… makes a copy on a USB stick",
                warning=True,
            )
            return
        problem = state.problem or (self._failed.error if self._failed else None)
        last = (
            f"last good backup {_local_time(state.last_good.made_at)}"
            if state.last_good
            else "no good backup yet"
        )
        if problem is not None:
            self._show(f"⚠ Backup not made ({last}): {problem}", warning=True)
        else:
            self._show(f"Backed up: {last}, in {state.folder}", warning=False)

    def _show(self, text: str, *, warning: bool) -> None:
        self.setText(text)
        self.setToolTip(text)
        self.setProperty("warning", warning)
        self.setStyleSheet("color: #a00000; font-weight: bold;" if warning else "")

    def _on_done(self, outcome: BackupOutcome) -> None:
        self._failed = None if outcome.ok else outcome
        self.refresh()

    def back_up_now(self, parent: QWidget, *, choose: bool = False) -> None:
        """Make a copy now; ask for the folder the first time (or when ``choose``)."""
        folder: Path | None = None
        if choose or self.desk.backup_state().folder is None:
            chosen = QFileDialog.getExistingDirectory(
                parent, "Choose the backup folder (a USB stick or a network share)"
            )
            if not chosen:
                return
            folder = Path(chosen)
        operator = self._operator() if callable(self._operator) else str(self._operator)
        try:
            outcome = self.desk.back_up_now(operator, folder)
        except CountDeskError as error:
            self._failed = BackupOutcome(folder or Path(), error=error)
            self.refresh()
            QMessageBox.warning(parent, "No backup made", str(error))
            return
        self._on_done(outcome)

    def stop(self, timeout: float = 10.0) -> None:
        """Let a backup in progress finish before the window closes."""
        self._timer.stop()
        self.worker.wait(timeout)
