"""Actors read on short stories written for an eighth review: a ministry the recogniser tags in
lower case, a price's name, a hospital named after a saint, a company known only as an object,
and clubs named after their towns."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_ministry_written_in_lower_case_is_the_speaker(nlp) -> None:
    text = ('"We are watching the outbreak closely," the health ministry said in a statement. '
            "The ministry later raised the number of cases to 52.")
    doc = nlp(Article(id="t", text=text))
    assert len(_actor(doc, "health ministry").mentions) == 2
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.actor == "health ministry"


def test_the_company_is_the_one_fined(nlp) -> None:
    text = ("The European Commission fined Meta on Monday for breaching competition rules. "
            "The company said it would appeal.")
    doc = nlp(Article(id="t", text=text))
    assert "company" not in _names(doc)
    assert len(_actor(doc, "Meta").mentions) == 2
    assert doc.quotes[-1].speaker is not None and doc.quotes[-1].speaker.actor == "Meta"


def test_a_civil_defence_agency_keeps_its_classifier(nlp) -> None:
    text = "Floods have killed at least 40 people in the south, the state's civil defence agency said."
    doc = nlp(Article(id="t", text=text))
    assert "civil defence agency" in _names(doc)


def test_the_club_is_the_one_named_before(nlp) -> None:
    text = ("Getafe have sacked their coach after a run of five defeats. "
            "The club said a replacement would be named this week.")
    doc = nlp(Article(id="t", text=text))
    assert "club" not in _names(doc)
    assert len(_actor(doc, "Getafe").mentions) == 2
