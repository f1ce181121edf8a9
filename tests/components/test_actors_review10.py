"""Actors read on short stories written for a tenth review: a firm a regulator acts on, a company
whose shares a story tells of, people the recogniser leaves untagged or calls a body, a league
it calls a person, and a city whose name holds a particle."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


def test_the_firm_a_regulator_orders_is_another_body(nlp) -> None:
    doc = nlp(Article(id="t", text="The rail regulator Ravenor ordered the firm to cut fares."))
    ravenor = _actor(doc, "Ravenor")
    assert ravenor.type == "organization"
    assert "firm" not in ravenor.aliases
    assert "firm" in _names(doc)


def test_a_regulator_set_beside_a_name_makes_no_place(nlp) -> None:
    text = ("The water regulator Brenmoor said bills would rise. Brenmoor ordered the company to repay "
            "customers.")
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, "Brenmoor").type == "organization"
    assert "company" not in _actor(doc, "Brenmoor").aliases


def test_the_company_in_the_next_sentence_is_the_firm_acted_on(nlp) -> None:
    text = "The watchdog fined Korvane Holdings on Monday. The company said it would appeal."
    doc = nlp(Article(id="t", text=text))
    assert "company" in _actor(doc, "Korvane Holdings").aliases


@pytest.mark.parametrize("text, firm", [
    ("Shares rose after Novarin declined to comment.", "Novarin"),
    ("Shares in the chipmaker fell after Veltrax declined to comment.", "Veltrax"),
])
def test_a_name_beside_unowned_shares_is_a_company(nlp, text: str, firm: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), firm).type == "organization"


def test_a_person_beside_shares_stays_a_person(nlp) -> None:
    doc = nlp(Article(id="t", text="Shares rose after Okafor resigned."))
    assert _actor(doc, "Okafor").type == "person"


@pytest.mark.parametrize("text, person", [
    ("Inaki Zubeldia scored twice.", "Inaki Zubeldia"),
    ("Tebogo praised the referee after the race.", "Tebogo"),
    ("Pochettino said his players were tired.", "Pochettino"),
    ("Zubimendi smiled at the crowd.", "Zubimendi"),
    ("Klopp said his players had been brave.", "Klopp"),
])
def test_a_person_by_what_only_a_person_does(nlp, text: str, person: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), person).type == "person"


@pytest.mark.parametrize("text, body", [
    ("Ryanair thanked its staff.", "Ryanair"),
    ("Juventus have said his contract had ended.", "Juventus"),
    ("Chelsea said his injury was serious.", "Chelsea"),
    ("Amazon praised the deal.", "Amazon"),
])
def test_a_body_speaking_of_a_person_stays_a_body(nlp, text: str, body: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), body).type == "organization"


@pytest.mark.parametrize("text, word", [
    ("Real Betis lead Liga MX by four points.", "Liga"),
    ("Bologna lead Serie B by two points.", "Serie"),
])
def test_a_league_is_a_body(nlp, text: str, word: str) -> None:
    doc = nlp(Article(id="t", text=text))
    at = text.index(word)
    league = [a for a in doc.actors if any(m.start <= at < m.end for m in a.mentions)]
    assert league and league[0].type == "organization"


@pytest.mark.parametrize("text", [
    "Aid reached Santiago de Cuba on Tuesday.",
    "The mayor of Santiago de Cuba said the storm had passed.",
])
def test_a_city_with_a_particle_is_a_place(nlp, text: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), "Santiago de Cuba").type == "place"


def test_a_name_with_a_particle_that_does_nothing_of_a_place_is_a_person(nlp) -> None:
    doc = nlp(Article(id="t", text="He took a pass from Frenkie de Jong and scored."))
    assert _actor(doc, "Frenkie de Jong").type == "person"


@pytest.mark.parametrize("text, town", [
    ("Hastings voted to leave.", "Hastings"),
    ("Margate voted against the scheme.", "Margate"),
])
def test_a_town_that_votes_is_no_person(nlp, text: str, town: str) -> None:
    assert _actor(nlp(Article(id="t", text=text)), town).type == "place"


def test_one_that_votes_and_is_called_he_is_a_person(nlp) -> None:
    doc = nlp(Article(id="t", text="Hastings voted to leave, and he said so."))
    assert _actor(doc, "Hastings").type == "person"
