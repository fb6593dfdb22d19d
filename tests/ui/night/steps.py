"""Steps of the count night, taken through the services, for the tests of the night's dialogs
and of the views that show what they recorded."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QRadioButton,
    QTimeEdit,
    QWidget,
)

from desktop.services import CountDesk
from desktop.ui.context import ContestEvents, UiContext
from tests.sample import BATLEY, BATLEY_CSV, BATLEY_REJECTED, BATLEY_VOTES, BOXES_CSV
from tests.services.test_night import Clock

OFFICER = "Jacqui Gedman"
ERROR_REASON = "Two votes for WATERS were found in a bundle of SMITH's"


def make_desk(path) -> CountDesk:
    """Batley and Spen with its electorate and declaring officer set; a clock a minute a read."""
    desk = CountDesk.open(path)
    desk.store.clock = Clock()
    desk.import_candidates(BATLEY_CSV, "Importer")
    desk.set_contest_details(
        BATLEY,
        "Supervisor",
        electorate=79373,
        officer_name=OFFICER,
        authority="Kirklees Council",
        imprint_address="Town Hall, Huddersfield",
    )
    return desk


def make_ctx(desk: CountDesk) -> UiContext:
    return UiContext(desk, QUndoStack(), ContestEvents(), lambda: "Supervisor")


def cid(desk: CountDesk, name: str) -> int:
    return desk.candidate_by_name(BATLEY, name).id


def votes(desk: CountDesk, **changes: int) -> dict[int, int]:
    figures = {**BATLEY_VOTES, **{k.replace("_", " "): v for k, v in changes.items()}}
    return {cid(desk, n): v for n, v in figures.items()}


TIE = {"Kim_Leadbeater": 13135, "Ryan_Stephenson": 13135, "Andrew_Smith": 74}


def to_provisional(desk: CountDesk) -> None:
    """Verification (variances explained), the first count, the provisional result shown."""
    desk.advance(BATLEY, "verification", "Supervisor")
    desk.import_verification_csv(BATLEY, BOXES_CSV, "Supervisor")
    for line in desk.verification(BATLEY):
        counted = {"BS03": line.issued + 1, "BS07": line.issued - 1}.get(
            line.reference, line.issued
        )
        desk.set_box_counted(BATLEY, line.reference, counted, "Verifier")
    desk.set_box_explanation(BATLEY, "BS03", "A paper from BS04 was in this box", "Supervisor")
    desk.set_box_explanation(BATLEY, "BS07", "A voter left with the paper", "Supervisor")
    desk.advance(BATLEY, "count", "Supervisor")
    desk.record_count(BATLEY, votes(desk), BATLEY_REJECTED, "Clerk 1")
    desk.advance(BATLEY, "provisional", "Supervisor")


def to_tie(desk: CountDesk) -> None:
    """A full recount granted to Stephenson's agent, which finds a dead heat, shown as the
    provisional result (no lots yet)."""
    to_provisional(desk)
    desk.record_recount_request(
        BATLEY, "Supervisor", requested_by="Agent for Stephenson", role="agent",
        for_candidate=cid(desk, "Ryan Stephenson"), decision="full",
    )  # fmt: skip
    desk.record_count(BATLEY, votes(desk, **TIE), BATLEY_REJECTED, "Clerk 2")
    desk.advance(BATLEY, "provisional", "Supervisor")


def to_decided(desk: CountDesk) -> None:
    """The tie, counting complete, decided by lot for Stephenson."""
    to_tie(desk)
    desk.record_lots(
        BATLEY, [cid(desk, "Ryan Stephenson")], "Returning Officer", "Names drawn from a box",
        "Both agents",
    )  # fmt: skip


def to_declared(desk: CountDesk) -> bytes:
    to_decided(desk)
    return desk.declare(BATLEY, "Supervisor", OFFICER)


def open_dialog(qtbot, dialog: QDialog, show: bool = False) -> QDialog:
    """Hand the dialog to qtbot (and show it, if asked)."""
    qtbot.addWidget(dialog)
    if show:
        dialog.show()
        qtbot.waitExposed(dialog)
    return dialog


def inputs_of(dialog: QWidget) -> list[QWidget]:
    """The fields and choices of a dialog, without the parts of combined widgets."""
    kinds = (QLineEdit, QComboBox, QTimeEdit, QRadioButton, QCheckBox)
    return [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), (QComboBox, QTimeEdit))
    ]
