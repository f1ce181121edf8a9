"""Claims on short news texts written for a fourth review (election results, a court ruling, crime
statistics, energy prices, a wildfire): quantities and sources a fact-checker would ask for."""

from __future__ import annotations

import pytest

from unspin.components._claims_source import find_source
from unspin.components.parse import load_spacy


def _rules_source(text: str) -> tuple[str, str] | None:
    found = find_source(next(iter(load_spacy()(text).sents)))
    return None if found is None else (found.name, text[found.start : found.end])


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("Police recorded 48,700 knife offences last year, figures from the Office for National Statistics "
     "show.", ("the Office for National Statistics", "figures from the Office for National Statistics show")),
    ("Police recorded 48,700 knife offences last year, data from the Office for National Statistics "
     "shows.", ("the Office for National Statistics", "data from the Office for National Statistics shows")),
    ("Police recorded 48,700 knife offences last year, figures from the ONS showed.",
     ("the ONS", "figures from the ONS showed")),
    ("Police recorded 48,700 knife offences last year, the ONS said.", ("the ONS", "the ONS said")),
    ("Hospitals reported 312 cases in March, the health ministry said.",
     ("the health ministry", "the health ministry said")),
])
def test_a_closing_report_cites_its_source_over_a_report_it_reports(text: str,
                                                                    expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry said hospitals reported 312 cases in March.", ("The ministry", "The ministry said")),
    ("We found that hospitals reported 312 cases in March.", ("hospitals", "hospitals reported")),
])
def test_a_report_with_no_named_outer_source_keeps_its_own(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected
