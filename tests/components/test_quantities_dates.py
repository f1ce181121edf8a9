"""Dates as ranges and as parts of a year, on short texts written for these tests."""

from __future__ import annotations

import pytest

from unspin.components.parse import make_parser
from unspin.components.quantities import find_quantities
from unspin.doc import Article, Document


@pytest.fixture(scope="module")
def parser():
    return make_parser()


def _dates(parser, text: str) -> dict[str, tuple]:
    sdoc = parser(Document(Article(id="q", text=text))).cache["spacy"]
    return {text[q.start : q.end]: (q.value, q.qualifier)
            for sent in sdoc.sents for q in find_quantities(sent, text) if q.kind == "date"}


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The book fair ran from March 3 to March 9 in the old port.",
     {"March 3": ("--03-03", "from"), "March 9": ("--03-09", "to")}),
    ("Harbour exports fell between 2019 and 2021.", {"2019": ("2019", "from"), "2021": ("2021", "to")}),
    ("She chaired the board from 2001 until 2009.", {"2001": ("2001", "from"), "2009": ("2009", "to")}),
    ("He led the club between January 2001 and March 2003.",
     {"January 2001": ("2001-01", "from"), "March 2003": ("2003-03", "to")}),
    ("The ferry strike lasted from May to July.", {"May": ("--05", "from"), "July": ("--07", "to")}),
])
def test_the_two_ends_of_a_date_range_are_from_and_to(parser, text: str, expected: dict) -> None:
    assert _dates(parser, text) == expected


def test_two_dates_joined_by_and_without_between_are_no_range(parser) -> None:
    found = _dates(parser, "Council talks were held in March 2024 and June 2025.")
    assert found == {"March 2024": ("2024-03", None), "June 2025": ("2025-06", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # the tagger reads "May and June" as one date here, and "2019" and "2021" as two
    ("The report drew on ferry polls from May and June.", {"May": ("--05", None), "June": ("--06", None)}),
    ("Harbour figures from 2019 and 2021 show a fall.", {"2019": ("2019", None), "2021": ("2021", None)}),
])
def test_two_dates_joined_by_and_after_from_are_no_range(parser, text: str, expected: dict) -> None:
    assert _dates(parser, text) == expected


def _parts(parser, text: str) -> dict[str, tuple]:
    sdoc = parser(Document(Article(id="q", text=text))).cache["spacy"]
    return {text[q.start : q.end]: (q.value, q.qualifier, q.part)
            for sent in sdoc.sents for q in find_quantities(sent, text) if q.kind == "date"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Bus fares will rise in the second half of 2025.", {"the second half of 2025": ("2025-H2", None, None)}),
    ("The depot reopened in H1 2024.", {"H1 2024": ("2024-H1", None, None)}),
    ("The bakery opened in early 2023.", {"early 2023": ("2023", None, "early")}),
    ("The ferry was sold in late March.", {"late March": ("--03", None, "late")}),
    ("Rents should fall by the end of 2024.", {"by the end of 2024": ("2024", "by", "late")}),
    ("The mill closed in the early 1990s.", {"the early 1990s": ("1990s", None, "early")}),
    ("Rates will stay high until at least mid-2025.", {"at least mid-2025": ("2025", "at least", "mid")}),
    ("Rents rose from early 2023 to late 2024.", {"early 2023": ("2023", "from", "early"),
                                                  "late 2024": ("2024", "to", "late")}),
    ("The depot reopened in March 2024.", {"March 2024": ("2024-03", None, None)}),
])
def test_a_part_of_a_year_stays_in_the_date(parser, text: str, expected: dict) -> None:
    assert _parts(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Profits at the bakery chain rose 12% in the first half, it said.",
     {"the first half": ("--H1", None, None)}),
    ("Output grew in the second half of this year.", {"the second half of this year": ("--H2", None, None)}),
    ("First-half sales at the brewer fell.", {"First-half": ("--H1", None, None)}),
    ("Sales rose in the first half of 2024 and fell in the second half.",
     {"the first half of 2024": ("2024-H1", None, None), "the second half": ("--H2", None, None)}),
])
def test_a_half_with_no_year_is_a_date_as_a_quarter_is(parser, text: str, expected: dict) -> None:
    assert _parts(parser, text) == expected


@pytest.mark.parametrize("text", [
    "United scored twice in the first half.",
    "The striker equalised early in the second half of the match.",
    "Harbour rents fell in the first half of his term.",
])
def test_a_half_of_a_match_or_of_a_term_is_no_date(parser, text: str) -> None:
    assert _parts(parser, text) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("Harbour borrowing in 2023/24 hit £120bn.", {"2023": ("2023", "from"), "24": ("2024", "to")}),
    ("The 2019/20 season was cut short.", {"2019": ("2019", "from"), "20": ("2020", "to")}),
])
def test_a_year_written_as_two_is_a_range(parser, text: str, expected: dict) -> None:
    assert _dates(parser, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ferry profits doubled in the first six months of the year.",
     {"the first six months of the year": ("--H1", None, None)}),
    ("Harbour sales rose 4% in the first three months of 2024.",
     {"the first three months of 2024": ("2024-Q1", None, None)}),
])
def test_the_first_three_or_six_months_of_a_year_are_a_quarter_or_half(parser, text, expected) -> None:
    assert _parts(parser, text) == expected


def test_the_first_six_months_of_something_else_are_a_length_of_time(parser) -> None:
    assert _parts(parser, "He was jailed for the first six months of his term.") == {}
