"""Claims on short news texts written for a fourth review (election results, a court ruling, crime
statistics, energy prices, a wildfire): quantities and sources a fact-checker would ask for."""

from __future__ import annotations

import pytest
from _quantities import found as _found
from _sources import rules_source as _rules_source

from unspin.components.parse import load_spacy, make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("Police recorded 48,700 knife offences last year, figures from the Office for National Statistics "
     "show.", ("the Office for National Statistics", "figures from the Office for National Statistics show")),
    ("Police recorded 48,700 knife offences last year, data from the Office for National Statistics "
     "shows.", ("the Office for National Statistics", "data from the Office for National Statistics shows")),
    ("Police recorded 48,700 knife offences last year, figures from the ONS showed.",
     ("the ONS", "figures from the ONS showed")),
    ("Police recorded 48,700 knife offences last year, the ONS said.", ("the ONS", "the ONS said")),
    ("Hospitals reported 312 cases in March, the health ministry said.",
     ("the health ministry", "the health ministry said")),
])
def test_a_closing_report_cites_its_source_over_a_report_it_reports(text: str,
                                                                    expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry said hospitals reported 312 cases in March.", ("The ministry", "The ministry said")),
    ("We found that hospitals reported 312 cases in March.", ("hospitals", "hospitals reported")),
])
def test_a_report_with_no_named_outer_source_keeps_its_own(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The unit rate will be 26.4p per kilowatt hour.",
     {"26.4p per kilowatt hour": ("money", 0.264, "GBP per kilowatt hour", None)}),
    ("Wholesale power cost €95 per megawatt hour.",
     {"€95 per megawatt hour": ("money", 95, "EUR per megawatt hour", None)}),
    ("Winds of up to 70 km/h fanned the fire.", {"up to 70 km/h": ("number", 70, "km/h", "up to")}),
    ("Gusts of 90km/h hit the coast.", {"90km/h": ("number", 90, "km/h", None)}),
    ("Winds reached 70 kph and 45 mph.", {"70 kph": ("number", 70, "kph", None),
                                          "45 mph": ("number", 45, "mph", None)}),
])
def test_a_unit_of_two_words_or_a_speed_is_read_whole(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("It was fanned by temperatures above 40C. More than 450 firefighters were deployed.",
     {"above 40C": ("number", 40, "°C", "above"), "More than 450": ("count", 450, None, "more than")}),
    ("Highs of 38C, and lows of 25C, are forecast.",
     {"38C": ("number", 38, "°C", None), "25C": ("number", 25, "°C", None)}),
    ("He was moved to Room 4C, where 12 other patients were.", {"12": ("count", 12, None, None)}),
])
def test_a_temperature_the_tagger_missed_is_read(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The fire spread overnight, fanned by temperatures above 40C. More than 450 firefighters were deployed.",
     ["The fire spread overnight, fanned by temperatures above 40C.",
      "More than 450 firefighters were deployed."]),
    ("The bill for the new stadium came to £90m. Smith said it was too much.",
     ["The bill for the new stadium came to £90m.", "Smith said it was too much."]),
    ("The meeting starts at 10a.m. Monday is a holiday for 40 staff.",
     ["The meeting starts at 10a.m. Monday is a holiday for 40 staff."]),
])
def test_a_full_stop_glued_to_an_amount_ends_the_sentence_before_a_capitalised_word(
        text: str, expected: list[str]) -> None:
    from unspin.components.claims import candidate_sentences

    assert [s.text for s in candidate_sentences(load_spacy()(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Burglaries per 1,000 homes fell to 5.2.", {"5.2": ("number", 5.2, "burglaries per 1,000 homes", None)}),
    ("The homicide rate per 100,000 people in England and Wales rose to 6.1 last year.",
     {"6.1": ("number", 6.1, "per 100,000 people", None)}),
    ("Spending per 1,000 residents was $45,000.",
     {"$45,000": ("money", 45000, "USD per 1,000 residents", None)}),
    ("Police recorded 12 deaths per 100,000 people, up from 10.",
     {"12 deaths per 100,000 people": ("number", 12, "deaths per 100,000 people", None),
      "10": ("number", 10, "deaths per 100,000 people", None)}),  # compared with it: the same rate
])
def test_a_rate_per_a_number_named_before_its_amount_is_the_amount_s_unit(
        parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("There is a daily standing charge of 53.7p.", {"53.7p": ("money", 0.537, "GBP per day", None)}),
    ("He earns an annual salary of £50,000.", {"£50,000": ("money", 50000, "GBP per year", None)}),
    ("The annual death toll of 40 was the lowest on record.", {"40": ("count", 40, None, None)}),
])
def test_an_amount_paid_daily_or_yearly_is_a_rate(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Exit polls had shown Ruiz ahead by between five and seven points.",
     {"five": ("number", 5, "points", "from"), "seven points": ("number", 7, "points", "to")}),
    ("They expect between three and four million visitors.",
     {"three": ("count", 3000000, None, "from"), "four million": ("count", 4000000, None, "to")}),
    ("It was one of a group of four or five people.",
     {"four": ("count", 4, None, "from"), "five": ("count", 5, None, "to")}),
    ("Voters rated it good by a ratio of about four to one.", {}),
    ("Twenty-five people died.", {"Twenty-five": ("count", 25, None, None)}),
    ("She had one hundred and five sheep.", {"one hundred and five": ("count", 105, None, None)}),
])
def test_a_range_written_in_words_gives_both_ends(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Between 5 and 7 points separate them.",
     {"5": ("number", 5, "points", "from"), "7 points": ("number", 7, "points", "to")}),
    ("Between 2019 and 2021 sales rose.", {"2019": ("date", "2019", None, "from"),
                                           "2021": ("date", "2021", None, "to")}),
])
def test_a_bare_number_after_between_tagged_as_a_date_is_a_range_end(parser, text: str,
                                                                     expected: dict) -> None:
    assert _found(parser, text) == expected
