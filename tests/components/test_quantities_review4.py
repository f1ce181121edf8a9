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


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The world emitted 37.4 gigatonnes of carbon dioxide in 2023.", "37.4 gigatonnes", 37.4, "gigatonnes"),
    ("The phone has 256GB of storage.", "256GB", 256, "GB"),
    ("The machine can perform 20 petaflops.", "20 petaflops", 20, "petaflops"),
])
def test_units_of_emissions_data_and_computing(parser, text: str, phrase: str, value: float,
                                               unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


def test_a_period_named_by_the_day_it_ended(parser) -> None:
    found = _found(parser, "Revenue rose to $35.1bn in the quarter ended October 27.")
    assert found["the quarter ended October 27"] == ("date", "--10-27", None, "to")


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Twice as many people died on the roads in 2023 as in 2013.", "Twice", 2, None),
    ("Nearly twice as many homes were sold in May.", "Nearly twice", 2, "nearly"),
    ("Women were half as likely to be promoted.", "half", 0.5, None),
])
def test_a_multiple_written_as_a_word_before_as(parser, text: str, phrase: str, value: float,
                                                qualifier: str | None) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "times", qualifier)


def test_an_amount_spacy_read_as_a_period_keeps_its_currency_and_rate(parser) -> None:
    found = _found(parser, "Estimates by a think tank suggest the policy will cost £9bn a year.")
    assert found == {"£9bn a year": ("money", 9_000_000_000, "GBP per year", None)}


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The army said it had struck 40 targets overnight. Rescuers found 14 survivors.", "40 targets", 40,
     "targets"),
    ("The plane flew 300 miles south.", "300 miles", 300, "miles"),
])
def test_a_measure_without_the_verb_or_adverb_spacy_ran_it_on_to(parser, text: str, phrase: str, value: int,
                                                                 unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The bridge is 500m long and opened in 1932.", "500m", 500),
    ("The new sea wall is 4.5m high.", "4.5m", 4.5),
    ("The wreck lies 200m offshore.", "200m", 200),
])
def test_m_before_a_word_of_size_is_metres(parser, text: str, phrase: str, value: float) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "m", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The firm lost £4.5m from the deal.", "£4.5m", ("money", 4_500_000, "GBP", None)),
    ("The fund is worth £4.5m above its target.", "£4.5m", ("money", 4_500_000, "GBP", None)),
])
def test_m_after_a_currency_is_still_millions(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_a_change_in_points_far_from_its_verb_is_no_range_with_the_level(parser) -> None:
    found = _found(parser, "The fund moved up its forecast for those countries by 0.1 percentage points to "
                           "4.2 percent.")
    assert found["0.1 percentage points"] == ("percent", 0.1, "percentage points", None)
    assert found["4.2 percent"] == ("percent", 4.2, None, None)


def test_a_name_spacy_ran_into_a_number_is_left_out(parser) -> None:
    found = _found(parser, "Polls put her ahead by 3 points, Gallup 4.3 points, and FiveThirtyEight "
                           "2.1 points.")
    assert found["2.1 points"] == ("number", 2.1, "points", None)
    assert not any("FiveThirtyEight" in phrase for phrase in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("The boxer weighs 236 pounds, his trainer said.", {"236 pounds": ("number", 236, "pounds", None)}),
    ("She was fined 500 pounds.", {"500 pounds": ("money", 500, "GBP", None)}),
])
def test_pounds_after_weighing_are_a_weight(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


def test_ages_without_of_are_a_range_of_ages(parser) -> None:
    found = _found(parser, "The jobless rate for workers ages 16 to 24 was 12.5 percent.")
    assert found["16"] == ("number", 16, "years old", "from")
    assert found["24"] == ("number", 24, "years old", "to")


def test_a_length_plus_is_at_least_it(parser) -> None:
    found = _found(parser, "He paid no income tax for 15-plus years.")
    assert found == {"15-plus years": ("number", 15, "years", "at least")}


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The bank raised rates by half a percentage point.", "half a percentage point",
     ("percent", 0.5, "percentage points", None)),
    ("Rates rose by three quarters of a percentage point.", "three quarters of a percentage point",
     ("percent", 0.75, "percentage points", None)),
    ("The Fed cut rates by a quarter point on Wednesday.", "a quarter point",
     ("number", 0.25, "points", None)),
])
def test_a_part_of_a_point_is_no_share(parser, text: str, phrase: str, expected: tuple) -> None:
    found = _found(parser, text)
    assert found[phrase] == expected
    assert not any(value in (50, 75, 25) for _, value, _, _ in found.values())


def test_a_fraction_of_a_thing_is_still_a_share(parser) -> None:
    assert _found(parser, "Sales fell by half in a year.") == {"half": ("percent", 50, None, None)}


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The Greens trailed by a 20-point margin in the city.", "20-point", 20),
    ("The Liberals were one point ahead in the final survey.", "one point", 1),
    ("The Liberals were 1 point ahead in the final survey.", "1 point", 1),
])
def test_the_points_of_a_lead_are_plural_however_written(parser, text: str, phrase: str, value: int) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "points", None)


def test_one_as_a_pronoun_is_still_no_quantity(parser) -> None:
    assert _found(parser, "The Liberals were one of the parties in the race.") == {}


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("A dozen cars were damaged in the storm.", "A dozen", 12),
    ("A million people visited the fair.", "A million", 1_000_000),
])
def test_the_article_of_a_bare_scale_word_is_its_number(parser, text: str, phrase: str, value: int) -> None:
    assert _found(parser, text) == {phrase: ("count", value, None, None)}


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The city pays a $250-million-a-year grant to the port.", "$250-million-a-year", 250_000_000,
     "USD per year"),
    ("Cleaners on $15-an-hour contracts walked out.", "$15-an-hour", 15, "USD per hour"),
])
def test_a_rate_joined_by_hyphens_keeps_its_period(parser, text: str, phrase: str, value: int,
                                                   unit: str) -> None:
    assert _found(parser, text)[phrase] == ("money", value, unit, None)


def test_a_plural_scale_of_priced_things_is_a_count_of_them(parser) -> None:
    found = _found(parser, "The rule covers thousands of $9-an-hour cleaners.")
    assert found == {"thousands": ("count", 1000, None, "at least"),
                     "$9-an-hour": ("money", 9, "USD per hour", None)}


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Inflation was last this high in the '70s, the bank said.", "the '70s", "1970s"),
    ("Home prices last fell this fast in the ’90s, the agency said.", "the ’90s", "1990s"),
])
def test_a_decade_written_with_two_digits_is_in_the_last_century(parser, text: str, phrase: str,
                                                                 value: str) -> None:
    assert _found(parser, text)[phrase][:2] == ("date", value)
