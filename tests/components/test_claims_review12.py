"""Claims on short news texts written for a twelfth review (forecasts): a forecaster who sees or
gives odds with a figure ("Economists at Goldman Sachs now see a 15% chance of a recession", "the
bank gives a 40% probability") is the source of that estimate, as one who forecasts or puts a figure
at something is; odds without a figure ("see a risk of delays"), a first-person view ("We see a 15%
chance") and what someone saw happen ("Residents saw a 15% rise") cite no one."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "name"), [
    ("Economists at Goldman Sachs now see a 15% chance of a recession.", "Economists at Goldman Sachs"),
    ("The central bank gives a 40% probability to a rate cut in June.", "The central bank"),
    ("Forecasters see a 70 per cent chance of snow on Sunday.", "Forecasters"),
])
def test_who_sees_odds_with_a_figure_is_the_source(text: str, name: str) -> None:
    found = _rules_source(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize("text", [
    "We see a 15% chance of rain tomorrow.",
    "Residents saw a 15% rise in their bills last year.",
    "The team saw 300 fans at the airport on Monday.",
])
def test_no_odds_no_source(text: str) -> None:
    assert _rules_source(text) is None
