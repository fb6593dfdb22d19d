"""Adding and removing a contest's candidates in Setup, each an undoable edit through the
services; a refusal is said beside the table, and the candidates stay as they were."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from desktop.ui.setup.candidate_table_model import CandidatePresence, names_of
from desktop.ui.undo import apply_edit

if TYPE_CHECKING:
    # Setup calls these with itself: only its type is needed here.
    from desktop.ui.setup.setup_view import SetupView


def add_candidate(view: SetupView, contest_id: str, names: dict[str, str]) -> bool:
    """Add a candidate with these names and select them; on refusal show why, return False."""
    model = view.model
    presence = CandidatePresence(
        view._ctx, model, contest_id, None, functools.partial(model.after_edit, contest_id)
    )
    shown = " ".join(f"{names['forenames']} {names['surname'].upper()}".split())
    done = apply_edit(
        view._ctx.undo_stack,
        f"Add candidate {shown}",
        presence.apply,
        None,
        names,
        lambda error: view._on_refused(f"{shown}: {error}"),
    )
    if done and presence.candidate_id is not None:
        view.select_candidate(presence.candidate_id)
        view.table.setFocus()
    return done


def remove_candidate(view: SetupView, contest_id: str, candidate_id: int) -> bool:
    """Remove a candidate (no confirmation) and select the row now in their place; False if
    refused or not shown."""
    model = view.model
    row = model.row_of(candidate_id)
    if row is None:
        return False
    candidate = model.candidate(row)
    presence = CandidatePresence(
        view._ctx, model, contest_id, candidate.id, functools.partial(model.after_edit, contest_id)
    )
    done = apply_edit(
        view._ctx.undo_stack,
        f"Remove candidate {candidate.display_name}",
        presence.apply,
        names_of(candidate),
        None,
        lambda error: view._on_refused(f"{candidate.display_name}: {error}"),
    )
    if done and model.rowCount():
        view.table.selectRow(min(row, model.rowCount() - 1))
    return done
