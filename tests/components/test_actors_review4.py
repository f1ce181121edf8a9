"""Actors read on short stories written for a fourth review: a club's last word after its full
name, hyphened given names, bodies set beside a noun for a body, clubs' short names, players the
recogniser calls bodies."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_clubs_last_word_called_a_people_joins_the_club(nlp) -> None:
    # the recogniser calls the second "Rovers" a people (NORP)
    text = "Blackmoor Rovers won 3-0 against Eastfield Town. The win means Rovers are top of the table."
    doc = nlp(Article(id="t", text=text))
    club = _actor(doc, "Blackmoor Rovers")
    assert club.type == "organization"
    assert len(club.mentions) == 2
    assert "Rovers" not in _names(doc)
