"""Referendums: creating one with its question and answers, and changing them before the count.

A referendum (DOMAIN.md §5) is a contest of an election with a ``ref.`` id: a question and its
answers, in the ballot paper's order, set by hand (no alphabetical order, no names to confirm).
The answers are kept as the contest's candidate rows, so the count, double entry, recounts,
history and exports treat them as they treat candidates. Every write validates first, then runs
in one transaction with its audit rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.domain.bounds import check_poll_date
from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Candidate, Contest, Election
from desktop.domain.referendum import DEFAULT_ANSWERS, check_answers, check_question
from desktop.services.common import figures_stand_against_rows, guard, require_operator, slug
from desktop.services.texts import printed_reason, printed_text
from desktop.storage.store import Store

#: The title a referendum's election is given when it is created (changed later by hand).
DEFAULT_TITLE = "Referendum"


class Referendums:
    """Referendums: their question and answers."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(
        self,
        operator: str,
        *,
        poll_date: date,
        name: str,
        council: str,
        question: str,
        answers: Sequence[str] = DEFAULT_ANSWERS,
    ) -> Contest:
        """Create a referendum (and its election, if new) with its question and answers.

        ``name`` is what the referendum is about ("Kirkstall Neighbourhood Plan"), ``council``
        the council whose Counting Officer conducts it. Ids are Democracy Club style:
        ``ref.leeds.2026-05-07`` and ``ref.leeds.kirkstall-neighbourhood-plan.2026-05-07``.
        Refused (nothing saved) without a question (R101), without two different answers
        (R102), or where the referendum exists.
        """
        operator = require_operator(operator)
        check_poll_date(poll_date)
        name = printed_text(name, "the name of the referendum")
        council = printed_text(council, "the council's name")
        if not slug(name):
            raise CountDeskError(
                "Type the name of the referendum, e.g. Kirkstall Neighbourhood Plan."
            )
        if not slug(council):
            raise CountDeskError(
                "A referendum needs the council whose Counting Officer conducts it, e.g. Leeds."
            )
        question = self._question(question)
        texts = self._answers(answers)
        day = poll_date.isoformat()
        election_id = f"ref.{slug(council)}.{day}"
        contest_id = f"ref.{slug(council)}.{slug(name)}.{day}"
        if self.store.find_contest(contest_id) is not None:
            raise CountDeskError(f"{name} on {day} already exists ({contest_id}): open it instead.")
        with self.store.transaction():
            if self.store.find_election(election_id) is None:
                self.store.add_election(
                    Election(election_id, poll_date, title=DEFAULT_TITLE),
                    operator,
                    organisation=council,
                )
            self.store.add_contest(
                Contest(contest_id, election_id, name, 1, poll_date, question=question), operator
            )
            self._add_answers(contest_id, texts, operator)
        return self.store.contest(contest_id)

    def set_question(self, contest_id: str, question: str, operator: str) -> Contest:
        """Correct the question to the ballot paper's (before any count is recorded)."""
        operator = require_operator(operator)
        self._referendum(contest_id)
        guard(self.store, contest_id, "setup")
        self._refuse_if_counted(contest_id, "The question cannot be changed")
        self.store.update_contest(contest_id, {"question": self._question(question)}, operator)
        return self.store.contest(contest_id)

    def set_answers(
        self, contest_id: str, answers: Sequence[str], operator: str
    ) -> tuple[Candidate, ...]:
        """Give the answers again, in the ballot paper's order (before any count is recorded);
        return them. The answers before are removed, with their audit rows."""
        operator = require_operator(operator)
        self._referendum(contest_id)
        guard(self.store, contest_id, "setup")
        self._refuse_if_figures_keyed(contest_id, "The answers cannot be changed")
        texts = self._answers(answers)
        with self.store.transaction():
            for old in self.store.candidates(contest_id):
                self.store.remove_candidate(contest_id, old.id, operator)
            self._add_answers(contest_id, texts, operator)
        return self.answers(contest_id)

    def correct(
        self, contest_id: str, question: str, answers: Sequence[str], operator: str
    ) -> Contest:
        """Correct the question and the answers together, in one transaction: both are saved,
        or neither (before any count is recorded). Answers given as they are keep their rows."""
        with self.store.transaction():
            contest = self.store.contest(contest_id)
            if question != contest.question:
                self.set_question(contest_id, question, operator)
            current = [a.display_name for a in self.answers(contest_id)]
            if list(answers) != current:
                self.set_answers(contest_id, answers, operator)
        return self.store.contest(contest_id)

    def answers(self, contest_id: str) -> tuple[Candidate, ...]:
        """The answers, in the ballot paper's order."""
        self._referendum(contest_id)
        rows = self.store.candidates(contest_id)
        return tuple(sorted(rows, key=lambda c: (c.ballot_position or 0, c.id)))

    # -- helpers --------------------------------------------------------------------------

    def _referendum(self, contest_id: str) -> Contest:
        contest = self.store.contest(contest_id)
        if not contest.type.referendum:
            raise CountDeskError(
                f"{contest.area} is not a referendum: it has candidates, not a question and "
                "answers.",
                Code.R106,
            )
        return contest

    def _refuse_if_counted(self, contest_id: str, what: str) -> None:
        if self.store.latest_count(contest_id) is not None:
            raise CountDeskError(
                f"{what} once a count is recorded: the figures recorded stand against the "
                "answers as they were.",
                Code.S812,
            )

    def _refuse_if_figures_keyed(self, contest_id: str, what: str) -> None:
        if figures_stand_against_rows(self.store, contest_id):
            raise CountDeskError(
                f"{what} once a count is recorded or figures are keyed: the figures stand "
                "against the answers as they were. Clear the figures keyed first, if no count "
                "is recorded.",
                Code.S812,
            )

    @staticmethod
    def _question(question: str) -> str:
        return printed_reason(check_question(question), "the question")

    @staticmethod
    def _answers(answers: Sequence[str]) -> list[str]:
        return [printed_text(a, "an answer") for a in check_answers(list(answers))]

    def _add_answers(self, contest_id: str, texts: list[str], operator: str) -> None:
        for position, text in enumerate(texts, 1):
            self.store.add_candidate(
                contest_id,
                Candidate(
                    0,
                    text,
                    "",
                    person_name=text,
                    sopn_position=position,
                    ballot_position=position,
                    answer=True,
                ),
                operator,
                source_key=f"answer:{position}:{text}",
            )
