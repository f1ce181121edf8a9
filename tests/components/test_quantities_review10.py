"""Quantities on short news texts written for a tenth review: "between A and B" followed by a noun
a tally is counted in ("between 20 and 30 votes were spoiled") is a range of that count, never a
tally for and against, which is written "52 votes to 47" or "passed 320-206"; a verb of multiplying
("Prices have doubled", "the deficit was halved") is that multiple, in times, but not the idiom
"doubled down", nor "a double room" or "the doubles title"."""

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


@pytest.mark.parametrize(("text", "word", "value"), [
    ("Prices have doubled since 2020, the ministry said.", "doubled", 2),
    ("Sales tripled last year.", "tripled", 3),
    ("The number of cases quadrupled in a month.", "quadrupled", 4),
    ("The deficit was halved in 2019.", "halved", 0.5),
    ("Doubling the tax would raise $4 billion.", "Doubling", 2),
])
def test_a_verb_of_multiplying_is_a_multiple(parser, text: str, word: str, value: float) -> None:
    assert _found(parser, text)[word] == ("number", value, "times", None)


@pytest.mark.parametrize(("text", "word"), [
    ("He doubled down on his claim about the vote.", "doubled"),
    ("She booked a double room for two nights.", "double"),
    ("They won the doubles title in Paris.", "doubles"),
])
def test_no_multiple_where_the_word_multiplies_nothing(parser, text: str, word: str) -> None:
    assert word not in _found(parser, text)
