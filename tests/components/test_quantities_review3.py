"""Quantities on short news texts written for a third review: a number joined by a hyphen to a
noun describes what follows (no count), a length of time joined to the period it fills is a rate,
and ages in words or in months."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The family bought a three-bedroom house for £250,000.", "three-bedroom", 3, "bedroom"),
    ("The family bought a 3-bedroom flat for £250,000.", "3-bedroom", 3, "bedroom"),
    ("Builders put up a two-storey building next to the school.", "two-storey", 2, "storey"),
    ("The group owns a five-star hotel in the city.", "five-star", 5, "star"),
    ("The council approved a 10-storey tower with 200 flats.", "10-storey", 10, "storey"),
    ("The watchdog published a 1,000-page report on Monday.", "1,000-page", 1000, "page"),
    ("A three-judge panel ruled against the ban.", "three-judge", 3, "judge"),
])
def test_a_number_joined_to_a_noun_describing_another_is_a_measure_not_a_count(
        parser, text: str, phrase: str, value: int, unit: str) -> None:
    found = _found(parser, text)
    assert found[phrase] == ("number", value, unit, None)
    assert not any(kind == "count" and v == value for kind, v, _, _ in found.values())


def test_the_count_of_such_things_stays_a_count(parser) -> None:
    found = _found(parser, "The council approved a 10-storey tower with 200 flats.")
    assert found["200"] == ("count", 200, None, None)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("A 5,000-strong force crossed the border.", "5,000", 5000),
    ("Police said 40 people were hurt.", "40", 40),
])
def test_a_number_of_members_or_people_is_still_a_count(parser, text: str, phrase: str, value: int) -> None:
    assert _found(parser, text)[phrase] == ("count", value, None, None)


@pytest.mark.parametrize("text", [
    "The army launched a two-pronged attack on the city.",
    "Flags were flown at half-staff on Friday.",
    "Tickets were sold at half-price.",
])
def test_a_number_in_a_description_is_no_quantity(parser, text: str) -> None:
    assert _found(parser, text) == {}


def test_a_half_hour_is_half_an_hour(parser) -> None:
    found = _found(parser, "The show runs for a half-hour slot.")
    assert found == {"a half-hour": ("number", 0.5, "hour", None)}


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("Junior doctors work 70-hour weeks, the union said.", "70-hour weeks", 70, "hours per week"),
    ("Junior doctors work a 70-hour week.", "70-hour week", 70, "hours per week"),
    ("Nurses work 12-hour shifts on the ward.", "12-hour shifts", 12, "hours per shift"),
    ("Drivers work 10-hour days and 60-hour weeks.", "10-hour days", 10, "hours per day"),
    ("Drivers work 10-hour days and 60-hour weeks.", "60-hour weeks", 60, "hours per week"),
    ("Staff now work a four-day week.", "four-day week", 4, "days per week"),
])
def test_a_length_joined_to_a_longer_period_is_a_rate(parser, text: str, phrase: str, value: int,
                                                      unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("Unions called a 24-hour strike.", "24-hour", 24, "hour"),
    ("She signed a two-year contract worth £3m.", "two-year", 2, "year"),
])
def test_a_length_joined_to_anything_else_stays_a_length(parser, text: str, phrase: str, value: int,
                                                         unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("A 12-year-old boy was arrested on Tuesday.", "12-year-old", 12, "years old"),
    ("A six-year-old girl was hurt in the crash.", "six-year-old", 6, "years old"),
    ("A twelve-year-old girl was hurt in the crash.", "twelve-year-old", 12, "years old"),
    ("A twenty-one-year-old man was charged.", "twenty-one-year-old", 21, "years old"),
    ("A six-month-old baby died in the fire.", "six-month-old", 6, "months old"),
    ("The victim, a 3-month-old boy, died.", "3-month-old", 3, "months old"),
])
def test_an_age_in_words_or_months_is_an_age(parser, text: str, phrase: str, value: int, unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


def test_a_count_of_people_of_one_age_is_a_count_and_an_age(parser) -> None:
    found = _found(parser, "Two 12-year-old boys were arrested.")
    assert found == {"Two": ("count", 2, None, None), "12-year-old": ("number", 12, "years old", None)}


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("The minimum wage will rise by 9.8% to £11.44 an hour from April.", "£11.44 an hour", "GBP per hour"),
    ("Fares will be £3 a day from Monday.", "£3 a day", "GBP per day"),
])
def test_a_rate_stays_a_rate_before_the_date_it_starts(parser, text: str, phrase: str, unit: str) -> None:
    assert _found(parser, text)[phrase][2] == unit


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("A teacher, 41, was charged on Monday.", "41", 41),
    ("A man, 34, was sentenced to life for the murder.", "34", 34),
    ("Police said a woman, 52, and her son, 19, had been arrested.", "52", 52),
    ("Police said a woman, 52, and her son, 19, had been arrested.", "19", 19),
])
def test_a_number_set_off_after_a_noun_of_one_person_is_an_age(parser, text: str, phrase: str,
                                                                value: int) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("She won the race in 10.49 seconds.", "10.49 seconds", ("number", 10.49, "seconds", None)),
    ("The rocket exploded 90 seconds after launch.", "90 seconds", ("number", 90, "seconds", None)),
    ("The average ambulance wait was 47 minutes and 12 seconds in March.", "47 minutes and 12 seconds",
     ("number", 47.2, "minutes", None)),
    ("The marathon was won in 2 hours 1 minute and 9 seconds, organisers said.",
     "2 hours 1 minute and 9 seconds", ("number", 2.019167, "hours", None)),
])
def test_a_length_in_seconds_is_a_length(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Prices have risen for almost a decade.", "almost a decade", ("number", 1, "decade", "almost")),
    ("Talks lasted more than an hour.", "more than an hour", ("number", 1, "hour", "more than")),
    ("He was jailed for nearly a year.", "nearly a year", ("number", 1, "year", "nearly")),
])
def test_a_bounded_length_of_one_unit_is_one(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_a_length_of_one_unit_with_no_bound_is_none(parser) -> None:
    assert _found(parser, "It happened a year ago.") == {}


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The club's revenue rose to a record £713 million.", "£713 million", ("money", 713000000, "GBP", None)),
    ("The government will spend an extra £2bn on schools.", "£2bn", ("money", 2000000000, "GBP", None)),
    ("An estimated £2bn was lost to fraud.", "An estimated £2bn",
     ("money", 2000000000, "GBP", "an estimated")),
])
def test_an_amount_leaves_out_the_words_before_it_that_are_no_qualifier(parser, text: str, phrase: str,
                                                                         expected: tuple) -> None:
    assert _found(parser, text) == {phrase: expected}


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Deaths per 100,000 people fell from 12.4 to 9.8.", "9.8",
     ("number", 9.8, "deaths per 100,000 people", "to")),
    ("Burglaries per 1,000 homes fell from 12 to 9.", "9", ("number", 9, "burglaries per 1,000 homes", "to")),
    ("Fees went up from $5 a month to $7.", "$7", ("money", 7, "USD per month", None)),
])
def test_the_end_of_a_change_in_a_rate_is_in_that_rate(parser, text: str, phrase: str,
                                                       expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_an_amount_after_a_rate_and_to_that_starts_no_change_keeps_its_unit(parser) -> None:
    assert _found(parser, "Prices rose 5% a year to $300.")["$300"] == ("money", 300, "USD", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Someone is diagnosed with cancer every 90 seconds.", "every 90 seconds",
     ("number", 90, "seconds", "every")),
    ("A child dies every 10 minutes, the charity said.", "every 10 minutes",
     ("number", 10, "minutes", "every")),
    ("Elections are held every four years.", "every four years", ("number", 4, "years", "every")),
])
def test_how_often_is_a_length_qualified_every(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text) == {phrase: expected}


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Voters backed the measure 61% to 39%.", "61%", "39%"),
    ("Members supported the deal 512-48.", "512", "48"),
    ("Residents opposed the plan by 70% to 30%.", "70%", "30%"),
])
def test_the_sides_of_a_vote_are_no_range(parser, text: str, first: str, second: str) -> None:
    found = _found(parser, text)
    assert found[first][3] is None
    assert found[second][3] is None


@pytest.mark.parametrize("text", [
    "The board endorsed a rise of 3% to 4%.",
    "Residents backed plans for 200 to 300 homes.",
])
def test_a_rising_range_after_a_verb_of_taking_sides_is_still_a_range(parser, text: str) -> None:
    assert sorted(q[3] for q in _found(parser, text).values()) == ["from", "to"]
