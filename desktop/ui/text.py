"""Small helpers for the words the window shows."""

from __future__ import annotations


def sentence_case(text: str) -> str:
    """The text with its first letter in capitals, the rest as it is."""
    return text[:1].upper() + text[1:]
