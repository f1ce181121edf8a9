"""Quantities on short news texts written for a fifth review (ages, weather, heights, sport, dates):
a decade of ages or temperatures ("in his mid-30s", "the low 40s") is about a number, not a date
with no value; a height in feet and inches is one length; a weekday's possessive before a date
("Sunday's Sept. 11") leaves the date; a draw is a score; a number word inside a name is none."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("A man in his mid-30s was arrested on Tuesday.", "mid-30s", 35, "years old"),
    ("She is in her early 40s and lives in Leeds.", "early 40s", 42, "years old"),
    ("Most of the victims were in their 20s, police said.", "20s", 25, "years old"),
    ("Temperatures in the mid-30s are expected across the region.", "mid-30s", 35, "degrees"),
    ("Highs will reach the low 30s by Thursday.", "low 30s", 32, "degrees"),
])
def test_a_decade_of_ages_or_temperatures_is_about_a_number(parser, text: str, phrase: str, value: int,
                                                             unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, "about")


def test_each_decade_of_a_list_of_ages_is_an_age(parser) -> None:
    found = _found(parser, "Most of those arrested were men in their 30s and 40s.")
    assert found["30s"] == ("number", 35, "years old", "about")
    assert found["40s"] == ("number", 45, "years old", "about")


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The mill closed in the 80s, and the town never recovered.", "80s", "1980s"),
    ("Global temperatures have risen steadily since the 70s, the study found.", "since the 70s", "1970s"),
])
def test_a_decade_of_years_stays_a_date(parser, text: str, phrase: str, value: str) -> None:
    assert _found(parser, text)[phrase][:2] == ("date", value)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The suspect is 6'3\" and was wearing a black jacket.", "6'3\"", 6.25),
    ("The suspect, 6 ft 3 in tall, fled on foot.", "6 ft 3 in", 6.25),
    ("The new signing stands 6ft 3in and weighs 95kg.", "6ft 3in", 6.25),
    ("The 6-foot-3 forward scored twice.", "6-foot-3", 6.25),
    ("He is 5 feet 11 inches tall.", "5 feet 11 inches", 5.92),
])
def test_a_height_in_feet_and_inches_is_one_length(parser, text: str, phrase: str, value: float) -> None:
    found = _found(parser, text)
    assert found[phrase] == ("number", value, "ft", None)
    assert not any(v[0] == "count" for v in found.values())


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Crowds gathered ahead of Sunday's Sept. 11 anniversary.", "Sunday's Sept. 11", "--09-11"),
    ("The Republican senator won Tuesday's Nov. 8 election by 12 points.", "Tuesday's Nov. 8", "--11-08"),
])
def test_a_weekdays_possessive_before_a_date_leaves_the_date(parser, text: str, phrase: str,
                                                             value: str) -> None:
    assert _found(parser, text)[phrase] == ("date", value, None, None)


def test_a_draw_is_a_score_not_a_range(parser) -> None:
    found = _found(parser, "Arsenal drew 1-1 with Chelsea, leaving them three points behind.")
    assert all(q[3] not in ("from", "to") for q in found.values())


def test_a_number_word_inside_a_name_is_no_count(parser) -> None:
    found = _found(parser, "Manager Erik ten Hag, 54, said his side had been poor.")
    assert "ten" not in found
    assert found["54"] == ("number", 54, "years old", None)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("A child in their early teens died in Birmingham last week.", "early teens", 13),
    ("Both victims were in their late teens, police said.", "late teens", 18),
])
def test_the_teens_of_an_age_are_about_a_number(parser, text: str, phrase: str, value: int) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", "about")


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("The storm's central pressure fell to 953 millibars, a record low for November.", "953 millibars",
     "millibars"),
    ("Pressure dropped to 960 hPa on Friday.", "960 hPa", "hPa"),
])
def test_air_pressure_is_a_measure(parser, text: str, phrase: str, unit: str) -> None:
    assert _found(parser, text)[phrase][:3] == ("number", int(phrase.split()[0]), unit)


def test_each_set_of_a_match_is_a_score_not_a_range(parser) -> None:
    found = _found(parser, "Novak Djokovic beat Daniil Medvedev 6-3, 7-6 (7-5), 6-3 in the final on Sunday.")
    assert all(q[3] not in ("from", "to") for q in found.values())


def test_a_list_of_ranges_stays_ranges(parser) -> None:
    found = _found(parser, "Prices ranged from 3-4%, 5-6% in the north.")
    assert found["4%"] == ("percent", 4, None, "to")
