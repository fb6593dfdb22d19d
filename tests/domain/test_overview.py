"""What a contest waits for, in words, from the findings that block its next stage."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.codes import Code
from desktop.domain.findings import Finding
from desktop.domain.model import Status
from desktop.domain.verification import BoxKind, VerificationLine
from desktop.domain.waiting import waiting_for


def _waiting(status, following, *codes, **figures):
    blockers = [Finding(code, "why", dict(figures)) for code in codes]
    return waiting_for(status, following, blockers, uncontested=False, declared_at=None)


def test_a_warning_to_acknowledge_and_a_variance_to_explain():
    assert _waiting(Status.COUNT, Status.PROVISIONAL, Code.S804, warning="W602") == (
        "warnings to acknowledge",
        ("S804",),
    )
    assert _waiting(Status.VERIFICATION, Status.COUNT, Code.S804, warning="V501")[0] == (
        "variances to explain"
    )


def test_lots_and_the_declaration_details():
    assert _waiting(Status.PROVISIONAL, Status.DECLARED, Code.L401, Code.T304) == (
        "lots to draw; authority or imprint to set",
        ("L401", "T304"),
    )


def test_figures_that_do_not_add_up_name_their_code():
    assert _waiting(Status.COUNT, Status.PROVISIONAL, Code.C201)[0] == "figures to check (C201)"


def test_boxes_left_to_verify_are_counted():
    lines = [
        VerificationLine("B1", "One", BoxKind.BOX, 10, 10),
        VerificationLine("B2", "Two", BoxKind.BOX, 10),
        VerificationLine("B3", "Three", BoxKind.BOX, 10),
    ]
    blockers = [Finding(Code.V502, "why")]
    words = waiting_for(
        Status.VERIFICATION,
        Status.COUNT,
        blockers,
        uncontested=False,
        declared_at=None,
        verification=lines,
    )
    assert words == ("2 boxes to verify", ("V502",))


def test_ready_and_declared():
    assert _waiting(Status.PROVISIONAL, Status.DECLARED) == ("ready to declare", ())
    assert _waiting(Status.SETUP, Status.VERIFICATION) == ("ready for verification", ())
    at = datetime(2026, 5, 8, 1, 5, tzinfo=UTC)
    words, codes = waiting_for(Status.DECLARED, None, [], uncontested=False, declared_at=at)
    assert words.startswith("declared ") and codes == ()
    words, _ = waiting_for(Status.DECLARED, None, [], uncontested=True, declared_at=at)
    assert words.startswith("declared duly elected ")
    uncontested = waiting_for(Status.SETUP, Status.DECLARED, [], uncontested=True, declared_at=None)
    assert uncontested == ("ready to declare duly elected", ())


def test_what_must_come_first_is_said_first():
    words, codes = _waiting(Status.COUNT, Status.PROVISIONAL, Code.S804, Code.P101)
    assert words == "second entry; warnings to acknowledge"
    assert codes == ("S804", "P101")


def test_a_stage_named_otherwise_is_said_in_its_own_words():
    """A local count's last stage is "sent", not "declared": the words come from the label."""

    def label(status: Status) -> str:
        return "sent" if status is Status.DECLARED else status.value

    at = datetime(2026, 5, 8, 1, 5, tzinfo=UTC)
    sent = waiting_for(Status.DECLARED, None, [], uncontested=False, declared_at=at, label=label)
    assert sent[0].startswith("sent ")
    ready = waiting_for(
        Status.PROVISIONAL, Status.DECLARED, [], uncontested=False, declared_at=None, label=label
    )
    assert ready == ("ready to be sent", ())
