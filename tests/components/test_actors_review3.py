"""Actors read on short stories written for a third review: streets after "residents of",
companies and clubs opening a sentence, players named beside their club, trade blocs."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_street_after_residents_of_is_a_place(nlp) -> None:
    # the recogniser calls "Mill Lane" a person, and "Lane" is a common surname
    text = ("Residents of Mill Lane said the noise from the building site had gone on for weeks. The "
            "council said it would send an inspector on Thursday. Jane Morris, who has lived there for "
            "20 years, said nobody had warned them.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Mill Lane").type == "place"
    assert _actor(doc, "Jane Morris").type == "person"
    assert [name for name in _names(doc) if "Mill" in name] == ["Mill Lane"]
