"""Codes are one enum: the catalogue's findings and the refusals, all documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.domain.codes import REFUSAL_CODES, Code
from desktop.domain.errors import CountDeskError
from desktop.domain.findings import CATALOGUE, Finding

DOCS = Path(__file__).resolve().parents[2] / "docs" / "findings.md"


def test_every_code_is_a_finding_or_a_refusal_and_not_both():
    assert set(CATALOGUE) | REFUSAL_CODES == set(Code)
    assert not set(CATALOGUE) & REFUSAL_CODES


def test_refusal_codes_are_documented():
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([A-Z]\d{3}) \| (?!error|warning|info)", text, re.M))
    assert documented == {c.value for c in REFUSAL_CODES}


def test_codes_compare_and_print_as_their_text():
    assert Code.F104 == "F104"
    assert f"{Code.S802}: locked" == "S802: locked"
    assert str(CountDeskError("No.", "S802")) == "S802: No."


def test_a_code_given_as_text_becomes_the_enum():
    assert CountDeskError("No.", "C211").code is Code.C211
    assert Finding("W602", "Zero.").code is Code.W602


def test_a_code_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        CountDeskError("No.", "X999")
    with pytest.raises(ValueError):
        Finding("Z100", "No such code.")
