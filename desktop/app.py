"""Composition root of the window: ``countdesk``."""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of ``countdesk``."""
    print(
        "The CountDesk window is not available in this version yet. Use countdesk-cli: "
        "run `uv run countdesk-cli --help` to see its commands."
    )
    sys.exit(0)
