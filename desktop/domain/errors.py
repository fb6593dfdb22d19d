"""The one exception type that carries a message meant for a person."""

from __future__ import annotations


class CountDeskError(Exception):
    """A refusal with a plain-words message (what is wrong, which figure, what to do).

    ``code`` is the stable finding code where the refusal has one (see docs/findings.md).
    The message never contains a traceback and is safe to show to a count clerk as it is.
    """

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message
