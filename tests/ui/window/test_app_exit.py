"""`countdesk` leaves normally: the database closed, exit status 0, after a long session too."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from desktop.services import CountDesk
from tests.sample import BATLEY, BATLEY_CSV, ROOT

#: Drives the real `countdesk` entry point: once the window is up, keys three whole counts of
#: the 16-candidate demo with the keyboard, records each, then quits as the user would.
LONG_SESSION = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from desktop import app as countdesk_app
    from desktop.ui.window.main_window import MainWindow

    def drive():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        for count in range(3):
            window.count_view.focus_first_field()
            QApplication.processEvents()
            for n in range(20):  # 16 candidates and 4 rejected headings
                field = QApplication.focusWidget() or window.focusWidget()
                field.selectAll()
                QTest.keyClicks(field, str(1000 + n + count))
                QTest.keyClick(field, Qt.Key.Key_Return)
            QApplication.processEvents()
        window.close()

    app = QApplication(sys.argv[:1])  # main() takes this one, so the timer has a loop to run in
    QTimer.singleShot(200, drive)
    sys.exit(countdesk_app.main(["--db", sys.argv[1], "--contest", sys.argv[2]]))
    """
)


def _run(args: list[str], tmp_path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env,
        timeout=180, check=False,
    )  # fmt: skip


def test_the_app_exits_with_status_0_and_closes_its_database(tmp_path):
    db = tmp_path / "db.sqlite"
    desk = CountDesk.open(db)
    desk.import_candidates(BATLEY_CSV, "Tester")
    desk.store.db.close()
    done = _run(["-m", "desktop.app", "--db", str(db), "--contest", BATLEY,
                 "--exit-after-startup"], tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr
    # The last connection closed checkpoints and removes the write-ahead log.
    assert not db.with_name(db.name + "-wal").exists()


def test_a_long_session_ends_normally(tmp_path):
    db = tmp_path / "db.sqlite"
    desk = CountDesk.open(db)
    desk.open_demo("Tester")
    desk.store.db.close()
    done = _run(["-c", LONG_SESSION, str(db), BATLEY], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr
    assert not db.with_name(db.name + "-wal").exists()
    draft = CountDesk.open(db).draft(BATLEY)
    assert sorted(draft.votes.values()) == [1002 + n for n in range(16)]


#: Starts `countdesk --db PATH --contest ID`, and once it is up prints which tab is shown and
#: where the keyboard is, then quits.
WHERE_IT_OPENS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop import app as countdesk_app
    from desktop.ui.window.main_window import MainWindow

    def look():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        print(window.tabs.currentWidget() is window.count_view, window.focusWidget().accessibleName())
        window.close()

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(200, look)
    sys.exit(countdesk_app.main(["--db", sys.argv[1], "--contest", sys.argv[2]]))
    """
)


def test_the_contest_given_opens_on_its_count_screen(tmp_path):
    """`countdesk --db PATH --contest ID` shows that contest's count screen, keyboard in it."""
    db = tmp_path / "db.sqlite"
    desk = CountDesk.open(db)
    desk.open_demo("Tester")
    desk.close()
    done = _run(["-c", WHERE_IT_OPENS, str(db), BATLEY], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True Votes for BICKERDIKE, Paul"
