"""Money per a lot or portion of goods, or per person, is a rate ("£3 a dozen", "$12 a pack")."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Eggs sold for £3 a dozen at the farm shop.", "£3 a dozen", ("money", 3, "GBP per dozen", None)),
    ("Cigarettes now cost $12 a pack in the city.", "$12 a pack", ("money", 12, "USD per pack", None)),
    ("Lager was £4.50 a pint at the club.", "£4.50 a pint", ("money", 4.5, "GBP per pint", None)),
    ("The grant pays $500 a family each winter.", "$500 a family", ("money", 500, "USD per family", None)),
])
def test_money_per_a_lot_portion_or_person_is_a_rate(parser, text, phrase, expected) -> None:
    assert _found(parser, text)[phrase] == expected


def test_an_amount_a_span_of_time_ago_is_no_rate(parser) -> None:
    assert _found(parser, "He paid $100 a month ago.")["$100"] == ("money", 100, "USD", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Eggs cost £3 each at the harbour market.", "£3 each", ("money", 3, "GBP each", None)),
    ("Tickets for the gala went for $25 apiece.", "$25 apiece", ("money", 25, "USD each", None)),
    ("Ten protesters were fined £500 each.", "£500 each", ("money", 500, "GBP each", None)),
    ("Carers will get £40 every month.", "£40 every month", ("money", 40, "GBP per month", None)),
    ("Three buses carried 40 passengers each.", "40 passengers each",
     ("number", 40, "passengers each", None)),
])
def test_an_amount_for_each_one_is_a_rate(parser, text, phrase, expected) -> None:
    assert _found(parser, text)[phrase] == expected


def test_a_bare_count_for_each_side_is_left_a_count(parser) -> None:
    assert _found(parser, "The two sides drew 2 each.")["2"] == ("count", 2, None, None)
