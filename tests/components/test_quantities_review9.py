"""Quantities on short news texts written for a ninth review (prices, wages and the weather): "pc",
the per cent of British papers, after a number ("rose 5.6pc", "a 12pc rise", "1.5 pc") is a percent
wherever spaCy tags it (a date "5.6pc year", a company, an ordinal or nothing), and "PCs" stay
computers; a temperature in degrees keeps the scale the tagger left outside it ("48.8 degrees"
"Celsius", "104" "degrees Fahrenheit"); a bare number an amount with a unit is compared with takes
its unit ("walked 9,000 steps a day ... than those who walked fewer than 3,000": steps a day), but not
one that counts things of its own ("more than the 12 boats"); a month with "mid", "early" or "late"
hyphened to it ("by mid-September", "mid-March 2024") is that month, with its part, not no date or
only the year; a group named by the age it is over or under ("over-65s", "under-5s") is that age,
not a count of 65; "pc" after a qualifier keeps it ("nearly 20pc"); "lakh crore" and "thousand
million" are a scale of a scale ("Rs 1.5 lakh crore" is 1.5 x 10^12, not 1.5 lakh plus a crore); a
tally of votes ("by 51 votes to 46") is no range, and both sides are votes."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser
from unspin.components.quantities import find_quantities, parse_number
from unspin.doc import Article, Document


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Regular pay grew 5.6pc year on year, official data showed.", "5.6pc", 5.6),
    ("Asking prices fell 0.4pc in March, the lender said.", "0.4pc", 0.4),
    ("The brewer reported a 12pc rise in profits.", "12pc", 12),
    ("Shares in the miner closed down 7pc on Friday.", "7pc", 7),
    ("Output slowed to 1.5 pc in the third quarter.", "1.5 pc", 1.5),
])
def test_pc_after_a_number_is_a_percent(parser, text: str, phrase: str, value: float) -> None:
    assert _found(parser, text)[phrase] == ("percent", value, None, None)


def test_a_level_and_the_one_before_it_in_pc_are_both_percents(parser) -> None:
    found = _found(parser, "Food inflation hit 10.1pc in the year to July, up from 9.4pc in June.")
    assert found["10.1pc"] == ("percent", 10.1, None, None)
    assert found["9.4pc"] == ("percent", 9.4, None, None)


def test_pcs_are_computers_not_percents(parser) -> None:
    found = _found(parser, "The school bought 30 PCs and 12 laptops last year.")
    assert all(kind != "percent" for kind, _, _, _ in found.values())
    assert found["30"] == ("count", 30, None, None)


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("Thermometers reached 48.8 degrees Celsius in the south on Sunday.", "48.8 degrees Celsius", 48.8, "°C"),
    ("The mercury hit 104 degrees Fahrenheit in the desert town on Tuesday.", "104 degrees Fahrenheit",
     104, "°F"),
    ("It was 35 degrees centigrade in the capital at noon.", "35 degrees centigrade", 35, "°C"),
    ("Lows of minus 12 degrees Celsius were recorded overnight.", "minus 12 degrees Celsius", -12, "°C"),
])
def test_a_temperature_in_degrees_keeps_its_scale(parser, text: str, phrase: str, value: float,
                                                  unit: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, None)


def test_degrees_of_an_angle_stay_degrees(parser) -> None:
    found = _found(parser, "The stand was turned 90 degrees during the rebuild.")
    assert found["90 degrees"] == ("number", 90, "degrees", None)


@pytest.mark.parametrize(("text", "phrase", "value", "unit", "qualifier"), [
    ("Those who walked 9,000 steps a day were 40% less likely to die than those who walked fewer than 3,000.",
     "fewer than 3,000", 3000, "steps per day", "fewer than"),
    ("Adults who slept eight hours a night fared better than those who slept fewer than six.",
     "fewer than six", 6, "hours per night", "fewer than"),
    ("The port handled 15,000 tonnes in May, compared with fewer than 11,000 a year earlier.",
     "fewer than 11,000", 11000, "tonnes", "fewer than"),
    ("Rainfall reached 90 mm in a day, compared with 30 over the rest of the month.", "30", 30, "mm",
     None),
])
def test_a_bare_number_compared_with_an_amount_takes_its_unit(parser, text: str, phrase: str, value: float,
                                                               unit: str, qualifier: str | None) -> None:
    assert _found(parser, text)[phrase] == ("number", value, unit, qualifier)


@pytest.mark.parametrize(("text", "phrase"), [
    ("The barge carried 3,000 tonnes of coal, more than the 12 boats that came before it.", "12"),
    ("Supporters paid £40 for a seat, more than the 25,000 who came last season.", "25,000"),
    ("The mill made 5,000 tonnes of paper last year, more than any of its 9 rivals.", "9"),
])
def test_a_count_of_other_things_after_than_keeps_no_unit(parser, text: str, phrase: str) -> None:
    assert _found(parser, text)[phrase][0] == "count"
    assert _found(parser, text)[phrase][2] is None


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier", "part"), [
    ("The rollout reached 70 per cent of adults by mid-September.", "by mid-September", "--09", "by", "mid"),
    ("Prices peaked in mid-March 2024 before falling back.", "mid-March 2024", "2024-03", None, "mid"),
    ("The works are due to finish in late-November.", "late-November", "--11", None, "late"),
])
def test_a_month_with_its_part_hyphenated_is_that_month(parser, text: str, phrase: str, value: str,
                                                        qualifier: str | None, part: str) -> None:
    sdoc = parser(Document(Article(id="q", text=text))).cache["spacy"]
    found = {text[q.start : q.end]: q for sent in sdoc.sents for q in find_quantities(sent, text)}
    assert (found[phrase].kind, found[phrase].value, found[phrase].qualifier, found[phrase].part) == (
        "date", value, qualifier, part)


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Boosters will be offered to over-65s from next week.", "over-65s", 65, "over"),
    ("Cases among under-5s doubled in a week.", "under-5s", 5, "under"),
    ("Nine in ten over-12s have had a first dose.", "over-12s", 12, "over"),
])
def test_an_age_group_is_an_age_not_a_count(parser, text: str, phrase: str, value: int,
                                            qualifier: str) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", qualifier)


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Rents have risen by nearly 20pc since the start of the pandemic.", "nearly 20pc", 20, "nearly"),
    ("Fares rose more than 9pc year on year.", "more than 9pc", 9, "more than"),
])
def test_pc_after_a_qualifier_is_a_percent_with_its_qualifier(parser, text: str, phrase: str, value: float,
                                                               qualifier: str) -> None:
    assert _found(parser, text)[phrase] == ("percent", value, None, qualifier)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The state will spend Rs 1.5 lakh crore on highways this year.", "Rs 1.5 lakh crore", 1_500_000_000_000),
    ("The ministry borrowed ₹2 lakh crore in the year.", "₹2 lakh crore", 2_000_000_000_000),
    ("The metro line cost Rs 45,000 crore.", "Rs 45,000 crore", 450_000_000_000),
])
def test_lakh_crore_is_a_scale_of_a_scale(parser, text: str, phrase: str, value: int) -> None:
    assert _found(parser, text)[phrase] == ("money", value, "INR", None)


def test_thousand_million_is_a_billion() -> None:
    assert parse_number("5 thousand million") == 5e9


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The bill cleared the chamber by 318 votes to 204.", ("318 votes", 318), ("204", 204)),
    ("The amendment was carried by 51 votes to 46 on Tuesday.", ("51 votes", 51), ("46", 46)),
])
def test_a_tally_of_votes_counts_both_sides_in_votes(parser, text: str, first: tuple, second: tuple) -> None:
    found = _found(parser, text)
    assert found[first[0]] == ("number", first[1], "votes", None)
    assert found[second[0]] == ("number", second[1], "votes", None)
