"""Where the hall board opens: full screen on the other screen when there are two, else a
window on the laptop's screen that leaves the count in sight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.ui.hall.hall_board import HallBoard
from desktop.ui.hall.placement import other_screen, place_board

ROOT = Path(__file__).resolve().parents[3]

_TWO_SCREENS = """
from PySide6.QtWidgets import QApplication, QMainWindow
from desktop.ui.hall.hall_board import HallBoard
from desktop.ui.hall.placement import place_board
app = QApplication([])
laptop, projector = app.screens()
main = QMainWindow()
main.setScreen(laptop)
main.setGeometry(laptop.availableGeometry())
main.show()
board = HallBoard()
full = place_board(board, main)
app.processEvents()
print(full, board.screen().name(), board.isFullScreen(), board.geometry().getRect())
"""


def test_with_two_screens_it_fills_the_other_one(tmp_path):
    screen = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 768, **screen},
                    {"name": "projector", "x": 1024, "y": 0, "width": 1920, "height": 1080}
                    | screen,
                ]
            }
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", _TWO_SCREENS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "True projector True (1024, 0, 1920, 1080)"


def test_with_one_screen_it_opens_as_a_window_beside_the_count(qtbot):
    main = HallBoard()  # any window: it stands for the main window on the only screen
    qtbot.addWidget(main)
    main.show()
    assert other_screen(main) is None
    board = HallBoard()
    qtbot.addWidget(board)
    assert place_board(board, main) is False
    area = main.screen().availableGeometry()
    assert not board.isFullScreen()
    assert board.width() < area.width() and board.height() < area.height()
