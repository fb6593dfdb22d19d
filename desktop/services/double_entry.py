"""Double entry: each count keyed twice by two operators, the second blind, before it stands.

``enter_count`` is how a count is recorded from the command line and the count screen. Keyed
once (single entry) the count stands at once. Keyed twice (the default): the first entry is
held; the second, by another operator (P104 if the same), either agrees and the count stands,
with both operators in its audit row, or differs (P102) and waits for a supervisor, who keeps
one entry (``keep_entry``) or sends the differing figures back to be keyed again from the
paper (``send_back``; P103 until they are). Every step is audited, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.domain.codes import Code
from desktop.domain.double_entry import (
    PAPERS,
    EntryMode,
    EntryOutline,
    EntryStage,
    EntryState,
    KeyedEntry,
    differing_fields,
    field_label,
    fields_as_figures,
    figures_as_fields,
    sheet_order,
)
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Contest, CountFigures
from desktop.domain.records import StoredCount
from desktop.services.common import guard, name_key, require_operator
from desktop.services.entry import Entry
from desktop.services.reading import Reading
from desktop.storage.store import Store


@dataclass(frozen=True)
class Keyed:
    """What keying a count did: the count that now stands, or the entry held and why."""

    #: NONE: the count stands (``count``); FIRST: the first entry is held, the second awaited;
    #: DIFFER: the two entries differ in ``differences`` (field names, never figures).
    stage: EntryStage
    count: StoredCount | None = None
    differences: tuple[str, ...] = ()
    #: The differing fields in words ("votes for GALLOWAY, George"), in sheet order.
    labels: tuple[str, ...] = ()


class DoubleEntry:
    """The entry mode of each contest and the two entries of each count."""

    def __init__(self, store: Store, reading: Reading, entry: Entry) -> None:
        self.store = store
        self.reading = reading
        self.entry = entry

    # -- reads ----------------------------------------------------------------------------

    def entry_mode(self, contest_id: str) -> EntryMode:
        """Whether the contest's counts are keyed twice (the default) or once."""
        self.store.contest(contest_id)
        return self.store.entry_mode(contest_id)

    def entry_state(self, contest_id: str) -> EntryState:
        """The entries held for the count being keyed (none once the count stands).

        For the supervisor and the record: the blind second entry screen never shows it.
        """
        self.store.contest(contest_id)
        return self.store.entry_state(contest_id)

    def differences(self, contest_id: str) -> tuple[tuple[str, str], ...]:
        """The fields in which the two entries differ, as (field, words), in sheet order."""
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        state = self.store.entry_state(contest_id)
        names = state.differences(sheet_order(contest, candidates))
        return tuple((n, field_label(n, contest, candidates)) for n in names)

    def sent_back(self, contest_id: str) -> tuple[tuple[str, str], ...]:
        """The fields sent back to be keyed again, as (field, words), in sheet order."""
        contest = self.store.contest(contest_id)
        candidates = self.store.candidates(contest_id)
        rekey = self.store.entry_state(contest_id).rekey
        names = [n for n in sheet_order(contest, candidates) if n in rekey]
        return tuple((n, field_label(n, contest, candidates)) for n in names)

    def outline(self, contest_id: str) -> EntryOutline:
        """Where the count's double entry stands, for the count screen: who keyed which entry
        and which figures are in question, by name, never a figure."""
        contest = self.store.contest(contest_id)
        mode = self.store.entry_mode(contest_id)
        switched_by = self.store.entry_mode_switched_by(contest_id)
        state = self.store.entry_state(contest_id)
        if not state.held:
            return EntryOutline(mode, EntryStage.NONE, switched_by=switched_by)
        candidates = self.store.candidates(contest_id)
        order = sheet_order(contest, candidates)
        differ = state.differences(order) if state.stage is EntryStage.DIFFER else ()
        rekey = [n for n in order if n in state.rekey]
        return EntryOutline(
            mode,
            state.stage,
            state.first.operator if state.first else "",
            state.second.operator if state.second else "",
            tuple(field_label(n, contest, candidates) for n in differ),
            tuple((n, field_label(n, contest, candidates)) for n in rekey),
            switched_by,
        )

    def field_named(self, contest_id: str, text: str) -> str:
        """The field a supervisor names: a candidate's full name, a heading key, or
        ``valid_papers`` (the valid ballot papers counted)."""
        contest = self.store.contest(contest_id)
        key = text.strip()
        if key in ("valid_papers", PAPERS):
            return PAPERS
        if key in contest.type.heading_keys:
            return f"rejected:{key}"
        return f"votes:{self.reading.candidate_by_name(contest_id, key).id}"

    # -- the entry mode -------------------------------------------------------------------

    def set_entry_mode(self, contest_id: str, mode: EntryMode | str, operator: str) -> None:
        """Switch a contest between double and single entry (audited).

        Refused while an entry is held, and once the provisional result is shown (S809).
        """
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        try:
            wanted = EntryMode(mode)
        except ValueError:
            raise CountDeskError(
                f"“{mode}” is not an entry mode: use double (every count keyed twice, by two "
                "operators) or single (keyed once, for a small count).",
                Code.P106,
            ) from None
        if self.store.entry_state(contest_id).held:
            raise CountDeskError(
                f"An entry of {contest.area}'s count is held: finish the double entry (the "
                "second entry, or a supervisor resolving the differences) before changing how "
                "its counts are keyed. Nothing was changed.",
                Code.P106,
            )
        self.store.set_entry_mode(contest_id, wanted, operator)

    # -- keying ---------------------------------------------------------------------------

    def record_draft(self, contest_id: str, operator: str) -> Keyed:
        """Record the count being keyed in as the next entry (or the count, keyed once)."""
        state = self.store.entry_state(contest_id)
        if state.first is not None and name_key(state.first.operator) == name_key(operator):
            raise CountDeskError(
                f"{operator.strip()} keyed the first entry of this count: the second entry is "
                "keyed by another operator, without seeing the first (change the operator). "
                "Nothing was recorded.",
                Code.P104,
            )
        rekey = state.stage is EntryStage.REKEY
        votes, rejected, counted = self.entry.draft_figures(contest_id, partial=rekey)
        return self.enter_count(contest_id, votes, rejected, operator, counted)

    def enter_count(
        self,
        contest_id: str,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        operator: str,
        valid_papers_counted: int | None = None,
    ) -> Keyed:
        """Key a whole count sheet: the first entry, the second, or figures sent back.

        Keyed once, the count stands at once. While figures are sent back (P103), only they are
        given (others may be given only as the second entry had them).
        """
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        state = self.store.entry_state(contest_id)
        stage = state.stage
        if stage is EntryStage.NONE and self.store.entry_mode(contest_id) is EntryMode.SINGLE:
            figures = self.entry.checked_figures(contest, votes, rejected, valid_papers_counted)
            return Keyed(EntryStage.NONE, self.entry.stand(contest, figures, operator))
        if stage is EntryStage.DIFFER:
            raise CountDeskError(
                f"The two entries of {contest.area}'s count differ: a supervisor compares them "
                "and keeps one, or sends the differing figures back to be keyed again "
                "(Night menu: Compare the two entries…; or countdesk-cli status, then countdesk-cli "
                "resolve). Nothing was recorded.",
                Code.P102,
            )
        first = state.first
        if first is not None and name_key(first.operator) == name_key(operator):
            raise CountDeskError(
                f"{operator} keyed the first entry of this count: the second entry is keyed "
                "by another operator, without seeing the first. Nothing was recorded.",
                Code.P104,
            )
        if stage is EntryStage.REKEY and first is not None:
            figures = self._with_figures_sent_back(
                contest, state, votes, rejected, valid_papers_counted
            )
        else:
            figures = self.entry.checked_figures(contest, votes, rejected, valid_papers_counted)
        fields = figures_as_fields(figures)
        if first is None:
            with self.store.transaction():
                self.store.hold_entry(contest_id, 1, operator, fields, "first entry")
                self.store.clear_draft(contest_id, operator, action="first entry")
            return Keyed(EntryStage.FIRST)
        return self._second(contest, first, operator, figures)

    def _second(
        self, contest: Contest, first: KeyedEntry, operator: str, figures: CountFigures
    ) -> Keyed:
        """Compare the second entry with the first: the count stands, or the entries differ."""
        candidates = self.store.candidates(contest.id)
        fields = figures_as_fields(figures)
        differ = differing_fields(first.fields, fields, sheet_order(contest, candidates))
        with self.store.transaction():
            if not differ:
                stored = self.entry.stand(contest, figures, operator)
                self.store.clear_entries(
                    contest.id,
                    operator,
                    "entries agree",
                    {"first": first.operator, "second": operator, "count": stored.number},
                )
                return Keyed(EntryStage.NONE, stored)
            self.store.hold_entry(
                contest.id, 2, operator, fields, "second entry", {"differ": list(differ)}
            )
            self.store.clear_draft(contest.id, operator, action="second entry")
        labels = tuple(field_label(n, contest, candidates) for n in differ)
        return Keyed(EntryStage.DIFFER, None, differ, labels)

    def _with_figures_sent_back(
        self,
        contest: Contest,
        state: EntryState,
        votes: Mapping[int, int],
        rejected: Mapping[str, int],
        valid_papers_counted: int | None,
    ) -> CountFigures:
        """The second entry with the figures sent back keyed again: each of them is needed,
        and no other figure may change."""
        candidates = self.store.candidates(contest.id)
        order = sheet_order(contest, candidates)
        given = figures_as_fields(
            CountFigures(dict(votes), dict(rejected), valid_papers_counted=valid_papers_counted)
        )
        second = dict(state.second.fields) if state.second else {}
        missing = [n for n in order if n in state.rekey and n not in given]
        if missing:
            words = "; ".join(field_label(n, contest, candidates) for n in missing)
            raise CountDeskError(
                f"Key again from the count sheet the figures sent back: {words}. Nothing was "
                "recorded.",
                Code.P103,
            )
        changed = [
            n for n in order if n not in state.rekey and n in given and given[n] != second.get(n)
        ]
        if changed:
            words = "; ".join(field_label(n, contest, candidates) for n in changed)
            raise CountDeskError(
                f"Only the figures sent back are keyed again; {words} was not sent back. Give "
                "only the figures sent back. Nothing was recorded.",
                Code.P103,
            )
        merged = fields_as_figures({**second, **{n: given[n] for n in state.rekey}})
        return self.entry.checked_figures(
            contest,
            {cid: v for cid, v in merged.votes.items() if v is not None},
            {k: v for k, v in merged.rejected.items() if v is not None},
            merged.valid_papers_counted,
        )

    # -- the supervisor -------------------------------------------------------------------

    def keep_entry(self, contest_id: str, which: str, operator: str) -> StoredCount:
        """A supervisor keeps the first or second entry of a count whose entries differ: it
        becomes the count that stands (audited with both operators and the fields that differed)."""
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        state = self._differing(contest)
        kept = {"first": state.first, "second": state.second}.get(which)
        if kept is None:
            raise CountDeskError(
                f"Keep the “first” or the “second” entry, not “{which}”. Nothing was recorded.",
                Code.P105,
            )
        candidates = self.store.candidates(contest_id)
        differ = state.differences(sheet_order(contest, candidates))
        with self.store.transaction():
            stored = self.entry.stand(contest, kept.figures, operator)
            self.store.clear_entries(
                contest_id,
                operator,
                f"keep {which} entry",
                {
                    "kept": which,
                    "first": state.first.operator if state.first else "",
                    "second": state.second.operator if state.second else "",
                    "differed": list(differ),
                    "count": stored.number,
                },
            )
        return stored

    def send_back(self, contest_id: str, fields: Iterable[str], operator: str) -> EntryState:
        """A supervisor sends differing figures back to be keyed again from the paper: they are
        cleared from the second entry, and the first entry's figures are never shown."""
        operator = require_operator(operator)
        contest = guard(self.store, contest_id, "count")
        state = self._differing(contest)
        candidates = self.store.candidates(contest_id)
        differ = state.differences(sheet_order(contest, candidates))
        names = list(dict.fromkeys(fields))
        if not names:
            raise CountDeskError(
                "Name the figures to be keyed again (a candidate, a heading key or valid_papers). "
                "Nothing was changed.",
                Code.P105,
            )
        alike = [n for n in names if n not in differ]
        if alike:
            differing = "; ".join(field_label(n, contest, candidates) for n in differ)
            raise CountDeskError(
                f"The two entries agree on {field_label(alike[0], contest, candidates)}: only "
                f"figures that differ are sent back ({differing}). Nothing was changed.",
                Code.P105,
            )
        self.store.send_back(contest_id, names, operator)
        return self.store.entry_state(contest_id)

    def _differing(self, contest: Contest) -> EntryState:
        """The entries of the count, which must differ; else P105 saying where they stand."""
        state = self.store.entry_state(contest.id)
        if state.stage is not EntryStage.DIFFER:
            where = {
                EntryStage.NONE: "no entry is held",
                EntryStage.FIRST: "only the first entry is in",
                EntryStage.REKEY: "figures were sent back and are still to be keyed again",
            }[state.stage]
            raise CountDeskError(
                f"There are no differing entries of {contest.area}'s count to resolve: {where}. "
                "Nothing was changed.",
                Code.P105,
            )
        return state
