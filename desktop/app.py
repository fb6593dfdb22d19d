"""Composition root of the window: ``countdesk [--db PATH] [--contest ID]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from desktop.storage.database import default_database_path


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="countdesk", description="CountDesk: enter the count, check it, print the declaration."
    )
    parser.add_argument("--db", type=Path, default=None, help="the database file to open")
    parser.add_argument("--contest", default=None, help="open this contest's count screen")
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="quit as soon as the window is first painted (for the start-up benchmark)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``countdesk``: open the database and show the window."""
    args = _arguments(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CountDesk")
    app.setOrganizationName("CountDesk")
    path = args.db or default_database_path()
    try:
        desk = CountDesk.open(path)
    except CountDeskError as error:
        QMessageBox.critical(None, "CountDesk cannot open its database", str(error))
        return 1
    window = MainWindow(desk, path)
    window.place_on_screen()
    if args.contest:
        window.open_contest(args.contest)  # the count screen, or setup if nobody stands yet
    if args.exit_after_startup:
        # Quit once the contest's tabs (or the start page) have been painted.
        window.tabs.painted.connect(lambda: QTimer.singleShot(0, app.quit))
        if window.contest_id is None:
            QTimer.singleShot(0, app.quit)
    window.show()
    code = app.exec()
    # Every figure is already committed; closing the database checkpoints its write-ahead log.
    desk.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
