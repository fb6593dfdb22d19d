"""Reasons and names typed on the night (who asked for a recount, who found an error and why)
print on the statement, the history and the memorandum: the same characters as a name, or a
refusal naming the character, with nothing recorded."""

from __future__ import annotations

import pytest

from desktop.domain.errors import CountDeskError
from desktop.services import CountDesk
from tests.declared import declare_batley, ids
from tests.sample import BATLEY


@pytest.fixture
def desk(db_path) -> CountDesk:
    desk = CountDesk.open(db_path)
    declare_batley(desk)
    return desk


def test_an_error_record_whose_reason_hides_text_is_refused_and_nothing_recorded(desk):
    smith = ids(desk)["Andrew Smith"]
    with pytest.raises(CountDeskError) as info:
        desk.record_error_found(
            BATLEY,
            "Supervisor",
            found_by="An agent",
            reason="Two votes \u202emisread",  # a right-to-left override reorders what follows
            votes={smith: 73},
            rejected={},
        )
    assert "U+202E" in str(info.value) and "\u202e" not in str(info.value)
    assert desk.errors_found(BATLEY) == ()


def test_who_found_an_error_is_a_name_that_prints(desk):
    smith = ids(desk)["Andrew Smith"]
    with pytest.raises(CountDeskError) as info:
        desk.record_error_found(
            BATLEY, "Supervisor", found_by="\x1b[2J", reason="Misread", votes={smith: 73},
            rejected={},
        )  # fmt: skip
    assert "U+001B" in str(info.value) and "\x1b" not in str(info.value)
    assert desk.errors_found(BATLEY) == ()
