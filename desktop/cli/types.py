"""Parameter types shared by the commands: figures, REF=VALUE pairs and choices.

A value one of these types refuses is a refusal like any other: exit status 1 and one plain
sentence (with its code where it has one), not click's usage error. A clerk who typed "8.264"
needs the reason and the suggestion 8,264, not the command's usage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import click

from desktop.domain.codes import Code
from desktop.domain.errors import CountDeskError
from desktop.domain.model import Status


def _option_name(param: click.Parameter | None) -> str:
    """The option as the user typed it, e.g. ``--counted``."""
    if param is None or not param.opts:
        return "the value"
    return max(param.opts, key=len)


class Figure(click.ParamType):
    """A whole number of papers or votes as typed: "8264", "8,264" or "8 264".

    Parsed by the domain's figure parser, so "8.264" is refused with the domain's sentence (F102)
    and its suggestion. ``what`` names the figure in that sentence, e.g. "The electorate".
    """

    name = "figure"

    def __init__(self, what: str) -> None:
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        """The figure as an int; raises FigureProblem (a CountDeskError) saying why not."""
        if isinstance(value, int):
            return value
        from desktop.domain.figures import parse_figure

        return parse_figure(value, what=self.what)


class Pair(click.ParamType):
    """REF=VALUE, e.g. ``BS01=2,510`` or ``"Kim Leadbeater=13,296"``, as a (ref, value) tuple.

    Split at the last "=" (at the first with ``first``, for free text that may hold an "=").
    With ``figure`` (e.g. "Papers counted for {ref}") the value is parsed as a figure named so;
    without it the value stays text, for a command that must look the reference up first.
    """

    name = "pair"

    def __init__(
        self, form: str, example: str, *, first: bool = False, figure: str | None = None
    ) -> None:
        self.form = form
        self.example = example
        self.first = first
        self.figure = figure

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, Any]:
        """(ref, value), the value an int where this pair holds a figure."""
        if isinstance(value, tuple):
            return value
        text = str(value)
        ref, sep, rest = text.partition("=") if self.first else text.rpartition("=")
        if not sep or not ref.strip():
            option = _option_name(param)
            raise CountDeskError(
                f"{option} “{text}” is not of the form {self.form}, e.g. {option} {self.example}."
            )
        ref = ref.strip()
        if self.figure is None:
            return ref, rest
        from desktop.domain.figures import parse_figure

        return ref, parse_figure(rest, what=self.figure.format(ref=ref))


class Choice(click.Choice[str]):
    """One of a few words (case and spacing ignored), refused in a plain sentence.

    ``refusal`` is formatted with ``{value}``, the text given; ``aliases`` maps other accepted
    spellings onto a choice (``bundle_check`` for ``bundle-check``).
    """

    def __init__(
        self,
        choices: Sequence[str],
        refusal: str,
        code: Code | None = None,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(choices, case_sensitive=False)
        self.refusal = refusal
        self.code = code
        self.aliases = dict(aliases or {})

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        """The choice as listed; raises CountDeskError with the refusal otherwise."""
        text = " ".join(str(value).split()).lower()
        text = self.aliases.get(text, text)
        if text not in self.choices:
            raise CountDeskError(self.refusal.format(value=value), self.code)
        return text


ROLE = Choice(
    ("candidate", "agent"),
    "“{value}” is not a role: say who asked with --role candidate or --role agent.",
)
DECISION = Choice(
    ("full", "bundle-check", "refused"),
    "“{value}” is not a decision: use full, bundle-check or refused.",
    Code.S801,
    aliases={"bundle_check": "bundle-check"},
)
STATUS = Choice(
    tuple(s.value for s in Status),
    "“{value}” is not a status: use one of " + ", ".join(s.value for s in Status) + ".",
    Code.S801,
)
