"""Actors read on short stories written for a thirteenth review: an agency whose officials speak
for it ("Africa CDC officials said")."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text, agency", [
    ("Africa CDC officials said on Tuesday that the Korvel outbreak had spread to four more countries.",
     "Africa CDC"),
    ("Nigeria CDC spokesman Tom Reyes said the clinics would stay open.", "Nigeria CDC"),
])
def test_a_place_and_an_acronym_before_its_officials_name_the_agency(nlp, text: str, agency: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, agency).type == "organization"
    assert "CDC" not in _names(doc)


def test_the_agency_again_is_the_agency_named_by_place_and_acronym(nlp) -> None:
    text = ("Africa CDC officials said on Tuesday that the Korvel outbreak had spread to four more "
            "countries. The agency warned that vaccines were running short.")
    doc = nlp(Article(id="t", text=text))
    agency = _actor(doc, "Africa CDC")
    assert [text[m.start:m.end] for m in agency.mentions] == ["Africa CDC", "agency"]
    assert agency.quotes == [0, 1]


def test_a_place_and_an_acronym_before_a_things_noun_stay_apart(nlp) -> None:
    doc = nlp(Article(id="t", text="He backed the Ukraine NATO bid."))
    assert "Ukraine NATO" not in _names(doc)
