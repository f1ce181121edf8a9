"""Claims on short news texts written for a sixth review (the economy, public finances, a vote in
parliament): closing reports whose verb the parser read as a noun."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The economy is expected to shrink by 0.5% next year, the International Monetary Fund forecast on "
     "Tuesday.", ("the International Monetary Fund", "the International Monetary Fund forecast")),
    ("The policy will cost £3bn a year, the Treasury estimates.", ("the Treasury", "the Treasury estimates")),
    ("The bill was passed by 312 votes to 253, parliament's records show.",
     ("parliament's records", "parliament's records show")),
])
def test_a_closing_report_read_as_a_noun_cites_its_subject(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected
