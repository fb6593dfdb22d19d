"""Votes keyed as full bundles × the contest's bundle size + a part-bundle: the total they make
shown in the votes field as they are typed, and the two figures saved as one undoable edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from desktop.domain.draft import Draft
from desktop.domain.errors import CountDeskError
from desktop.domain.figures import format_figure
from desktop.services import LiveCount
from desktop.ui.context import UiContext
from desktop.ui.count.figure_edit import FigureRow, say
from desktop.ui.count.figure_rows import bundle_values
from desktop.ui.keys import candidate_key
from desktop.ui.undo import apply_edit


def show_bundle_total(live: LiveCount, row: FigureRow) -> None:
    """Show the votes a row's bundles make as they are typed (a problem is said beside them,
    and the live checks keep the saved figure)."""
    ok, _bundles, _part, total = bundle_values(live, row)
    row.extra["bundle_invalid"] = 0 if ok else 1
    if ok:
        say(row, "")
        row.typed = total if total is not None else row.saved
        row.edit.setText(format_figure(row.typed) if row.typed is not None else "")
    else:
        row.typed = row.saved


def save_bundles(
    ctx: UiContext,
    contest_id: str,
    live: LiveCount,
    row: FigureRow,
    after_draft: Callable[[str, Draft], None],
    refused: Callable[[CountDeskError], None],
) -> bool:
    """Save a row's bundles and part-bundle as one undoable edit; True once saved (or
    unchanged), False if they are not whole numbers or the services refuse them."""
    ok, bundles, part, total = bundle_values(live, row)
    if not ok:
        row.extra["bundle_invalid"] = 1
        return False
    row.extra["bundle_invalid"] = 0
    key = candidate_key(row.key)
    old = (live.draft.bundles.get(key), live.draft.parts.get(key))
    if (bundles, part) == old:
        return True
    desk = ctx.desk

    def apply(v: object) -> None:
        b, p = cast(tuple[int | None, int | None], v)
        desk.set_draft_bundles(contest_id, key, b, p, ctx.operator())
        after_draft(contest_id, desk.draft(contest_id))

    text = f"{row.what}: {format_figure(row.saved)} → {format_figure(total)}"
    return apply_edit(ctx.undo_stack, text, apply, old, (bundles, part), refused)
