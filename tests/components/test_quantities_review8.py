"""Quantities on short news texts written for an eighth review (doses, exercise and pay): an amount
followed by how often it comes, as an adverb ("40 mg daily", "$60,000 annually") or after the
thing it is of ("40 mg of the drug a day"), is a rate per that time, as "$5 a month" is; "daily"
before a noun ("daily users") and after "twice" ("twice daily") is not what the amount is per; the
first end of a range takes the rate and the counted noun written after its last ("between 6,000
and 8,000 steps daily")."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "kind", "value", "unit"), [
    ("Volunteers were given 25 mg daily for six weeks.", "25 mg daily", "number", 25, "mg per day"),
    ("The trial gave 300 mg weekly to the older group.", "300 mg weekly", "number", 300, "mg per week"),
    ("The new recruits earn $42,000 annually.", "$42,000 annually", "money", 42_000, "USD per year"),
    ("Rents climbed 4% annually over the decade.", "4% annually", "percent", 4, "per year"),
])
def test_an_amount_with_how_often_after_it_is_a_rate(parser, text: str, phrase: str, kind: str, value: float,
                                                      unit: str) -> None:
    assert _found(parser, text)[phrase] == (kind, value, unit, None)


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("Each volunteer took 15 mg of the compound daily.", "15 mg of the compound daily", "mg per day"),
    ("Nurses gave 5 ml of the syrup each day.", "5 ml of the syrup each day", "ml per day"),
    ("Players drink 3 litres of water a day in the heat.", "3 litres of water a day", "litres per day"),
])
def test_a_rate_after_what_the_amount_is_of_is_its_rate(parser, text: str, phrase: str, unit: str) -> None:
    assert _found(parser, text)[phrase][2] == unit


def test_daily_before_a_noun_is_no_rate(parser) -> None:
    found = _found(parser, "The service now has 8 million daily listeners.")
    assert all("per" not in (unit or "") for _, _, unit, _ in found.values())


def test_twice_daily_is_left_as_twice_a_week_is(parser) -> None:
    found = _found(parser, "Patients received 10 mg twice daily.")
    assert found["10 mg"] == ("number", 10, "mg", None)


def test_a_range_takes_the_counted_rate_after_its_last_end(parser) -> None:
    found = _found(parser, "Those who walked between 6,000 and 8,000 steps daily lived longer.")
    assert found["6,000"] == ("number", 6000, "steps per day", "from")
    assert found["8,000 steps daily"] == ("number", 8000, "steps per day", "to")


def test_a_day_ago_after_what_an_amount_is_of_is_no_rate(parser) -> None:
    found = _found(parser, "Crews cleared 12 miles of road a day ago.")
    assert found["12 miles"][2] == "miles"
