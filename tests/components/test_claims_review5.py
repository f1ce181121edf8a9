"""Claims on short news texts written for a fifth review (a trial, an inquiry, energy prices, school
spending, a health report, a sentence): sources that heard evidence, rates carried or named before
their amounts, dates counted back, and a sentence with no upper end."""

from __future__ import annotations

import pytest
from _quantities import found as _found
from _sources import rules_source as _rules_source

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The builder had lied about his debts, a court heard on Monday.", ("a court", "a court heard")),
    ("The court was told that the company had paid 2 million pounds in bribes.",
     ("The court", "The court was told")),
    ("The inquiry heard that 35 patients had died after the ward closed.",
     ("The inquiry", "The inquiry heard")),
    ("Jurors were told the gang had stolen 400 cars in two years.", ("Jurors", "Jurors were told")),
    ("MPs heard that 3,000 flats stood empty in the borough.", ("MPs", "MPs heard")),
    ("The judge was told the accountant had taken £60,000.", ("The judge", "The judge was told")),
    ("The tribunal heard evidence that the agency had underpaid 90 drivers.",
     ("The tribunal", "The tribunal heard")),
])
def test_a_body_that_heard_evidence_is_the_source(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize("text", [
    "She heard that 40 jobs would go at the plant.",
    "The manager was told to cut 40 jobs at the plant.",
    "The court heard evidence from 14 witnesses.",
])
def test_hearing_or_being_told_is_no_source_for_anyone_else(text: str) -> None:
    assert _rules_source(text) is None


def test_a_compared_amount_takes_the_rate_before_it(parser) -> None:
    found = _found(parser, "Gas rose to 7.1p per kilowatt hour, up from 6.3p, the regulator said.")
    assert found["6.3p"] == ("money", 0.063, "GBP per kilowatt hour", None)
    found = _found(parser, "The death rate rose to 14 deaths per 100,000 people, up from 11.")
    assert found["11"] == ("number", 11, "deaths per 100,000 people", None)


def test_a_compared_amount_in_another_currency_keeps_its_own(parser) -> None:
    found = _found(parser, "Oil hit $90 per barrel, up from 70 euros.")
    assert found["70 euros"][2] == "EUR"


def test_a_rate_named_before_the_verb(parser) -> None:
    found = _found(parser, "Spending per pupil rose to $9,800 this year, the council said.")
    assert found["$9,800"] == ("money", 9800, "USD per pupil", None)


def test_a_rate_per_a_number_named_before_a_change_and_its_level(parser) -> None:
    found = _found(parser, "Admissions per 10,000 children rose by 8% to 57, the report said.")
    assert found["57"] == ("number", 57, "admissions per 10,000 children", None)
    assert found["8%"] == ("percent", 8, None, None)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The mill shut three years ago, the union said.", "three years ago", "-P3Y"),
    ("The shop opened 10 days ago.", "10 days ago", "-P10D"),
    ("The bridge was built two decades ago.", "two decades ago", "-P20Y"),
])
def test_a_span_of_time_ago_is_a_date(parser, text: str, phrase: str, value: str) -> None:
    assert _found(parser, text)[phrase] == ("date", value, None, None)


def test_years_to_life_is_a_least_length(parser) -> None:
    found = _found(parser, "The gunman was sentenced to 25 years to life, prosecutors said.")
    assert found["25 years to life"] == ("number", 25, "years", "at least")


def test_a_rate_before_from_and_the_amount_it_rose_from(parser) -> None:
    found = _found(parser, "Wheat rose to $290 a tonne from $260, traders said.")
    assert found["$290 a tonne"] == ("money", 290, "USD per tonne", None)
    assert found["$260"] == ("money", 260, "USD per tonne", None)
    assert _found(parser, "Shares traded at $4 a year from the listing.")["$4"] == ("money", 4, "USD", None)


def test_a_rate_per_any_noun_named_before_the_verb(parser) -> None:
    found = _found(parser, "Revenue per subscriber rose to $17.30 from $15.90.")
    assert found["$17.30"] == ("money", 17.3, "USD per subscriber", None)
    assert found["$15.90"] == ("money", 15.9, "USD per subscriber", None)
    assert _found(parser, "Growth was 4 per cent, or $30m.")["$30m"] == ("money", 30000000, "USD", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The average sale took 58 days to complete, up from 47.", "47", ("number", 47, "days", None)),
    ("Turnout fell to 59.7%, down from 67.3.", "67.3", ("percent", 67.3, None, None)),
    ("Fares rose to $29, compared with 24 in 2022.", "24", ("money", 24, "USD", None)),
    ("The party won 98 seats, down from 212.", "212", ("count", 212, None, None)),
])
def test_a_bare_earlier_level_takes_the_unit_of_the_amount_it_is_compared_with(
        parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


@pytest.mark.parametrize(("text", "phrase"), [
    ("Council staff will move to a four-day week from May.", "four-day week"),
    ("Council staff will move to a 4-day week from May.", "4-day week"),
])
def test_a_length_joined_to_the_period_it_fills_is_that_length(parser, text: str, phrase: str) -> None:
    # a length per period since the sixth review ("70-hour weeks": hours per week)
    assert _found(parser, text)[phrase] == ("number", 4, "days per week", None)
