"""Quantity normalisation: amounts, shares, dates, ages, and the numbers that only name things."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser
from unspin.components.quantities import find_quantities, glued_full_stop, parse_number, parse_quantity
from unspin.doc import Article, Document


@pytest.mark.parametrize(
    ("text", "label", "kind", "value", "unit", "qualifier"),
    [
        ("more than 440,000", "CARDINAL", "count", 440000, None, "more than"),
        ("nearly two dozen", "CARDINAL", "count", 24, None, "nearly"),
        ("June 18", "DATE", "date", "--06-18", None, None),
        ("June 18, 2019", "DATE", "date", "2019-06-18", None, None),
        ("18th of June 2019", "DATE", "date", "2019-06-18", None, None),
        ("March 2020", "DATE", "date", "2020-03", None, None),
        ("the 1990s", "DATE", "date", "1990s", None, None),
        ("37 percent", "PERCENT", "percent", 37, None, None),
        ("about 4.5%", "PERCENT", "percent", 4.5, None, "about"),
        ("48 million dollars", "MONEY", "money", 48_000_000, "USD", None),
        ("$48m", "MONEY", "money", 48_000_000, "USD", None),
        ("€1.2 billion", "MONEY", "money", 1_200_000_000, "EUR", None),
        ("£300,000", "MONEY", "money", 300_000, "GBP", None),
        ("up to 5 km", "QUANTITY", "number", 5, "km", "up to"),
        ("22 years", "DATE", "number", 22, "years", None),
        ("16-month", "DATE", "number", 16, "month", None),
        ("approximately six-ounce", "QUANTITY", "number", 6, "ounce", "approximately"),
        ("a few thousand", "CARDINAL", "count", 1000, None, "a few"),
        ("10:35 EDT", "TIME", "number", None, "EDT", None),
        ("tens of thousands", "CARDINAL", "count", 10_000, None, "tens of"),
        ("thousands", "CARDINAL", "count", 1000, None, "at least"),
        ("an extra $100", "MONEY", "money", 100, "USD", None),
        ("greater than $1,000 billion", "MONEY", "money", 1_000_000_000_000, "USD", "greater than"),
        ("30-year-old", "DATE", "number", 30, "years old", None),
        ("13-YEAR-OLD", "DATE", "number", 13, "years old", None),
        ("aged 35", "DATE", "number", 35, "years old", None),
        ("the past 8 years", "DATE", "number", 8, "years", None),
        ("over the last 28 days", "DATE", "number", 28, "days", None),
        ("over 28 days", "DATE", "number", 28, "days", "over"),
        ("Friday, March 22, 2019", "DATE", "date", "2019-03-22", None, None),
        ("between Dec. 2017", "DATE", "date", "2017-12", None, None),
        ("a Nov. 29", "DATE", "date", "--11-29", None, None),
        ("this past June", "DATE", "date", "--06", None, None),
        ("mid-2019", "DATE", "date", "2019", None, None),
        ("one-fifth", "CARDINAL", "percent", 20, None, None),
        ("two thirds", "CARDINAL", "percent", 66.7, None, None),
        ("as long as 18 years", "DATE", "number", 18, "years", "as long as"),
    ],
)
def test_parse_quantity_normalises(text, label, kind, value, unit, qualifier) -> None:
    assert parse_quantity(text, label) == (kind, value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "value"),
    [("440,000", 440000), ("1.5 million", 1_500_000), ("twenty-five", 25), ("two hundred thousand", 200_000),
     ("a dozen", 12), ("none at all", None), ("10 and 20", None), ("one hundred and five", 105),
     ("a million", 1_000_000), ("one and a half", 1.5), ("a half", 0.5), ("an extra 100", 100),
     ("four to one", None), ("a few", None)],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value



@pytest.fixture(scope="module")
def parser():
    return make_parser()


@pytest.mark.parametrize(
    ("text", "glued"),
    [("Leaders agreed to limit warming to 1.5C. The talks", ["1.5C."]),
     ("Rivals bid €90m. The club", ["m."]),
     ("The Dr. Who fan and St. Mary's 5 km. race", []),
     ("It rose to 40. The next", [])],
)
def test_a_full_stop_glued_to_an_amount_or_its_unit(parser, text: str, glued: list[str]) -> None:
    doc = parser(Document(Article(id="g", text=text))).cache["spacy"]
    assert [t.text for t in doc if glued_full_stop(t)] == glued


def test_an_age_after_a_name_is_a_number_of_years(parser) -> None:
    found = _found(parser, "Officer Eric Joering, 39, and his colleague, a 26-year-old, died on June 3.")
    assert found["39"] == ("number", 39, "years old", None)
    assert found["26-year-old"] == ("number", 26, "years old", None)
    assert found["June 3"] == ("date", "--06-03", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Officers answered a 911 hang-up call and found 12 people inside.",
        "The page was updated at 4:45 pm and again at 10:35 EDT, when 12 people had signed.",
        "The 9/11 commission heard 12 people who survived the September 11th attacks.",
        "Officer Guyger, #10702, spoke to 12 people outside 1210 S. Lamar at 5 p.m.",
        "Her AR-15 and a 3D printer cost 12 people their six-figure jobs under the 5th Amendment.",
    ],
)
def test_numbers_that_name_or_locate_are_not_quantities(parser, text: str) -> None:
    found = _found(parser, text)
    assert found == {"12": ("count", 12, None, None)}, found


def test_glued_scales_units_and_decades_still_count(parser) -> None:
    text = "In the 1990s the firm earned $5bn on 10k sales of 5km cables, up 3% since mid-2019."
    found = _found(parser, text)
    assert found["$5bn"] == ("money", 5_000_000_000, "USD", None)
    assert found["5km"] == ("number", 5, "km", None)
    assert found["3%"] == ("percent", 3, None, None)
    assert any(kind == "date" and value == "1990s" for kind, value, _, _ in found.values())
    assert any(kind == "date" and value == "2019" for kind, value, _, _ in found.values())


def test_a_year_before_a_noun_is_a_date_and_an_amount_stops_before_its_preposition(parser) -> None:
    text = "A 2023 study found the bill would cost €4.5bn over five years and fund 2,000 nurses."
    found = _found(parser, text)
    assert found["2023"] == ("date", "2023", None, None)
    assert found["€4.5bn"] == ("money", 4_500_000_000, "EUR", None)
    assert found["2,000"] == ("count", 2000, None, None)


def test_a_share_is_not_read_inside_an_amount_or_a_span_of_time(parser) -> None:
    text = "Families earning less than $125,000 in 18 years saved little, and 1 in 4 never did."
    found = _found(parser, text)
    assert found["less than $125,000"] == ("money", 125_000, "USD", "less than")
    assert found["1 in 4"] == ("percent", 25, None, None)
    assert not any(kind == "percent" and value == 0 for kind, value, _, _ in found.values())


def test_one_of_every_nine_is_a_share_and_a_tally_is_two_amounts(parser) -> None:
    found = _found(parser, "About one of every nine voters is Latino. Cole leads 43 percent to 38 percent.")
    assert found["About one of every nine"] == ("percent", 11.1, None, "about")
    assert found["43 percent"] == ("percent", 43, None, None)
    assert found["38 percent"] == ("percent", 38, None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sanders led among voters under 30 and those 45 and over.",
     {"under 30": ("number", 30, "years old", "under"), "45": ("number", 45, "years old", "at least")}),
    ("They polled 2,000 people between the ages of 18 and 29.",
     {"2,000": ("count", 2000, None, None), "18": ("number", 18, "years old", "from"),
      "29": ("number", 29, "years old", "to")}),
    ("As the senator turns 70, his sister, who was 22 then, spoke.",
     {"70": ("number", 70, "years old", None), "22": ("number", 22, "years old", None)}),
    ("He survived 5 ½ years in prison and raised $3 million through the end of September.",
     {"5 ½ years": ("number", 5.5, "years", None), "$3 million": ("money", 3_000_000, "USD", None),
      "the end of September": ("date", "--09", None, None)}),
    ("Speakers mark the 25th anniversary of the 20th Century's worst war in the 22nd district.", {}),
    ('The post <tweet id="672138506081275904"> was deleted.', {}),
])
def test_ages_by_the_words_around_them_and_numbers_that_are_no_dates(parser, text: str, expected) -> None:
    assert _found(parser, text) == expected


def test_a_number_after_several_people_is_a_count_not_an_age() -> None:
    from spacy.tokens import Span

    from unspin.components.parse import make_parser

    text = "We were 12 at the table, and she was 22 then."
    sdoc = make_parser()(Document(Article(id="t", text=text))).cache["spacy"]
    words = [t.text for t in sdoc]
    sdoc.ents = [Span(sdoc, words.index("12"), words.index("12") + 1, label="CARDINAL"),
                 Span(sdoc, words.index("22"), words.index("22") + 1, label="CARDINAL")]
    found = {text[q.start:q.end]: (q.kind, q.value, q.unit)
             for sent in sdoc.sents for q in find_quantities(sent, text)}
    assert found == {"12": ("count", 12, None), "22": ("number", 22, "years old")}


def test_a_digit_that_is_no_decimal_is_no_age() -> None:
    from spacy.tokens import Span

    from unspin.components.parse import make_parser

    text = "Officer Eric Joering, ², died."  # "²" is a digit to str.isdigit, and int() refuses it
    sdoc = make_parser()(Document(Article(id="t", text=text))).cache["spacy"]
    at = [t.text for t in sdoc].index("²")
    sdoc.ents = [Span(sdoc, at, at + 1, label="CARDINAL")]
    assert [q for sent in sdoc.sents for q in find_quantities(sent, text)] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Unemployment fell by 30,000 to 1.4 million.",
     {"30,000": ("count", 30_000, None, None), "1.4 million": ("count", 1_400_000, None, None)}),
    ("Revenue rose 4.5% to €310m.",
     {"4.5%": ("percent", 4.5, None, None), "€310m": ("money", 310_000_000, "EUR", None)}),
    ("Membership rose by 2.1 million to 15.2 million.",
     {"2.1 million": ("count", 2_100_000, None, None), "15.2 million": ("count", 15_200_000, None, None)}),
    ("Fees were between 30 and 60 dollars.",
     {"30": ("money", 30, "USD", "from"), "60 dollars": ("money", 60, "USD", "to")}),
    ("Rates moved from 2% to 4%, then about 8-9%.",
     {"2%": ("percent", 2, None, "from"), "4%": ("percent", 4, None, "to"),
      "8": ("percent", 8, None, "about"), "9%": ("percent", 9, None, "to")}),
    ("The bill will cost $3m-$4m.", {"$3m": ("money", 3_000_000, "USD", "from"),
                                     "$4m": ("money", 4_000_000, "USD", "to")}),
])
def test_a_change_and_its_new_level_are_no_range(parser, text: str, expected) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "key", "value"), [
    ("The city will spend an extra £400m on roads.", "£400m", ("money", 400_000_000, "GBP", None)),
    ("Turnout reached 3.6m.", "3.6m", ("count", 3_600_000, None, None)),
    ("She won by a margin of 2.2m votes.", "2.2m votes", ("number", 2_200_000, "votes", None)),
    ("Output growth of -0.3% is expected.", "-0.3%", ("percent", -0.3, None, None)),
    ("Output growth of −0.3% is expected.", "−0.3%", ("percent", -0.3, None, None)),
    ("The regulator fined it CHF 7m on Monday.", "CHF 7m", ("money", 7_000_000, "CHF", None)),
    ("The regulator fined it NOK 200m on Monday.", "NOK 200m", ("money", 200_000_000, "NOK", None)),
    ("The plant was worth 2.5bn euros.", "2.5bn euros", ("money", 2_500_000_000, "EUR", None)),
    ("The fund holds SEK 150 billion.", "SEK 150 billion", ("money", 150_000_000_000, "SEK", None)),
    ("Canberra pledged A$2bn for roads.", "A$2bn", ("money", 2_000_000_000, "AUD", None)),
    ("The tower sold for HK$9bn.", "HK$9bn", ("money", 9_000_000_000, "HKD", None)),
    ("Ottawa set aside C$400m for ports.", "C$400m", ("money", 400_000_000, "CAD", None)),
    ("The state will invest ₹300 crore in schools.", "₹300 crore", ("money", 3_000_000_000, "INR", None)),
    ("The state will invest Rs 300 crore in schools.", "Rs 300 crore", ("money", 3_000_000_000, "INR", None)),
    ("Each family gets Rs. 15,000 in cash.", "Rs. 15,000", ("money", 15_000, "INR", None)),
    ("Jakarta set aside Rp 5 trillion for ports.", "Rp 5 trillion",
     ("money", 5_000_000_000_000, "IDR", None)),
    ("Nairobi will spend KSh 2bn on roads.", "KSh 2bn", ("money", 2_000_000_000, "KES", None)),
    ("Bank rate fell 0.5 percentage points.", "0.5 percentage points",
     ("percent", 0.5, "percentage points", None)),
    ("Bank rate fell two percentage points.", "two percentage points",
     ("percent", 2, "percentage points", None)),
    ("Yields fell five basis points.", "five basis points", ("percent", 0.05, "percentage points", None)),
    ("Yields fell 25bps on the news.", "25bps", ("percent", 0.25, "percentage points", None)),
    ("More than 3.3 million people signed.", "More than 3.3 million",
     ("count", 3_300_000, None, "more than")),
])
def test_the_scale_currency_sign_and_unit_spacy_leaves_outside(parser, text: str, key: str, value) -> None:
    found = _found(parser, text)
    assert found.get(key) == value, found
    assert type(found[key][1]) is type(value[1])  # 3300000, not 3300000.0


@pytest.mark.parametrize(("text", "expected"), [
    ("Fares will rise by 20p to £14.",
     {"20p": ("money", 0.2, "GBP", None), "£14": ("money", 14, "GBP", None)}),
    ("There is a charge of 30p.", {"30p": ("money", 0.3, "GBP", None)}),
    ("Prices are forecast to edge up to 2.5%.", {"2.5%": ("percent", 2.5, None, None)}),
    ("Shares in the port edged up to 3% on Monday.", {"3%": ("percent", 3, None, None)}),
    ("The bank raised by 25bps to 5.5% its main rate.",
     {"25bps": ("percent", 0.25, "percentage points", None), "5.5%": ("percent", 5.5, None, None)}),
    ("Sales climbed up to 41.2 million.", {"41.2 million": ("count", 41_200_000, None, None)}),
    ("Fines of up to £5m apply.", {"up to £5m": ("money", 5_000_000, "GBP", "up to")}),
    ("A quake of up to magnitude 6.1 struck.",
     {"up to magnitude 6.1": ("number", 6.1, "magnitude", "up to")}),
    ("She was jailed for six years.", {"six years": ("number", 6, "years", None)}),
    ("The fund will grow over the next three years.",
     {"over the next three years": ("number", 3, "years", None)}),
    ("Roughly a quarter of a million people visit.",
     {"Roughly a quarter of a million": ("count", 250_000, None, "roughly")}),
    ("United beat Rochdale Town 4-2 on Sunday.",
     {"4": ("count", 4, None, None), "2": ("count", 2, None, None)}),
    ("Temperatures hit 39C in the shade.", {"39C": ("number", 39, "°C", None)}),
    ("Patients aged between 30 and 59 were tested.",
     {"30": ("number", 30, "years old", "from"), "59": ("number", 59, "years old", "to")}),
    ("He scored ten goals in the 2003-04 season.",
     {"ten": ("count", 10, None, None), "2003": ("date", "2003", None, "from"),
      "04": ("date", "2004", None, "to")}),
    ("Sales rose in Q3 2023.", {"Q3 2023": ("date", "2023-Q3", None, None)}),
    ("Sales rose in the six months to June.", {"the six months to June": ("date", "--06", None, "to")}),
])
def test_pence_particles_durations_in_words_scores_and_periods(parser, text: str, expected) -> None:
    assert _found(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The drug cut deaths by 20% to 30%.",
     {"20%": ("percent", 20, None, "from"), "30%": ("percent", 30, None, "to")}),
    ("Growth will be between -2% and 3% next year.",
     {"-2%": ("percent", -2, None, "from"), "3%": ("percent", 3, None, "to")}),
    ("Output rose in the first quarter of 2024.",
     {"the first quarter of 2024": ("date", "2024-Q1", None, None)}),
    ("Shares jumped 12% to 345p.",
     {"12%": ("percent", 12, None, None), "345p": ("money", 3.45, "GBP", None)}),
    ("The Senate passed the bill 52-48.", {"52": ("count", 52, None, None), "48": ("count", 48, None, None)}),
])
def test_ranges_with_a_minus_sign_and_what_is_no_share_or_range(parser, text: str, expected) -> None:
    assert _found(parser, text) == expected


def test_a_bounded_number_the_tagger_calls_a_date_after_were_is_an_age(parser) -> None:
    # spaCy tags the "75" of "were over 75" as a date, which had no value
    found = _found(parser, "Most of the dead were over 75, she added.")
    assert list(found.values()) == [("number", 75, "years old", "over")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Two men were jailed for a total of 15 years in March.",
     {"Two": ("count", 2, None, None), "15 years": ("number", 15, "years", None),
      "March": ("date", "--03", None, None)}),
    ("He was jailed for a further 15 years.", {"15 years": ("number", 15, "years", None)}),
])
def test_a_length_and_its_date_tagged_as_one_date_are_both_read(parser, text: str, expected: dict) -> None:
    # spaCy tags "15 years in March" and "a further 15 years" as one date, which had no value
    assert _found(parser, text) == expected
