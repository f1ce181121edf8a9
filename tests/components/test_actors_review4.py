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


def test_a_hyphened_given_name_keeps_the_full_name(nlp) -> None:
    # the tokeniser splits "Jan-Christian" in three and the recogniser tags no entity there
    text = ("Jan-Christian Dreesen, the club chief executive, said the budget was sound. Dreesen added "
            "that no player would be sold.")
    doc = nlp(Article(id="t", text=text))
    person = _actor(doc, "Jan-Christian Dreesen")
    assert person.type == "person"
    assert len(person.mentions) == 2
    assert [name for name in _names(doc) if "Dreesen" in name] == ["Jan-Christian Dreesen"]


def test_a_body_set_beside_a_noun_for_a_body_is_one_each_time(nlp) -> None:
    # "Common Cause Georgia" is tagged a person; "Common Cause, a nonpartisan group," says it is a body
    text = ("A judge ruled in favour of Common Cause’s lawsuit on Monday. Common Cause, a nonpartisan "
            "group, claimed in the suit that the state failed to protect voter data. Sara Henderson, "
            "executive director for Common Cause Georgia, said the ruling was a victory.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Common Cause").type == "organization"
    assert _actor(doc, "Common Cause Georgia").type == "organization"
    assert _actor(doc, "Sara Henderson").type == "person"


def test_a_clubs_short_name_joins_it(nlp) -> None:
    # "Juve" is tagged a person
    text = "Juventus beat Roma 2-1 on Sunday. Juve are now second in the league, the coach said."
    doc = nlp(Article(id="t", text=text))
    club = _actor(doc, "Juventus")
    assert club.type == "organization"
    assert len(club.mentions) == 2
    assert "Juve" not in _names(doc)


def test_a_player_the_recogniser_calls_a_body_is_a_person(nlp) -> None:
    # both mentions are tagged ORG: one scores, one has a nationality before it
    text = ("Alejandro Garnacho scored in the second half to give United the lead. The Argentine "
            "Alejandro Garnacho has been linked with a move to Napoli.")
    doc = nlp(Article(id="t", text=text))
    player = _actor(doc, "Alejandro Garnacho")
    assert player.type == "person"
    assert len(player.mentions) == 2
    assert _actor(doc, "Napoli").type == "organization"
