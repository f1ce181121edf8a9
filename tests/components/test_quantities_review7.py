"""Quantities on short news texts written for a seventh review (health and science, court and
crime): a p-value ("p=0.002", "P < 0.05", "a p-value of 0.03") is a number in the unit "p-value",
bounded as its sign says; the ends of a confidence interval spelled out in full ("95% confidence
interval 0.58 to 0.91") take the ratio of risks before them, as "95% CI" does, and an interval
spaCy took with its name for a date ("CI 10%-31%") gives its two ends; a bound with a number after
a noun of people is their age ("children under five", "patients over 80"); a length after the verb
"last" ("could last two to three years") is read without the verb, as after "lasted" it is; the
first end of a date range spaCy tagged apart ("between 2005" "2006") has no "between" in its span;
"N years of age" is an age ("over 45 years of age", "16 years of age or older")."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Strokes were less common in the treated group (p=0.002).", "0.002", 0.002, None),
    ("The gain in lung function was significant (P < 0.05), the authors wrote.", "0.05", 0.05, "less than"),
    ("Weight loss did not differ between the two diets (p>0.2).", "0.2", 0.2, "more than"),
    ("The difference in relapse rates gave a p-value of 0.03.", "0.03", 0.03, None),
])
def test_a_p_value_is_a_number_in_its_unit_bounded_by_its_sign(parser, text: str, phrase: str, value: float,
                                                                qualifier: str | None) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "p-value", qualifier)


def test_a_number_after_p_that_is_no_probability_is_no_p_value(parser) -> None:
    found = _found(parser, "The figures are set out in the report, p 14, and in its annex.")
    assert all(unit != "p-value" for _, _, unit, _ in found.values())


def test_a_spelled_out_confidence_interval_takes_the_ratio_before_it(parser) -> None:
    found = _found(parser, "Falls were fewer among those given the supplement (hazard ratio 0.74; "
                           "95% confidence interval 0.58 to 0.91).")
    assert found["0.74"][2] == "hazard ratio"
    assert found["0.58"] == ("number", 0.58, "hazard ratio", "from")
    assert found["0.91"] == ("number", 0.91, "hazard ratio", "to")


def test_an_interval_taken_with_its_name_for_a_date_gives_its_two_ends(parser) -> None:
    found = _found(parser, "Screening cut deaths by 21% (95% CI 10%-31%).")
    assert found["10%"] == ("percent", 10, None, "from")
    assert found["31%"] == ("percent", 31, None, "to")
    assert all(kind != "date" for kind, *_ in found.values())


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Children under five make up a third of admissions.", "under five", 5, "under"),
    ("Patients over 80 were twice as likely to die.", "over 80", 80, "over"),
    ("People over 65 are offered the booster first.", "over 65", 65, "over"),
])
def test_a_bound_after_a_noun_of_people_is_their_age(parser, text: str, phrase: str, value: int,
                                                      qualifier: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", qualifier)


def test_a_bound_on_a_count_of_things_after_a_noun_of_people_stays_a_count(parser) -> None:
    found = _found(parser, "Residents under 30 homes were told to leave.")
    assert found["under 30"][0] == "count"


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Recovery from the operation is expected to last four to six weeks.", "four", "six weeks", "weeks"),
    ("The inquiry into the prison riot could last two to three years.", "two", "three years", "years"),
])
def test_a_range_of_time_after_the_verb_last_gives_its_two_ends(parser, text: str, low: str, high: str,
                                                                unit: str) -> None:
    found = _found(parser, text)
    assert found[low][2:] == (unit, "from")
    assert found[high][2:] == (unit, "to")


def test_the_verb_last_is_no_part_of_a_length(parser) -> None:
    found = _found(parser, "The course of injections will last 16 weeks.")
    assert found["16 weeks"] == ("number", 16, "weeks", None)


def test_the_first_end_of_a_date_range_tagged_apart_has_no_lead(parser) -> None:
    found = _found(parser, "Volunteers were recruited between 2005 and 2006, the paper said.")
    assert found["2005"] == ("date", "2005", None, "from")
    assert found["2006"] == ("date", "2006", None, "to")


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Women over 45 years of age were invited for screening.", "over 45 years of age", 45, "over"),
    ("Visitors 16 years of age or older must show ID.", "16 years of age", 16, "at least"),
    ("The accused, 20 years of age, was refused bail.", "20 years of age", 20, None),
])
def test_an_age_written_in_years_of_age_is_an_age(parser, text: str, phrase: str, value: int,
                                                   qualifier: str | None) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", qualifier)
