"""The result sheet of a contest, whichever kind it is: the declaration of result of poll (or
its provisional sheet), or for a referendum the declaration of result of referendum.

The services ask here, so that neither they nor ``reports.declaration`` need to know which.
The area result of a poll counted in voting areas adds the voting areas' table to its sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desktop.domain.arithmetic import ContestResult
from desktop.domain.local_totals import LocalTotals
from desktop.domain.model import Election


def render_result_sheet(
    result: ContestResult,
    election: Election,
    *,
    provisional: bool,
    printed_on: date,
    shown_at: datetime | None = None,
    declared_at: datetime | None = None,
    draft: bool = False,
    record_ref: str = "",
    keyed_twice: bool | None = None,
    schedule: Sequence[tuple[str, LocalTotals]] | None = None,
) -> tuple[bytes, str]:
    """The sheet as PDF bytes, and the data reference printed in its footer.

    ``schedule`` is given for the area result of a poll counted in voting areas: each voting
    area's local totals, listed on its declaration (``reports.area_declaration``).
    """
    if result.contest.type.referendum:
        from reports.referendum import render_referendum
        from reports.referendum_snapshot import build_referendum_snapshot

        ref = build_referendum_snapshot(
            result,
            election,
            provisional=provisional,
            printed_on=printed_on,
            shown_at=shown_at,
            declared_at=declared_at,
            draft=draft,
            record_ref=record_ref,
            keyed_twice=keyed_twice,
        )
        return render_referendum(ref), ref.data_hash
    from reports.declaration import render_declaration
    from reports.snapshot import build_snapshot

    snap = build_snapshot(
        result,
        election,
        provisional=provisional,
        printed_on=printed_on,
        shown_at=shown_at,
        declared_at=declared_at,
        draft=draft,
        record_ref=record_ref,
        keyed_twice=keyed_twice,
    )
    if schedule is not None:
        from reports.area_declaration import area_data_reference, render_area_declaration

        return render_area_declaration(snap, schedule), area_data_reference(snap, schedule)
    return render_declaration(snap), snap.data_hash
