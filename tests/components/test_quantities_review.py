"""Quantities on short news texts written for a review: dates, durations, scores, ages and units."""

from __future__ import annotations

import pytest

from unspin.components.parse import make_parser
from unspin.components.quantities import find_quantities
from unspin.doc import Article, Document


@pytest.fixture(scope="module")
def parser():
    return make_parser()


def _found(parser, text: str) -> dict[str, tuple]:
    sdoc = parser(Document(Article(id="q", text=text))).cache["spacy"]
    return {text[q.start : q.end]: (q.kind, q.value, q.unit, q.qualifier)
            for sent in sdoc.sents for q in find_quantities(sent, text)}


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
