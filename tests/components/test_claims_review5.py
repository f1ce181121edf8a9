"""Claims on short news texts written for a fifth review (a trial, an inquiry, energy prices, school
spending, a health report, a sentence): sources that heard evidence, rates carried or named before
their amounts, dates counted back, and a sentence with no upper end."""

from __future__ import annotations

import pytest

from unspin.components._claims_source import find_source
from unspin.components.parse import load_spacy


def _rules_source(text: str) -> tuple[str, str] | None:
    found = find_source(next(iter(load_spacy()(text).sents)))
    return None if found is None else (found.name, text[found.start : found.end])


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The builder had lied about his debts, a court heard on Monday.", ("a court", "a court heard")),
    ("The court was told that the company had paid 2 million pounds in bribes.",
     ("The court", "The court was told")),
    ("The inquiry heard that 35 patients had died after the ward closed.",
     ("The inquiry", "The inquiry heard")),
    ("Jurors were told the gang had stolen 400 cars in two years.", ("Jurors", "Jurors were told")),
])
def test_a_body_that_heard_evidence_is_the_source(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize("text", [
    "She heard that 40 jobs would go at the plant.",
    "The manager was told to cut 40 jobs at the plant.",
])
def test_hearing_or_being_told_is_no_source_for_anyone_else(text: str) -> None:
    assert _rules_source(text) is None
