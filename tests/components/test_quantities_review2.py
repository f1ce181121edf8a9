"""Quantities on short news texts written for a second review: model numbers are no counts."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize("text", [
    "The carrier said it had grounded all of its 737 models after the incident.",
    "Regulators ordered checks on the airline's 737 fleet.",
    "A 737 jet skidded off the runway on Sunday.",
    "The carrier will retire its last 747s next year.",
    "The company's 747 freighters will be retired, it said.",
    "The crash of a 737-800 in the mountains shocked the country.",
])
def test_an_airliner_model_number_is_no_count(parser, text: str) -> None:
    found = _found(parser, text)
    assert not any(phrase.startswith(("737", "747", "800")) for phrase in found), found


def test_a_model_number_before_a_singular_noun_is_no_count(parser) -> None:
    found = _found(parser, "The airline operates 64 aircraft, including 12 A320 jets and a 787 Dreamliner.")
    assert "787" not in found
    assert found["64"] == ("count", 64, None, None)
    assert found["12"] == ("count", 12, None, None)


def test_counts_with_the_model_named_stay_counts(parser) -> None:
    found = _found(parser, "Apple shipped 20 million iPhone 15 handsets, and Ryanair flies 500 Boeing 737 "
                           "Max jets.")
    assert found == {"20 million": ("count", 20000000, None, None), "500": ("count", 500, None, None)}


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Unions called a 24 hour strike at 40 depots.", "24", 24),
    ("The carrier has a 40 plane fleet and 300 staff.", "40", 40),
    ("The carrier has a 40 plane fleet and 300 staff.", "300", 300),
    ("The quake killed 737 people and injured 1,200 others.", "737", 737),
    ("The airline employs 747 pilots and 1,500 cabin crew.", "747", 747),
    ("The firm opened a 400 bed hospital last year.", "400", 400),
    ("The firm sells 12 models in 40 countries.", "12", 12),
    ("The airline said its 300 jets carried 12 million passengers.", "300", 300),
])
def test_a_number_counting_what_follows_it_is_still_a_count(parser, text: str, phrase: str,
                                                             value: int) -> None:
    assert _found(parser, text)[phrase] == ("count", value, None, None)


@pytest.mark.parametrize(("text", "phrase", "unit", "value"), [
    ("The government has pledged 500 billion rupiah ($32 million) in emergency aid.", "500 billion rupiah",
     "IDR", 500_000_000_000),
    ("The central bank sold 2 billion baht of bonds.", "2 billion baht", "THB", 2_000_000_000),
    ("Lagos raised 150 billion naira from the sale.", "150 billion naira", "NGN", 150_000_000_000),
    ("Warsaw will spend 3.5 billion zlotys on trains.", "3.5 billion zlotys", "PLN", 3_500_000_000),
    ("The deal was worth about 800 million dirhams.", "about 800 million dirhams", "AED", 800_000_000),
    ("The firm lost 4.5 billion reais last year.", "4.5 billion reais", "BRL", 4_500_000_000),
])
def test_an_amount_in_a_currency_named_in_words_is_money(parser, text: str, phrase: str, unit: str,
                                                        value: int) -> None:
    found = _found(parser, text)[phrase]
    assert found[:3] == ("money", value, unit)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("It was followed by more than 50 aftershocks, the strongest measuring 5.4.", "5.4", 5.4),
    ("The average family now has 1.8 children, down from 2.4 in 1990.", "1.8", 1.8),
])
def test_a_number_with_a_fraction_is_no_count(parser, text: str, phrase: str, value: float) -> None:
    assert _found(parser, text)[phrase] == ("number", value, None, None)


def test_a_whole_number_with_a_scale_is_still_a_count(parser) -> None:
    found = _found(parser, "Some 2.3 million people voted, and more than 50 were turned away.")
    assert found["Some 2.3 million"] == ("count", 2_300_000, None, "some")
    assert found["more than 50"] == ("count", 50, None, "more than")


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Researchers tracked 78,430 adults for an average of seven years.", "an average of seven years",
     ("number", 7, "years", "an average of")),
    ("Households spent an average of £3,200 on energy in 2023.", "an average of £3,200",
     ("money", 3200, "GBP", "an average of")),
    ("Prices rose by an average of 4.2% in the quarter.", "an average of 4.2%",
     ("percent", 4.2, None, "an average of")),
])
def test_an_average_is_a_qualifier_of_its_amount(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_two_amounts_joined_by_plus_are_both_read(parser) -> None:
    found = _found(parser, "Chelsea have agreed a fee of £85 million plus £10m in add-ons with Benfica.")
    assert found == {"£85 million": ("money", 85_000_000, "GBP", None),
                     "£10m": ("money", 10_000_000, "GBP", None)}


def test_plus_or_minus_is_still_a_margin(parser) -> None:
    found = _found(parser, "The poll has a margin of error of plus or minus 3 percentage points.")
    assert found["plus or minus 3 percentage points"] == ("percent", 3, "percentage points", "plus or minus")


@pytest.mark.parametrize(("text", "phrase", "qualifier", "value"), [
    ("Mendes joined the academy at the age of 11, the club said.", "the age of 11", None, 11),
    ("She died at the age of 92 in her home.", "the age of 92", None, 92),
    ("Children under the age of 5 are most at risk.", "under the age of 5", "under", 5),
])
def test_the_age_of_a_number_is_an_age(parser, text: str, phrase: str, qualifier: str | None,
                                       value: int) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", qualifier)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("It was the deadliest quake in the country since 2018, officials said.", "since 2018",
     ("date", "2018", None, "since")),
    ("Siemens said it would invest €2 billion in new plants by 2026.", "by 2026",
     ("date", "2026", None, "by")),
    ("The museum will be closed until June 1.", "until June 1", ("date", "--06-01", None, "until")),
    ("Shares rose 3% after March 3.", "after March 3", ("date", "--03-03", None, "after")),
    ("The bank has held rates at 5.25% since August.", "since August", ("date", "--08", None, "since")),
])
def test_a_date_bounded_in_time_keeps_its_preposition(parser, text: str, phrase: str,
                                                      expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_the_ends_of_a_range_of_dates_stay_from_and_to(parser) -> None:
    found = _found(parser, "She chaired the board from 2001 until 2009, and has lived in Leeds since.")
    assert found == {"2001": ("date", "2001", None, "from"), "2009": ("date", "2009", None, "to")}


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Scientists say such floods have become two to three times more likely since the 1980s.", "two",
     "three times"),
    ("Such floods are now 2-3 times more likely, the report said.", "2", "3 times"),
])
def test_a_range_of_multiples_gives_both_ends(parser, text: str, low: str, high: str) -> None:
    found = _found(parser, text)
    assert found[low] == ("number", 2, "times", "from")
    assert found[high] == ("number", 3, "times", "to")


@pytest.mark.parametrize(("text", "phrase", "qualifier", "value"), [
    ("The trial enrolled 17,604 people aged 45 or older in 41 countries.", "45 or older", "at least", 45),
    ("The vaccine is offered to those 65 and older.", "65", "at least", 65),
])
def test_an_age_with_or_older_is_a_lower_bound(parser, text: str, phrase: str, qualifier: str,
                                               value: int) -> None:
    assert _found(parser, text)[phrase] == ("number", value, "years old", qualifier)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Up to 50,000 patients could be offered the treatment within three years.", "within three years",
     ("number", 3, "years", "within")),
    ("Homes within 10 miles of the plant were evacuated.", "within 10 miles",
     ("number", 10, "miles", "within")),
])
def test_within_is_an_upper_bound(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


def test_a_count_of_seasons_is_a_count_even_inside_a_name(parser) -> None:
    found = _found(parser, "Bayern, who have won the Bundesliga 11 seasons in a row, open their campaign on "
                           "18 August.")
    assert found["11"] == ("count", 11, None, None)


def test_a_number_of_seasons_tagged_as_a_date_is_a_number(parser) -> None:
    found = _found(parser, "Celtic have won the league 12 times in 13 seasons.")
    assert found["13 seasons"] == ("number", 13, "seasons", None)
    assert found["12 times"] == ("number", 12, "times", None)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Hale will earn about €25m a year before tax, people familiar with the talks said.", "about €25m a year",
     ("money", 25_000_000, "EUR per year", "about")),
    ("She takes home £60,000 a year after taxes.", "£60,000 a year", ("money", 60_000, "GBP per year", None)),
    ("Prices were $1.10 a year before, the firm said.", "$1.10", ("money", 1.1, "USD", None)),
])
def test_a_rate_before_or_after_tax_is_still_a_rate(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text)[phrase] == expected


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("A former bank manager has been jailed for nine years and six months.", "nine years and six months",
     ("number", 9.5, "years", None)),
    ("The flight took two hours and 30 minutes.", "two hours and 30 minutes", ("number", 2.5, "hours", None)),
])
def test_a_length_of_time_in_two_units_is_one_length(parser, text: str, phrase: str, expected: tuple) -> None:
    assert _found(parser, text) == {phrase: expected}


def test_two_lengths_of_time_apart_stay_two(parser) -> None:
    found = _found(parser, "He served 3 years, then 6 months more.")
    assert found == {"3 years": ("number", 3, "years", None), "6 months": ("number", 6, "months", None)}


@pytest.mark.parametrize(("text", "ends"), [
    ("Operating profit rose 38% in the April-June quarter, the company said.", ("--04", "--06")),
    ("Sales fell in the June-August period.", ("--06", "--08")),
])
def test_a_range_of_months_named_as_a_quarter_gives_both_ends(parser, text: str, ends: tuple) -> None:
    found = _found(parser, text)
    assert [v for v in found.values() if v[0] == "date"] == [("date", ends[0], None, "from"),
                                                              ("date", ends[1], None, "to")]


def test_an_exchange_rate_is_no_amount_of_the_currency_it_is_given_against(parser) -> None:
    found = _found(parser, "The yen hit a low of 161.9 per dollar, while oil traded at $80 per barrel.")
    assert found["161.9 per dollar"] == ("number", 161.9, "per dollar", None)
    assert found["$80 per barrel"] == ("money", 80, "USD per barrel", None)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The defect affects 1 in 2000 births, doctors said.", "1 in 2000", 0.05),
    ("The side effect hits one in 10,000 patients.", "one in 10,000", 0.01),
    ("Two in 3 adults and one in seven children were affected.", "one in seven", 14.3),
])
def test_a_small_share_keeps_its_size(parser, text: str, phrase: str, value: float) -> None:
    assert _found(parser, text)[phrase] == ("percent", value, None, None)


def test_a_count_in_a_year_is_no_share(parser) -> None:
    found = _found(parser, "Measles cases rose to 42,200 last year, compared with 941 in 2022.")
    assert found["941"] == ("count", 941, None, None)
    assert found["2022"] == ("date", "2022", None, None)


def test_as_soon_as_qualifies_a_date(parser) -> None:
    found = _found(parser, "Markets are pricing in two rate rises, the first as soon as April.")
    assert found["as soon as April"] == ("date", "--04", None, "as soon as")
