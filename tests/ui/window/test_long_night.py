"""The window lasts a whole night: three whole counts keyed, and a 650-contest database.

Each figure keyed runs thousands of Qt calls; a binding that leaks references (see
test_qt_references.py) aborted the process after about 46 figures, and at once on a database of
650 contests. These tests key as a clerk does, through the real main window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.services import CountDesk
from desktop.ui.window.main_window import MainWindow
from tests.sample import BATLEY, BATLEY_REJECTED, BATLEY_VOTES, many_contests_csv

#: These tests are about something other than double entry: each count is keyed once.
pytestmark = pytest.mark.keyed_once

BALLOT_ORDER = sorted(BATLEY_VOTES, key=lambda n: n.split()[-1])

#: Three counts of the same papers: the published figures, then two recounts that move votes.
COUNTS = [
    (BATLEY_VOTES, BATLEY_REJECTED),
    (
        {**BATLEY_VOTES, "George Galloway": 8263},
        {**BATLEY_REJECTED, "official_mark": 13},
    ),
    (
        {**BATLEY_VOTES, "George Galloway": 8265, "Kim Leadbeater": 13295},
        BATLEY_REJECTED,
    ),
]


def _window(qtbot, desk: CountDesk, path) -> MainWindow:
    window = MainWindow(desk, path)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _key(qtbot, window: MainWindow, text: str) -> None:
    """Type a figure over whatever the focused field holds, then Enter, as a clerk does."""
    field = window.focusWidget()
    assert isinstance(field, QLineEdit), field
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_three_whole_counts_keyed_in_the_window(qtbot, tmp_path):
    path = tmp_path / "night.sqlite"
    desk = CountDesk.open(path)
    desk.open_demo("Supervisor")
    desk.set_contest_facts(BATLEY, "Supervisor", officer_name="Jane Officer")
    window = _window(qtbot, desk, path)
    window.open_contest(BATLEY)

    for number, (votes, rejected) in enumerate(COUNTS, start=1):
        window.count_view.focus_first_field()
        for name in BALLOT_ORDER:
            assert window.focusWidget().accessibleName().startswith("Votes for ")
            _key(qtbot, window, f"{votes[name]:,}")
        for key in BATLEY_REJECTED:
            _key(qtbot, window, str(rejected[key]))
        assert window.focusWidget().accessibleName() == "Ballot papers verified"
        window.record_action.trigger()

        stored = desk.latest_count(BATLEY)
        assert stored is not None and stored.number == number
        by_id = {c.id: c for c in desk.candidates(BATLEY)}
        for candidate_id, figure in stored.figures.votes.items():
            assert figure == votes[by_id[candidate_id].person_name]
        assert dict(stored.figures.rejected) == {k: v for k, v in rejected.items() if v}


@pytest.mark.parametrize("contests", [650])
def test_one_figure_into_each_of_fifty_contests_of_a_large_database(qtbot, tmp_path, contests):
    path = tmp_path / "may.sqlite"
    desk = CountDesk.open(path)
    desk.import_candidates(many_contests_csv(tmp_path / "may.csv", contests), "Supervisor")
    window = _window(qtbot, desk, path)
    every = [c.id for c in desk.contests()]
    assert len(every) == contests

    chosen = every[:: contests // 50][:50]
    for figure, contest_id in enumerate(chosen, start=100):
        window.open_contest(contest_id)
        assert window.focusWidget() is window.count_view.first_field()
        qtbot.wait(1)  # the last contest's fields are deleted: the keyboard must stay put
        assert window.focusWidget() is window.count_view.first_field()
        _key(qtbot, window, f"{figure:,}")
        first = desk.candidates(contest_id)[0]
        assert desk.draft(contest_id).votes[first.id] == figure
    assert window.navigator.navigator_model.index_of(chosen[-1]).isValid()
