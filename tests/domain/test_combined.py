"""Combined polls in the domain: a shared box as a whole, poll names, cross-poll suggestions."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.codes import Code
from desktop.domain.combined import (
    cross_poll_findings,
    cross_poll_suggestions,
    poll_label,
    poll_order,
    reference_order,
    shared_boxes,
)
from desktop.domain.model import Contest
from desktop.domain.verification import BoxKind, VerificationLine

DAY = date(2026, 5, 7)


def _contest(cid: str, area: str, kind: str = "") -> Contest:
    return Contest(cid, cid.rsplit(".", 2)[0] + ".2026-05-07", area, 1, DAY, kind=kind)


WARD = _contest("local.town.north.2026-05-07", "North")
PCC = _contest("pcc.shire.2026-05-07", "Shire")
PARISH = _contest("local.north-parish.village.2026-05-07", "North Village", kind="parish")


def _box(ref: str, issued: int, counted: int | None, **kw) -> VerificationLine:
    return VerificationLine(ref, f"Hall {ref}", BoxKind.BOX, issued, counted, **kw)


def test_polls_are_named_shortly_and_listed_wards_then_pcc_then_parish():
    assert [poll_label(c) for c in (WARD, PCC, PARISH)] == [
        "North",
        "Shire PCC",
        "North Village (parish)",
    ]
    assert sorted([PARISH, PCC, WARD], key=poll_order) == [WARD, PCC, PARISH]


def test_box_references_sort_naturally():
    refs = ["NG10", "NG2", "AB1", "NG1"]
    assert sorted(refs, key=reference_order) == ["AB1", "NG1", "NG2", "NG10"]


def test_a_shared_box_adds_up_only_once_every_poll_is_counted():
    [box] = shared_boxes([(WARD, [_box("B1", 500, 500)]), (PCC, [_box("B1", 498, None)])])
    assert (box.issued, box.counted, box.variance) == (998, None, None)
    [box] = shared_boxes([(WARD, [_box("B1", 500, 499)]), (PCC, [_box("B1", 498, 499)])])
    assert (box.issued, box.counted, box.variance) == (998, 998, 0)
    assert box.poll(PCC.id) is not None and box.poll(PARISH.id) is None


def test_one_poll_over_and_another_under_by_as_many_is_suggested_once():
    boxes = shared_boxes(
        [
            (WARD, [_box("B1", 500, 497), _box("B2", 300, 301)]),
            (PCC, [_box("B1", 498, 501), _box("B2", 299, 298)]),
            (PARISH, [_box("B1", 100, 97)]),
        ]
    )
    [b1, b2] = cross_poll_suggestions(boxes)
    # At B1 the PCC's +3 pairs with one −3 only (the ward's, listed first), never both.
    assert (b1.reference, b1.over.poll, b1.under.poll, b1.papers) == ("B1", "Shire PCC", "North", 3)
    assert (b2.reference, b2.over.poll, b2.under.poll, b2.papers) == ("B2", "North", "Shire PCC", 1)
    assert b2.message.startswith(
        "Box B2 (Hall B2): 1 more North paper and 1 fewer Shire PCC paper than their accounts"
    )
    assert [f.code for f in cross_poll_findings(boxes)] == [Code.V506, Code.V506]


def test_a_variance_not_matched_or_already_explained_is_not_a_finding():
    unmatched = shared_boxes([(WARD, [_box("B1", 500, 497)]), (PCC, [_box("B1", 498, 500)])])
    assert cross_poll_suggestions(unmatched) == ()
    explained = shared_boxes(
        [
            (WARD, [_box("B1", 500, 497, explanation="Three papers in the PCC box")]),
            (PCC, [_box("B1", 498, 501)]),
        ],
        accepted={PCC.id: {"B1": "Seen by the agents"}},
    )
    [suggestion] = cross_poll_suggestions(explained)
    assert not suggestion.open
    assert cross_poll_findings(explained) == ()


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=2, max_size=4))
def test_every_suggestion_pairs_a_surplus_with_an_equal_shortfall(figures):
    polls = [_contest(f"local.town.w{i}.2026-05-07", f"W{i}") for i in range(len(figures))]
    boxes = shared_boxes(
        [
            (c, [_box("B1", issued, counted)])
            for c, (issued, counted) in zip(polls, figures, strict=True)
        ]
    )
    seen: set[str] = set()
    for s in cross_poll_suggestions(boxes):
        assert s.papers > 0
        assert s.over.line.variance == s.papers and s.under.line.variance == -s.papers
        assert not {s.over.contest_id, s.under.contest_id} & seen
        seen |= {s.over.contest_id, s.under.contest_id}
