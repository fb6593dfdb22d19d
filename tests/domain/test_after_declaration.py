"""An error found after the declaration: its figures beside the declared ones, and its checks."""

from __future__ import annotations

import pytest

from desktop.domain.after_declaration import (
    FigureDifference,
    check_error_record,
    figure_differences,
    figures_as_found,
)
from desktop.domain.errors import CountDeskError
from desktop.domain.model import CountFigures

DECLARED = CountFigures(votes={7: 75, 3: 97}, rejected={"official_mark": 12, "unmarked": 4})


def test_figures_not_given_are_as_declared_and_candidates_are_kept_by_id():
    found = figures_as_found(DECLARED, {7: 73, 3: 99}, {"unmarked": 4})
    assert dict(found.votes) == {7: 73, 3: 99}
    assert dict(found.rejected) == {"official_mark": 12, "unmarked": 4}
    assert figure_differences(DECLARED, found) == (
        FigureDifference("votes", 7, 75, 73),
        FigureDifference("votes", 3, 97, 99),
        FigureDifference("rejected", "official_mark", 12, 12),
        FigureDifference("rejected", "unmarked", 4, 4),
    )
    assert [d.change for d in figure_differences(DECLARED, found)] == [-2, 2, 0, 0]


def test_who_found_it_and_why_are_tidied_and_required():
    found = figures_as_found(DECLARED, {7: 74, 3: 98}, {})
    tidied = check_error_record("  Deputy   RO ", " A bundle\n misfiled ", DECLARED, found)
    assert tidied == ("Deputy RO", "A bundle misfiled")
    for who, why, missing in (
        ("", "x", "who found the error"),
        ("x", " ", "the reason"),
        (" ", "", "who found the error and the reason"),
    ):
        with pytest.raises(CountDeskError) as info:
            check_error_record(who, why, DECLARED, found)
        assert info.value.code == "S811" and missing in info.value.message


def test_figures_all_as_declared_record_nothing():
    with pytest.raises(CountDeskError) as info:
        check_error_record("Deputy RO", "Checked", DECLARED, figures_as_found(DECLARED, {}, {}))
    assert info.value.code == "S811"
    assert "These are the figures as declared" in info.value.message
