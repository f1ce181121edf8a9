"""Numbers that are part of a name (a model, a version, a measure on a ballot) are no quantities."""

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
    return {text[q.start : q.end]: (q.kind, q.value)
            for sent in sdoc.sents for q in find_quantities(sent, text)}


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The carrier ordered 40 Boeing 737 jets last week.", {"40": ("count", 40)}),
    ("The carrier also leases 12 Airbus A320 planes.", {"12": ("count", 12)}),
    ("She bought an iPhone 15 and a laptop.", {}),
    ("The office moved to Windows 11 this spring.", {}),
    ("The F-35 programme will cost $1.7 trillion.", {"$1.7 trillion": ("money", 1_700_000_000_000)}),
    ("The dealer sold 5,000 Model 3 cars.", {"5,000": ("count", 5000)}),
    ("The 787 Dreamliner carried 300 people.", {"300": ("count", 300)}),
    ("Apollo 11 carried three astronauts.", {"three": ("count", 3)}),
])
def test_a_number_in_a_product_or_model_name_is_no_count(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected


def test_a_count_after_a_name_that_is_no_part_of_it_is_kept(parser) -> None:
    assert _found(parser, "The sheriff told CNN 12 people were hurt.") == {"12": ("count", 12)}


def test_a_number_in_a_name_is_no_share(parser) -> None:
    found = _found(parser, "Voters backed Proposition 8 in 2008.")
    assert found == {"2008": ("date", "2008")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Regulators grounded Boeing's 737 Max jets for 20 months.", {"20 months": ("number", 20)}),
    ("Apple's 150 stores closed for the holiday.", {"150": ("count", 150)}),
    ("Tesco's 300 Express shops will stay open.", {"300": ("count", 300)}),
])
def test_a_model_number_after_its_makers_possessive_is_no_count(parser, text: str, expected: dict) -> None:
    assert _found(parser, text) == expected
