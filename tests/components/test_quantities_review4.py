"""Quantities on short news texts written for a fourth review (polls, sport, markets, earthquakes,
astronomy): points and the margin of a win are units, a change in percentage points keeps them
before its new level, and an earthquake's "magnitude of"."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("Labour leads the Conservatives by 20 points in the latest survey.", "20 points", 20, "points"),
    ("The index fell 300 points on Friday.", "300 points", 300, "points"),
    ("The Yankees won by six runs.", "six runs", 6, "runs"),
    ("The bill passed with a majority of 12 votes.", "12 votes", 12, "votes"),
    ("Leeds won by two goals at home.", "two goals", 2, "goals"),
    ("The star lies 120 light years from Earth.", "120 light years", 120, "light years"),
])
def test_points_and_the_margin_of_a_win_are_units(parser, text: str, phrase: str, value: int,
                                                   unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


def test_a_qualified_margin_keeps_its_qualifier(parser) -> None:
    found = _found(parser, "India won by more than 300 runs.")
    assert found == {"more than 300 runs": ("number", 300, "runs", "more than")}


@pytest.mark.parametrize("text", [
    "The opposition won 23 seats in the election.",
    "Haaland has scored 27 goals this season.",
])
def test_a_count_of_seats_or_goals_that_is_no_margin_stays_a_count(parser, text: str) -> None:
    assert all(kind == "count" and unit is None for kind, _, unit, _ in _found(parser, text).values())


def test_a_change_in_percentage_points_before_its_new_level(parser) -> None:
    found = _found(parser, "Unemployment rose by 0.3 percentage points to 5.1% in the spring.")
    assert found["0.3 percentage points"] == ("percent", 0.3, "percentage points", None)
    assert found["5.1%"] == ("percent", 5.1, None, None)


def test_percentage_is_not_read_as_percent(parser) -> None:
    found = _found(parser, "Support fell 2 percentage points among the young.")
    assert found == {"2 percentage points": ("percent", 2, "percentage points", None)}


def test_a_magnitude_of(parser) -> None:
    found = _found(parser, "The earthquake had a magnitude of 7.8, seismologists said.")
    assert found == {"magnitude of 7.8": ("number", 7.8, "magnitude", None)}
