"""Actors read on short stories written for a seventh review: a surname after "Ms" that the
recogniser takes for a title, a company known only by the shares held in it, and a headline's
noun for a kind of body or player."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_a_surname_after_an_honorific_is_the_person_named_before(nlp) -> None:
    # after a closing quotation mark the recogniser reads "Ms Nair" as a work's title
    text = ("The agency's area manager, Priya Nair, told reporters the defences held.\n\n"
            "\"It's heartbreaking,\" Ms Nair said later.")
    doc = nlp(Article(id="t", text=text))
    assert len(_actor(doc, "Priya Nair").mentions) == 2


def test_the_company_is_the_one_whose_shares_fell(nlp) -> None:
    text = ("Shares in Korvane Semiconductor fell 14% on Wednesday after the company cut its profit "
            "forecast. The company now expects a profit of $1.2bn.")
    doc = nlp(Article(id="t", text=text))
    assert "company" not in _names(doc)
    assert len(_actor(doc, "Korvane Semiconductor").mentions) == 3


@pytest.mark.parametrize("text, noun", [
    ("Chipmaker shares slide after profit warning\n\nShares in Korvane Semiconductor fell 14% after "
     "the company cut its forecast.", "Chipmaker"),
    ("Striker's late goal sends Rovers top\n\nKofi Mensah scored in the 89th minute as Blackmoor "
     "Rovers beat Eastfield Town 2-1.", "Striker"),
])
def test_a_headlines_noun_for_a_body_or_a_player_is_no_actor(nlp, text: str, noun: str) -> None:
    assert noun not in _names(nlp(Article(id="t", text=text)))


def test_the_regulator_and_the_watchdog_are_the_agency_named_before(nlp) -> None:
    text = ("The Financial Conduct Authority fined the lender £40m on Monday. The regulator said its "
            "controls were weak. The watchdog has fined three lenders this year.")
    doc = nlp(Article(id="t", text=text))
    assert _names(doc) == ["Financial Conduct Authority"]
    assert len(_actor(doc, "Financial Conduct Authority").mentions) == 3
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.actor == "Financial Conduct Authority"


@pytest.mark.parametrize("text, name", [
    ('Its spokesman, Rubén del Campo, told a news conference: "The worst is not over."', "Rubén del Campo"),
    ("Rubén del Campo, a spokesman for the agency, said the heat would last.", "Rubén del Campo"),
    ("Ursula von der Leyen said the bloc would respond.", "Ursula von der Leyen"),
])
def test_a_name_with_surname_particles_is_a_person(nlp, text: str, name: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, name).type == "person"
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.actor == name


def test_opec_plus_is_a_body(nlp) -> None:
    text = "Oil prices rose 4% on Monday after Opec+ agreed to cut output by 1 million barrels a day."
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Opec+").type == "organization"
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.actor == "Opec+"


def test_a_clubs_town_alone_joins_the_club(nlp) -> None:
    text = ("Kofi Mensah scored in the 89th minute as Blackmoor Rovers beat Eastfield Town 2-1.\n\n"
            "Eastfield boss Sean Doyle was furious with the referee.")
    doc = nlp(Article(id="t", text=text))
    assert "Eastfield" not in _names(doc)
    assert len(_actor(doc, "Eastfield Town").mentions) == 2


def test_a_clubs_full_name_in_a_match_needs_no_score(nlp) -> None:
    doc = nlp(Article(id="t", text="Real Madrid beat Rayo Vallecano at the Santiago Bernabeu."))
    assert _actor(doc, "Real Madrid").type == "organization"
    assert _names(nlp(Article(id="t", text="Real estate prices beat expectations."))) == []
