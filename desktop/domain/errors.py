"""The one exception type that carries a message meant for a person."""

from __future__ import annotations

from desktop.domain.characters import visible
from desktop.domain.codes import Code


class CountDeskError(Exception):
    """A refusal with a plain-words message (what is wrong, which figure, what to do).

    ``code`` is the stable code where the refusal has one (see docs/findings.md); a code given
    as text must be one of ``Code``. The message never contains a traceback and is safe to show
    to a count clerk as it is: a control or invisible character echoed from the input is shown
    as ``[U+001B]``, never raw (an ESC in a message would act on the terminal it is printed on).
    """

    def __init__(self, message: str, code: Code | str | None = None) -> None:
        message = visible(message)
        super().__init__(message)
        self.message = message
        self.code: Code | None = None if code is None else Code(code)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message


class StorageError(CountDeskError):
    """The database file could not be written (held by another program, read-only, disk full).

    Nothing was saved; the message names the file and what to do.
    """
