"""Quantities on short news texts written for an eleventh review: a part of a unit of time ("half a
century", "a quarter of an hour") and a unit and a half ("an hour and a half", "one and a half
years") are lengths of time; "at one point" is a moment, not a measure of points; "3-D" and "2D"
name a kind of thing, not a count; a date entity that runs over a comma into words with no number
("in December, days after ...") is the date before the comma."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "written", "value", "unit"), [
    ("The border dispute has lasted half a century.", "half a century", 0.5, "century"),
    ("The truce held for a quarter of a century before the war resumed.", "a quarter of a century", 0.25,
     "century"),
    ("The ferry was three quarters of an hour late on Monday.", "three quarters of an hour", 0.75, "hour"),
    ("The talks took an hour and a half, officials said.", "an hour and a half", 1.5, "hours"),
    ("One and a half years later, the plant closed.", "One and a half years", 1.5, "years"),
    ("He served two years and a half in prison.", "two years and a half", 2.5, "years"),
])
def test_parts_of_a_unit_of_time_are_lengths(parser, text: str, written: str, value: float,
                                             unit: str) -> None:
    assert _found(parser, text)[written] == ("number", value, unit, None)


def test_a_qualified_half_hour_keeps_its_qualifier(parser) -> None:
    found = _found(parser, "The vote came nearly half an hour after the debate ended.")
    assert found["nearly half an hour"] == ("number", 0.5, "hour", "nearly")


def test_a_share_and_half_a_million_are_unchanged(parser) -> None:
    found = _found(parser, "Half a million people marched, and a quarter of voters backed the plan.")
    assert found["Half a million"] == ("count", 500000, None, None)
    assert found["a quarter"] == ("percent", 25, None, None)


def test_at_one_point_is_a_moment(parser) -> None:
    assert _found(parser, "At one point she ran a detention site abroad, the report said.") == {}


@pytest.mark.parametrize("text", ["Labour was one point ahead in the final poll.",
                                  "The index closed at one point above its low."])
def test_one_point_of_a_lead_or_a_change_is_measured(parser, text: str) -> None:
    assert _found(parser, text)["one point"] == ("number", 1, "points", None)


def test_dimensions_are_no_count(parser) -> None:
    found = _found(parser, "The firm sold plans for 3-D guns and 3D printers to 12 buyers.")
    assert found == {"12": ("count", 12, None, None)}


def test_a_date_ends_before_a_comma_with_no_date_after(parser) -> None:
    found = _found(parser, "Police stopped him in December, days after his wife reported the boy missing.")
    assert found == {"December": ("date", "--12", None, None)}


def test_a_date_with_its_day_after_a_comma_is_whole(parser) -> None:
    found = _found(parser, "The hearing opened on Monday, March 3, 2025, in the capital.")
    assert found["Monday, March 3, 2025"] == ("date", "2025-03-03", None, None)
