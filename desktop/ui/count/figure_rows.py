"""What the count's rows hold: the saved figures put in their fields, figures parsed from them,
the figures typed so far, the state of the count in words, and what to ask before recording
figures with errors."""

from __future__ import annotations

from desktop.domain.figures import FigureProblem, format_figure, parse_figure
from desktop.domain.records import RecountRequest
from desktop.domain.wording import decision_label
from desktop.domain.workflow import RecountDecision
from desktop.services import CountDesk, Draft, LiveCount
from desktop.ui.count.figure_edit import FigureRow, say
from desktop.ui.keys import candidate_key, heading_key


def parse_row(row: FigureRow, text: str) -> tuple[bool, int | None]:
    """(ok, value) of the text typed in a row: an empty field is "not entered" (None); a
    figure that is not a whole number is said beside the field."""
    if not text.strip():
        return True, None
    try:
        return True, parse_figure(text, what=row.what)
    except FigureProblem as problem:
        say(row, f"✖ {problem.code}: {problem.message}")
        return False, None


def save_figure(
    desk: CountDesk, contest_id: str, row: FigureRow, figure: int | None, operator: str
) -> Draft | None:
    """Save a row's figure: the draft it makes, or None for the ballot papers verified (a fact
    of the contest, not of the count keyed in)."""
    if row.kind == "votes":
        return desk.set_draft_votes(contest_id, candidate_key(row.key), figure, operator)
    if row.kind == "rejected":
        return desk.set_draft_rejected(contest_id, heading_key(row.key), figure, operator)
    if row.kind == "counted":
        return desk.set_draft_papers_counted(contest_id, figure, operator)
    desk.set_contest_facts(contest_id, operator, ballot_papers_verified=figure)
    return None


def load_saved(live: LiveCount, rows: list[FigureRow]) -> None:
    """Put the saved figures in the fields (leaving any field that holds a refused figure)."""
    draft = live.draft
    for row in rows:
        if row.kind == "votes":
            row.saved = draft.votes.get(candidate_key(row.key))
            if row.bundles is not None and row.part is not None:
                b = draft.bundles.get(candidate_key(row.key))
                p = draft.parts.get(candidate_key(row.key))
                if not row.extra.get("bundle_invalid"):
                    row.bundles.setText("" if b is None else str(b))
                    row.part.setText("" if p is None else str(p))
        elif row.kind == "rejected":
            row.saved = draft.rejected.get(heading_key(row.key))
        elif row.kind == "counted":
            row.saved = draft.valid_papers_counted
        else:
            row.saved = live.contest.ballot_papers_verified
        if not row.invalid:
            row.typed = row.saved
            row.edit.setText(format_figure(row.saved) if row.saved is not None else "")
            say(row, "")


def bundle_values(
    live: LiveCount, row: FigureRow
) -> tuple[bool, int | None, int | None, int | None]:
    """(ok, bundles, part, total) from a row's two bundle fields; what is wrong is said."""
    assert row.bundles is not None and row.part is not None
    values: list[int | None] = []
    for edit, what in ((row.bundles, "Full bundles"), (row.part, "The part-bundle")):
        text = edit.text()
        if not text.strip():
            values.append(None)
            continue
        try:
            values.append(parse_figure(text, what=f"{what} for {row.name}"))
        except FigureProblem as problem:
            say(row, f"✖ {problem.code}: {problem.message}")
            return False, None, None, None
    bundles, part = values
    if bundles is None or part is None:
        return True, bundles, part, None
    try:
        total = live.bundle_total(bundles, part, candidate_key(row.key))
    except FigureProblem as problem:
        say(row, f"✖ {problem.code}: {problem.message}")
        return False, None, None, None
    return True, bundles, part, total


def typed_figures(
    rows: list[FigureRow],
) -> tuple[dict[int, int | None], dict[str, int | None], int | None, int | None]:
    """The figures typed so far: votes by candidate, rejected papers by heading, papers
    verified, and valid ballot papers counted (None with one seat)."""
    votes: dict[int, int | None] = {}
    rejected: dict[str, int | None] = {}
    papers = counted = None
    for row in rows:
        if row.kind == "votes":
            votes[candidate_key(row.key)] = row.typed
        elif row.kind == "rejected":
            rejected[heading_key(row.key)] = row.typed
        elif row.kind == "counted":
            counted = row.typed
        else:
            papers = row.typed
    return votes, rejected, papers, counted


def state_words(
    live: LiveCount, rows: list[FigureRow], pending: RecountRequest | None, entry: str = ""
) -> tuple[str, bool]:
    """Where the count stands, in words, and whether it can be recorded now; ``pending`` is
    the granted recount or bundle check the figures are keyed for; ``entry`` the entry keyed
    (double entry: "the first entry", …), which does not stand once recorded."""
    draft = live.draft
    unsaved = any(r.invalid or r.typed != r.saved for r in rows)
    what = "the count"
    if pending is not None:
        full = pending.decision is RecountDecision.FULL
        what = "the recount" if full else "the bundle check"
    if live.locked_reason is not None:
        return live.locked_reason, False
    if draft.recorded_as is not None and not unsaved:
        return (
            f"These figures are recorded as count {draft.recorded_as}, the count that stands.",
            False,
        )
    complete = all(r.saved is not None for r in rows if r.kind != "papers")
    can_record = complete and not unsaved
    granted = ""
    if pending is not None:
        granted = (
            f"A {decision_label(pending.decision)} was granted (asked by "
            f"{pending.requested_by}): key in {what}. "
        )
    if any(r.invalid for r in rows):
        text = (
            f"{granted}A figure was not saved: put it right (the reason is shown under "
            "it), then record the count."
        )
    elif complete and entry:
        text = f"{granted}Every figure is in and saved. Record {entry} (Ctrl+Return)."
    elif complete:
        text = (
            f"{granted}Every figure is in and saved. Record {what} (Ctrl+Return) to make "
            "it the count that stands."
        )
    elif entry:
        text = (
            f"{granted}Each figure is saved when you press Enter or Tab. Record {entry} "
            "when every figure is in."
        )
    else:
        text = (
            f"{granted}Each figure is saved when you press Enter or Tab. Record {what} "
            "when every figure is in."
        )
    return text, can_record
