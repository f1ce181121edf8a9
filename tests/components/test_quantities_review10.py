"""Quantities on short news texts written for a tenth review: "between A and B" followed by a noun
a tally is counted in ("between 20 and 30 votes were spoiled") is a range of that count, never a
tally for and against, which is written "52 votes to 47" or "passed 320-206"."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "low", "high"), [
    ("Between 20 and 30 votes were spoiled in the ballot on Friday.", "20", "30"),
    ("Officials said between 40 and 50 seats could change hands.", "40", "50"),
])
def test_between_two_numbers_of_votes_is_a_range(parser, text: str, low: str, high: str) -> None:
    found = _found(parser, text)
    assert found[low][3] == "from" and found[high][3] == "to"
    assert found[low][1] < found[high][1]


def test_a_tally_stays_a_tally(parser) -> None:
    found = _found(parser, "The motion was carried by 52 votes to 47 on Friday.")
    assert found["52 votes"] == ("number", 52, "votes", None)
    assert found["47"] == ("number", 47, "votes", None)
