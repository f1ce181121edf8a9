"""Quantities on short news texts written for a review: dates, durations, scores, ages and units."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
def test_a_year_with_mid_early_or_late_is_a_date_not_a_count(parser) -> None:
    found = _found(parser, "Governor Ana Petrov said rates would stay high until at least mid-2025.")
    assert found["at least mid-2025"] == ("date", "2025", None, "at least")


def test_a_length_of_time_tagged_as_a_time_is_a_number_of_hours(parser) -> None:
    found = _found(parser, "Some 40 aftershocks were recorded in the following 24 hours.")
    assert found["24 hours"] == ("number", 24, "hours", None)
    assert found["Some 40"] == ("count", 40, None, "some")


def test_set_scores_are_tallies_not_ranges_and_keep_no_comma(parser) -> None:
    found = _found(parser, "Serena Vale won 78% of first serves and hit 12 aces in the 6-4, 7-5 victory.")
    assert "4," not in found
    assert found["6"] == ("count", 6, None, None)
    assert found["4"] == ("count", 4, None, None)
    assert found["12"] == ("count", 12, None, None)


def test_a_list_of_ages_gives_each_age(parser) -> None:
    found = _found(parser, "Police said three men, aged 19, 22 and 34, had been arrested after the attack.")
    assert found["19"] == ("number", 19, "years old", None)
    assert found["22"] == ("number", 22, "years old", None)
    assert found["34"] == ("number", 34, "years old", None)
    assert found["three"] == ("count", 3, None, None)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Exports to China dropped by a fifth in 2023.", "a fifth", 20),
    ("The council cut the budget by two-thirds last year.", "two-thirds", 66.7),
])
def test_a_change_by_a_fraction_is_a_share(parser, text: str, phrase: str, value: float) -> None:
    assert _found(parser, text)[phrase] == ("percent", value, None, None)


def test_a_count_with_a_unit_of_measure_keeps_the_unit(parser) -> None:
    found = _found(parser, "The Red Cross said it had sent 120 tonnes of supplies and 12 doctors.")
    assert found["120 tonnes"] == ("number", 120, "tonnes", None)
    assert found["12"] == ("count", 12, None, None)


def test_a_quarter_without_its_year_is_a_date(parser) -> None:
    found = _found(parser, "Carbon prices reached €40 per tonne in Q3, up from €31 in Q2 2023.")
    assert found["Q3"] == ("date", "--Q3", None, None)
    assert found["Q2 2023"] == ("date", "2023-Q2", None, None)


def test_an_ordinal_quarter_is_a_date(parser) -> None:
    found = _found(parser, "GDP grew 0.4% in the second quarter, below the 0.6% analysts had forecast.")
    assert ("date", "--Q2", None, None) in found.values()


@pytest.mark.parametrize("text", [
    "The tickets were sold by a third party in 2023.",
    "The shop was closed by half past ten on 12 May.",
])
def test_by_a_fraction_before_a_noun_is_no_share(parser, text: str) -> None:
    assert not any(kind == "percent" for kind, *_ in _found(parser, text).values())


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Steel rose to $620 per tonne in March.", "$620 per tonne", ("money", 620, "USD per tonne", None)),
    ("Petrol now costs £3 a litre in rural areas.", "£3 a litre", ("money", 3, "GBP per litre", None)),
    ("The utility charges 5 cents per kilowatt-hour at night.", "5 cents per kilowatt-hour",
     ("money", 0.05, "USD per kilowatt-hour", None)),
    ("Brent hit $85/bbl on Friday.", "$85/bbl", ("money", 85, "USD per barrel", None)),
    ("The striker will earn £200,000 a week under the deal.", "£200,000 a week",
     ("money", 200000, "GBP per week", None)),
    ("Output rose to 1.2 million barrels a day in June.", "1.2 million barrels a day",
     ("number", 1200000, "barrels per day", None)),
    ("Wages have risen 3% a year since 2019.", "3% a year", ("percent", 3, "per year", None)),
])
def test_an_amount_per_something_keeps_the_rate_in_its_unit(parser, text, phrase, expected) -> None:
    assert _found(parser, text)[phrase] == expected


def test_a_count_per_so_many_people_is_a_rate_not_two_counts(parser) -> None:
    found = _found(parser, "The country recorded 12 deaths per 100,000 people in 2023.")
    assert found["12 deaths per 100,000 people"] == ("number", 12, "deaths per 100,000 people", None)
    assert "100,000" not in found


def test_a_rate_named_before_the_amount(parser) -> None:
    found = _found(parser, "GDP per capita reached $45,000 last year.")
    assert found["$45,000"] == ("money", 45000, "USD per capita", None)


@pytest.mark.parametrize(("text", "phrase"), [
    ("Shares closed at $1.10 a year ago.", "$1.10"),
    ("Police found less than half an ounce of cannabis.", "less than half"),
    ("The index rose 5% per the ministry's figures.", "5%"),
    ("The tax is 3 per cent of turnover.", "3 per cent"),
])
def test_no_rate_where_a_or_per_starts_something_else(parser, text, phrase) -> None:
    unit = _found(parser, text)[phrase][2]
    assert unit is None or "per" not in unit


def test_both_ends_of_a_range_take_the_rate_after_it(parser) -> None:
    found = _found(parser, "Prices ranged from $5 to $7 per tonne last week.")
    assert found["$5"] == ("money", 5, "USD per tonne", "from")
    assert found["$7 per tonne"] == ("money", 7, "USD per tonne", "to")


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("Patients on the drug had a hazard ratio of 0.82 for death.", "0.82", "hazard ratio"),
    ("Smokers had an odds ratio 1.4 for the disease.", "1.4", "odds ratio"),
    ("Workers on nights had a relative risk of 2.1.", "2.1", "relative risk"),
    ("Deaths fell in the treated group (HR 0.77), the authors wrote.", "0.77", "hazard ratio"),
])
def test_a_ratio_of_risks_is_a_number_in_its_unit_not_a_count(parser, text, phrase, unit) -> None:
    kind, value, found_unit, _ = _found(parser, text)[phrase]
    assert (kind, found_unit) == ("number", unit)
    assert value == float(phrase)


def test_the_confidence_interval_of_a_ratio_takes_its_unit(parser) -> None:
    found = _found(parser, "The trial found a hazard ratio of 0.71 (95% CI 0.60-0.84) in 1,200 patients.")
    assert found["0.60"] == ("number", 0.6, "hazard ratio", "from")
    assert found["0.84"] == ("number", 0.84, "hazard ratio", "to")
    assert found["1,200"] == ("count", 1200, None, None)


def test_a_scaled_decimal_has_no_float_noise(parser) -> None:
    found = _found(parser, "Analysts had expected revenue of $16.9 billion for the quarter.")
    assert found["$16.9 billion"] == ("money", 16900000000, "USD", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The firm forecast sales of $20 billion, plus or minus 2%.", "plus or minus 2%",
     ("percent", 2, None, "plus or minus")),
    ("Overnight temperatures fell to minus 12C in the valley.", "minus 12C", ("number", -12, "°C", None)),
    ("Output growth was minus 0.3% in the quarter.", "minus 0.3%", ("percent", -0.3, None, None)),
])
def test_the_word_minus_is_a_sign_unless_after_plus_or(parser, text, phrase, expected) -> None:
    assert _found(parser, text)[phrase] == expected


def test_an_age_range_after_aged_with_to_keeps_its_unit(parser) -> None:
    found = _found(parser, "The trial enrolled 9,300 patients aged 40 to 79 in 23 countries.")
    assert found["40"] == ("number", 40, "years old", "from")
    assert found["79"] == ("number", 79, "years old", "to")


def test_a_medical_unit_after_a_count_is_kept(parser) -> None:
    found = _found(parser, "Systolic blood pressure dropped 4 mmHg on the higher dose.")
    assert found["4 mmHg"] == ("number", 4, "mmHg", None)


@pytest.mark.parametrize("text", [
    "The pill helped people with type 2 diabetes.",
    "The drug passed a phase 3 trial in Norway.",
    "The right is protected under Article 19 of the charter.",
    "The crash closed Interstate 35 near the border.",
])
def test_a_number_that_names_a_kind_or_a_part_is_no_count(parser, text) -> None:
    assert _found(parser, text) == {}


def test_a_ratio_of_risks_named_for_an_outcome_before_its_value(parser) -> None:
    found = _found(parser, "The odds ratio for nausea was 1.6 on the new drug.")
    assert found["1.6"] == ("number", 1.6, "odds ratio", None)


def test_a_rate_before_a_day_of_the_week(parser) -> None:
    found = _found(parser, "Wheat futures rose 3.5% to $7.20 a bushel on Monday.")
    assert found["$7.20 a bushel"] == ("money", 7.2, "USD per bushel", None)


def test_cents_the_tagger_left_out_are_money(parser) -> None:
    found = _found(parser, "The board raised the quarterly dividend by 4 cents to 12 cents a share.")
    assert found["4 cents"] == ("money", 0.04, "USD", None)
    assert found["12 cents a share"] == ("money", 0.12, "USD per share", None)


def test_a_change_and_a_level_far_apart_are_no_range(parser) -> None:
    found = _found(parser, "Export prices rose $15 to $250 a tonne last week.")
    assert found["$15"] == ("money", 15, "USD", None)
    assert found["$250 a tonne"] == ("money", 250, "USD per tonne", None)
    found = _found(parser, "Prices rose 1 to 3 percent in May.")
    assert found["1"][3] == "from" and found["3 percent"][3] == "to"


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Four co-defendants received sentences of 8 to 15 years.", ("8", 8), ("15 years", 15)),
    ("An appeal hearing could take 6-9 months to schedule.", ("6", 6), ("9 months", 9)),
    ("The rebuild will take between two and three years.", ("two", 2), ("three years", 3)),
])
def test_a_range_of_lengths_of_time_gives_both_ends(parser, text, low, high) -> None:
    found = _found(parser, text)
    unit = high[0].split()[-1]
    assert found[low[0]] == ("number", low[1], unit, "from")
    assert found[high[0]] == ("number", high[1], unit, "to")


def test_parts_per_million_after_a_count_are_its_unit(parser) -> None:
    found = _found(parser, "Carbon dioxide was up 3.3 ppm from a year earlier.")
    assert found["3.3 ppm"] == ("number", 3.3, "ppm", None)


@pytest.mark.parametrize("text", [
    "The FTSE 100 closed higher on Friday.",
    "The S&P 500 ended the week lower.",
    "The carrier ordered MAX 10 jets from Boeing.",
])
def test_a_number_after_a_name_in_capitals_names_it(parser, text) -> None:
    assert not any(kind == "count" for kind, *_ in _found(parser, text).values())


def test_millions_glued_before_what_they_count(parser) -> None:
    found = _found(parser, "The airline expects to carry 200m passengers next year.")
    assert found["200m"] == ("count", 200000000, None, None)
    assert "200m" not in _found(parser, "She won the 400m hurdles and the 200m sprint.")


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Its light left the galaxy 13.5 billion years ago.", "13.5 billion years ago", "-P13500000000Y"),
    ("The dinosaurs died out about 66 million years ago.", "about 66 million years ago", "-P66000000Y"),
])
def test_a_time_in_millions_of_years_ago(parser, text, phrase, value) -> None:
    kind, found_value, unit, _ = _found(parser, text)[phrase]  # a date that long before the text's own
    assert (kind, found_value, unit) == ("date", value, None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Jab rates fell to 84 percent, well below the 95 percent needed.", "well below the 95 percent",
     ("percent", 95, None, None)),
    ("Fuel costs fell by a fifth over the first quarter.", "over the first quarter",
     ("date", "--Q1", None, None)),
    ("The tax will apply for about the next 30 years.", "about the next 30 years",
     ("number", 30, "years", "about")),
])
def test_a_comparison_before_the_bounds_no_amount(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The group expects sales of between $33bn and $34bn.",
     {"$33bn": ("money", 33_000_000_000, "USD", "from"), "$34bn": ("money", 34_000_000_000, "USD", "to")}),
    ("Ticket sales were between 10 and 20 million.",
     {"10": ("count", 10_000_000, None, "from"), "20 million": ("count", 20_000_000, None, "to")}),
])
def test_two_amounts_after_between_joined_by_and_are_a_range(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


def test_a_share_of_a_vote_after_led_with_is_a_tally_not_a_range(parser) -> None:
    found = _found(parser, "The incumbent led with 52.3% to 46.1%.")
    assert found == {"52.3%": ("percent", 52.3, None, None), "46.1%": ("percent", 46.1, None, None)}


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The jab cut admissions by 68% in adults over 60.", "over 60", ("number", 60, "years old", "over")),
    ("The club has over 60 members.", "over 60", ("count", 60, None, "over")),
])
def test_a_bound_after_a_noun_of_people_makes_an_age(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_a_currency_around_a_bare_number_the_tagger_calls_a_date_is_money(parser) -> None:
    found = _found(parser, "He took bribes worth Rs 45 crore.")
    assert found == {"Rs 45 crore": ("money", 450_000_000, "INR", None)}


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("The fund will spend €4.5bn over five years on housing.", "five years", ("number", 5, "years", None)),
    ("The plan creates 8 million jobs over two years.", "two years", ("number", 2, "years", None)),
    ("He was jailed for over five years.", "over five years", ("number", 5, "years", "over")),
])
def test_a_length_of_time_an_amount_is_spread_over_is_no_bound(parser, text: str, phrase: str,
                                                                expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Dengue cases have risen fivefold this year.", "fivefold", ("number", 5, "times", None)),
    ("Exports grew 3-fold since 2010.", "3-fold", ("number", 3, "times", None)),
    ("Harbour sales rose nearly tenfold.", "nearly tenfold", ("number", 10, "times", "nearly")),
    ("The risk was ten times higher for smokers.", "ten times", ("number", 10, "times", None)),
    ("The clip was viewed more than 100,000 times.", "more than 100,000 times",
     ("number", 100_000, "times", "more than")),
])
def test_a_multiple_is_a_number_of_times_not_a_count(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_the_manifold_of_an_engine_is_no_multiple(parser) -> None:
    assert _found(parser, "The manifold of the ferry engine leaked.") == {}
